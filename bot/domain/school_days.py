"""School days: weekdays that are not holidays. Streaks and "inactive for N days" count these,
so a weekend or a holiday never breaks a streak or makes a student look idle."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta


def is_school_day(day: date, holidays: Collection[date] = ()) -> bool:
    """Monday to Friday, and not a holiday."""
    return day.weekday() < 5 and day not in holidays


def previous_school_day(day: date, holidays: Collection[date] = ()) -> date:
    """The last school day strictly before `day`."""
    day -= timedelta(days=1)
    while not is_school_day(day, holidays):
        day -= timedelta(days=1)
    return day


def school_days_between(start: date, end: date, holidays: Collection[date] = ()) -> int:
    """School days after `start` up to and including `end` (0 when end <= start)."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_school_day(day, holidays)
    return count


def streak(study_days: Collection[date], today: date, holidays: Collection[date] = ()) -> int:
    """Consecutive school days with study, ending today (or the last school day before it).

    Study on a weekend counts on top but is never required."""
    day = today if is_school_day(today, holidays) else previous_school_day(today, holidays)
    if day not in study_days:
        day = previous_school_day(day, holidays)
    count = 0
    while day in study_days:
        count += 1
        day = previous_school_day(day, holidays)
    extra = sum(1 for d in study_days if not is_school_day(d, holidays) and d <= today
                and count and d > day)
    return count + extra
