"""A student who is lost and cannot say so in words (a bare "?", "😢", a sticker): under the
usual pointer (at an open question, the pointer to it), "🆘 I'm lost, please help me" sends a
ready-made note to her teachers, in her language with the English people wrote for it
(Somali playtest: Hodan sent "?" and "😢" and got only the commands); the teacher reads that
she tapped it, and which question was open (relays.open_question)."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler

from bot.chat.questions import point_to_buttons
from bot.chat.relay import relay_note
from bot.chat.replies import old_button, say, spend, tapped
from bot.context import PuenteContext
from bot.domain.family_notes import STUDENT_LOST
from bot.presentation import callbacks, keyboards
from bot.presentation.i18n import REFERENCE
from bot.services import answers, askers

NOTE_KEY = "student-note-lost"


async def offer_help(update: Update, context: PuenteContext, who: askers.Asker) -> None:
    """A student's sticker (no words: perhaps lost): at an open question, point to it (it
    stays open, nothing graded), else the commands; 🆘 under either."""
    chat, s = update.effective_chat, context.services
    markup = keyboards.lost_button(s.catalog, who.language, who.english_first)
    waiting = answers.waiting_question(s.db, who.user_id)
    if waiting is None or chat is None:
        await say(update, context, "help-short", markup=markup)
        return
    await point_to_buttons(context, chat.id, waiting.item_id, waiting.poll_message,
                           who.language, who.english_first, waiting.key, markup)


def register(app: Application) -> None:
    """Add the 🆘 button."""
    app.add_handler(CallbackQueryHandler(lost_button, pattern=rf"^{callbacks.STUDENT_LOST}$"))


async def lost_button(update: Update, context: PuenteContext) -> None:
    """Send the ready-made "I'm lost, please help me" to the student's teachers, once (the
    button goes with the first tap; one its message no longer shows does nothing)."""
    if await old_button(update, context, "button-stale"):
        return
    tap = await tapped(update)
    if tap is None:
        return
    query, user, _cb = tap
    s = context.services
    who = askers.asker(s.db, user.id)
    if who is None or who.role != askers.STUDENT:
        raise callbacks.ForgedCallbackError("not a student")
    if not await spend(query):  # a double tap: the first one sent it
        return
    [child] = who.children
    await relay_note(update, context, who, child, STUDENT_LOST,
                     s.catalog.plain(NOTE_KEY, who.language),
                     s.catalog.plain(NOTE_KEY, REFERENCE))
