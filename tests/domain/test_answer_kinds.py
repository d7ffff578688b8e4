"""Which kinds of question a level 1-2 student's answers fall in, and which keep her off "On
track" (bot/domain/answer_kinds.py)."""

from __future__ import annotations

import pytest

from bot.domain.answer_kinds import AnswerKind, KindCount, kind_of, needed_next, tally, to_check


def test_a_typed_answer_spelled_with_tiles_is_its_own_kind() -> None:
    assert kind_of("typed", tiles=True) is AnswerKind.TILES
    assert kind_of("typed") is AnswerKind.TYPED
    assert kind_of("cloze", tiles=True) is AnswerKind.GAP  # the sentence is what is hard
    assert kind_of("poll") is kind_of("choice") is AnswerKind.MEANING


@pytest.mark.parametrize("asked_by", ["choice", "reverse", "typed"])
def test_a_word_spelled_with_tiles_counts_as_tiles_whatever_asked_it(asked_by: str) -> None:
    """A level-1 choice question is spelled with tiles by default: "🔤 letter tiles 1/1" read
    above two misspelled tile answers when it counted as "meaning" (playtest, Yousef)."""
    assert kind_of(asked_by, tiles=True) is AnswerKind.TILES
    assert tally([("choice", True, 2, 0), ("typed", True, 1, 1), ("choice", False, 1, 1)]) == {
        AnswerKind.MEANING: KindCount(1, 1), AnswerKind.TILES: KindCount(1, 3)}


@pytest.mark.parametrize("odd", ["", "hack", "CLOZE", "cloze ", "placement"])
def test_an_item_type_no_check_asks_has_no_kind(odd: str) -> None:
    assert kind_of(odd) is None
    assert tally([(odd, False, 3, 0), ("cloze", False, 2, 1)]) == {
        AnswerKind.GAP: KindCount(1, 2)}


@pytest.mark.parametrize(("right", "answered", "missed"), [
    (0, 2, True), (1, 2, False), (0, 1, False), (1, 3, True), (2, 4, True), (3, 5, False)])
def test_mostly_missed_is_a_words_needs_help_bar(right: int, answered: int,
                                                  missed: bool) -> None:
    assert KindCount(right, answered).mostly_missed is missed


def test_listening_is_needed_after_level_one_only() -> None:
    assert AnswerKind.LISTENING in needed_next(1)
    assert needed_next(2) == frozenset(AnswerKind) - {AnswerKind.LISTENING}
    assert AnswerKind.GAP in needed_next(None)


def test_only_levels_one_and_two_are_checked_by_kind() -> None:
    counts = {AnswerKind.MEANING: KindCount(4, 4), AnswerKind.GAP: KindCount(0, 2),
              AnswerKind.LISTENING: KindCount(0, 3)}
    assert to_check(counts, 2) == {AnswerKind.GAP: KindCount(0, 2)}
    assert set(to_check(counts, 1)) == {AnswerKind.GAP, AnswerKind.LISTENING}
    assert to_check(counts, 3) == {}
