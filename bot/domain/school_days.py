"""School days: weekdays that are not holidays. Streaks and "inactive for N days" count these,
so a weekend or a holiday never breaks a streak or makes a student look idle."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime, time, timedelta, tzinfo


def local_midnight(moment: datetime, tz: tzinfo) -> datetime:
    """The start of the school's day `moment` falls in (its time zone `tz`): "today" for a
    check, a reminder or an alert is the school's day, not UTC's (an answer at 22:30 in New
    York is already tomorrow in UTC)."""
    return datetime.combine(moment.astimezone(tz).date(), time(), tzinfo=tz)


def is_school_day(day: date, holidays: Collection[date] = ()) -> bool:
    """Monday to Friday, and not a holiday."""
    return day.weekday() < 5 and day not in holidays


def previous_school_day(day: date, holidays: Collection[date] = ()) -> date:
    """The last school day strictly before `day`."""
    day -= timedelta(days=1)
    while not is_school_day(day, holidays):
        day -= timedelta(days=1)
    return day


def next_school_day(day: date, holidays: Collection[date] = ()) -> date:
    """`day` when it is a school day, else the first school day after it."""
    while not is_school_day(day, holidays):
        day += timedelta(days=1)
    return day


def closed_until(arrives: datetime, tz: tzinfo, holidays: Collection[date] = ()
                 ) -> date | None:
    """The school day a message that reaches a teacher at `arrives` waits for, when it
    arrives on a weekend or a holiday (None on a school day): "after 07:00" told a family
    who wrote on Friday night nothing about Monday (playtest)."""
    day = arrives.astimezone(tz).date()
    first = next_school_day(day, holidays)
    return None if first == day else first


def school_days_between(start: date, end: date, holidays: Collection[date] = ()) -> int:
    """School days after `start` up to and including `end` (0 when end <= start)."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_school_day(day, holidays)
    return count


def streak(study_days: Collection[date], today: date, holidays: Collection[date] = ()) -> int:
    """Days in a row with study, ending today (or yesterday: today may still come). A day the
    student studied always counts, a weekend's or a holiday's too; only a school day without
    study breaks the streak."""
    day = today if today in study_days else today - timedelta(days=1)
    count = 0
    while day in study_days or not is_school_day(day, holidays):
        count += day in study_days
        day -= timedelta(days=1)
    return count


def school_days_from(start: date, end: date, holidays: Collection[date] = ()) -> frozenset[date]:
    """The school days from `start` to `end`, both included. A day studied that is not one of
    them is said apart ("7 of the last 7 school days" counted a weekend studied as a school
    day: a family read that there had been school)."""
    days = (start + timedelta(days=n) for n in range((end - start).days + 1))
    return frozenset(day for day in days if is_school_day(day, holidays))
