"""A teacher's ↩️ under a day a family excused (under the family's "sick today" or "not at
school on DAY", and in /student): the day counts as a school day for the student again.
Teachers of the student only; a forged, repeated or old tap changes nothing
(bot/services/excused.py). The child's family members are told, in their language and English:
they excused the day, and were never told it counts after all (playtest)."""

from __future__ import annotations

from datetime import date

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application, CallbackQueryHandler

from bot.chat.replies import current_tap, spend, student_for, teacher_reads, user_language
from bot.context import PuenteContext
from bot.presentation import callbacks, views
from bot.presentation.i18n import Day
from bot.services import excused


def register(app: Application) -> None:
    """Add the ↩️ buttons under excused days."""
    app.add_handler(CallbackQueryHandler(unexcuse_button, pattern=rf"^{callbacks.EXCUSED}:"))


async def unexcuse_button(update: Update, context: PuenteContext) -> None:
    """Make an excused day a school day for the student again, and say so in a message of its
    own (the family's message above it stays as it was)."""
    tap = await current_tap(update, context, "button-stale")
    if tap is None:
        return
    query, user, cb = tap
    s = context.services
    pressed = callbacks.unexcuse(cb)
    undone = excused.unexcuse(s.db, user.id, pressed.student_id, pressed.day)
    if not await spend(query, query.data):  # a double tap: the first one did it
        return
    lang = teacher_reads(context, user)
    name = student_for(context, user.id, pressed.student_id, lang=lang)
    key = "excused-undone" if undone else "excused-not-found"
    await context.bot.send_message(user.id, s.catalog.render(key, lang, day=Day(pressed.day),
                                                             name=name),
                                   parse_mode=ParseMode.HTML)
    if undone:
        _tell_family(context, pressed.student_id, pressed.day)


def _tell_family(context: PuenteContext, student_id: int, day: date) -> None:
    """Tell the child's family members that the day they excused is a school day again."""
    s = context.services
    first_name, members = excused.family_to_tell(s.db, student_id)
    notes = []
    for member_id in members:
        lang = user_language(context, member_id)
        notes.append((member_id, str(s.catalog.bilingual(
            "excused-undone-family", lang, day=Day(day),
            name=views.name(first_name, s.catalog, lang)))))
    if excused.queue_family_notes(s.db, student_id, notes, s.clock()):
        context.deliverer.wake()
