"""Telling a student's teachers, once, that the student has gone quiet: no answer and no card
read for SILENT_SCHOOL_DAYS school days since joining or since the last sign of life. A
student who never answers appeared only in /report, which a busy teacher may not open for a
week (teacher playtest: Wid). The note goes through the outbox (quiet hours), one per teacher
and student, and is the record that this silence was told: the same silence is never told
again; a student who answers and falls silent again is a new silence."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from sqlite_utils import Database

from bot.config import SchoolConfig
from bot.domain.school_days import local_midnight, school_days_between
from bot.domain.teacher_alerts import SILENT, SILENT_SCHOOL_DAYS
from bot.services.excused import off_days, off_days_of
from bot.services.pushes import next_allowed
from bot.services.student_lookup import StudentName, name_of
from bot.store import alerts, outbox, people


@dataclass(frozen=True)
class Silent:
    """A student gone quiet, as one of their teachers reads them."""

    student_id: int
    name: StudentName
    since: date        # the school's day of joining, or of the last answer or card read
    days: int          # school days since then
    never_active: bool  # nothing at all since joining
    checks_unanswered: bool = False  # opened checks after their latest answer: none answered


# (teacher id, the student) -> the note's text in the teacher's language
Render = Callable[[int, Silent], str]


def silent_students(db: Database, now: datetime, tz: tzinfo,
                    holidays: Collection[date] = ()) -> list[alerts.Quiet]:
    """The students quiet for SILENT_SCHOOL_DAYS school days or more whose silence no note
    told yet."""
    today = now.astimezone(tz).date()
    # SILENT_SCHOOL_DAYS school days are at least as many calendar days: a cheap first cut
    before = local_midnight(now, tz) - timedelta(days=SILENT_SCHOOL_DAYS - 1)
    found = alerts.quiet_since(db, before, SILENT)
    # a day her family excused (sick, not at school) is no school day of silence for her
    off = off_days_of(db, {q.student_id for q in found}, holidays)
    return [q for q in found
            if school_days_between(q.since.astimezone(tz).date(), today, off[q.student_id])
            >= SILENT_SCHOOL_DAYS]


def tell_silent(db: Database, now: datetime, school: SchoolConfig, render: Render) -> int:
    """Book the note to each teacher of each newly quiet student; return how many."""
    tz, booked = school.timezone, 0
    today = now.astimezone(tz).date()
    due = next_allowed(now, school)
    for quiet in silent_students(db, now, tz, school.holidays):
        since = quiet.since.astimezone(tz).date()
        days = school_days_between(since, today,
                                   off_days(db, quiet.student_id, school.holidays))
        with db.atomic():
            for teacher_id in dict.fromkeys(t for _, t in people.teachers_by_class(
                    db, quiet.student_id)):
                silent = Silent(quiet.student_id, name_of(db, teacher_id, quiet.student_id,
                                                          first_name=quiet.first_name),
                                since, days, not quiet.did_anything,
                                quiet.checks_unanswered)
                outbox.enqueue(db, None, teacher_id, alerts.KIND,
                               {"text": render(teacher_id, silent), "buttons": [],
                                "student_id": quiet.student_id, "advice": SILENT,
                                "forget": True}, due, now)
                booked += 1
    return booked
