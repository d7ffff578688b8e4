"""A teacher's reports: /report (a class's summary, heatmap and CSV) and /student (one
student's words, at level 2 her "🔤 Letters first" switch, her recent typed misses, each a ✅
away from counting as right, and the days her family excused, each a ↩️ away from a school
day again)."""

from __future__ import annotations

from telegram import InputFile, Update
from telegram.constants import ParseMode
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.chat.audience import PRIVATE
from bot.chat.coteachers import tell_overrule
from bot.chat.replies import (
    arg_text,
    current_tap,
    decision,
    remember_spent,
    send_long,
    send_picture,
    spend,
    student_for,
    teacher_reads,
    user_reader,
)
from bot.context import PuenteContext
from bot.domain.names import file_stem
from bot.presentation import callbacks, class_views, keyboards
from bot.presentation.i18n import Day
from bot.presentation.overrule_views import (
    accepted_messages,
    miss_buttons,
    misses_text,
    withdrawn_text,
)
from bot.presentation.report_csv import csv_bytes, mix_ups_csv
from bot.presentation.report_heatmap import (
    HEATMAP_DAYS,
    heatmap_caption,
    heatmap_png,
    recent_words,
)
from bot.presentation.students import kept_lines
from bot.presentation.views import escape, join_lines
from bot.services import (
    answer_pace,
    class_reports,
    confusions,
    excused,
    glosses,
    kept_pushes,
    letters_first,
    oral_checks,
    overrules,
    readiness,
    recordings,
    student_lookup,
    teaching,
)
from bot.services.confusions import StudentMixUp
from bot.services.starter import starter_in_report

# "/report help" (or "?"): what the report's lines mean, which the first report shows and the
# others point to (a class cannot be called this: it would read as the question)
HELP_WORDS = frozenset({"help", "?"})


def register(app: Application) -> None:
    """Add /report, /student and its ✅ Count as right buttons."""
    for command in (report, student):
        app.add_handler(CommandHandler(command.__name__, command, filters=PRIVATE))
    app.add_handler(CallbackQueryHandler(count_right_button,
                                         pattern=rf"^{callbacks.OVERRULE}:"))
    app.add_handler(CallbackQueryHandler(more_misses_button,
                                         pattern=rf"^{callbacks.MORE_MISSES}:"))
    app.add_handler(CallbackQueryHandler(withdraw_button, pattern=rf"^{callbacks.WITHDRAW}:"))
    app.add_handler(CallbackQueryHandler(letters_first_button,
                                         pattern=rf"^{callbacks.LETTERS_FIRST}:"))


async def report(update: Update, context: PuenteContext) -> None:
    """Summary, heatmap and CSV for a class, or one of them: /report [CLASS] [chart|csv]."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    school, tz = s.config.school, s.config.school.timezone
    lang, asked = teacher_reads(context, user), arg_text(context)
    if asked.casefold() in HELP_WORDS and teaching.is_teacher(s.db, user.id):
        await send_long(context, user.id, join_lines(class_views.report_help(s.catalog, lang)))
        return
    request = class_reports.report_request(s.db, user.id, asked)
    found, matrix = class_reports.class_report(s.db, user.id, request.class_name, tz,
                                               school.holidays, s.clock())
    shared, mix_ups = confusions.class_mix_ups(s.db, [r.id for r in matrix.students],
                                               s.clock())
    empty = not (matrix.given and matrix.students)  # its summary says why there is nothing
    if request.part is None or empty:
        await send_long(context, user.id, class_views.report_text(
            found, matrix, s.catalog, lang, school, s.clock().astimezone(tz).date(),
            student_lookup.student_names(s.db, user.id),
            glosses.students_without_messages(matrix.students, s.translator),
            starter_in_report(s.db, found, matrix), glosses.class_unchecked(s.db, matrix),
            shared, explain=class_reports.first_report(s.db, user.id, s.clock()),
            recorded=recordings.class_progress(
                s.db, found.id, [st.language for st in matrix.students if st.language]),
            oral=oral_checks.oral_students(s.db, [st.id for st in matrix.students])))
        kept = kept_lines(s.catalog, lang, "report-kept-title",
                          kept_pushes.kept_waiting_in(s.db, found, s.clock()),
                          student_lookup.student_names(s.db, user.id))
        if kept:  # pushed before they joined, not given yet: never read as words they have
            await send_long(context, user.id, join_lines(kept))
        if empty:
            return
        accepted = overrules.class_accepted(s.db, user.id, found.id)
        # answers a teacher made right for the class: each a ↩️ from withdrawn
        for text, labels in accepted_messages(accepted, s.catalog, lang, tz):
            await context.bot.send_message(user.id, text, parse_mode=ParseMode.HTML,
                                           reply_markup=keyboards.withdraw_buttons(labels))
    if request.part in (None, class_reports.CHART):
        await _chart(context, user.id, found.name, matrix, lang, told=request.part is None)
    if request.part in (None, class_reports.CSV):
        await _csv_files(context, user.id, found.name, matrix, mix_ups)


async def _chart(context: PuenteContext, user_id: int, class_name: str,
                 matrix: class_reports.ClassMatrix, lang: str, told: bool) -> None:
    """The class's heatmap; when no word was practised lately there is none, which a teacher
    who asked for the chart alone is told (`told`: the summary above says enough)."""
    s = context.services
    tz = s.config.school.timezone
    today = s.clock().astimezone(tz).date()
    if recent_words(matrix, today, tz):  # a chart with no word practised lately shows nothing
        await send_picture(context, user_id, lambda: heatmap_png(
            class_name, matrix, today, s.catalog, tz, lang, holidays=s.config.school.holidays),
                           caption=heatmap_caption(matrix, s.catalog, lang, today, tz,
                                                   s.config.school.holidays),
                           filename="mastery.png")
    elif not told:
        await context.bot.send_message(user_id, s.catalog.render(
            "report-no-chart", lang, class_name=escape(class_name), days=HEATMAP_DAYS),
            parse_mode=ParseMode.HTML)


async def _csv_files(context: PuenteContext, user_id: int, class_name: str,
                     matrix: class_reports.ClassMatrix, mix_ups: list[StudentMixUp]) -> None:
    """The class's CSV, and the mixed-up words' when any (docs/reports.md), named with the
    class and the school day: a weekly export saved beside last week's no longer replaces it."""
    timezone = context.services.config.school.timezone
    name = f"{file_stem(class_name)}-{context.services.clock().astimezone(timezone):%Y-%m-%d}"
    await context.bot.send_document(user_id, InputFile(csv_bytes(matrix, timezone),
                                                       filename=f"{name}-mastery.csv"),
                                    caption=f"{name}-mastery.csv")
    if mix_ups:  # which word each student picks for which: a file of its own
        await context.bot.send_document(user_id, InputFile(mix_ups_csv(matrix, mix_ups),
                                                           filename=f"{name}-mixed-up.csv"),
                                        caption=f"{name}-mixed-up.csv")


async def student(update: Update, context: PuenteContext) -> None:
    """Drill down into one student's words: /student NAME."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    now, tz, holidays = s.clock(), s.config.school.timezone, s.config.school.holidays
    found = class_reports.student_words(s.db, user.id, arg_text(context), now, tz, holidays)
    row, lang = found.row, teacher_reads(context, user)
    letters = letters_first.teacher_view(s.db, row.student_id)  # level 2: "🔤 Letters first"
    await send_long(context, user.id, class_views.student_text(
        student_for(context, user.id, row.student_id, lang=lang), row, found.matrix, s.catalog,
        lang, tz, glosses.no_messages(row.language, s.translator),
        readiness.reviews_back(s.db, row.student_id, now, tz, holidays),
        now.astimezone(tz).date(), confusions.student_pairs(s.db, row.student_id, now),
        found.sections, answer_pace.student_pace(s.db, row.student_id, now, tz, holidays),
        oral_checks.reads_aloud(s.db, row.student_id)),
        # 🤒 a day she heard of another way (a voice note she cannot understand, a call); at
        # level 2 the "🔤 Letters first" switch
        keyboards.student_buttons(s.catalog, lang, row.student_id,
                                  None if letters is None else letters.on))
    misses = overrules.recent_misses(s.db, row.student_id, now)
    if misses.lines:  # typed answers marked wrong: a teacher may count one as right
        await _send_misses(context, user.id, row.student_id, misses, lang)
    days = excused.recent(s.db, row.student_id, now, tz)
    if days:  # days excused, each saying by whom: each a ↩️ away from a school day again
        name = student_for(context, user.id, row.student_id, lang=lang)
        await context.bot.send_message(
            user.id, s.catalog.render("student-excused", lang, name=name, days=", ".join(
                s.catalog.plain("excused-mark-teacher" if teacher else "excused-mark-family", lang,
                                day=s.catalog.day(lang, d)) for d, teacher in days)),
            parse_mode=ParseMode.HTML, reply_markup=keyboards.unexcuse_buttons(
                s.catalog, lang, row.student_id, [d for d, _ in days]))


async def letters_first_button(update: Update, context: PuenteContext) -> None:
    """Turn a student's "letters first" on or off (🔤 under /student; a teacher or co-teacher
    of hers only): the button then shows the new state."""
    tap = await current_tap(update, context, "button-stale")
    if tap is None:
        return
    query, user, cb = tap
    if len(cb.args) != 2 or cb.args[1] not in ("0", "1"):
        raise callbacks.ForgedCallbackError("bad letters-first button")
    s = context.services
    view = letters_first.set_by_teacher(s.db, user.id, cb.int_arg(0), cb.args[1] == "1")
    await query.edit_message_reply_markup(keyboards.student_buttons(
        s.catalog, teacher_reads(context, user), view.student_id, view.on))


async def _send_misses(context: PuenteContext, user_id: int, student_id: int,
                       page: overrules.MissPage, lang: str) -> None:
    """A page of the student's typed misses, a ✅ under each not counted yet, and "More"
    when older ones follow."""
    s = context.services
    name = student_for(context, user_id, student_id, lang=lang)
    buttons = miss_buttons(page, s.catalog, lang)
    start = page.start + len(page.lines)
    more = keyboards.more_misses(student_id, start, s.catalog.plain(
        "button-more-misses", lang, count=page.total - start)) if page.more else None
    await context.bot.send_message(
        user_id, misses_text(page, name, s.catalog, lang, s.config.school.timezone),
        parse_mode=ParseMode.HTML,
        reply_markup=keyboards.overrule_buttons(buttons, more) if buttons or more else None)


async def more_misses_button(update: Update, context: PuenteContext) -> None:
    """Send the next page of a student's typed misses (the student checked as the
    tapper's: button data is forgeable)."""
    tap = await current_tap(update, context, "button-stale")
    if tap is None:
        return
    query, user, cb = tap
    s = context.services
    page = overrules.misses_page(s.db, user.id, cb.int_arg(0), cb.int_arg(1), s.clock())
    if not await spend(query, query.data):  # a double tap: the first one sent it
        return
    if page.lines:
        await _send_misses(context, user.id, cb.int_arg(0), page, teacher_reads(context, user))


async def withdraw_button(update: Update, context: PuenteContext) -> None:
    """Stop accepting an answer for its word in its class (↩️ under /report's list)."""
    tap = await current_tap(update, context, "button-stale")
    if tap is None:
        return
    query, user, cb = tap
    s = context.services
    gone = overrules.withdraw(s.db, user.id, cb.int_arg(0), s.clock(), s.config.school.timezone)
    await spend(query, query.data)
    await context.bot.send_message(user.id, withdrawn_text(
        gone, s.catalog, teacher_reads(context, user)), parse_mode=ParseMode.HTML)


async def count_right_button(update: Update, context: PuenteContext) -> None:
    """✅ under /student's typed misses asks to confirm; ✅ Count as right counts the miss
    as right (every id checked on the server: only a teacher of the student's classes may),
    tells the student and the class's other teachers; ↩️ Undo, on that screen, takes it back
    while those notes still wait."""
    decided = await decision(update, context)
    if decided is None:
        return
    query, user, cb, lang = decided
    s = context.services
    now, tz = s.clock(), s.config.school.timezone
    undoing, for_class = cb.args[1:] == ("undo",), cb.args[1:] == ("all",)
    plan = overrules.plan_overrule(s.db, user.id, cb.int_arg(0), now, undo=undoing)
    miss = plan.miss
    name = student_for(context, user.id, miss.student_id, lang=lang)
    params = {"typed": miss.typed, "term": plan.term, "name": name,
              "class_name": ", ".join(plan.class_names)}
    if len(cb.args) == 1:  # ✅ on the list: nothing changes before the confirming tap
        await _confirm_count(context, user.id, plan, params, lang)
        return
    if not await spend(query):  # a double tap: the first one did it
        return
    if undoing:
        overrules.undo(s.db, plan, now, tz)
        remember_spent(context, query, "remove-kept")
        await query.edit_message_text(s.catalog.render("overrule-undone", lang, **params),
                                      parse_mode=ParseMode.HTML)
        return
    # in her language and English, as every line to a student (Chinese alone read as the
    # only message of hers with no English: re-playtest), with the day she typed it (read a
    # day later, a note with no day named no answer of hers: playtest)
    student = user_reader(context, miss.student_id)  # levels 5-6: English first
    note = s.catalog.bilingual("overrule-student-note", student.language or "en",
                               english_first=student.english_first,
                               typed=miss.typed, term=plan.term,
                               date=Day(miss.answered_at.astimezone(tz).date()))
    accepted = overrules.count_as_right(
        s.db, plan, user.id, now, tz, s.config.school, str(note),
        tell_overrule(context, user.id, miss.typed, plan.term, for_class and plan.class_wide),
        class_wide=for_class)
    context.deliverer.wake()
    remember_spent(context, query, "overrule-already")
    await query.edit_message_text(
        s.catalog.render("overrule-done-class" if accepted else "overrule-done", lang,
                         **params), parse_mode=ParseMode.HTML,
        reply_markup=keyboards.undo_overrule(miss.attempt_id,
                                             s.catalog.plain("button-undo", lang)))


async def _confirm_count(context: PuenteContext, user_id: int, plan: overrules.Overrule,
                         params: dict[str, str], lang: str) -> None:
    """Ask before counting: ✅ this answer only (the default), or, where it makes sense
    (plan.class_wide), also accept the text for the word in the class, on a button that
    names both."""
    s, miss = context.services, plan.miss
    day = s.catalog.day(lang, miss.answered_at.astimezone(s.config.school.timezone).date())
    text = s.catalog.render("overrule-confirm", lang, **params, date=day)
    also = None
    if plan.class_wide:
        text = join_lines([text, s.catalog.render("overrule-confirm-class", lang, **params)])
        also = s.catalog.plain("button-accept-class", lang, **params)
    await context.bot.send_message(
        user_id, text, parse_mode=ParseMode.HTML, reply_markup=keyboards.confirm_overrule(
            miss.attempt_id, s.catalog.plain("button-count-right-yes", lang),
            s.catalog.plain("button-keep", lang), also))
