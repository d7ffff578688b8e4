"""Tapping without reading: very fast answers, right about as often as chance, and how often a
teacher is told the same advice."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.domain.guessing import (
    GUESS_MIN_ANSWERS,
    TimedAnswer,
    guessing_last_seen,
    looks_like_guessing,
    pace,
)
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


def _school_fortnight(right_per_day: list[int], per_day: int = 5) -> list[TimedAnswer]:
    """Fast answers (3 s) on 4-6 options (level 2), `per_day` a school day, the first
    `right_per_day[d]` of day d right; newest first, as the store reads them."""
    found = []
    for d, right in enumerate(right_per_day):
        day = datetime(2026, 9, 14, 15, tzinfo=UTC) + timedelta(days=d)
        for n in range(per_day):
            found.append(TimedAnswer(3.0, 4 + (d * per_day + n) % 3, n < right,
                                     day + timedelta(minutes=n)))
    return found[::-1]


def test_a_fast_student_right_half_the_time_on_four_to_six_options_is_not_called_chance(
        ) -> None:
    """Playtest: "⏱️ Answering very fast, about as often right as chance" about a level-2
    student right about half the time on 4-6 options (chance 17-25 %): one unlucky stretch
    of his answers (6 of 20 right, inside the chance band on its own) flagged him for two weeks,
    though his answers since were right 20 times of 40. A day's stretch counts only while
    his answers since it are not well above chance; simulated, a fast reader right half the
    time was flagged on some day of two weeks 44 % of the time, now 8 %."""
    answers = _school_fortnight([3, 2, 2, 1, 2, 1, 3, 3, 4, 4])  # 25 of 50
    assert looks_like_guessing(answers[20:40])  # days 3-6 alone: in the band
    assert guessing_last_seen(answers) is None
    found = pace(answers)
    assert found is not None and not found.guessing and found.last_seen is None


def test_a_tapper_who_slows_down_and_still_misses_is_still_dated() -> None:
    """Widlene: a week of fast random taps, then three days slower and still wrong: the signal
    holds (her answers since are no better than chance: no level advice both ways)."""
    taps = _school_fortnight([1, 1, 1, 1, 1, 0, 1, 0, 1, 1])
    slow = [TimedAnswer(12.0, a.options, a.correct, a.at) for a in taps[:15]]
    assert not looks_like_guessing(slow)
    assert guessing_last_seen([*slow, *taps[15:]]) is not None
