"""A teacher's ↩️ under a day a family excused (under the family's "sick today" or "not at
school on DAY", and in /student): the day counts as a school day for the student again; and
a day a teacher excuses (🤒 under a family's words, or /student's 🤒 Excuse a day).
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
from bot.presentation import callbacks, keyboards, views
from bot.presentation.i18n import Day
from bot.services import excused


def register(app: Application) -> None:
    """Add the ↩️ buttons under excused days, 🤒 under a family's words that say sick, and
    /student's 🤒 Excuse a day."""
    app.add_handler(CallbackQueryHandler(unexcuse_button, pattern=rf"^{callbacks.EXCUSED}:"))
    app.add_handler(CallbackQueryHandler(excuse_button, pattern=rf"^{callbacks.EXCUSE}:"))
    app.add_handler(CallbackQueryHandler(excuse_menu_button,
                                         pattern=rf"^{callbacks.EXCUSE_MENU}:"))


async def excuse_button(update: Update, context: PuenteContext) -> None:
    """Excuse the day a family's own words said the child was sick or away (they sent them
    without excusing it), say so with ↩️ to undo it, and tell the family."""
    tap = await current_tap(update, context, "button-stale")
    if tap is None:
        return
    query, user, cb = tap
    s = context.services
    pressed = callbacks.unexcuse(cb)
    new = excused.excuse_by_teacher(s.db, user.id, pressed.student_id, pressed.day,
                                    s.config.school, s.clock())
    if not await spend(query, query.data):  # a double tap: the first one did it
        return
    lang = teacher_reads(context, user)
    name = student_for(context, user.id, pressed.student_id, lang=lang)
    await context.bot.send_message(
        user.id, s.catalog.render("excused-by-teacher", lang, day=Day(pressed.day), name=name),
        parse_mode=ParseMode.HTML, reply_markup=keyboards.unexcuse_buttons(
            s.catalog, lang, pressed.student_id, [pressed.day]))
    if new:
        _tell_family(context, pressed.student_id, pressed.day, "excused-by-teacher-family")


async def excuse_menu_button(update: Update, context: PuenteContext) -> None:
    """/student's "🤒 Excuse a day": the school days a teacher may excuse (she heard of the
    absence another way: a voice note in a language she cannot understand, a call), each
    one tap away as 🤒 under a family's words is, with the same ↩️ and note to the family."""
    tap = await current_tap(update, context, "button-stale")
    if tap is None:
        return
    query, user, cb = tap
    s = context.services
    if len(cb.args) != 1:
        raise callbacks.ForgedCallbackError("bad excuse-a-day button")
    student_id, now = cb.int_arg(0), s.clock()
    days = excused.days_to_excuse(s.db, user.id, student_id, s.config.school, now)
    if not await spend(query, query.data):  # a double tap: the first one asked
        return
    lang = teacher_reads(context, user)
    await context.bot.send_message(
        user.id, s.catalog.render("excuse-which-day", lang,
                                  name=student_for(context, user.id, student_id, lang=lang)),
        parse_mode=ParseMode.HTML, reply_markup=keyboards.excuse_days(
            s.catalog, lang, student_id, days,
            now.astimezone(s.config.school.timezone).date()))


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
        _tell_family(context, pressed.student_id, pressed.day, "excused-undone-family")


def _tell_family(context: PuenteContext, student_id: int, day: date, key: str) -> None:
    """Tell the child's family members that the day they excused is a school day again (or
    that the teacher excused it: `key`), in their language alone, as every family line (an
    English line under the Somali read as a second message, Somali playtest)."""
    s = context.services
    first_name, members = excused.family_to_tell(s.db, student_id)
    notes = []
    for member_id in members:
        lang = user_language(context, member_id)
        notes.append((member_id, str(s.catalog.render(
            key, lang, day=Day(day),
            name=views.name(first_name, s.catalog, lang)))))
    if excused.queue_family_notes(s.db, student_id, notes, s.clock()):
        context.deliverer.wake()
