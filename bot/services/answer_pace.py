"""How fast a student answers, for /student's ⏱️ line: the daily alert's "tapping without
reading" note points there ("/student Mateo shows the answers"), and it showed nothing of
speed (teacher playtest). The rule is bot/domain/guessing.py's, read over the same answers
as the alert (one indexed query for the one student)."""

from __future__ import annotations

from sqlite_utils import Database

from bot.domain.guessing import GUESS_WINDOW, Pace, pace
from bot.store import alerts


def student_pace(db: Database, student_id: int) -> Pace | None:
    """The student's pace over their latest GUESS_WINDOW answers (None: too few)."""
    return pace(alerts.timed_answers(db, student_id, GUESS_WINDOW))
