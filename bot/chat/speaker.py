"""Who is speaking on a phone the child and the family share (the child's own account, linked
as the family's too with "✅ Family updates here too").

Such a phone's voice notes and messages were all the child's: a grandmother who cannot read
reached the teacher as "your student", got no ready-made replies, and was answered in English
as the child (playtest: Widlene, 8, and her grandmother Mirlande). Now a voice note or a
message outside a check there first asks who is speaking, "🧒 Widlene" or "👪 Family" (told
apart by the emoji, without reading; 🔊 says the question where a voice speaks the phone's
language, as under /stop's question there), then follows that one's path. The choice is
remembered in memory (`user_data`) for a few minutes, never in the store, so a second note
does not ask again.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from telegram import CallbackQuery, Update, User

from bot.chat.drafts import (
    SPEAKER,
    Draft,
    hold_for_speaker,
    not_understood,
    offer_family_text,
    offer_to_send,
    offer_voice,
    prompt_for_message,
    take,
    too_long,
)
from bot.chat.relay import ask_teacher, relay_or_pick
from bot.chat.replies import say, spend, user_language
from bot.context import PuenteContext
from bot.presentation import keyboards, views
from bot.services import askers, listen, relays
from bot.services.askers import Asker

SPEAKING = "speaking"  # user_data: (role, until when) who speaks on this shared phone
# As long as /ask's window, so the message after a bare /ask keeps the choice; each message
# within it keeps it a while longer (one person's conversation is not asked again and again).
SPEAKER_WINDOW = timedelta(minutes=10)
VOICE, TEXT, ASK, ASK_PROMPT = "voice", "text", "ask", "ask-prompt"  # what was held


def _remembered(context: PuenteContext) -> str | None:
    """The role chosen on this phone a moment ago (None: none, or it was long ago)."""
    held = (context.user_data or {}).get(SPEAKING)
    if not isinstance(held, tuple):
        return None
    role, until = held
    return role if isinstance(until, datetime) and context.services.clock() < until else None


def remember(context: PuenteContext, role: str) -> None:
    """Keep who speaks on this phone for SPEAKER_WINDOW (memory only)."""
    if context.user_data is not None:
        context.user_data[SPEAKING] = (role, context.services.clock() + SPEAKER_WINDOW)


def speaking(context: PuenteContext, who: Asker) -> Asker:
    """Who writes: the family, when a shared phone's remembered choice says so; else `who`."""
    role = _remembered(context)
    if who.role != askers.STUDENT or role is None:
        return who
    remember(context, role)  # still talking: the choice holds a while longer
    if role != askers.FAMILY:
        return who
    return askers.shared_phone_family(context.services.db, who.user_id) or who


async def ask_who(update: Update, context: PuenteContext, who: Asker, message: str | int,
                  kind: str) -> bool:
    """On a shared phone with nobody chosen lately, hold `message` (a text, a voice note's id,
    or "" for a bare /ask) and ask who is speaking; False when nothing was asked (a student's
    own phone, a family's, or a choice remembered)."""
    user = update.effective_user
    if user is None or who.role != askers.STUDENT or _remembered(context) is not None or \
            askers.shared_phone_family(context.services.db, who.user_id) is None:
        return False
    s = context.services
    lang = user_language(context, user.id, user.language_code)
    child = views.name(who.children[0].first_name, s.catalog, lang)
    await hold_for_speaker(update, context, Draft(message, kind=kind),
                           s.catalog.bilingual("speaker-question", lang),
                           keyboards.speaker_buttons(s.catalog, lang, child,
                                                     listen.can_say(s.speech, lang)))
    return True


async def free_text(update: Update, context: PuenteContext, text: str,
                    who: Asker | None = None) -> None:
    """A student's text the bot cannot use: on a shared phone, whose it is first (a family's
    is offered as a family's); else the usual pointer to the commands and offer (of its
    beginning, for one over the limit: the family's or the child's too-long offer)."""
    user = update.effective_user
    if who is None and user is not None:
        who = askers.asker(context.services.db, user.id)
    if who is None and len(text) > relays.MAX_MESSAGE:  # a stranger: asked for a shorter one
        await too_long(update, context, text)
        return
    if who is None:
        await not_understood(update, context, text)
        return
    if relays.worth_offering(text) and await ask_who(update, context, who, text, TEXT):
        return
    who = speaking(context, who)
    if len(text) > relays.MAX_MESSAGE:  # a family's too-long text (Somali alone) is theirs
        await too_long(update, context, text, who=who)
    elif who.role == askers.FAMILY:
        await offer_family_text(update, context, who, text)
    else:
        await not_understood(update, context, text, who)


async def go_on(update: Update, context: PuenteContext, who: Asker, draft: Draft) -> None:
    """Follow the chosen speaker's path with the message held while asking."""
    if draft.kind == VOICE and isinstance(draft.message, int):
        await offer_voice(update, context, who, draft.message)
    elif draft.kind == TEXT and isinstance(draft.message, str):
        await free_text(update, context, draft.message, who)
    elif draft.kind == ASK and isinstance(draft.message, str):
        await ask_teacher(update, context, who, draft.message)
    else:
        await prompt_for_message(update, context, who)


def replying(context: PuenteContext, who: Asker, to: askers.ReplyTo | None) -> Asker:
    """Who writes a reply to a teacher's answer: on a shared phone, whoever the answer was
    for (the family's answer is replied to by the family; nobody is asked)."""
    if to is None or to.role != askers.FAMILY or who.role != askers.STUDENT:
        return who
    return askers.shared_phone_family(context.services.db, who.user_id) or who


async def family_reply(update: Update, context: PuenteContext, text: str) -> bool:
    """A typed Telegram reply, on a shared phone, to the teacher's answer to the family: the
    family's, sent to that teacher at once as a family's reply is (the reply says who writes,
    so nobody is asked). False for any other text: a check's typed answer stays the child's."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None or message.reply_to_message is None:
        return False  # checked first: a typed answer costs no query here (test_answer_cost)
    db = context.services.db
    who = askers.asker(db, user.id)
    if who is None or who.role != askers.STUDENT:
        return False
    to = askers.replied_to(db, who, message.reply_to_message.message_id)
    family = replying(context, who, to)
    if to is None or family.role != askers.FAMILY:
        return False
    if len(text) > relays.MAX_MESSAGE:  # its beginning offered, as the family's
        await offer_to_send(update, context, family, relays.beginning(text),
                            "message-too-long-offer", to=to, limit=relays.MAX_MESSAGE)
    else:
        await relay_or_pick(update, context, family, text, to)
    return True


def offered_as(context: PuenteContext, who: Asker, draft: Draft | None) -> Asker:
    """Who sends a held message: on a shared phone, whoever it was offered to (the family's
    goes as theirs, the child's as hers, whoever was chosen since)."""
    if draft is None or draft.role in ("", who.role):
        return who
    db = context.services.db
    if draft.role == askers.FAMILY:
        return askers.shared_phone_family(db, who.user_id) or who
    student = askers.asker(db, who.user_id)  # a student account wins: the child's own
    return student if student is not None and student.role == askers.STUDENT else who


async def choose(update: Update, context: PuenteContext, query: CallbackQuery, user: User,
                 role: str) -> None:
    """The tap on 🧒 or 👪: remember who speaks (memory, minutes) and go on with the held
    message as that one's; a phone no longer shared (unlinked since) changes nothing."""
    db = context.services.db
    student = askers.require_asker(db, user.id)
    if student.role != askers.STUDENT or askers.shared_phone_family(db, user.id) is None:
        await say(update, context, "button-stale")
        return
    draft = take(context, SPEAKER)
    if not await spend(query):  # a double tap: the first tap did this
        return
    remember(context, role)
    if draft is None:
        await say(update, context, "ask-draft-gone", bilingual=role == askers.STUDENT)
        return
    await go_on(update, context, speaking(context, student), draft)
