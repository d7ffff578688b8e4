"""A home-language word typed outside a check: which of the student's words it is the gloss of,
decided by the typed-answer grader (accents and slips forgiven, false friends never)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.domain.checks import WordRef
from bot.domain.gloss_lookup import english_words, glossed_words
from bot.domain.packs import Gloss, Word
from bot.services.packs import load_packs

PACKS = {pack.id: pack for pack in load_packs().packs}


def refs(*pack_ids: str) -> list[WordRef]:
    words = [(pack_id, w) for pack_id in pack_ids for w in PACKS[pack_id].words]
    return [WordRef(i, word, pack_id) for i, (pack_id, word) in enumerate(words, 1)]


ECOSYSTEMS = refs("science.ecosystems")


def terms(found: list[WordRef]) -> list[str]:
    return [ref.word.term for ref in found]


@pytest.mark.parametrize(("lang", "typed", "term"), [
    ("so", "ugaarsade", "predator"),            # the playtest's words
    ("so", "noole", "organism"),
    ("so", "  Ugaarsade ", "predator"),         # case and spaces
    ("es", "poblacion", "population"),          # without its accent
    ("es", "ecosistemma", "ecosystem"),         # one slip in a long gloss
    ("hmn", "tsiaj tua noj", "predator"),       # several words
    ("ar", "مفترس", "predator"),
    ("zh", "捕食者", "predator"),
])
def test_a_gloss_of_a_pack_word_names_the_word(lang: str, typed: str, term: str) -> None:
    assert terms(glossed_words(typed, ECOSYSTEMS, lang)) == [term]


@pytest.mark.parametrize(("lang", "typed"), [
    ("so", "maxaan sameeyaa"),       # a question for someone, not a word
    ("so", "noolee"),                # a slip, but "noole" is too short to tell a slip apart
    ("es", "hola"),
    ("es", "predator"),              # the English word itself: not a home-language word
    ("es", "ugaarsade"),             # Somali, but her language is Spanish
    ("en", "predator"),
    (None, "presa"),
])
def test_anything_else_names_no_word(lang: str | None, typed: str) -> None:
    assert glossed_words(typed, ECOSYSTEMS, lang) == []


def test_a_listed_false_friend_is_never_taken_for_another_words_gloss() -> None:
    support = Word("support", "verb", 2, "To help.", "Roots support the tree.",
                   glosses={"es": Gloss("apoyar", false_friend="soportar")})
    endure = Word("endure", "verb", 2, "To go on through pain.", "They endure the cold.",
                  glosses={"es": Gloss("soportar")})
    words = [WordRef(1, support), WordRef(2, endure)]
    assert glossed_words("soportar", words, "es") == []
    assert terms(glossed_words("apoyar", words, "es")) == ["support"]
    # without the warning on support's card, "soportar" is endure's gloss like any other
    plain = [WordRef(1, replace(support, glosses={"es": Gloss("apoyar")})), words[1]]
    assert terms(glossed_words("soportar", plain, "es")) == ["endure"]


def test_the_gloss_written_exactly_wins_over_one_that_differs_only_by_accents() -> None:
    words = refs("science.ecosystems", "general.academic-nouns", "ela.reading-writing")
    assert terms(glossed_words("loài", words, "vi")) == ["species"]
    assert terms(glossed_words("loại", words, "vi")) == ["category"]
    # typed without its marks it could be either: each is named (not genre, "thể loại": "thể"
    # is no English article to fold away)
    assert sorted(terms(glossed_words("loai", words, "vi"))) == ["category", "species"]


def test_a_word_in_two_packs_is_named_once() -> None:
    twice = ECOSYSTEMS + [replace(ref, id=ref.id + 1000) for ref in ECOSYSTEMS]
    assert terms(glossed_words("ugaarsade", twice, "so")) == ["predator"]


@pytest.mark.parametrize(("typed", "term", "exact"), [
    ("analize", "analyze", False),    # the playtest's words
    ("contrst", "contrast", False),
    ("predater", "predator", False),  # the closest: producer is a slip further
    ("Habitat", "habitat", True),     # written as it is (its case aside)
    ("analyzing", "analyze", True),   # a regular form is the word
])
def test_an_english_word_of_theirs_or_a_slip_of_it_is_found(typed: str, term: str,
                                                            exact: bool) -> None:
    found = english_words(typed, refs("science.ecosystems", "general.academic-verbs"), "hmn")
    assert (terms(found.refs), found.exact) == ([term], exact)


@pytest.mark.parametrize("typed", ["pray", "hello", "I need help with my homework", "🙂", "?",
                                   "ecosistema"])
def test_another_word_or_a_sentence_is_no_word_of_theirs(typed: str) -> None:
    # "pray" is another English word (never prey); "ecosistema" the Spanish word
    assert english_words(typed, ECOSYSTEMS, "es").refs == []
