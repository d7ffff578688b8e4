"""How often a teacher hears the same thing about a student: advice once a school week, a
silence once.

A busy teacher reads an alert that repeats yesterday's as noise, and then misses the one that
is new (teacher playtest: the same "consider level 1" on 7 of 9 school days). So the advice an
alert gives about a student (a lower level, tapping without reading) comes to one teacher at
most once in ADVICE_REPEAT_SCHOOL_DAYS school days, unless it changed (another level, or
guessing where a level was suggested); the words newly stuck are news and still come.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta

from bot.domain.school_days import previous_school_day

# A school week: the time a teacher needs to act on advice (a word with the student, a level
# set) and see its effect in the answers. Over the playtest's 9 school days a guesser's
# advice comes twice (days 1 and 6), not 7 times; fewer days (3) would repeat it twice a week
# before any talk could change her answers, more (10) would leave a teacher who forgot it
# unreminded for two weeks. It matches the weekly "still missing these words".
ADVICE_REPEAT_SCHOOL_DAYS = 5
# No answer and no card read for this many school days since joining or the last sign of life
# (as /report's "💤 Inactive for 3+ school days"): the teacher is told once, not again until the
# student does something and falls silent again.
SILENT_SCHOOL_DAYS = 3

GUESSING = "guessing"
SILENT = "silent"
# opens checks and answers none (/report's 🧩) for SILENT_SCHOOL_DAYS school days, while still
# coming (else SILENT says it): told once a stretch, as a silence is
OPENS_CHECKS = "opens-checks"
FINISHED = "finished"  # every word the student was given is in review or mastered: push more
# she wrote that she cannot read English ("No leo inglés"): told once a week at most, so a
# child who writes it every day does not fill her teacher's chat
CANNOT_READ = "cannot-read"
CANNOT_READ_REPEAT = timedelta(days=7)


def level_advice(level: int) -> str:
    """The advice "consider level N", kept apart per level: a new suggestion is news."""
    return f"level-{level}"


def repeat_from(today: date, holidays: Collection[date] = ()) -> date:
    """The first day whose advice still holds today: advice given on it or later is not given
    again; advice given before it may come again."""
    day = today
    for _ in range(ADVICE_REPEAT_SCHOOL_DAYS - 1):
        day = previous_school_day(day, holidays)
    return day


def away_before(today: date, excused: Collection[date], holidays: Collection[date] = ()
                ) -> tuple[date, date] | None:
    """The first and last day of the latest run of school days the family excused (sick, not
    at school) that ended within the ADVICE_REPEAT_SCHOOL_DAYS school days before today, or
    None. An alert about the days after it says so: "still missing a week after I told you"
    read as a week of school to a teacher whose student was at home for it (playtest)."""
    day = today
    for _ in range(ADVICE_REPEAT_SCHOOL_DAYS):
        day = previous_school_day(day, holidays)
        if day in excused:
            last = first = day
            while (before := previous_school_day(first, holidays)) in excused:
                first = before
            return first, last
    return None

