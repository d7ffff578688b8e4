"""Daily review reminders, on by default at the school's [school] reminder_time; /remind 4pm
chooses another time, /remind off opts out. Jobs are rebuilt from the store at start-up."""

from __future__ import annotations

from datetime import time

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import Forbidden
from telegram.ext import Application, CommandHandler

from bot.chat.audience import PRIVATE
from bot.chat.jobs import user_jobs
from bot.chat.replies import say
from bot.context import PuenteContext, Services
from bot.domain.school_days import is_school_day
from bot.domain.times import parse_clock
from bot.presentation import keyboards, views
from bot.presentation.check_views import commands_named
from bot.presentation.progress_views import check_holds
from bot.services import join, learners, membership, reminders
from bot.services.readiness import NextStep

# One neutral name for every reminder job: the scheduler logs job names at INFO, and a log
# must not list students. The student id travels only in the job's data.
JOB_NAME = "daily-reminder"
SCHOOL_JOB = "school-reminder"  # one job for everyone on the school's reminder time


def register(app: Application) -> None:
    """Add /remind."""
    app.add_handler(CommandHandler("remind", remind, filters=PRIVATE))


def schedule(app: Application, student_id: int, hhmm: str) -> None:
    """(Re)schedule one student's daily reminder in the school's time zone."""
    services: Services = app.bot_data.services
    if app.job_queue is None:
        return
    for job in user_jobs(app.job_queue, student_id):
        job.schedule_removal()
    hours, minutes = (int(x) for x in hhmm.split(":"))
    at = time(hours, minutes, tzinfo=services.config.school.timezone)
    app.job_queue.run_daily(send_reminder, at, name=JOB_NAME, data=student_id,
                            chat_id=student_id, user_id=student_id)


def schedule_all(app: Application) -> int:
    """Rebuild every reminder job from the store (jobs are not persisted): one per student
    with their own time, and one at the school's time for everyone else."""
    services: Services = app.bot_data.services
    students = reminders.with_own_time(services.db)
    for student in students:
        assert student.reminder_time is not None
        schedule(app, student.id, student.reminder_time)
    if app.job_queue is not None:
        for job in app.job_queue.get_jobs_by_name(SCHOOL_JOB):
            job.schedule_removal()
        school = services.config.school
        app.job_queue.run_daily(send_school_reminders, school.reminder_time.replace(
            tzinfo=school.timezone), name=SCHOOL_JOB)
    return len(students)


async def remind(update: Update, context: PuenteContext) -> None:
    """Set (/remind 16:30) or stop (/remind off) the daily review reminder."""
    user, s = update.effective_user, context.services
    if user is None or join.student(s.db, user.id) is None:
        await say(update, context, "not-enrolled")
        return
    arg = " ".join(context.args).lower() if context.args else ""
    if arg in ("off", "stop", "no"):
        reminders.set_time(s.db, user.id, reminders.OFF)
        for job in user_jobs(context.job_queue, user.id):
            job.schedule_removal()
        await say(update, context, "remind-off")
        return
    at = parse_clock(arg)
    if at is None:
        await say(update, context, "remind-usage")
        return
    if s.config.school.is_quiet(at):
        await say(update, context, "remind-quiet",
                  start=s.config.school.quiet_hours_start.strftime("%H:%M"),
                  end=s.config.school.quiet_hours_end.strftime("%H:%M"))
        return
    hhmm = at.strftime("%H:%M")
    reminders.set_time(s.db, user.id, hhmm)
    schedule(context.application, user.id, hhmm)
    await say(update, context, "remind-set", time=hhmm)


async def send_reminder(context: PuenteContext) -> None:
    """Job: on a school day, remind a student whose reviews are due (and say nothing when none
    are, or she did a check today)."""
    s, job = context.services, context.job
    if job is None or not isinstance(job.data, int) or not _school_day(s):
        return
    student = join.student(s.db, job.data)
    if student is None or not reminders.wants_reminders(student):
        return
    await remind_student(context, student)


async def send_school_reminders(context: PuenteContext) -> None:
    """Job: at the school's reminder time on a school day, remind every student who has not
    chosen a time, and note the rest days of those no reminder reaches."""
    s = context.services
    if not _school_day(s):
        return
    for student in reminders.on_school_time(s.db):
        await remind_student(context, student)
    # The streak's rest days do not depend on reminders: a student who turned them off (or
    # blocked the bot) lost the skip of earlier days with nothing to do
    for student in reminders.not_reminded(s.db):
        reminders.note_rest_day(s.db, student.id, s.clock(), s.config.school.timezone)


def _school_day(s: Services) -> bool:
    """Reminders, the school's or a student's own time, wait out weekends and holidays."""
    school = s.config.school
    return is_school_day(s.clock().astimezone(school.timezone).date(), school.holidays)


def reminder_key(due: NextStep) -> str:
    """Reviews (after the cards that wait, if any), or only the cards when none is ready; more
    ready than one check asks: what today's check holds, and apart what waits (check_holds)."""
    if not due.ready:
        return "reminder-cards"
    more = "-more" if check_holds(due.ready)["later"] else ""
    if not due.reviews and not more:  # words only read on their cards: none is a review
        return "reminder-new-words-cards" if due.waiting else "reminder-new-words"
    return ("reminder-due-cards" if due.waiting else "reminder-due") + more


async def remind_student(context: PuenteContext, student: reminders.Student) -> None:
    """Send one reminder when reviews are due, outside quiet hours, to a student who has not
    blocked the bot and has not done a check today."""
    s = context.services
    if student.blocked:
        return
    now = s.clock()
    local = now.astimezone(s.config.school.timezone).time()
    if s.config.school.is_quiet(local):  # no reminder now; a day with nothing to do still is
        reminders.note_rest_day(s.db, student.id, now, s.config.school.timezone)
        return
    due = reminders.reminder(s.db, student.id, now, s.config.school.timezone,
                             s.config.school.holidays)
    if due is None:  # nothing ready, she did a check today, or her reminders slowed down
        # a day with nothing to do keeps her streak (rest_days)
        reminders.note_rest_day(s.db, student.id, now, s.config.school.timezone)
        return
    lang = student.language or "en"
    # levels 5-6 read English first (an Arabic level-5 student's reminder led in Arabic)
    first = learners.reads_english_first(s.db, student.id)
    try:
        text = s.catalog.bilingual(reminder_key(due), lang, english_first=first,
                                   **check_holds(due.ready),
                                   name=views.name(student.first_name, s.catalog, lang))
        # ✅ (or 📖) starts what the reminder asks for: a child may not type /check (playtest)
        buttons = keyboards.command_layout(s.catalog, lang, commands_named(text), first)
        await context.bot.send_message(student.id, text, parse_mode=ParseMode.HTML,
                                       reply_markup=keyboards.markup(buttons) if buttons
                                       else None)
    except Forbidden:
        membership.blocked(s.db, student.id, now)
        return
    reminders.sent(s.db, student.id, now)
