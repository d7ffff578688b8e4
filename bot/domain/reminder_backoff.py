"""How often a student who ignores the daily reminder still gets it: every school day at
first, then, after DAILY_REMINDERS in a row went unanswered (no answer, card read or check
opened since), only every EVERY_SCHOOL_DAYS school days. Seven identical reminders in seven
school days, while unread cards piled up, taught a newcomer to ignore Puente (teacher
playtest). Any answer, card read or check opened starts the count again. Pure: the dates are
passed in."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from bot.domain.school_days import school_days_between

DAILY_REMINDERS = 3     # unanswered reminders in a row before they slow down
EVERY_SCHOOL_DAYS = 3   # then one every this many school days


def slowed(unanswered: int) -> bool:
    """The student's reminders come only every few school days now."""
    return unanswered >= DAILY_REMINDERS


def remind_today(unanswered: int, last_sent: date | None, today: date,
                 holidays: Collection[date] = ()) -> bool:
    """Whether today's reminder may go out, given how many went unanswered (the newest on
    `last_sent`, a school day of the school's zone)."""
    if not slowed(unanswered) or last_sent is None:
        return True
    return school_days_between(last_sent, today, holidays) >= EVERY_SCHOOL_DAYS
