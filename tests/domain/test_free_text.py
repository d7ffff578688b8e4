"""A free message about one of the student's words: a short question shows its card, an
English sentence using it is acknowledged (never graded, never kept)."""

from __future__ import annotations

import pytest

from bot.domain.english_spelling import english_words
from bot.domain.free_text import AboutWord, about_word

TERMS = ["ecosystem", "habitat", "population", "food chain"]


@pytest.mark.parametrize("text", ["ano po ibig sabihin ng ecosystem?",
                                  "what does ecosystem mean?", "what does ecosystem mean",
                                  "생태계 ecosystem 무슨 뜻이에요?", "ecosystem là gì?"])
def test_a_short_question_naming_one_word_asks_for_its_card(text: str) -> None:
    assert about_word(text, TERMS, english_words()) == AboutWord("ecosystem", question=True)


@pytest.mark.parametrize("text", ["A pond is a small ecosystem.",
                                  "My ecosystem has many animals and plants",
                                  "Many ecosystems need water."])
def test_an_english_sentence_with_a_word_is_the_sentence_the_card_asked_for(text: str) -> None:
    assert about_word(text, TERMS, english_words()) == AboutWord("ecosystem", question=False)


def test_a_two_word_term_counts_as_one_word() -> None:
    assert about_word("The food chain in a pond is long.", TERMS, english_words()) \
        == AboutWord("food chain", question=False)


@pytest.mark.parametrize("text", [
    "Ang ecosystem ay mahalaga sa atin",   # not an English sentence
    "ecosystem and habitat?",              # two words: which card?
    "big ecosystem",                       # too short for a sentence
    "I am sick today teacher",             # none of their words: for the teacher
    "is the ecosystem of a desert the same as the habitat of a camel or not really at all?",
])
def test_other_messages_are_neither(text: str) -> None:
    assert about_word(text, TERMS, english_words()) is None


def test_a_word_inside_another_word_is_not_named() -> None:
    assert about_word("What is a subhabitats thing?", TERMS, english_words()) is None
