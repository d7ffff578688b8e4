"""Co-teaching: /coteach makes a code for a co-teacher and lists the class's teachers, with a
✖ for each co-teacher when the class's creator asks; the notes to the other teachers of a
class when one of them joins, removes a student or sets a level are bot/chat/coteachers'."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.chat.audience import PRIVATE
from bot.chat.replies import (
    arg_text,
    decision,
    remember_spent,
    spend,
    tapped,
    user_language,
)
from bot.context import PuenteContext
from bot.presentation import callbacks, class_views, keyboards, push_views
from bot.presentation.students import student_label
from bot.presentation.views import escape
from bot.services import coteachers, membership


def register(app: Application) -> None:
    """Add /coteach, its 🔄 New code button and the buttons that take a co-teacher off a
    class."""
    app.add_handler(CommandHandler(coteach.__name__, coteach, filters=PRIVATE))
    app.add_handler(CallbackQueryHandler(new_code_button,
                                         pattern=rf"^{callbacks.COTEACH_NEW}:"))
    app.add_handler(CallbackQueryHandler(co_teacher_button,
                                         pattern=rf"^{callbacks.COTEACHER}:"))


async def coteach(update: Update, context: PuenteContext) -> None:
    """Give the single-use code another teacher uses to co-teach a class (the same one again
    while it is unused, with 🔄 for a new one), and list the class's teachers (✖ to take one
    off, for its creator): /coteach [CLASS]."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    made = membership.coteach_code(s.db, user.id, arg_text(context) or None, s.clock())
    await _show_code(context, user.id, made, user_language(context, user.id, user.language_code))


async def new_code_button(update: Update, context: PuenteContext) -> None:
    """🔄 under a code shown again: a new code for the class; the old one stops working."""
    tap = await tapped(update)
    if tap is None:
        return
    query, user, cb = tap
    s = context.services
    membership.check_coteach_class(s.db, user.id, cb.int_arg(0))
    if not await spend(query, query.data):  # a double tap: the first one made the new code
        return
    made = membership.replace_coteach_code(s.db, user.id, cb.int_arg(0), s.clock())
    await _show_code(context, user.id, made, user_language(context, user.id, user.language_code),
                     replaced=True)


async def _show_code(context: PuenteContext, user_id: int, made: membership.CoteachCode,
                     lang: str, replaced: bool = False) -> None:
    """The code (said to be the same one when it is) and the class's teachers."""
    s, found = context.services, made.found
    teachers = coteachers.teachers_by_class(s.db, [found]).get(found.id, [])
    class_name = escape(found.name)
    if made.same:
        tz = s.config.school.timezone
        said = s.catalog.render("coteach-same-code", lang, class_name=class_name, code=made.code,
                                until=s.catalog.day(lang, made.expires_at.astimezone(tz).date()))
    else:
        said = s.catalog.render("coteach-created", lang, class_name=class_name, code=made.code,
                                days=membership.COTEACH_DAYS)
    lines = [*([s.catalog.render("coteach-old-revoked", lang)] if replaced else []), said,
             class_views.teachers_line(teachers, s.catalog, lang)]
    removable = [t for t in teachers if not t.owner] if found.teacher_id == user_id else []
    if removable:
        lines.append(s.catalog.render("coteach-remove-hint", lang))
    await context.bot.send_message(
        user_id, "\n\n".join(lines), parse_mode=ParseMode.HTML,
        reply_markup=keyboards.co_teacher_buttons(found.id, [
            (t.teacher_id, s.catalog.plain("button-remove-teacher", lang, name=t.first_name))
            for t in removable], s.catalog.plain("button-coteach-new", lang)
            if made.same else None))


async def co_teacher_button(update: Update, context: PuenteContext) -> None:
    """✖ under /coteach asks to confirm; Remove takes the co-teacher off the class at once
    (every id checked on the server: only the class's creator may) and tells them kindly."""
    decided = await decision(update, context)
    if decided is None:
        return
    query, user, cb, lang = decided
    s = context.services
    plan = coteachers.plan_co_teacher_removal(s.db, user.id, cb.int_arg(0), cb.int_arg(1))
    name, class_name = escape(plan.teacher_name), escape(plan.class_name)
    if len(cb.args) == 2:  # ✖: nothing changes before the confirming tap
        await context.bot.send_message(
            user.id, s.catalog.render("coteach-remove-confirm", lang, name=name,
                                      class_name=class_name),
            parse_mode=ParseMode.HTML, reply_markup=keyboards.confirm_co_teacher_removal(
                plan.class_id, plan.teacher_id, s.catalog.render("button-remove", lang),
                s.catalog.render("button-keep", lang)))
        return
    if not await spend(query):  # a double tap on Remove: the first tap removed them
        return
    note = s.catalog.render("coteach-removed-note", user_language(context, plan.teacher_id),
                            creator=escape(plan.creator_name), class_name=class_name)
    removed = coteachers.remove_co_teacher(s.db, plan, s.clock(), s.config.school, str(note))
    context.deliverer.wake()
    remember_spent(context, query, "remove-already-done")
    await query.edit_message_text("\n\n".join([
        s.catalog.render("coteach-removed", lang, name=name, class_name=class_name),
        *push_views.dropped_lines(s.catalog, lang, plan.teacher_name, plan.class_name,
                                  removed.pushes, removed.announcements,
                                  s.config.school.timezone),
        *(s.catalog.render("coteach-removed-written" if started else "coteach-removed-answer",
                           lang, name=name, student=student_label(student, s.catalog, lang))
          for student, started in removed.answers)]), parse_mode=ParseMode.HTML)
