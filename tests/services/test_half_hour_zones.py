"""A school in a half-hour or 45-minute time zone (India +05:30, Adelaide +09:30/+10:30, Nepal
+05:45): an answer in the first minutes of a local study day counted on the day before (the
study days were read from UTC hours), so a student who practised Tuesday just after the day
began and Monday at noon read a streak of 0 on Wednesday."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from bot.services import progress
from bot.store import people
from tests.clock import START
from tests.harness import all_answered_right, class_pack_in_review, enrol_student


def local(tz: ZoneInfo, day: int, hour: int, minute: int = 0) -> datetime:
    """`day` days after Monday 14 Sep 2026, at hour:minute in `tz`."""
    return datetime(2026, 9, 14 + day, hour, minute, tzinfo=tz).astimezone(UTC)


@pytest.mark.parametrize("zone", ["Asia/Kolkata", "Australia/Adelaide", "Asia/Kathmandu"])
def test_an_answer_just_after_the_study_day_starts_counts_on_its_own_day(
        db: Database, school_class: people.ClassInfo, zone: str) -> None:
    tz = ZoneInfo(zone)
    enrol_student(db, START, name="Priya", level=4)
    class_pack_in_review(db, START)
    all_answered_right(db, 1001, local(tz, 0, 12), 1, "es")  # Monday noon
    # Tuesday 04:10, just after its study day starts (mastery.STUDY_DAY_STARTS; 00:10 is
    # still Monday's, as for every spacing rule): read from whole UTC hours it was 03:30-03:45
    all_answered_right(db, 1001, local(tz, 1, 4, 10), 1, "es")
    # Wednesday: Monday and Tuesday practised, a streak of 2 (it read 0: Tuesday's answer
    # was counted on Monday, and Tuesday looked missed)
    assert progress.progress(db, 1001, local(tz, 2, 12), tz).streak_days == 2


def test_an_answer_late_in_the_local_day_stays_on_that_day(
        db: Database, school_class: people.ClassInfo) -> None:
    tz = ZoneInfo("Asia/Kolkata")
    enrol_student(db, START, name="Priya", level=4)
    class_pack_in_review(db, START)
    all_answered_right(db, 1001, local(tz, 0, 23, 45), 1, "es")  # Monday 23:45
    # Tuesday morning: Monday counts (yesterday), so the streak is 1, not lost
    assert progress.progress(db, 1001, local(tz, 1, 9), tz).streak_days == 1
