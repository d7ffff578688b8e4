"""The word inside filler a teacher would accept: politeness, articles, answer frames, examples
(bot/domain/answer_frames.py; playtest with a Korean WIDA 5 and a Tagalog WIDA 3 student)."""

from __future__ import annotations

import pytest

from bot.domain.answer_frames import EXAMPLE_MARKERS, FILLERS, NEGATIONS, answer_core
from bot.domain.checks import grade_typed
from bot.domain.english_spelling import normalise
from bot.domain.home_text import gloss_variants
from bot.domain.language import school_languages
from bot.domain.typed_answers import TypedVerdict, Verdict, grade, own_terms, pack_terms
from bot.services.packs import load_packs

WORDS = [word for pack in load_packs().packs for word in pack.words]
BY_TERM = {word.term: word for word in WORDS}
LANGS = ("en", "es", "fr", "pt", "ht", "so", "hmn", "vi", "zh", "ar", "ko", "ru", "tl")


def graded(typed: str, expected: str, lang: str | None) -> TypedVerdict:
    """Grade as a check does: the student's pack terms, this word's gloss and false friend."""
    terms, _ = pack_terms(WORDS, lang)
    own, false_friends = own_terms(BY_TERM[expected], lang)
    return grade(typed, expected, BY_TERM[expected].forms, own, lang, terms, false_friends)


# (typed, expected, the student's language): every one was a miss in the playtest, or in the
# same shape in another home language
ACCEPTED = [
    ("ecosystem po", "ecosystem", "tl"),
    ("Habitat po.", "habitat", "tl"),
    ("po habitat", "habitat", "tl"),
    ("mga producer", "producer", "tl"),
    ("ang population", "population", "tl"),  # was "Mukhang Tagalog iyan"
    ("yung habitat po", "habitat", "tl"),
    ("community ata", "community", "tl"),
    ("siguro ecosystem po", "ecosystem", "tl"),
    ("ecosystem이요", "ecosystem", "ko"),  # was "That looks like Portuguese"
    ("habitat이요", "habitat", "ko"),  # was "That looks like Tagalog"
    ("ecosystem 입니다", "ecosystem", "ko"),
    ("habitat 이에요", "habitat", "ko"),
    ("producer예요", "producer", "ko"),
    ("정답은 habitat이요", "habitat", "ko"),
    ("The answer is population.", "population", "ko"),
    ("It's population", "population", "tl"),
    ("I think habitat", "habitat", "tl"),
    ("it is a habitat", "habitat", None),
    ("producer (plants)", "producer", "tl"),
    ("producer, like grass", "producer", "tl"),
    ("went extinct", "extinct", "ko"),
    ("es el hábitat", "habitat", "es"),
    ("creo que es ecosystem", "ecosystem", "es"),
    ("c'est ecosystem", "ecosystem", "fr"),
    ("é population", "population", "pt"),
    ("se habitat la", "habitat", "ht"),
    # a Haitian Creole student is schooled in French: its filler is hers too (playtest, Jb)
    ("c'est photosynthesis", "photosynthesis", "ht"),
    ("je pense hypothesis", "hypothesis", "ht"),
    ("c'est la photosynthesis", "photosynthesis", "ht"),
    ("m panse se hypothesis", "hypothesis", "ht"),
    ("là ecosystem ạ", "ecosystem", "vi"),
    ("waa ecosystem", "ecosystem", "so"),
    ("yog ecosystem", "ecosystem", "hmn"),
    ("是ecosystem吧", "ecosystem", "zh"),
    ("الجواب هو ecosystem", "ecosystem", "ar"),
    ("это ecosystem", "ecosystem", "ru"),
    ("adaption", "adaptation", "ko"),  # a spelling variant teachers accept
    ("adaptions", "adaptation", None),
]

# Filler never hides what is evidence: two candidate words, a negation, a longer sentence
REFUSED = [
    ("population or habitat", "population", "tl"),
    ("population habitat ecosystem", "population", "tl"),
    ("habitat, population po", "habitat", "tl"),
    ("not population", "population", "tl"),
    ("it's not population", "population", None),
    ("hindi ecosystem", "ecosystem", "tl"),
    ("hindi po ecosystem", "ecosystem", "tl"),
    ("ecosystem 아니에요", "ecosystem", "ko"),
    ("no es habitat", "habitat", "es"),
    ("ce n'est pas photosynthesis", "photosynthesis", "ht"),  # French negation, ht student
    ("se pa hypothesis", "hypothesis", "ht"),
    ("producer (consumer)", "producer", "tl"),
    ("producer, like a consumer", "producer", None),
    ("producer (not plants)", "producer", None),
    ("habitat like pond and forest and river and sea", "habitat", None),
    ("I saw a population of ducks at the lake", "population", "tl"),
    ("the population is big", "population", None),
    ("pray po", "prey", "tl"),  # another English word, filler or not
    ("food chain po", "food web", "tl"),  # another pack term
    ("po", "habitat", "tl"),  # filler alone is no answer
    ("heterotroph", "consumer", None),  # a real word, but not this one
]


@pytest.mark.parametrize(("typed", "expected", "lang"), ACCEPTED)
def test_the_word_with_filler_around_it_is_right(typed: str, expected: str,
                                                 lang: str | None) -> None:
    verdict = graded(typed, expected, lang)
    assert verdict.exact, verdict


@pytest.mark.parametrize(("typed", "expected", "lang"), REFUSED)
def test_filler_never_passes_what_is_evidence(typed: str, expected: str,
                                              lang: str | None) -> None:
    assert not graded(typed, expected, lang).correct


def test_a_slip_inside_filler_is_forgiven_and_marked_on_the_word() -> None:
    verdict = graded("ecosistem po", "ecosystem", "tl")
    assert verdict.kind is Verdict.TYPO_FORGIVEN
    assert verdict.graded == "ecosistem"
    marked = grade_typed("ecosistem po", "ecosystem", lang="tl").slip
    assert [text for text, differs in marked if differs] == ["y"]


def test_the_gloss_inside_filler_is_praised_as_the_gloss() -> None:
    verdict = graded("ang populasyon po", "population", "tl")
    assert verdict.kind is Verdict.HOME_LANGUAGE_WORD


def test_a_whole_answer_that_is_already_right_is_graded_as_written() -> None:
    assert graded("ecosystem", "ecosystem", "tl").graded is None


@pytest.mark.parametrize(("answer", "lang", "core"), [
    ("yung habitat po", "tl", "habitat"),
    ("ecosystem이요", "ko", "ecosystem"),
    ("producer, like grass", None, "producer"),
    ("habitat", "tl", None),  # nothing to set aside
    ("po habitat", None, None),  # "po" is filler in Tagalog only
    ("not population", None, None),
    ("producer (consumer)", None, None),
])
def test_answer_core(answer: str, lang: str | None, core: str | None) -> None:
    terms = [word.term for word in WORDS]
    assert answer_core(answer, lang, terms) == core


def test_no_filler_or_example_word_is_a_pack_term() -> None:
    """A filler that is a pack term would be taken off a right answer of two pack words."""
    terms = {normalise(word.term) for word in WORDS}
    for table in (FILLERS, EXAMPLE_MARKERS):
        for lang, phrases in table.items():
            clash = {p for p in phrases.split("|") if normalise(p) in terms}
            assert not clash, (lang, clash)


def test_no_negation_is_filler() -> None:
    """Nor in the languages a student is likely schooled in, which are hers too (ht + fr)."""
    for lang in LANGS:
        codes = ("en", *school_languages(lang))
        fillers = {p for code in codes for p in FILLERS.get(code, "").split("|")}
        negations = {p for code in codes for p in NEGATIONS.get(code, "").split("|")} - {""}
        assert not fillers & negations, lang


def test_french_filler_is_filler_for_a_creole_student_only() -> None:
    """"c'est" is filler for a Haitian Creole student (schooled in French) and a French one,
    not for a Spanish one: the school languages are per language, not everyone's."""
    assert graded("c'est photosynthesis", "photosynthesis", "ht").exact
    assert graded("c'est photosynthesis", "photosynthesis", "fr").exact
    assert not graded("c'est photosynthesis", "photosynthesis", "es").correct


def test_every_language_has_its_lists() -> None:
    assert set(FILLERS) == set(EXAMPLE_MARKERS) == set(NEGATIONS) == set(LANGS)


@pytest.mark.parametrize(("typed", "expected", "lang"), [
    ("ecosystem 아니에요", "ecosystem", "ko"), ("population 아니요", "population", "ko"),
    ("hindi ecosystem po", "ecosystem", "tl"), ("hindi po ecosystem", "ecosystem", "tl"),
    ("hindi population po", "population", "tl"),
])
def test_the_english_word_said_not_to_be_it_is_a_miss_not_a_retry(typed: str, expected: str,
                                                                   lang: str) -> None:
    # a re-playtest: "ecosystem 아니에요" got "write the English word", then "ecosystem" was right
    assert grade(typed, expected, lang=lang).kind is Verdict.WRONG


def test_a_home_language_answer_with_a_negation_still_gets_its_retry() -> None:
    assert grade("no es ecosistema", "ecosystem", home_terms=["ecosistema"],
                 lang="es").kind is Verdict.NOT_ENGLISH


@pytest.mark.parametrize("typed", ["hindi ko alam po", "Ewan po", "di ko alam po"])
def test_i_dont_know_with_po_is_i_dont_know(typed: str) -> None:
    assert grade(typed, "habitat", lang="tl").kind is Verdict.DONT_KNOW


def test_tagalog_this_is_frame_is_filler() -> None:
    assert grade("Ito ay habitat", "habitat", lang="tl").correct


KO_ENDINGS = ("요", "이요", "입니다", "이에요", "예요")
KO_GLOSSES = [(word.term, word.glosses["ko"].term) for word in WORDS if "ko" in word.glosses]


@pytest.mark.parametrize(("typed", "expected", "gloss"), [
    ("생태계요", "ecosystem", "생태계"), ("개체군이요", "population", "개체군"),
    ("서식지입니다", "habitat", "서식지"), ("서식지예요.", "habitat", "서식지"),
    ("개체군이에요", "population", "개체군")])
def test_a_korean_gloss_with_a_polite_ending_written_onto_it_is_the_korean_word(
        typed: str, expected: str, gloss: str) -> None:
    # "생태계요" is the Korean word, said politely: one more try in English, never a miss
    assert graded(typed, expected, "ko") == TypedVerdict(Verdict.HOME_LANGUAGE_WORD, gloss)


def test_every_korean_gloss_with_each_ending_is_that_gloss_and_no_gloss_changes_meaning(
        ) -> None:
    assert KO_GLOSSES  # the packs gloss in Korean
    # what a child types for a gloss: each of its alternatives ("패턴 (규칙)": 패턴, 규칙)
    typed = {(term, gloss, form) for term, gloss in KO_GLOSSES for form in gloss_variants(gloss)
             if "(" not in form}
    forms = {form for _, _, form in typed}
    # No shipped Korean gloss ends in one of these syllables (one that did would be matched
    # whole first), nor is one gloss another with an ending: stripping never changes a word
    assert [f for f in forms if f.endswith(KO_ENDINGS)] == []
    assert [f for f in forms for e in KO_ENDINGS if f + e in forms] == []
    for term, gloss, form in typed:
        assert graded(form, term, "ko").matched == gloss
        for ending in KO_ENDINGS:
            verdict = graded(form + ending, term, "ko")
            assert verdict.kind is Verdict.HOME_LANGUAGE_WORD, (term, form, ending)
            assert verdict.matched == gloss


def test_a_korean_word_that_ends_in_yo_is_not_cut_to_another_word() -> None:
    # "필요" (need) is not "필" with 요: only a stem that is this word's gloss is taken
    assert graded("필요", "habitat", "ko").kind is not Verdict.HOME_LANGUAGE_WORD
    assert graded("서식지요요", "habitat", "ko").kind is not Verdict.HOME_LANGUAGE_WORD
