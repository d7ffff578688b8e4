"""Who is writing (a student, a teacher, a family member, or nobody yet), so each handler
module takes the messages of its own audience.

Several handlers' filters ask about one message, and the winning handler asks again. The
answer is kept for that one message: a student's typed answer then costs one lookup however
many audiences are tried before theirs (a graded answer has a budget of SQL statements, see
tests/handlers/test_answer_cost.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from telegram import Message, Update
from telegram.ext import Application, filters

from bot.context import PuenteContext, Services
from bot.services import membership, recordings
from bot.services.membership import Audience, Sender

__all__ = ["PRIVATE", "AtLanguageMenu", "Audience", "From", "Prompted", "Sender", "sender"]

# New messages in a private chat only: an edited "/push" must never push again (edits arrive
# as updates too), and the bot answers nobody in a group.
PRIVATE = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE


@dataclass
class _Last:
    """The last message asked about and its sender. The filters for one update run one after
    another with nothing in between, so the last answer is the one asked for again; the key
    is the message object itself, so another update never sees it."""

    message: Message | None = None
    sender: Sender | None = None


_LAST = _Last()


def _sender(services: Services, message: Message) -> Sender | None:
    user = message.from_user
    if user is None:
        return None
    if _LAST.message is not message or _LAST.sender is None:
        _LAST.message, _LAST.sender = message, membership.sender(services.db, user.id)
    return _LAST.sender


class From(filters.MessageFilter):
    """Messages from one or more audiences."""

    def __init__(self, services: Services, *audiences: Audience) -> None:
        super().__init__(name=f"from {'/'.join(audiences)}")
        self.services, self.audiences = services, frozenset(audiences)

    def filter(self, message: Message) -> bool:
        found = _sender(self.services, message)
        return found is not None and found.audience in self.audiences


class AtLanguageMenu(filters.MessageFilter):
    """Messages from someone whose language menu is still open: a student with no home
    language yet, or a family member who has chosen none (put it after cheaper filters: a
    family member's costs one more lookup)."""

    def __init__(self, services: Services) -> None:
        super().__init__(name="at language menu")
        self.services = services

    def filter(self, message: Message) -> bool:
        found = _sender(self.services, message)
        if found is None or message.from_user is None:
            return False
        if found.audience is Audience.STUDENT:
            return found.student is not None and found.student.language is None
        return found.audience is Audience.FAMILY and \
            membership.chosen_language(self.services.db, message.from_user.id) is None


class Prompted(filters.MessageFilter):
    """A teacher's message for a word to record (/record): a reply to a "🎙️ Say in ..."
    message, or no reply while one waits (a voice note is kept); a `text` is told to be a
    voice note (with no reply, only soon after the prompt: recordings.text_for_prompt)."""

    def __init__(self, services: Services, text: bool = False) -> None:
        super().__init__(name="recording")
        self.services, self.text = services, text

    def filter(self, message: Message) -> bool:
        user, replied = message.from_user, message.reply_to_message
        if user is None:
            return False
        to = replied.message_id if replied is not None else None
        if self.text:
            return recordings.text_for_prompt(self.services.db, user.id, to,
                                              self.services.clock())
        return recordings.has_prompt(self.services.db, user.id, to)


class Pending(filters.MessageFilter):
    """A text its sender was asked for a moment ago: `user_data[key]` holds until when (after
    a bare /ask, the message for the teacher; after ✉️ Write, the message for a family)."""

    def __init__(self, app: Application, key: str) -> None:
        super().__init__(name=key)
        self.app, self.key = app, key

    def filter(self, message: Message) -> bool:
        user = message.from_user
        until = self.app.user_data.get(user.id, {}).get(self.key) if user else None
        return until is not None and self.app.bot_data.services.clock() < until


def sender(update: Update, context: PuenteContext) -> Sender:
    """Who sent this update (for a message, the answer its filters already had)."""
    message, user = update.message, update.effective_user  # a tap's message is the bot's
    if message is not None:
        found = _sender(context.services, message)
        if found is not None:
            return found
    if user is None:
        return Sender(Audience.STRANGER)
    return membership.sender(context.services.db, user.id)
