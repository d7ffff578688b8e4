"""Knowledge tracing as arithmetic a teacher could check by hand: what one answer is worth.

Found by the mutation benchmark: each test here failed to exist while a changed operator or
constant in bot/domain/mastery.py (now also bot/domain/knowledge.py) went unnoticed."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Rating

from bot.domain import mastery
from bot.domain.knowledge import GUESS, LEARN, SLIP, TYPED_CLOZE_GUESS, bkt_update
from bot.domain.mastery import (
    MASTERED_LUCK,
    MASTERED_P,
    MASTERED_SUCCESSES,
    RETENTION_GAP,
    is_mastered,
    new_mastery,
    rating_for,
    record_answer,
)
from bot.domain.scaffold import ItemType

NOW = datetime(2026, 9, 14, 15, 0, tzinfo=UTC)


def by_hand(p: float, correct: bool, guess: float, slip: float) -> float:
    """Bayes on one answer, then the chance of learning from the practice."""
    if correct:
        posterior = p * (1 - slip) / (p * (1 - slip) + (1 - p) * guess)
    else:
        posterior = p * slip / (p * slip + (1 - p) * (1 - guess))
    return posterior + (1 - posterior) * LEARN


@pytest.mark.parametrize("item_type", list(ItemType))
@pytest.mark.parametrize("correct", [True, False])
@pytest.mark.parametrize("p", [0.15, 0.5, 0.9])
def test_one_answer_moves_the_estimate_exactly_as_bayes_says(
        item_type: ItemType, correct: bool, p: float) -> None:
    expected = by_hand(p, correct, GUESS[item_type], SLIP[item_type])
    assert bkt_update(p, correct, item_type) == pytest.approx(expected, abs=1e-12)


def test_a_typed_gap_is_hard_to_guess_but_a_chosen_one_is_not() -> None:
    typed = bkt_update(0.5, True, ItemType.CLOZE, typed=True)
    chosen = bkt_update(0.5, True, ItemType.CLOZE, typed=False)
    assert typed == pytest.approx(by_hand(0.5, True, TYPED_CLOZE_GUESS, SLIP[ItemType.CLOZE]))
    assert chosen == pytest.approx(by_hand(0.5, True, GUESS[ItemType.CLOZE],
                                           SLIP[ItemType.CLOZE]))
    assert typed > chosen
    # typing only changes the guess rate of a gap item
    assert bkt_update(0.5, True, ItemType.CHOICE, typed=True) == bkt_update(0.5, True,
                                                                            ItemType.CHOICE)


def test_two_options_are_guessed_half_the_time_and_count_for_less() -> None:
    two = bkt_update(0.5, True, ItemType.CHOICE, choices=2)
    assert two == pytest.approx(by_hand(0.5, True, 0.5, SLIP[ItemType.CHOICE]))
    assert bkt_update(0.5, True, ItemType.CHOICE, choices=4) \
        == pytest.approx(by_hand(0.5, True, 0.25, SLIP[ItemType.CHOICE]))
    assert two < bkt_update(0.5, True, ItemType.CHOICE)


def test_a_recorded_answer_uses_the_typed_flag_and_the_options_shown() -> None:
    state = new_mastery(1, NOW)
    typed = record_answer(state, correct=True, exact=True, item_type=ItemType.CLOZE,
                          typed=True, now=NOW, local_day="2026-09-14")
    assert typed.p_known == bkt_update(state.p_known, True, ItemType.CLOZE, True)
    two = record_answer(state, correct=True, exact=True, item_type=ItemType.CHOICE,
                        typed=False, now=NOW, local_day="2026-09-14", choices=2)
    assert two.p_known == bkt_update(state.p_known, True, ItemType.CHOICE, False, 2)


def test_a_forgiven_typo_is_a_hard_recall_and_a_miss_is_again() -> None:
    assert rating_for(True, True) is Rating.Good
    assert rating_for(True, False) is Rating.Hard
    assert rating_for(False, True) is Rating.Again


def ready(now: datetime) -> mastery.WordMastery:
    """A word exactly at every mastery threshold: estimate, successes, luck, retention gap."""
    return replace(new_mastery(1, now - RETENTION_GAP), p_known=MASTERED_P,
                   successes=MASTERED_SUCCESSES, luck=MASTERED_LUCK,
                   success_days=frozenset(f"2026-09-{d:02}" for d in range(1, 10)),
                   first_correct_at=now - RETENTION_GAP)


def test_mastery_is_reached_exactly_at_each_threshold() -> None:
    state = ready(NOW)
    assert is_mastered(state, item_type=ItemType.TYPED, scheduled=True, now=NOW)
    below = [replace(state, p_known=MASTERED_P - 1e-9),
             replace(state, successes=MASTERED_SUCCESSES - 1),
             replace(state, luck=MASTERED_LUCK + 1e-9),
             replace(state, first_correct_at=NOW - RETENTION_GAP + timedelta(days=1))]
    assert [is_mastered(s, item_type=ItemType.TYPED, scheduled=True, now=NOW)
            for s in below] == [False, False, False, False]
    assert not is_mastered(state, item_type=ItemType.CHOICE, scheduled=True, now=NOW)
    assert not is_mastered(state, item_type=ItemType.TYPED, scheduled=False, now=NOW)


def run_of(*answers: tuple[ItemType, bool], choices: int | None = None) -> mastery.WordMastery:
    """A word answered on consecutive days, the last one a scheduled review after the gap."""
    state = new_mastery(1, NOW - timedelta(days=20))
    for day, (kind, right) in enumerate(answers):
        at = NOW - timedelta(days=2 * (len(answers) - 1 - day))
        state = replace(state, due_at=at)  # each answer is the review FSRS asked for
        state = record_answer(state, correct=right, exact=True, item_type=kind,
                              typed=kind is ItemType.TYPED, now=at,
                              local_day=at.date().isoformat(), choices=choices)
    return state


def test_four_lucky_taps_after_many_misses_never_master_a_word() -> None:
    """The bench's newcomer guesser: streaks and misses in turn, then taps right on four
    options. Three (1 in 64) mastered the word before the luck rule, four (1 in 256, four
    fresh starts: 1 in 64) before it asked 1 in 100; five (1 in 1,024) do."""
    choice, recall = ItemType.CHOICE, ItemType.REVERSE
    streaks = [(choice, True), (choice, True), (choice, True), (choice, False)] * 3
    lucky = run_of(*streaks, (choice, True), (choice, True), (choice, True), (recall, True),
                   choices=4)
    assert lucky.p_known >= MASTERED_P and lucky.successes == 4  # enough before
    assert lucky.misses == 3 and lucky.luck == pytest.approx(1 / 256) and not lucky.mastered
    five = run_of(*streaks, (choice, True), (choice, True), (choice, True), (choice, True),
                  (recall, True), choices=4)
    assert five.mastered


def test_a_learner_with_a_miss_is_not_held_back_by_luck_on_six_options() -> None:
    """A beginner who has read six words chooses among six: three taps right after a miss
    (1 in 216, two fresh starts) pass the luck rule, and knowledge tracing decides."""
    choice, recall = ItemType.CHOICE, ItemType.REVERSE
    learner = run_of((choice, False), (choice, True), (choice, True), (recall, True),
                     choices=6)
    assert learner.misses == 1 and learner.luck * (learner.misses + 1) <= MASTERED_LUCK
    typed = run_of((choice, True), (ItemType.TYPED, True), (ItemType.TYPED, True))
    assert typed.mastered  # typed recall is rarely guessed


def test_a_right_answer_counted_as_one_option_is_practice_and_moves_no_state() -> None:
    practice = run_of((ItemType.REVERSE, True), (ItemType.REVERSE, True), choices=1)
    assert practice.answered and practice.successes == 0 and not practice.success_days
    assert practice.state is mastery.MasteryState.LEARNING
