"""Tapping without reading: answers that come very fast and are right about as often as chance.

A newcomer who taps the first option in two seconds misses words for a reason no lower level
fixes (teacher playtest: Hodan, 3 checks a day in seconds, right 20-30 % at random, was told
off as "mostly wrong at level 2, consider level 1" on 7 of 9 school days). Puente keeps when
each question was asked and answered (check items), so the time per answer comes from what is
stored already: nothing new is kept about the child, and never what they typed.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from statistics import median

from bot.domain.school_days import previous_school_day

GUESS_WINDOW = 20      # the latest answers read (about a week of one check a day)
# Fewer say nothing: 10 taps at 1 in 3 are right 3.3 +- 1.5 times. Not 12: with one check a
# school day a level-1 newcomer answers 3 questions on her first day (three words) and 10-12
# by the end of her third, so 12 waited until the fourth day for 4 of 6 simulated random
# tappers (tests/handlers/test_guessing_alert.py); 10 names all 6 on their third school day.
GUESS_MIN_ANSWERS = 10
# A level 1-2 question shows a home-language word or a short meaning and 2-4 options: reading
# it takes a reader several seconds. Half the answers in this time or less is not reading.
FAST_SECONDS = 4.0
# "About as often right as chance": within this many standard deviations of what random taps
# give, either way. A student far below chance is not tapping at random (she picks the same
# look-alike, a misconception: "mostly wrong", a level question); one far above knows words.
CHANCE_BAND = 1.5
# The signal is read over the answers of the last two school weeks only: a flag outlived the
# behaviour (playtest: Ali stopped answering two weeks before, and /report still said "⏱️
# Answering very fast: Ali" beside "💤 Inactive: Ali"). Two weeks, not one: a guesser who
# answered slowly one day (the daily alert then advised "consider level 1", the day after it
# said "maybe tapping") is still the guesser the teacher was told of; no level is advised
# while it holds. Answers read at most: ten school days of three checks.
GUESS_RECENT_SCHOOL_DAYS = 10
GUESS_RECENT_ANSWERS = 200


@dataclass(frozen=True)
class TimedAnswer:
    """One answered question: seconds since the one before it in its check (or since the
    check began), how many options it showed (0: typed), and whether it was right."""

    seconds: float
    options: int
    correct: bool
    at: datetime | None = None  # when it was answered (the signal's "last seen")


def _chance(answers: Sequence[TimedAnswer]) -> tuple[float, float]:
    """The right answers random taps give on these questions, and their standard deviation
    (a typed answer's chance is nil)."""
    chances = [1 / a.options if a.options else 0.0 for a in answers]
    return sum(chances), math.sqrt(sum(p * (1 - p) for p in chances))


def not_above_chance(answers: Sequence[TimedAnswer]) -> bool:
    """Right no more often than random taps give, within CHANCE_BAND standard deviations (a
    typed answer's chance is nil)."""
    expected, spread = _chance(answers)
    return sum(a.correct for a in answers) <= expected + CHANCE_BAND * spread


def looks_like_guessing(answers: Sequence[TimedAnswer]) -> bool:
    """True when enough answers came, most in FAST_SECONDS or less, and the right ones are
    about as many as tapping at random gives (a typed answer's chance is nil)."""
    if len(answers) < GUESS_MIN_ANSWERS:
        return False
    if median(a.seconds for a in answers) > FAST_SECONDS:
        return False
    expected, spread = _chance(answers)
    if spread == 0:  # every answer typed: a right one cannot be a guess
        return False
    right = sum(a.correct for a in answers)
    return abs(right - expected) <= CHANCE_BAND * spread


def recent_since(today: date, holidays: Collection[date] = ()) -> date:
    """The first school day of the window the signal is read over (GUESS_RECENT_SCHOOL_DAYS,
    today the last)."""
    day = today
    for _ in range(GUESS_RECENT_SCHOOL_DAYS - 1):
        day = previous_school_day(day, holidays)
    return day


def recent_start(now: datetime, tz: tzinfo, holidays: Collection[date] = ()) -> datetime:
    """The moment the recent window begins: the school's midnight of its first school day."""
    return datetime.combine(recent_since(now.astimezone(tz).date(), holidays), time(),
                            tzinfo=tz)


def guessing_last_seen(answers: Sequence[TimedAnswer], tz: tzinfo | None = None
                       ) -> datetime | None:
    """When the student's answers last looked like guessing: the latest answer of the latest
    day whose GUESS_WINDOW answers up to its end (its own and the days' before, of
    `answers`: the recent window's, newest first) looked so, the day the daily alert would
    have said it; None when no day did. A day at a time, never every run of answers: a
    reader's fast streak within a day is no signal.
    A day counts only while the answers since its window began are not well above chance
    either (`not_above_chance`): with a chance band either way, a fast student right half the
    time on 4-6 options has an unlucky stretch of 20 (6 right) in the band on some day of two
    weeks nearly one time in two, and was "about as often right as chance" for two weeks
    beside 20 right of his 40 answers since (playtest, docs/reports.md). A guesser who slows
    down and still misses stays named."""
    start = 0
    while len(answers) - start >= GUESS_MIN_ANSWERS:
        if looks_like_guessing(answers[start:start + GUESS_WINDOW]) and \
                not_above_chance(answers[:start + GUESS_WINDOW]):
            return answers[start].at
        day = _day(answers[start], tz)
        if day is None:  # undated answers: the latest window alone
            return None
        while start < len(answers) and _day(answers[start], tz) == day:
            start += 1
    return None


def _day(answer: TimedAnswer, tz: tzinfo | None) -> date | None:
    if answer.at is None:
        return None
    return (answer.at.astimezone(tz) if tz else answer.at).date()


@dataclass(frozen=True)
class Pace:
    """What a teacher reads of a student's latest answers (/student's ⏱️ line): how many,
    how many came in FAST_SECONDS or less, the median seconds, the right ones beside what
    random taps give, and whether the rule above holds (the daily alert's "tapping without
    reading")."""

    answers: int
    fast: int
    median_seconds: float
    right: int
    by_chance: float
    guessing: bool
    # when the answers last looked like guessing, in the recent window (guessing_last_seen):
    # the latest answer when `guessing`, an earlier day's when it held then and not now
    last_seen: datetime | None = None
    chance_spread: float = 0.0  # the standard deviation of `by_chance`

    def chance_range(self) -> tuple[int, int]:
        """The right answers random taps give, as the rule reads "about as often as chance"
        (CHANCE_BAND standard deviations either way, whole answers, never below 0 nor above
        the answers): "8 right, where random taps give 3 to 8" reads as chance, where "about
        5" read as better than chance (principal's playtest)."""
        low = math.ceil(self.by_chance - CHANCE_BAND * self.chance_spread - 1e-9)
        high = math.floor(self.by_chance + CHANCE_BAND * self.chance_spread + 1e-9)
        return max(low, 0), min(max(high, 0), self.answers)


def pace(answers: Sequence[TimedAnswer], tz: tzinfo | None = None) -> Pace | None:
    """The student's pace over their latest GUESS_WINDOW answers of `answers` (the recent
    window's, newest first), and when they last looked like guessing; None under
    GUESS_MIN_ANSWERS (too few to say anything, as the rule says nothing)."""
    if len(answers) < GUESS_MIN_ANSWERS:
        return None
    latest = answers[:GUESS_WINDOW]
    expected, spread = _chance(latest)
    return Pace(len(latest), sum(1 for a in latest if a.seconds <= FAST_SECONDS),
                median(a.seconds for a in latest), sum(a.correct for a in latest),
                expected, looks_like_guessing(latest), guessing_last_seen(answers, tz),
                spread)
