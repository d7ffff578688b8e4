"""The family's weekly update counts study days, as the 🔥 streak does: a day starts at 04:00
at school (mastery.school_date). A night owl's sitting from 23:50 to 00:10 was "practised" on
Tuesday and "only looked at new words" on Monday in her family's update, two days, while her
streak said 1; in a half-hour time zone a 00:30 sitting belongs to the day before too."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from bot.services import checks, family, family_updates, learners, progress
from bot.store import people
from tests.clock import START  # Monday 14 Sep 2026, 11:00 at school
from tests.harness import TEACHER_ID, answer_through, enrol_student

MONDAY, TUESDAY, FRIDAY = date(2026, 9, 14), date(2026, 9, 15), date(2026, 9, 18)


def at(day: date, hour: int, minute: int, tz: ZoneInfo) -> datetime:
    """`day` at `hour`:`minute` at school (zone `tz`), in UTC as the clock keeps it."""
    return datetime.combine(day, time(hour, minute), tz).astimezone(UTC)


def sitting(db: Database, cards_at: datetime, check_at: datetime, tz: ZoneInfo) -> None:
    """Ana (linked to her mother) reads two new cards at `cards_at`, then answers the check on
    them at `check_at`, every answer right."""
    enrol_student(db, START)
    link = family.create_link(db, TEACHER_ID, "Ana", START)
    family.use_link(db, 2001, link.payload, START)
    family.set_language(db, 2001, "en")
    refs = learners.current_words(db, learners.learner(db, 1001), cards_at)
    learners.cards_shown(db, 1001, [r.id for r in refs[:2]], cards_at)
    question = checks.start_check(db, 1001, check_at, random.Random(3), tz=tz)
    assert question is not None, "a check on the cards just read"
    answer_through(db, question, check_at, tz, lambda q: True)


@pytest.mark.parametrize(("zone", "cards", "check"), [
    ("America/New_York", (MONDAY, 23, 50), (TUESDAY, 0, 10)),  # a night owl across midnight
    ("America/St_Johns", (MONDAY, 23, 55), (TUESDAY, 0, 30)),  # UTC-2:30: 00:30 is 03:00 UTC
])
def test_a_sitting_across_midnight_is_one_day_practised_as_the_streak_counts_it(
        db: Database, school_class: people.ClassInfo, zone: str,
        cards: tuple[date, int, int], check: tuple[date, int, int]) -> None:
    tz = ZoneInfo(zone)
    sitting(db, at(*cards, tz), at(*check, tz), tz)
    streak = progress.progress(db, 1001, at(TUESDAY, 0, 45, tz), tz).streak_days
    [update] = family_updates.weekly_updates(db, at(FRIDAY, 17, 0, tz), tz=tz, update_day=4)

    assert streak == 1
    assert (update.days, update.card_days) == (1, 0)  # Monday practised; no day of cards only
    assert update.first_day == MONDAY


def test_now_at_half_past_midnight_counts_tonight_as_the_day_before(
        db: Database, school_class: people.ClassInfo) -> None:
    """/now on Wednesday at 00:45 in a half-hour zone, after a sitting at 00:30: the study day
    is still Tuesday, so the days counted end on Monday and tonight's practice waits for the
    next update, as on Tuesday evening."""
    tz = ZoneInfo("Asia/Kolkata")  # UTC+5:30: 00:30 on Wednesday is 19:00 UTC on Tuesday
    wednesday = date(2026, 9, 16)
    sitting(db, at(TUESDAY, 16, 0, tz), at(wednesday, 0, 30, tz), tz)
    update = family_updates.current_update(db, 2001, 1001, at(wednesday, 0, 45, tz), tz)

    assert update.last_day == MONDAY
    assert update.today_uncounted
    assert (update.days, update.card_days) == (0, 0)
