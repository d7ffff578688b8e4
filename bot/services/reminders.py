"""Daily review reminders: who gets one and when, and how many reviews wait for them."""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from bot.domain.mastery import is_due
from bot.store import people, study

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


def due_reviews(db: Database, student_id: int, now: datetime) -> int:
    """How many of the student's words are due for review now: as /check counts them, so a
    reminder never sends a student to a check with nothing to ask (is_due)."""
    return sum(1 for s in study.student_mastery(db, student_id).values() if is_due(s, now))
