"""Tapping without reading: very fast answers, right about as often as chance, and how often a
teacher is told the same advice."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.guessing import GUESS_MIN_ANSWERS, TimedAnswer, looks_like_guessing
from bot.domain.teacher_alerts import repeat_from


def answers(right: int, total: int = 20, seconds: float = 1.5, options: int = 3
            ) -> list[TimedAnswer]:
    return [TimedAnswer(seconds, options, n < right) for n in range(total)]


def test_fast_taps_right_about_one_time_in_three_of_three_options_are_guessing() -> None:
    assert looks_like_guessing(answers(5))  # Hodan: 25 % in a second and a half
    assert looks_like_guessing(answers(8))


@pytest.mark.parametrize(("case", "found"), [
    ("slow", answers(5, seconds=12)),          # she reads, and misses: a level question
    ("knows words", answers(14)),               # fast and mostly right: she knows them
    ("always wrong", answers(0)),               # far below chance: the same look-alike
    ("too few", answers(2, total=GUESS_MIN_ANSWERS - 1)),
    ("typed", answers(0, options=0)),           # a typed answer is never a guess
])
def test_these_are_not_tapping_without_reading(case: str, found: list[TimedAnswer]) -> None:
    assert not looks_like_guessing(found), case


def test_advice_given_on_a_school_day_comes_again_five_school_days_later() -> None:
    monday = date(2026, 9, 14)
    assert repeat_from(date(2026, 9, 18)) == monday  # Friday: given Monday, still holds
    assert repeat_from(date(2026, 9, 21)) == date(2026, 9, 15)  # next Monday: may come again
    assert repeat_from(date(2026, 9, 21), holidays={date(2026, 9, 16)}) == monday
