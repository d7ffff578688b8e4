""" "Practice again" for two words a student mixes up asks exactly those two: the word missed
among two options, the other word and it, in a sentence where one is fair."""

from __future__ import annotations

import random

import pytest

from bot.domain.checks import Item, WordRef
from bot.domain.reteach import pair_item
from bot.domain.scaffold import ItemType, scaffold_for
from bot.services.packs import load_packs

WORDS = {
    w.term: WordRef(n + 1, w, "science.ecosystems")
    for pack in load_packs().packs
    if pack.id == "science.ecosystems"
    for n, w in enumerate(pack.words)
}


def missed(term: str, other: str) -> Item:
    word = WORDS[term].word
    return Item(WORDS[term].id, ItemType.CHOICE, word.definition, (term, other, "organism"), term)


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5, 6])
@pytest.mark.parametrize(
    "pair", [("ecosystem", "habitat"), ("producer", "consumer"), ("population", "community")]
)
def test_the_two_options_are_exactly_the_two_words(level: int, pair: tuple[str, str]) -> None:
    first, second = pair
    item = pair_item(
        missed(first, second),
        WORDS[first],
        WORDS[second],
        "vi",
        scaffold_for(level),
        random.Random(level),
    )
    assert sorted(item.options) == sorted(pair) and item.answer == first
    assert item.prompt != WORDS[first].word.definition  # not the question just missed


def test_a_pair_with_fair_sentences_is_asked_in_one() -> None:
    item = pair_item(
        missed("producer", "consumer"),
        WORDS["producer"],
        WORDS["consumer"],
        "vi",
        scaffold_for(3),
        random.Random(1),
    )
    assert item.item_type is ItemType.CLOZE
