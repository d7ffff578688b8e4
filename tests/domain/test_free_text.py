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


@pytest.mark.parametrize("text", ["ano ibig sabihin ng ecosystem", "Ano po ang ecosystem",
                                  "ecosystem ibig sabihin", "что такое ecosystem",
                                  "что значит ecosystem", "chto takoe ecosystem",
                                  "що таке ecosystem", "ecosystem это что"])
def test_what_does_it_mean_in_taglish_russian_or_ukrainian_without_a_mark_asks_for_its_card(
        text: str) -> None:
    """Playtest (Civics 10): Maricel's "ano ibig sabihin ng constitution" and Artem's "что
    значит law" were offered to an English-only teacher as chat, though Puente has the card."""
    assert about_word(text, TERMS, english_words()) == AboutWord("ecosystem", question=True)


@pytest.mark.parametrize("text", [
    "Ang ecosystem ay mahalaga sa atin",   # not an English sentence
    "ecosystem and habitat?",              # two words: which card?
    "big ecosystem",                       # too short for a sentence
    "I am sick today teacher",             # none of their words: for the teacher
    "is the ecosystem of a desert the same as the habitat of a camel or not really at all?",
])
def test_other_messages_are_neither(text: str) -> None:
    assert about_word(text, TERMS, english_words()) is None


@pytest.mark.parametrize("text", [
    "habitat가 뭐예요?", "habitat는 뭐야", "habitat 뜻이 뭐예요", "habitat是什么意思？",
    "habitat是什么意思", "habitat 什么意思", "什么是habitat", "habitat什么意思啊"])
def test_a_chinese_or_korean_question_written_on_the_word_asks_for_its_card(text: str) -> None:
    """Korean writes its particle on the word and Chinese has no spaces (playtest: Ji-woo's
    "integer가 뭐예요?" and Hao's "ratio是什么意思？" were offered to the teacher as chat)."""
    assert about_word(text, TERMS, english_words()) == AboutWord("habitat", question=True)


def test_a_word_inside_another_word_is_not_named() -> None:
    assert about_word("What is a subhabitats thing?", TERMS, english_words()) is None
    assert about_word("한subhabitat가 뭐예요?", TERMS, english_words()) is None


@pytest.mark.parametrize("text", [
    "In my own words, predator means hayop na nanghuhuli…",  # playtest: "I cannot chat"
    "in my own words predator means an animal that hunts",
    "In my own words, predator means hayop na kumakain ng prey",
])
def test_the_cards_sentence_start_finished_in_her_words_is_a_sentence(text: str) -> None:
    terms = ["predator", "prey", "ecosystem"]
    assert about_word(text, terms, english_words()) == AboutWord("predator", question=False)


@pytest.mark.parametrize("text", [
    "predator means hayop na nanghuhuli ng iba",  # not the card's start: a message
    "In my own words, predator ay hayop na nanghuhuli",  # not the start as the card wrote it
])
def test_only_the_cards_own_start_makes_a_tagalog_line_a_sentence(text: str) -> None:
    assert about_word(text, ["predator", "prey"], english_words()) is None
