"""Days as a teacher types them after a command: "Fri 2 Oct", "2 Oct", "Oct 2", "2026-10-02",
"today", "tomorrow" (/daysoff Fri 2 Oct ignored the date, playtest)."""

from __future__ import annotations

import re
from datetime import date, timedelta

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WORD = re.compile(r"[a-z]+|\d+")
# A day named without its year is the one nearest today: "2 Oct" typed in December is the
# past October's (refused kindly), "5 Jan" typed in December the coming January's.
HALF_YEAR = timedelta(days=183)


def parse_day(text: str, today: date) -> date | None:
    """The day `text` names, read against the school's `today`; None when it names none (or
    a weekday that does not match its date: "Mon 2 Oct" when 2 Oct is a Friday)."""
    typed = text.strip().lower().rstrip(".")
    if typed in ("today", "tomorrow"):
        return today + timedelta(days=typed == "tomorrow")
    iso = _ISO.match(typed)
    if iso is not None:
        return _date(int(iso[1]), int(iso[2]), int(iso[3]))
    words = _WORD.findall(typed)
    weekday = next((i for i, name in enumerate(_WEEKDAYS) for w in words[:1]
                    if w.startswith(name)), None)
    rest = words[1:] if weekday is not None else words
    numbers = [int(w) for w in rest if w.isdigit()]
    months = [i + 1 for w in rest if not w.isdigit() for i, m in enumerate(_MONTHS)
              if w.startswith(m)]
    if len(numbers) not in (1, 2) or len(months) != 1 or len(rest) != len(numbers) + 1:
        return None
    day = _nearest(months[0], numbers[0], today) if len(numbers) == 1 else \
        _date(numbers[1], months[0], numbers[0])
    if day is None or (weekday is not None and day.weekday() != weekday):
        return None
    return day


def _date(year: int, month: int, day: int) -> date | None:
    """The date, or None when there is no such day (31 Sep)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest(month: int, day: int, today: date) -> date | None:
    """The `day` of `month` nearest `today` (this year's, last year's or next year's)."""
    found = [d for year in (today.year - 1, today.year, today.year + 1)
             if (d := _date(year, month, day)) is not None]
    return min(found, key=lambda d: abs(d - today), default=None)
