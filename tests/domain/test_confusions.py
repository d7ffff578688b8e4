"""Which two words a student mixes up: chosen for each other three times in two weeks, and
more often than random tapping among the options offered would."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.domain.checks import Grade, Item, WordRef
from bot.domain.confusions import Tap, chosen_word, class_pairs, mixed_up, tail_chance
from bot.domain.packs import Word
from bot.domain.scaffold import ItemType

NOW = datetime(2026, 10, 1, 20, 0, tzinfo=UTC)
A, B, C, D, E, F = 1, 2, 3, 4, 5, 6


def tap(asked: int, chosen: int | None, offered: tuple[int, ...], days_ago: float = 1) -> Tap:
    return Tap(asked, frozenset(offered), len(offered), chosen, NOW - timedelta(days=days_ago))


def test_binomial_tail_matches_the_closed_form() -> None:
    # P(X >= 2) for 3 trials at 1/4: 3 * (1/4)^2 * (3/4) + (1/4)^3
    assert tail_chance(2, [0.25] * 3) == pytest.approx(3 * 0.75 / 16 + 1 / 64)
    assert tail_chance(0, [0.5]) == 1.0
    assert tail_chance(3, [0.5, 0.5]) == 0.0


def test_three_taps_of_the_same_word_among_six_options_name_the_pair() -> None:
    taps = [tap(A, B, (A, B, C, D, E, F), days_ago=d) for d in (1, 2, 3)]
    [pair] = mixed_up(taps, NOW)
    assert (pair.words, pair.times, pair.offered) == ((A, B), 3, 3)
    assert pair.chance == pytest.approx(1 / 216)


def test_either_direction_counts_toward_the_unordered_pair() -> None:
    taps = [
        tap(A, B, (A, B, C, D, E, F)),
        tap(B, A, (A, B, C, D, E, F)),
        tap(A, B, (A, B, C, D, E, F)),
    ]
    assert [p.words for p in mixed_up(taps, NOW)] == [(A, B)]


def test_two_taps_are_never_enough_however_unlikely() -> None:
    twelve = tuple(range(1, 13))  # 2 of 2 among twelve options: 1 chance in 144
    taps = [tap(A, B, twelve) for _ in range(2)]
    assert mixed_up(taps, NOW) == []
    assert [p.words for p in mixed_up(taps, NOW, min_times=2, chance=1)] == [(A, B)]
    assert [p.words for p in mixed_up([*taps, tap(B, A, twelve)], NOW)] == [(A, B)]


def test_three_taps_a_random_tapper_would_make_often_name_nothing() -> None:
    # Two options each time: 3 of 3 happens 1 time in 8 by chance
    assert mixed_up([tap(A, B, (A, B)) for _ in range(3)], NOW) == []
    # Four options: 3 of 3 is 1 time in 64, not below 1 in 100
    assert mixed_up([tap(A, B, (A, B, C, D)) for _ in range(3)], NOW) == []
    assert len(mixed_up([tap(A, B, (A, B, C, D, E)) for _ in range(3)], NOW)) == 1  # 1/125
    # Six options, but offered together on 12 questions: 3 of 12 is a random tapper's luck
    taps = [tap(A, B, (A, B, C, D, E, F)) for _ in range(3)]
    taps += [tap(A, None, (A, B, C, D, E, F)) for _ in range(9)]
    assert mixed_up(taps, NOW) == []


def test_questions_that_did_not_offer_the_other_word_do_not_dilute_the_pair() -> None:
    taps = [tap(A, B, (A, B, C, D, E, F)) for _ in range(3)]
    taps += [tap(A, None, (A, C, D, E, F, 7)) for _ in range(9)]
    assert [p.words for p in mixed_up(taps, NOW)] == [(A, B)]


def test_taps_older_than_two_weeks_are_forgotten() -> None:
    taps = [tap(A, B, (A, B, C, D, E, F), days_ago=d) for d in (1, 2, 14.5)]
    assert mixed_up(taps, NOW) == []
    assert len(mixed_up(taps, NOW - timedelta(days=1))) == 1


def test_a_class_names_the_pairs_most_students_share_first() -> None:
    six = (A, B, C, D, E, F)
    ab = [tap(A, B, six) for _ in range(3)]
    cd = [tap(C, D, six) for _ in range(4)]
    students = [
        mixed_up(ab, NOW),
        mixed_up(ab + cd, NOW),
        mixed_up(cd + ab, NOW),
        mixed_up(cd, NOW),
    ]
    assert class_pairs(students, top=1) == [((A, B), 3)]
    assert class_pairs(students) == [((A, B), 3), ((C, D), 3)]


def word(term: str) -> Word:
    return Word(term=term, pos="noun", tier=3, definition=f"{term} meaning", example=term)


def test_a_wrong_tap_keeps_the_word_chosen_and_a_right_or_typed_one_none() -> None:
    item = Item(A, ItemType.CHOICE, "def", ("habitat", "ecosystem"), "ecosystem")
    refs = [WordRef(B, word("habitat")), WordRef(A, word("ecosystem"))]
    wrong = Grade(False, True, "ecosystem", chosen="habitat")
    right = Grade(True, True, "ecosystem", chosen="ecosystem")
    assert chosen_word(item, wrong, refs) == B
    assert chosen_word(item, right, refs) is None
    assert chosen_word(item, wrong, [None, refs[1]]) is None  # no pack word behind it
    typed = Item(A, ItemType.TYPED, "def", (), "ecosystem")
    assert chosen_word(typed, Grade(False, True, "ecosystem"), []) is None
