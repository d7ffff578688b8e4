"""Ready-made announcements: a few short notices people wrote in every language Puente speaks
(no school on a day, an early closing, a meeting...), for families this machine has no
translation model for (a Hmong father got "There is no school on Monday" in English, and
missed it; playtest). The teacher picks one and its day and time with buttons: nothing typed
goes into them, so every language's text is a person's, never a machine's."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, time, timedelta

from bot.domain.errors import PuenteError
from bot.domain.school_days import is_school_day

# The order is the menu's; each is the prompt key "ready-announce-<name>".
READY_ANNOUNCEMENTS = ("closed", "early", "meeting", "reports", "trip", "interpreter")
WITH_DAY = frozenset({"closed", "early", "meeting", "reports", "trip"})
WITH_TIME = frozenset({"early", "meeting"})
# Times a school closes early or holds a meeting: on the hour and the half hour, late morning
# to evening (12:30 closings were typed by hand, playtest). Chosen in two small menus, the
# hour, then :00 or :30, so the keyboard stays short.
TIMES = tuple(time(hour, minute) for hour in range(11, 19) for minute in (0, 30)
              if (hour, minute) <= (18, 0))
HOURS = tuple(sorted({at.hour for at in TIMES}))
DAYS_AHEAD = 10  # a page of days: two school weeks, two a row
HORIZON = timedelta(days=60)  # "Later ▶" pages on to a field trip weeks away, not next term
_WHEN = re.compile(r"^(\d{8})(?:-(\d{2})(\d{2})?)?$")  # a day, its hour, its minutes
_PAGE = re.compile(r"^p(\d{1,2})$")


class ForgedReadyError(PuenteError):
    """A ready-made announcement, day or time no button of ours offered."""

    prompt_key = "button-stale"


class DayGoneError(PuenteError):
    """A day offered once that is no longer ahead (an old menu tapped days later)."""

    prompt_key = "announce-ready-day-gone"


@dataclass(frozen=True)
class ReadyChoice:
    """One ready-made announcement, with as much of its day and time as is chosen so far."""

    name: str
    day: date | None = None
    at: time | None = None
    page: int = 0  # which page of school days the day menu shows (Later ▶)
    hour: int | None = None  # the hour tapped, its :00 or :30 still to choose

    @property
    def no_school_day(self) -> date | None:
        """The day this announces there is no school (a day Puente may take off too)."""
        return self.day if self.name == "closed" else None

    @property
    def needs(self) -> str | None:
        """What is still to choose: "day", "time", or None (it can be written)."""
        if self.name in WITH_DAY and self.day is None:
            return "day"
        if self.name in WITH_TIME and self.at is None:
            return "time"
        return None


def announcement_key(name: str) -> str:
    """The prompt key of one ready-made announcement ("closed" -> "ready-announce-closed")."""
    return f"ready-announce-{name}"


def days_ahead(today: date, holidays: Collection[date] = (),
               count: int | None = DAYS_AHEAD) -> tuple[date, ...]:
    """The next `count` school days after `today` (the school's date), within HORIZON (None:
    all of them): today is left out, as an announcement queued now may wait out quiet
    hours, and a day gone is no news."""
    days: list[date] = []
    day = today
    while (count is None or len(days) < count) and day < today + HORIZON:
        day += timedelta(days=1)
        if is_school_day(day, holidays):
            days.append(day)
    return tuple(days)


@dataclass(frozen=True)
class DayPage:
    """One page of the day menu: its school days, and whether pages come before and after."""

    days: tuple[date, ...]
    number: int
    earlier: bool
    later: bool


def day_page(today: date, holidays: Collection[date] = (), number: int = 0) -> DayPage:
    """Page `number` of the school days within HORIZON, DAYS_AHEAD a page (a page past the
    end, as the horizon moved on since, shows the last)."""
    days = days_ahead(today, holidays, None)
    last = max(0, (len(days) - 1) // DAYS_AHEAD)
    number = min(max(number, 0), last)
    return DayPage(days[number * DAYS_AHEAD:(number + 1) * DAYS_AHEAD], number, number > 0,
                   number < last)


def page_arg(number: int) -> str:
    """A page of the day menu as one button argument: "p2"."""
    return f"p{number}"


def when_arg(day: date, at: time | None = None, hour: int | None = None) -> str:
    """A chosen day (and time, or just its hour) as one button argument: "20261207",
    "20261207-1500" or "20261207-15"."""
    if at is not None:
        return f"{day:%Y%m%d}-{at:%H%M}"
    return f"{day:%Y%m%d}" + (f"-{hour:02d}" if hour is not None else "")


def times_at(hour: int) -> tuple[time, ...]:
    """The times a menu offers within one hour (13 -> 13:00, 13:30; 18 -> 18:00)."""
    return tuple(at for at in TIMES if at.hour == hour)


def choose(name: str, when: str | None, today: date,
           holidays: Collection[date] = ()) -> ReadyChoice:
    """The choice a button carries, checked: a name, day or time no menu offered is forged;
    a day offered once but no longer ahead (or a holiday now) is gone, said kindly."""
    if name not in READY_ANNOUNCEMENTS:
        raise ForgedReadyError("unknown ready-made announcement")
    if when is None:
        return ReadyChoice(name)
    if name not in WITH_DAY:
        raise ForgedReadyError("no day to choose")
    picked = pick(when, today, holidays, with_time=name in WITH_TIME)
    return ReadyChoice(name, picked.day, picked.at, picked.page, picked.hour)


@dataclass(frozen=True)
class Picked:
    """What a day or time button carries: a day (and its time, or just its hour), or a page
    of the day menu."""

    day: date | None = None
    at: time | None = None
    page: int = 0
    hour: int | None = None


def pick(when: str, today: date, holidays: Collection[date] = (),
         with_time: bool = True) -> Picked:
    """The day, time (or hour) or page a button carries ("20261207-1500", "20261207-15", or
    "p2" for a page), checked as ready-made announcements check theirs (ready-made replies
    with a day pick theirs with the same buttons): a page, day or time no menu offered is
    forged; a day offered once but no longer ahead (or a holiday now) is gone."""
    paged = _PAGE.match(when)
    if paged is not None:  # Later ▶ / ◀ Earlier: a page no menu could offer is forged
        number = int(paged[1])
        if number > day_page(today, holidays, number).number:
            raise ForgedReadyError("no such page")
        return Picked(page=number)
    found = _WHEN.match(when)
    if found is None or (found[2] is not None and not with_time):
        raise ForgedReadyError("bad day or time")
    try:
        day = date(int(found[1][:4]), int(found[1][4:6]), int(found[1][6:]))
        hour = int(found[2]) if found[2] else None
        at = time(int(found[2]), int(found[3])) if found[3] else None
    except ValueError as exc:
        raise ForgedReadyError("no such day or time") from exc
    if (at is not None and at not in TIMES) or (hour is not None and hour not in HOURS):
        raise ForgedReadyError("a time no menu offers")
    if day not in days_ahead(today, holidays, None):
        raise DayGoneError("day gone")
    return Picked(day, at, 0, None if at is not None else hour)
