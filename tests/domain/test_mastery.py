"""Mastery is repeated success over time, not one lucky answer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.domain.mastery import bkt_update, new_mastery, record_answer
from bot.domain.scaffold import ItemType, WidaLevel, scaffold_for

DAY1 = datetime(2026, 9, 14, 15, 0, tzinfo=UTC)


def answer(state, correct: bool, when: datetime, kind: ItemType = ItemType.CHOICE):
    return record_answer(state, correct=correct, exact=True, item_type=kind, typed=False,
                         now=when, local_day=when.date().isoformat())


def test_many_right_answers_in_one_sitting_are_not_mastery() -> None:
    state = new_mastery(1, DAY1)
    for minute in range(6):
        state = answer(state, True, DAY1 + timedelta(minutes=minute))
    assert state.p_known > 0.95
    assert not state.mastered


def test_success_on_two_days_is_mastery() -> None:
    state = new_mastery(1, DAY1)
    for when in (DAY1, DAY1 + timedelta(minutes=5), DAY1 + timedelta(days=1),
                 DAY1 + timedelta(days=3)):
        state = answer(state, True, when)
    assert state.mastered
    assert state.due_at > DAY1 + timedelta(days=4)  # the next review is spaced out


def test_a_lucky_guess_moves_the_estimate_less_than_a_typed_answer() -> None:
    assert bkt_update(0.2, True, ItemType.CHOICE) < bkt_update(0.2, True, ItemType.TYPED)


def test_a_miss_brings_the_review_back_soon() -> None:
    state = answer(new_mastery(1, DAY1), False, DAY1)
    assert state.due_at <= DAY1 + timedelta(hours=1)
    assert state.misses_in_row == 1


def test_cognates_start_ahead() -> None:
    assert new_mastery(1, DAY1, cognate=True).p_known > new_mastery(1, DAY1).p_known


def test_scaffolds_follow_the_wida_levels() -> None:
    assert scaffold_for(WidaLevel.ENTERING).l1_first
    assert scaffold_for(3).l1_inline and not scaffold_for(3).l1_first
    assert not scaffold_for(6).l1_inline and scaffold_for(6).typed_answers
    assert scaffold_for(None).level is WidaLevel.DEVELOPING

