"""How fast a student answers, for /student's ⏱️ line: the daily alert's "tapping without
reading" note points there ("/student Mateo shows the answers"), and it showed nothing of
speed (teacher playtest). The rule is bot/domain/guessing.py's, read over the same answers
as the alert (one indexed query for the one student)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime, tzinfo

from sqlite_utils import Database

from bot.domain.guessing import GUESS_RECENT_ANSWERS, Pace, pace, recent_start
from bot.store import alerts


def student_pace(db: Database, student_id: int, now: datetime, tz: tzinfo,
                 holidays: Collection[date] = ()) -> Pace | None:
    """The student's pace over their latest answers of the recent window, and when they last
    looked like guessing (None: too few answers lately, as the alert's rule reads them)."""
    return pace(alerts.timed_answers(db, student_id, GUESS_RECENT_ANSWERS,
                                     recent_start(now, tz, holidays)), tz)
