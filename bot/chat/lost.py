"""A student who is lost and cannot say so in words (a bare "?", "😢", a sticker): under the
usual pointer, "🆘 I'm lost, please help me" sends a ready-made note to her teachers, in her
language with the English people wrote for it (Somali playtest: Hodan sent "?" and "😢" and
got only the commands)."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler

from bot.chat.relay import relay_note
from bot.chat.replies import old_button, spend, tapped
from bot.context import PuenteContext
from bot.domain.family_notes import STUDENT_LOST
from bot.presentation import callbacks
from bot.presentation.i18n import REFERENCE
from bot.services import askers

NOTE_KEY = "student-note-lost"


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
