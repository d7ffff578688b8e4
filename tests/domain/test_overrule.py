"""What a typed miss keeps, and how an answer's grading is kept to fold it again."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain.mastery import new_mastery, record_answer
from bot.domain.overrule import (
    MAX_KEPT,
    Graded,
    KeptAnswer,
    answer_key,
    fold_again,
    from_snapshot,
    kept_text,
    snapshot,
)
from bot.domain.scaffold import ItemType

NOW = datetime(2026, 9, 14, 15, tzinfo=UTC)


@pytest.mark.parametrize("graded", [
    Graded(True), Graded(False, 6, card_today=True, remembered=True),
    Graded(True, 1, revealed=True, practice_item=True, card_read=True, typed=True),
    Graded(False, typed=True, tiles=True), Graded(True, 255, tiles=True),
    Graded(False, typed=True, on_tiles=True),
    Graded(False, 3, typed=True, tiles=True, other_word=True)])
def test_an_answers_grading_survives_its_bits(graded: Graded) -> None:
    assert Graded.from_bits(graded.bits()) == graded


def test_what_is_kept_of_a_typed_miss_is_its_words_cut_at_two_hundred_characters() -> None:
    assert kept_text("  natural \n home ") == "natural home"
    assert len(kept_text("a" * 5000)) == MAX_KEPT


@pytest.mark.parametrize("typed", ["Natural home.", "natural  home", "NATURAL HOME!"])
def test_an_accepted_answer_matches_in_any_case_spacing_or_end_punctuation(typed: str) -> None:
    assert answer_key(typed) == answer_key("natural home") == "natural home"


def test_a_snapshot_gives_back_the_same_mastery() -> None:
    state = record_answer(new_mastery(7, NOW), correct=True, exact=True,
                          item_type=ItemType.TYPED, typed=True, now=NOW, local_day="2026-09-14")
    assert from_snapshot(snapshot(state)) == state


def test_folding_again_is_the_live_fold() -> None:
    before = new_mastery(7, NOW)
    graded = Graded(True, typed=True)
    live = record_answer(before, correct=True, exact=True, item_type=ItemType.TYPED,
                         typed=True, now=NOW, local_day="2026-09-14")
    assert fold_again(before, [KeptAnswer(ItemType.TYPED, True, NOW, graded)], UTC) == live


def test_folding_a_tiles_answer_again_is_its_live_fold() -> None:
    """A word spelled with letter tiles on a question with options (level 1, "Which English
    word is ...?") folds as the recall it was, at the tiles' guess rate: a teacher's count of
    an earlier miss must not turn it into a choice among options."""
    before = new_mastery(7, NOW)
    live = record_answer(before, correct=True, exact=True, item_type=ItemType.REVERSE,
                         typed=True, now=NOW, local_day="2026-09-14", tiles=True)
    kept = KeptAnswer(ItemType.REVERSE, True, NOW, Graded(True, typed=True, tiles=True))
    assert fold_again(before, [kept], UTC) == live
    assert live != record_answer(before, correct=True, exact=True, item_type=ItemType.REVERSE,
                                 typed=True, now=NOW, local_day="2026-09-14")


def test_a_dont_know_over_letter_tiles_folds_as_the_typed_miss_it_was_graded() -> None:
    """🤷 over a typed question that opened on its tiles (level 1) is kept as shown on tiles
    for the teacher's views only: folded again, it is the typed miss the live answer was, at
    the typed guess rate, never the tiles' (bench/mastery_validity.py: identical figures)."""
    before = new_mastery(7, NOW)
    live = record_answer(before, correct=False, exact=False, item_type=ItemType.TYPED,
                         typed=True, now=NOW, local_day="2026-09-14")
    shown = KeptAnswer(ItemType.TYPED, False, NOW, Graded(False, typed=True, on_tiles=True))
    assert fold_again(before, [shown], UTC) == live
    assert live != record_answer(before, correct=False, exact=False, item_type=ItemType.TYPED,
                                 typed=True, now=NOW, local_day="2026-09-14", tiles=True)

