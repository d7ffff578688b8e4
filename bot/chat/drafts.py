"""A message held until its sender says whom it is for: offered to the teacher of each child,
sent (or dropped) when they tap. It is held in memory only, in the sender's `user_data`, and
never written to the store."""

from __future__ import annotations

from datetime import timedelta

from telegram import Update
from telegram.constants import ParseMode

from bot.chat.replies import say
from bot.context import PuenteContext
from bot.presentation import keyboards
from bot.services import messages
from bot.services.messages import Asker

DRAFT = "draft"  # user_data: a message held until its sender picks a child or confirms
DRAFT_UNTIL = "draft_until"  # user_data: when the held message is forgotten unsent
DRAFT_WINDOW = timedelta(minutes=10)  # a child's words are held in memory minutes, not hours


async def offer_to_send(update: Update, context: PuenteContext, who: Asker, text: str | int,
                        key: str, **params: object) -> None:
    """Hold a message, or a voice note's id, (in memory) and offer to send it to the teacher
    of each child."""
    chat, data, catalog = update.effective_chat, context.user_data, context.services.catalog
    if chat is None or data is None:
        return
    data[DRAFT], data[DRAFT_UNTIL] = text, context.services.clock() + DRAFT_WINDOW
    lang = who.language
    labels = [(c.student_id, catalog.plain("button-ask", lang)) for c in who.children] \
        if len(who.children) == 1 else \
        [(c.student_id, catalog.plain("button-ask-child", lang, name=c.first_name))
         for c in who.children]
    body = catalog.render(key, lang, **params) if who.role == messages.FAMILY else \
        catalog.bilingual(key, lang, **params)
    await context.bot.send_message(chat.id, body, parse_mode=ParseMode.HTML,
                                   reply_markup=keyboards.ask_buttons(
                                       labels, catalog.plain("button-dont-send", lang)))


def take(context: PuenteContext) -> str | int | None:
    """The held message, which is no longer held (None: nothing held, or held too long)."""
    data = context.user_data if context.user_data is not None else {}
    until = data.pop(DRAFT_UNTIL, None)
    draft = data.pop(DRAFT, None)
    return draft if until is not None and context.services.clock() < until else None


def forget_expired(context: PuenteContext) -> None:
    """Drop a held message whose time is up, even if its sender never taps again."""
    data = context.user_data
    if data and DRAFT_UNTIL in data and context.services.clock() >= data[DRAFT_UNTIL]:
        data.pop(DRAFT, None)
        data.pop(DRAFT_UNTIL, None)


async def not_understood(update: Update, context: PuenteContext, text: str) -> None:
    """A text the bot cannot use: point to the commands, and offer to send it to the teacher
    when it says something ("???" or an emoji alone is not a message for the teacher)."""
    user = update.effective_user
    who = messages.asker(context.services.db, user.id) if user else None
    if who is None or not messages.says_something(text):
        await say(update, context, "help-short")
        return
    await offer_to_send(update, context, who, text, "help-short")


async def too_long(update: Update, context: PuenteContext, text: str) -> None:
    """A message over the limit: offer to send the teacher its beginning (held in memory like
    any draft), or, for someone who cannot write to a teacher, ask for a shorter one."""
    user = update.effective_user
    who = messages.asker(context.services.db, user.id) if user else None
    if who is None:
        await say(update, context, "message-too-long", limit=messages.MAX_MESSAGE)
        return
    await offer_to_send(update, context, who, messages.beginning(text), "message-too-long-offer",
                        limit=messages.MAX_MESSAGE)
