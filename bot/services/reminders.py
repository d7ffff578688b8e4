"""Daily review reminders: who gets one and when, and how many reviews wait for them."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from bot.domain.mastery import school_date, today_started
from bot.domain.reminder_backoff import remind_today
from bot.services.excused import off_days
from bot.services.learners import NoLanguageError, NotEnrolledError, learner
from bot.services.readiness import NextStep, next_step
from bot.store import people, reminder_log, rest_days, study

Student = people.Student
OFF = people.REMINDER_OFF  # the student opted out (no time: the school's reminder time)


def set_time(db: Database, student_id: int, hhmm: str) -> None:
    """Remind the student every day at HH:MM, or never with OFF."""
    people.set_reminder(db, student_id, hhmm)


def wants_reminders(student: Student) -> bool:
    """A student with their own time, not one who opted out."""
    return student.reminder_time not in (None, OFF)


def with_own_time(db: Database) -> list[Student]:
    """Students who chose their own reminder time: each gets a job of their own."""
    return people.students_with_reminders(db)


def on_school_time(db: Database) -> list[Student]:
    """Students reminded at the school's reminder time."""
    return people.students_on_school_reminder(db)


def not_reminded(db: Database) -> list[Student]:
    """Enrolled students no reminder reaches (opted out, or blocked the bot): the school's
    daily job still notes their rest days, so the streak rule does not depend on reminders."""
    return people.students_not_reminded(db)


def due_reviews(db: Database, student_id: int, now: datetime, tz: ZoneInfo) -> NextStep:
    """What the student's next /check would do (as /progress counts it): how many words it
    would ask, and whether new cards come first (a reminder that only said "words to review"
    would surprise a child whose /check opens with cards). A reminder never sends a student
    to a check with nothing to ask."""
    try:
        who = learner(db, student_id)
    except (NotEnrolledError, NoLanguageError):  # /check would ask nothing either
        return NextStep(0, 0, None)
    return next_step(db, who, now, tz)


def reminder(db: Database, student_id: int, now: datetime, tz: ZoneInfo,
             holidays: Collection[date] = ()) -> NextStep | None:
    """What today's reminder says (due_reviews), or None when none is sent: nothing is ready,
    or the student answered a check item earlier today (the school's day), or she left the
    last reminders unanswered and today is not one of the school days they still come on
    (reminder_backoff). A newcomer who just finished a check read "Words to review: 1" an
    hour later as "I didn't finish" (playtest); the words still ready come back in tomorrow's
    reminder. Nothing new is announced instead: words a teacher pushes after her check come
    with their own message and ✅ Test me. A day her family excused (sick, not at school) is
    no school day for her: no reminder (family playtest). "Today" is her study day (from
    04:00, as the streak and the family update count days): a sitting that ended at 00:10
    was last night's, and leaves today's reminder due."""
    started = today_started(now, tz)
    if study.answered_since(db, student_id, started):
        return None
    today = school_date(now, tz)
    off = off_days(db, student_id, holidays)
    if today in off:
        return None
    ignored = reminder_log.unanswered(db, student_id, now)
    last = school_date(ignored[0], tz) if ignored else None
    if not remind_today(len(ignored), last, today, off):
        return None
    due = due_reviews(db, student_id, now, tz)
    if due.ready:
        return due
    # Cards she was sent and never opened deserve a reminder too: a newcomer who missed a
    # push (or never tapped the card after the placement) otherwise heard nothing at all.
    # Not on a day she read cards already: she saw the stack and chose when to stop.
    if due.unread and not study.read_cards_since(db, student_id, started):
        return due
    return None


def note_rest_day(db: Database, student_id: int, now: datetime, tz: ZoneInfo) -> bool:
    """Remember today as a school day with nothing to do for the student (no word ready, no
    card waiting, nothing answered yet): /progress's streak bridges it (rest_days). The
    reminder jobs ask this of every enrolled student they send nothing to, reminders on or
    off (a student who turned them off lost the skip for earlier idle days). True when it
    was one."""
    if study.answered_since(db, student_id, today_started(now, tz)):
        return False  # a day studied (a study day, as the streak counts it)
    due = due_reviews(db, student_id, now, tz)
    if due.ready or due.waiting:
        return False
    rest_days.record(db, student_id, now, tz)
    return True


def sent(db: Database, student_id: int, now: datetime) -> None:
    """Remember that today's reminder reached the student (the back-off counts them)."""
    reminder_log.record_sent(db, student_id, now)
