"""A teacher's reports: /report (a class's summary, heatmap and CSV) and /student (one
student's words)."""

from __future__ import annotations

from telegram import InputFile, Update
from telegram.ext import Application, CommandHandler

from bot.chat.audience import PRIVATE
from bot.chat.replies import arg_text, send_long, send_picture, student_for, teacher_reads
from bot.context import PuenteContext
from bot.domain.names import file_stem
from bot.presentation import class_views
from bot.presentation.report_csv import csv_bytes, mix_ups_csv
from bot.presentation.report_heatmap import heatmap_caption, heatmap_png, recent_words
from bot.presentation.views import join_lines
from bot.services import (
    answer_pace,
    class_reports,
    confusions,
    glosses,
    readiness,
    student_lookup,
    teaching,
)
from bot.services.starter import starter_in_report

# "/report help" (or "?"): what the report's lines mean, which the first report shows and the
# others point to (a class cannot be called this: it would read as the question)
HELP_WORDS = frozenset({"help", "?"})


def register(app: Application) -> None:
    """Add /report and /student."""
    for command in (report, student):
        app.add_handler(CommandHandler(command.__name__, command, filters=PRIVATE))


async def report(update: Update, context: PuenteContext) -> None:
    """Summary, heatmap and CSV for a class: /report [CLASS]."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    school, tz = s.config.school, s.config.school.timezone
    lang, asked = teacher_reads(context, user), arg_text(context)
    if asked.casefold() in HELP_WORDS and teaching.is_teacher(s.db, user.id):
        await send_long(context, user.id, join_lines(class_views.report_help(s.catalog, lang)))
        return
    found, matrix = class_reports.class_report(s.db, user.id, asked or None, tz,
                                               school.holidays, s.clock())
    today = s.clock().astimezone(tz).date()
    shared, mix_ups = confusions.class_mix_ups(s.db, [r.id for r in matrix.students],
                                               s.clock())
    await send_long(context, user.id, class_views.report_text(
        found, matrix, s.catalog, lang, school, today, student_lookup.student_names(s.db, user.id),
        glosses.students_without_messages(matrix.students, s.translator),
        starter_in_report(s.db, found, matrix), glosses.class_unchecked(s.db, matrix),
        shared, explain=class_reports.first_report(s.db, user.id, s.clock())))
    if not (matrix.given and matrix.students):
        return
    if recent_words(matrix, today, tz):  # a chart with no word practised lately shows nothing
        await send_picture(context, user.id, lambda: heatmap_png(found.name, matrix, today,
                                                                 s.catalog, tz, lang),
                           caption=heatmap_caption(matrix, s.catalog, lang, today, tz),
                           filename="mastery.png")
    name = file_stem(found.name)
    await context.bot.send_document(user.id, InputFile(csv_bytes(matrix, school.timezone),
                                                       filename=f"{name}-mastery.csv"),
                                    caption=f"{name}-mastery.csv")
    if mix_ups:  # which word each student picks for which: a file of its own (docs/reports.md)
        await context.bot.send_document(user.id, InputFile(mix_ups_csv(matrix, mix_ups),
                                                           filename=f"{name}-mixed-up.csv"),
                                        caption=f"{name}-mixed-up.csv")


async def student(update: Update, context: PuenteContext) -> None:
    """Drill down into one student's words: /student NAME."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    found = class_reports.student_words(s.db, user.id, arg_text(context))
    row, lang = found.row, teacher_reads(context, user)
    now, tz = s.clock(), s.config.school.timezone
    await send_long(context, user.id, class_views.student_text(
        student_for(context, user.id, row.student_id, lang=lang), row, found.matrix, s.catalog,
        lang, tz, glosses.no_messages(row.language, s.translator),
        readiness.reviews_back(s.db, row.student_id, now, tz, s.config.school.holidays),
        now.astimezone(tz).date(), confusions.student_pairs(s.db, row.student_id, now),
        found.sections, answer_pace.student_pace(s.db, row.student_id)))
