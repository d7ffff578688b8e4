"""Days off in Puente: a teacher who sends the ready-made "There is no school on ___" may make
that day a day off for Puente too (playtest: on the announced day both children still got
"Words to review: 3", the teacher read "3 school days" of silence, and the family update said
"of 5"). Stored days off join config.toml's holidays everywhere holidays are read (the
Services' config, refreshed on each change; the CLI's too). Any teacher may list and remove
them: they are the school's, not one teacher's."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlite_utils import Database

from bot.config import Config, SchoolConfig
from bot.domain.errors import PuenteError
from bot.domain.typed_days import parse_day
from bot.services import teaching
from bot.store import days_off, people, threads
from bot.store.days_off import DayOff

SHOWN_HOLIDAYS = 10  # config.toml's next holidays /daysoff names (a year's list is noise)


class DayOffError(PuenteError):
    """A day-off button we never offered (another teacher's announcement, a forged id)."""

    prompt_key = "button-stale"


class DayOffPastError(PuenteError):
    """A day gone by: reminders went out, and it was counted; it stays as it was."""

    prompt_key = "dayoff-past"


def with_stored(db: Database, config: Config) -> Config:
    """`config` with the days off set in Puente among the school's holidays."""
    return config.with_days_off(days_off.all_days_off(db))


def offered_day(found: threads.Announcement, school: SchoolConfig, now: datetime
                ) -> date | None:
    """The day a confirmed announcement offers as a day off: the day of a ready-made "no
    school", when it is still ahead (or today) and not a holiday already."""
    day = found.closed_day
    today = now.astimezone(school.timezone).date()
    if day is None or day < today or day in school.holidays:
        return None
    return day


def add_from_announcement(db: Database, teacher_id: int, announcement_id: int,
                          school: SchoolConfig, now: datetime) -> tuple[date, bool]:
    """Make the day a teacher's sent "no school" announcement names a day off; (the day,
    whether it is new). Only that teacher's own sent announcement's day: a forged id, another
    teacher's announcement, or one not sent adds nothing."""
    teaching.require_teacher(db, teacher_id)
    found = threads.get_announcement(db, announcement_id)
    if found is None or found.teacher_id != teacher_id or not found.sent \
            or found.closed_day is None:
        raise DayOffError("no such no-school announcement of this teacher's")
    if found.closed_day < now.astimezone(school.timezone).date():
        raise DayOffPastError("day gone")
    return found.closed_day, days_off.add_day_off(db, found.closed_day, teacher_id, now)


@dataclass(frozen=True)
class Typed:
    """What `/daysoff DATE` did, as a prompt key: dayoff-set-school (added, by `set_by`),
    dayoff-already, dayoff-past, dayoff-weekend or dayoff-unreadable (nothing changed)."""

    key: str
    day: date | None = None
    set_by: str | None = None


def add_typed(db: Database, teacher_id: int, typed: str, school: SchoolConfig,
              now: datetime) -> Typed:
    """Make the day a teacher typed a day off for the whole school, telling no family (days
    off could only be set by announcing "no school" to a class's families, playtest). A day
    gone by, a weekend or a day already off changes nothing, and says why."""
    teaching.require_teacher(db, teacher_id)
    today = now.astimezone(school.timezone).date()
    day = parse_day(typed, today)
    if day is None:
        return Typed("dayoff-unreadable")
    if day < today:
        return Typed("dayoff-past", day)
    if day.weekday() >= 5:
        return Typed("dayoff-weekend", day)
    if day in school.holidays or not days_off.add_day_off(db, day, teacher_id, now):
        return Typed("dayoff-already", day)
    return Typed("dayoff-set-school", day, people.teacher_name(db, teacher_id))


@dataclass(frozen=True)
class DaysOff:
    """What /daysoff lists: the days off set in Puente from today, config.toml's next ones."""

    stored: list[DayOff]
    configured: list[date]


def listing(db: Database, teacher_id: int, school: SchoolConfig, now: datetime) -> DaysOff:
    """The days off from the school's today on (teachers only)."""
    teaching.require_teacher(db, teacher_id)
    today = now.astimezone(school.timezone).date()
    configured = sorted(d for d in school.configured_holidays if d >= today)
    return DaysOff(days_off.days_off_from(db, today), configured[:SHOWN_HOLIDAYS])


def removable(db: Database, teacher_id: int, day: date, school: SchoolConfig,
              now: datetime) -> bool:
    """Whether /daysoff may ask to make this day a school day again (teachers only): a stored
    day off still ahead (a day gone by raises DayOffPastError); False when it is not one (a
    list tapped after another teacher removed it)."""
    teaching.require_teacher(db, teacher_id)
    if day < now.astimezone(school.timezone).date():
        raise DayOffPastError("day gone")
    return day in days_off.all_days_off(db)


def remove(db: Database, teacher_id: int, day: date, school: SchoolConfig,
           now: datetime) -> bool:
    """Make a stored day off a school day again (teachers only); False when it was not one.
    A day gone by stays: it was lived as a day off."""
    teaching.require_teacher(db, teacher_id)
    if day < now.astimezone(school.timezone).date():
        raise DayOffPastError("day gone")
    return days_off.remove_day_off(db, day)
