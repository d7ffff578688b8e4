"""Formative-check items and tolerant grading."""

from __future__ import annotations

import random

import pytest

from bot.domain.checks import (
    GAP,
    WordRef,
    build_check,
    build_item,
    gapped,
    grade_choice,
    grade_typed,
)
from bot.domain.packs import Gloss, Word
from bot.domain.scaffold import ItemType, scaffold_for

SUPPORT = Word("support", "verb", 2, "To back up an idea with facts.", "Facts support a claim.",
               glosses={"es": Gloss("apoyar", false_friend="soportar")})
POOL = [WordRef(i, Word(t, "verb", 2, f"Meaning of {t}.", f"We {t} it.",
                        glosses={"es": Gloss(f"{t}-es")}))
        for i, t in enumerate(["analyze", "compare", "predict", "explain"], start=2)]
REF = WordRef(1, SUPPORT)


@pytest.mark.parametrize(("answer", "correct", "exact"), [
    ("photosynthesis", True, True),
    ("Photosynthesis.", True, True),
    ("  PHOTOSYNTHESIS ", True, True),
    ("photosinthesis", True, False),   # one slip in a long word
    ("fotosynthesis", True, False),    # two slips, still the same word
    ("fotosintesis", False, False),    # the Spanish word is not the English one
    ("photo", False, False),
    ("", False, False),
])
def test_typed_answers_forgive_case_accents_and_small_typos(answer: str, correct: bool,
                                                             exact: bool) -> None:
    grade = grade_typed(answer, "photosynthesis")
    assert (grade.correct, grade.exact) == (correct, exact)


def test_a_different_pack_word_is_never_accepted_as_a_typo() -> None:
    assert grade_typed("prey", "predator", other_terms=["prey"]).correct is False
    assert grade_typed("contrast", "compare").correct is False


def test_short_words_must_be_exact_but_plurals_count() -> None:
    assert grade_typed("gaz", "gas").correct is False
    assert grade_typed("fractions", "fraction").correct is True
    assert grade_typed("the habitat", "habitat").correct is True


def test_accents_do_not_count_against_the_learner() -> None:
    assert grade_typed("hábitat", "habitat").exact is True


def test_cloze_blanks_the_whole_word_only() -> None:
    assert gapped("A pond is a small ecosystem.", "ecosystem") == f"A pond is a small {GAP}."
    assert gapped("Plants grow.", "plant") == "Plants grow."


def test_false_friend_is_the_tempting_distractor_for_spanish_speakers() -> None:
    item = build_item(REF, POOL, ItemType.CHOICE, "es", scaffold_for(2), random.Random(1))
    assert item.asks_meaning
    assert "soportar" in item.options and item.answer == "apoyar"
    assert grade_choice(item, item.options.index("soportar")).correct is False
    assert grade_choice(item, item.options.index("apoyar")).correct is True


def test_reverse_item_shows_the_home_language_term() -> None:
    item = build_item(POOL[0], POOL, ItemType.REVERSE, "es", scaffold_for(1), random.Random(1))
    assert item.prompt == "analyze-es" and item.answer == "analyze"
    assert len(set(item.options)) == 4


def test_reverse_falls_back_to_choice_without_a_gloss() -> None:
    item = build_item(POOL[0], POOL, ItemType.REVERSE, "hmn", scaffold_for(1), random.Random(1))
    assert item.item_type is ItemType.CHOICE


def test_cloze_is_typed_from_level_five() -> None:
    item = build_item(POOL[0], POOL, ItemType.CLOZE, "es", scaffold_for(5), random.Random(1))
    assert item.typed and GAP in item.prompt


def test_a_forged_option_index_never_grades_right() -> None:
    item = build_item(POOL[0], POOL, ItemType.CHOICE, "es", scaffold_for(3), random.Random(1))
    assert grade_choice(item, 99).correct is False
    assert grade_choice(item, -1).correct is False


def test_a_check_has_three_to_five_items_of_the_levels_types() -> None:
    items = build_check(POOL, POOL, "es", scaffold_for(1), random.Random(2), size=5)
    assert 3 <= len(items) <= 5
    assert {i.item_type for i in items} <= set(scaffold_for(1).item_types)
    few = build_check(POOL[:1], POOL, "es", scaffold_for(1), random.Random(2))
    assert len(few) == 3  # one word is asked in three ways rather than a one-question check
