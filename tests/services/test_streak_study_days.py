"""The 🔥 streak counts study days, which start at 04:00 school time as every spacing rule's do
(mastery.STUDY_DAY_STARTS): a sitting from 23:50 to 00:10 is one day studied, not two, and a
student who studies every night at 00:30 keeps her streak as one who studies at 16:00 does."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from bot.services import progress
from bot.store import people
from tests.clock import START
from tests.harness import all_answered_right, class_pack_in_review, enrol_student

TZ = ZoneInfo("America/New_York")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in September 2026 at school (Monday 21 is the second week's Monday)."""
    return datetime(2026, 9, day, hour, minute, tzinfo=TZ).astimezone(UTC)


def _ready(db: Database) -> None:
    enrol_student(db, START, name="Davi", level=3)
    class_pack_in_review(db, START)  # his cards read on Monday 14, nothing studied after


def test_a_sitting_across_midnight_is_one_day_of_the_streak(
        db: Database, school_class: people.ClassInfo) -> None:
    _ready(db)
    all_answered_right(db, 1001, at(21, 23, 50), 1, "es")  # Monday night
    all_answered_right(db, 1001, at(22, 0, 10), 1, "es")   # the same sitting, after midnight
    assert progress.progress(db, 1001, at(22, 0, 20), TZ).streak_days == 1  # not 2
    # his next evening's check is the second day
    all_answered_right(db, 1001, at(22, 23, 45), 1, "es")
    assert progress.progress(db, 1001, at(22, 23, 50), TZ).streak_days == 2


def test_a_night_owl_studying_every_night_at_half_past_midnight_keeps_the_streak(
        db: Database, school_class: people.ClassInfo) -> None:
    _ready(db)
    for night in (22, 23, 24, 25):  # Tuesday to Friday at 00:30: Monday's to Thursday's
        all_answered_right(db, 1001, at(night, 0, 30), 1, "es")
    assert progress.progress(db, 1001, at(25, 0, 40), TZ).streak_days == 4
    assert progress.progress(db, 1001, at(25, 18), TZ).streak_days == 4  # Friday may come
