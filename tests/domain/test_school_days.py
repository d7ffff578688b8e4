"""School days: weekends and holidays never break a streak or make a student look idle."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.school_days import (
    is_school_day,
    local_midnight,
    school_days_between,
    school_days_from,
    streak,
)

MON = date(2026, 9, 14)
FRI, NEXT_MON = MON + timedelta(days=4), MON + timedelta(days=7)


def test_weekends_and_holidays_are_not_school_days() -> None:
    assert is_school_day(MON) and is_school_day(FRI)
    assert not is_school_day(FRI + timedelta(days=1))
    assert not is_school_day(MON, holidays={MON})


def test_a_weekend_does_not_break_a_streak() -> None:
    assert streak({FRI - timedelta(days=1), FRI, NEXT_MON}, NEXT_MON) == 3


def test_a_holiday_does_not_break_a_streak() -> None:
    tuesday = MON + timedelta(days=1)
    assert streak({MON, MON + timedelta(days=2)}, MON + timedelta(days=2), {tuesday}) == 2
    assert streak({MON, MON + timedelta(days=2)}, MON + timedelta(days=2)) == 1


def test_a_missed_school_day_breaks_it_and_today_may_still_come() -> None:
    assert streak({MON, MON + timedelta(days=2)}, MON + timedelta(days=3)) == 1
    assert streak({MON, MON + timedelta(days=1)}, MON + timedelta(days=2)) == 2  # not yet today


def test_weekend_study_counts_on_top() -> None:
    saturday = FRI + timedelta(days=1)
    assert streak({FRI, saturday, NEXT_MON}, NEXT_MON) == 3


def test_a_saturday_with_study_is_a_day_in_a_row_and_a_sunday_without_breaks_nothing() -> None:
    saturday, sunday = FRI + timedelta(days=1), FRI + timedelta(days=2)
    assert streak({saturday}, saturday) == 1
    assert streak({FRI, saturday}, sunday) == 2
    assert streak({FRI}, sunday) == 1


def test_the_school_days_of_a_stretch_leave_out_weekends_and_holidays() -> None:
    saturday = FRI + timedelta(days=1)
    assert school_days_from(MON, saturday) == {MON + timedelta(days=n) for n in range(5)}
    assert len(school_days_from(MON, FRI, {MON + timedelta(days=2)})) == 4
    assert school_days_from(saturday, saturday) == frozenset()


def test_inactive_days_count_school_days_only() -> None:
    assert school_days_between(FRI, NEXT_MON) == 1
    assert school_days_between(MON, NEXT_MON) == 5
    assert school_days_between(NEXT_MON, MON) == 0


def test_the_school_day_starts_at_the_schools_midnight_not_utcs() -> None:
    new_york = ZoneInfo("America/New_York")
    late = datetime(2026, 9, 15, 2, 30, tzinfo=UTC)  # 22:30 on Monday 14 Sep in New York
    assert local_midnight(late, new_york) == datetime(2026, 9, 14, tzinfo=new_york)
    assert local_midnight(late, UTC) == datetime(2026, 9, 15, tzinfo=UTC)
