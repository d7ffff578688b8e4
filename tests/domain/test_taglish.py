"""Taglish answers: the English word with a Tagalog particle or pronoun around it (playtest:
Jomar, 15, Tagalog, WIDA 3), and the same gap in the other home languages' filler lists."""

from __future__ import annotations

import pytest

from bot.domain.answer_frames import FILLERS, NEGATIONS, TAG_QUESTIONS, negated
from bot.domain.english_spelling import normalise
from bot.domain.typed_answers import RETRY, TypedVerdict, Verdict, grade, own_terms, pack_terms
from bot.services.packs import load_packs

WORDS = [word for pack in load_packs().packs for word in pack.words]
BY_TERM = {word.term: word for word in WORDS}


def graded(typed: str, expected: str, lang: str | None) -> TypedVerdict:
    """Grade as a check does: the student's pack terms, this word's gloss and false friend."""
    terms, _ = pack_terms(WORDS, lang)
    own, false_friends = own_terms(BY_TERM[expected], lang)
    return grade(typed, expected, BY_TERM[expected].forms, own, lang, terms, false_friends)


@pytest.mark.parametrize(("typed", "expected"), [
    # marked WRONG in the playtest
    ("habitat nya", "habitat"), ("predator diba", "predator"), ("consumer sya", "consumer"),
    # told "That looks like Tagalog. Please write the English word."
    ("predator nga", "predator"), ("population nila", "population"),
    ("yung predator diba", "predator"),
    # the same shapes
    ("predator di ba", "predator"), ("predator di ba po", "predator"),
    ("habitat niya", "habitat"), ("consumer siya", "consumer"), ("predator po diba", "predator"),
    ("ecosystem talaga", "ecosystem"), ("habitat daw", "habitat"), ("diba consumer", "consumer"),
    ("Predator nga po!", "predator"), ("yung population pala", "population"),
])
def test_the_english_word_with_tagalog_particles_is_right(typed: str, expected: str) -> None:
    verdict = graded(typed, expected, "tl")
    assert verdict.exact, verdict
    assert (verdict.graded or "").lower() == expected


@pytest.mark.parametrize(("typed", "expected"), [
    ("predator nga", "predator"), ("population nila", "population"),
    ("yung predator diba", "predator"), ("pray nga", "prey"), ("consumer nga po", "producer"),
])
def test_an_english_word_with_filler_is_never_not_english(typed: str, expected: str) -> None:
    assert graded(typed, expected, "tl").kind not in RETRY


@pytest.mark.parametrize(("typed", "expected"), [
    ("pray nga", "prey"), ("consumer sya", "predator"), ("consumer nga po", "producer"),
])
def test_another_english_word_with_particles_is_that_word_a_miss(typed: str,
                                                                  expected: str) -> None:
    verdict = graded(typed, expected, "tl")
    assert verdict.kind is Verdict.OTHER_ENGLISH_WORD, verdict


@pytest.mark.parametrize(("typed", "expected"), [
    ("hindi predator diba", "predator"), ("hindi nga predator", "predator"),
    ("di ba predator", "predator"),  # "di" before the word denies it: kept whole
    ("predator ba consumer", "predator"), ("nga", "predator"),
])
def test_taglish_particles_never_pass_what_is_evidence(typed: str, expected: str) -> None:
    assert not graded(typed, expected, "tl").correct


@pytest.mark.parametrize(("text", "lang", "denies"), [
    ("predator di ba", "tl", False), ("predator, hindi ba?", "tl", False),
    ("habitat, não é?", "pt", False), ("predator phải không", "vi", False),
    ("hindi predator", "tl", True), ("não é predator", "pt", True),
    ("di ba", "tl", True),  # nothing before the tag: it is not a tag
])
def test_a_tag_question_at_the_end_asks_it_does_not_deny(text: str, lang: str,
                                                         denies: bool) -> None:
    assert negated(text, lang) is denies


@pytest.mark.parametrize(("typed", "expected", "lang"), [
    ("predator né", "predator", "pt"), ("habitat, não é?", "habitat", "pt"),
    ("habitat nhé", "habitat", "vi"), ("predator phải không", "predator", "vi"),
    ("habitat verdad", "habitat", "es"), ("o sea habitat", "habitat", "es"),
    ("habitat quoi", "habitat", "fr"), ("predator ben", "predator", "fr"),
    ("predator xwb", "predator", "hmn"), ("habitat 吧", "habitat", "zh"),
    ("可能是habitat", "habitat", "zh"), ("predator же", "predator", "ru"),
    ("habitat pa vre", "habitat", "ht"), ("ربما habitat", "habitat", "ar"),
    ("아마 habitat", "habitat", "ko"), ("malaha habitat", "habitat", "so"),
])
def test_the_other_languages_particles_are_filler_too(typed: str, expected: str,
                                                      lang: str) -> None:
    assert graded(typed, expected, lang).exact


def test_haitian_non_stays_a_negation() -> None:
    """"non" is Haitian Creole for "no": "predator non" may deny the word, so it is a miss."""
    assert not graded("predator non", "predator", "ht").correct


def test_no_tag_question_is_a_pack_term_and_every_one_holds_to_its_language() -> None:
    terms = {normalise(word.term) for word in WORDS}
    assert set(TAG_QUESTIONS) <= set(NEGATIONS)
    for lang, phrases in TAG_QUESTIONS.items():
        assert not {p for p in phrases.split("|") if normalise(p) in terms}, lang
        assert not set(phrases.split("|")) & set(FILLERS[lang].split("|")), lang


# A playtest (Maricel, 14, Tagalog, WIDA 4, worried about her grades): a hedge, or the word
# with the one it is not, was a miss; the word then her reason was "that looks like Tagalog".
@pytest.mark.parametrize(("typed", "expected", "lang"), [
    ("hindi ko sure pero organism po ba?", "organism", "tl"),  # was "Hindi pa tama"
    ("di ko sure organism", "organism", "tl"),
    ("hindi ko alam kung organism po", "organism", "tl"),
    ("organism po, hindi ko sure", "organism", "tl"),
    ("no sé si organism", "organism", "es"),
    ("não sei se organism", "organism", "pt"),
    ("I'm not sure but organism", "organism", None),
    ("prey po, hindi predator", "prey", "tl"),  # was a miss
    ("prey, not predator", "prey", None),
    ("prey, no predator", "prey", "es"),
    ("producer, yung mga plants po", "producer", "tl"),  # was "that looks like Tagalog"
    ("Consumer. kasi kumakain sila ng plants", "consumer", "tl"),
    ("predator - hayop na nanghuhuli", "predator", "tl"),
])
def test_a_hedge_a_word_it_is_not_or_a_reason_after_the_word_is_right(
        typed: str, expected: str, lang: str | None) -> None:
    verdict = graded(typed, expected, lang)
    assert verdict.exact, verdict
    assert (verdict.graded or "").lower() == expected


@pytest.mark.parametrize(("typed", "expected", "lang"), [
    ("prey po, hindi predator", "predator", "tl"),  # the word is the one she says it is not
    ("prey, not predator", "predator", None),
    ("not prey", "prey", None), ("hindi prey po", "prey", "tl"),  # "not X" alone
    ("prey ou predator", "prey", "pt"), ("prey, ou predator", "prey", "pt"),  # two words
    ("producer, hindi consumer pala consumer", "consumer", "tl"),
    ("I don't know habitat", "habitat", None),  # not a hedge: she does not know it
    ("prey, hindi", "prey", "tl"),  # "prey? no"
    ("predator, prey pala", "predator", "tl"),  # she takes it back
])
def test_a_negation_or_a_second_word_still_keeps_the_answer_whole(
        typed: str, expected: str, lang: str | None) -> None:
    assert not graded(typed, expected, lang).correct


def test_a_word_before_its_tagalog_reason_is_graded_as_that_word_a_miss_not_a_retry() -> None:
    verdict = graded("prey, yung kumakain ng ibang hayop", "predator", "tl")
    assert verdict.kind is Verdict.OTHER_ENGLISH_WORD, verdict
