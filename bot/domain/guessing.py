"""Tapping without reading: answers that come very fast and are right about as often as chance.

A newcomer who taps the first option in two seconds misses words for a reason no lower level
fixes (teacher playtest: Hodan, 3 checks a day in seconds, right 20-30 % at random, was told
off as "mostly wrong at level 2, consider level 1" on 7 of 9 school days). Puente keeps when
each question was asked and answered (check items), so the time per answer comes from what is
stored already: nothing new is kept about the child, and never what they typed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

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


@dataclass(frozen=True)
class TimedAnswer:
    """One answered question: seconds since the one before it in its check (or since the
    check began), how many options it showed (0: typed), and whether it was right."""

    seconds: float
    options: int
    correct: bool


def _chance(answers: Sequence[TimedAnswer]) -> tuple[float, float]:
    """The right answers random taps give on these questions, and their standard deviation
    (a typed answer's chance is nil)."""
    chances = [1 / a.options if a.options else 0.0 for a in answers]
    return sum(chances), math.sqrt(sum(p * (1 - p) for p in chances))


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


def pace(answers: Sequence[TimedAnswer]) -> Pace | None:
    """The student's pace over their latest answers; None under GUESS_MIN_ANSWERS (too few
    to say anything, as the rule says nothing)."""
    if len(answers) < GUESS_MIN_ANSWERS:
        return None
    return Pace(len(answers), sum(1 for a in answers if a.seconds <= FAST_SECONDS),
                median(a.seconds for a in answers), sum(a.correct for a in answers),
                _chance(answers)[0], looks_like_guessing(answers))
