"""Successive checks of a word turn through its kinds, definitions and gap sentences."""

from __future__ import annotations

import itertools
import random
from dataclasses import replace

import pytest

from bot.domain.check_building import build_check
from bot.domain.checks import WordRef
from bot.domain.item_building import build_item
from bot.domain.pack_validation import parse_pack
from bot.domain.packs import PackError
from bot.domain.scaffold import ItemType, scaffold_for
from bot.domain.variety import (
    definition_stems,
    item_kinds,
    same_definition_words,
    single_sentence_words,
)
from bot.services.packs import load_packs

PACK = next(p for p in load_packs().packs if p.id == "science.ecosystems")
POOL = [WordRef(100 + n, w, PACK.id) for n, w in enumerate(PACK.words)]
HABITAT = next(r for r in POOL if r.word.term == "habitat")


def test_three_gap_sentences_are_asked_in_turn() -> None:
    assert len(HABITAT.word.clozes) == 3
    gaps = [build_item(HABITAT, POOL, ItemType.CLOZE, "es", scaffold_for(4),
                       random.Random(1), turn=turn).prompt for turn in range(4)]
    assert len(set(gaps[:3])) == 3 and gaps[0] == gaps[3]


def test_one_gap_sentence_is_all_a_word_without_more_can_show() -> None:
    single = WordRef(HABITAT.id, replace(HABITAT.word, more_clozes=()), PACK.id)
    gaps = {build_item(single, POOL, ItemType.CLOZE, "es", scaffold_for(4), random.Random(1),
                       turn=turn).prompt for turn in range(3)}
    assert len(gaps) == 1


def test_the_first_definition_question_is_not_the_cards_definition() -> None:
    first, second = (build_item(HABITAT, POOL, ItemType.TYPED, "es", scaffold_for(5),
                                random.Random(1), turn=turn).prompt for turn in (0, 1))
    assert first == HABITAT.word.simple and second == HABITAT.word.definition


def test_a_word_without_another_definition_keeps_its_own() -> None:
    plain = WordRef(HABITAT.id, replace(HABITAT.word, simple=None), PACK.id)
    prompts = {build_item(plain, POOL, ItemType.CHOICE, "es", scaffold_for(3),
                          random.Random(1), turn=turn).prompt for turn in range(3)}
    assert prompts == {HABITAT.word.definition}


def test_a_words_checks_step_through_its_kinds() -> None:
    kinds = scaffold_for(3).item_types
    seen = [build_check([HABITAT], POOL, "zh", scaffold_for(3), random.Random(turn),
                        turns={HABITAT.id: turn})[0].item_type for turn in range(4)]
    assert set(seen) == set(kinds)


def test_a_check_still_mixes_kinds_when_its_words_would_pick_the_same() -> None:
    kinds = scaffold_for(4).item_types
    # words 0, 4 and 8 at turn 0 would all pick the same kind
    assert sorted(item_kinds(kinds, [(0, 0), (4, 0), (8, 0), (12, 0)])) == sorted(kinds)
    assert len(item_kinds(kinds, [(n * 4, 0) for n in range(5)])) == 5


def test_the_audit_names_words_with_one_gap_sentence() -> None:
    words = [HABITAT.word, replace(HABITAT.word, term="x", more_clozes=())]
    assert [w.term for w in single_sentence_words(words)] == ["x"]


PACK_TOML = """
[pack]
id = "science.t"
title = "T"
subject = "science"
grades = [4, 7]

[[words]]
term = "habitat"
pos = "noun"
tier = 3
definition = "A home."
example = "The desert is the habitat of the camel."
cloze = [%s]
"""


def test_a_pack_lists_several_gap_sentences_and_each_is_checked() -> None:
    good = parse_pack(PACK_TOML % '"Owls lost their habitat.", "A bear\'s habitat is cold."',
                      "t.toml")
    assert good.words[0].clozes == ("Owls lost their habitat.", "A bear's habitat is cold.")
    with pytest.raises(PackError) as bad:
        parse_pack(PACK_TOML % '"Owls lost their habitat.", "Owls lost their habitat!", '
                   '"No gap here."', "t.toml")
    said = " ".join(str(p) for p in bad.value.problems)
    assert "repeats an earlier cloze" in said and "whole word" in said


PREDATOR = next(r for r in POOL if r.word.term == "predator")
# as the pack had it before the playtest: the newcomer's definition a copy of the card's
SAME = WordRef(PREDATOR.id, replace(PREDATOR.word, simple=PREDATOR.word.definition.upper()
                                    .rstrip(".")), PACK.id)


def test_two_definitions_that_read_the_same_are_one_prompt() -> None:
    assert definition_stems(SAME.word, scaffold_for(3)) == [PREDATOR.word.definition]
    assert same_definition_words([SAME.word, PREDATOR.word]) == (SAME.word,)


@pytest.mark.parametrize("lang", ["ar", "es", "zh"])
def test_a_word_with_one_definition_is_never_asked_the_same_way_twice_running(
        lang: str) -> None:
    # playtest (level 3, Arabic): "Which word means this? An animal that hunts and eats other
    # animals" as a poll, buttons, then typed twice: four checks, one sentence
    for start in range(4):  # whichever kind the word's first check happens to take
        prompts: list[str] = []
        last: tuple[str, ...] = ()
        for turn in range(start, start + 4):
            item = build_check([SAME], POOL, lang, scaffold_for(3), random.Random(turn),
                               turns={SAME.id: turn}, last={SAME.id: last})[0]
            prompts.append(item.prompt)
            last = (item.prompt,)
        assert all(a.casefold() != b.casefold() for a, b in itertools.pairwise(prompts)), \
            prompts


def test_the_one_definition_is_asked_again_only_when_nothing_else_can_ask_the_word() -> None:
    # no gap sentence and no home-language term: the definition is all there is
    bare = WordRef(SAME.id, replace(SAME.word, cloze=None, more_clozes=(), glosses={}),
                   PACK.id)
    item = build_item(bare, POOL, ItemType.CHOICE, "ar", scaffold_for(3), random.Random(1),
                      last=(PREDATOR.word.definition,))
    assert item.prompt == PREDATOR.word.definition


def test_a_prompt_shown_by_practice_again_is_not_asked_next() -> None:
    practice = build_item(HABITAT, POOL, ItemType.CHOICE, "ar", scaffold_for(3),
                          random.Random(1), turn=1).prompt
    for kind in (ItemType.CHOICE, ItemType.POLL, ItemType.TYPED):
        for turn in range(4):
            asked = build_item(HABITAT, POOL, kind, "ar", scaffold_for(3), random.Random(2),
                               turn=turn, last=("Another question", practice))
            assert asked.prompt != practice


def test_the_audit_names_words_whose_two_definitions_are_the_same() -> None:
    shipped = [w for p in load_packs().packs for w in p.words]
    assert same_definition_words(shipped) == ()  # each newcomer's definition is simpler


def test_when_every_way_was_shown_the_one_shown_longest_ago_is_asked() -> None:
    # no gap sentence: the definition (the last check's) and the home-language term (the
    # "Practice again" after it, read with its answer a moment before) are all there is
    bare = WordRef(SAME.id, replace(SAME.word, cloze=None, more_clozes=()), PACK.id)
    term = bare.word.glosses["ar"].term
    for kind in (ItemType.CHOICE, ItemType.REVERSE, ItemType.POLL):
        item = build_item(bare, POOL, kind, "ar", scaffold_for(3), random.Random(1),
                          last=(PREDATOR.word.definition, term))
        assert item.prompt == PREDATOR.word.definition


@pytest.mark.parametrize("kind", [ItemType.TYPED, ItemType.CHOICE])
def test_a_newcomer_asked_by_her_card_definition_last_time_is_shown_the_picture(
        kind: ItemType) -> None:
    habitat = replace(HABITAT, word=replace(HABITAT.word, emoji="🏡"))
    own, short = habitat.word.glosses["ar"].definition, habitat.word.glosses["ar"].simple
    assert own and short and habitat.word.emoji
    item = build_item(habitat, POOL, kind, "ar", scaffold_for(1), random.Random(1),
                      last=(short,))
    assert item.prompt == habitat.word.emoji  # her card's definition shown last: the picture
    again = build_item(habitat, POOL, kind, "ar", scaffold_for(1), random.Random(1))
    assert again.prompt == short  # otherwise the definition her card showed
    assert own not in (item.prompt, again.prompt)  # never the textbook one
