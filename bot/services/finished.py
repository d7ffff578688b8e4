"""Telling a student's teachers, once, that the student has finished every word they were
given: no word of their classes' packs or pushes is left to open, every card is read, and every
word is in review or mastered. A fast WIDA-5 student read "✅ All done for now" on six school
days and his teacher was never told (playtest). The note goes in the daily sweep, through the
outbox (quiet hours), one per teacher and student; it is told again only after the student
has read new cards since (a new push, finished too)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

from bot.config import SchoolConfig
from bot.domain.mastery import MasteryState
from bot.domain.school_days import local_midnight
from bot.domain.teacher_alerts import FINISHED
from bot.services.learners import NoLanguageError, NotEnrolledError, learner, studying, words_left
from bot.services.pushes import next_allowed
from bot.services.student_lookup import StudentName, name_of
from bot.store import alerts, outbox, people

# Students who answered in this many days are looked at: one who finished answers her reviews
LOOK_BACK = timedelta(days=7)
DONE = frozenset({MasteryState.REVIEWING, MasteryState.MASTERED})


@dataclass(frozen=True)
class Finished:
    """A student with every word they were given finished, as one of their teachers reads
    them."""

    student_id: int
    name: StudentName


# (teacher id, the student) -> the note's text in the teacher's language
Render = Callable[[int, Finished], str]


def finished_since(db: Database, student_id: int, now: datetime) -> datetime | None:
    """When the student had every word they were given (the newest card first read), or None:
    a word still to open, a card unread, or a word new or still being learned."""
    try:
        who = learner(db, student_id)
    except (NotEnrolledError, NoLanguageError):
        return None
    states = studying(db, who.id)
    if not states or any(not s.previewed or s.state not in DONE for s in states.values()):
        return None
    if words_left(db, who, states, now):
        return None
    return max((s.shown_at for s in states.values() if s.shown_at is not None),
               default=datetime.min.replace(tzinfo=UTC))


def tell_finished(db: Database, now: datetime, school: SchoolConfig, render: Render) -> int:
    """Book the note to each teacher of each student who finished every word and whose
    teacher was not told since the student's newest card; return how many."""
    due = next_allowed(now, school)
    booked = 0
    since = local_midnight(now, school.timezone) - LOOK_BACK
    for student_id in alerts.students_answered_since(db, since):
        done = finished_since(db, student_id, now)
        if done is None:
            continue
        teachers = [t for t in dict.fromkeys(t for _, t in people.teachers_by_class(
            db, student_id)) if not alerts.advised_since(db, t, student_id, FINISHED, done)]
        with db.atomic():
            for teacher_id in teachers:
                note = Finished(student_id, name_of(db, teacher_id, student_id))
                outbox.enqueue(db, None, teacher_id, alerts.KIND,
                               {"text": render(teacher_id, note), "buttons": [],
                                "student_id": student_id, "advice": FINISHED,
                                "forget": True}, due, now)
                booked += 1
    return booked
