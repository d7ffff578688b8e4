"""Home-language text matched to a gloss as its language is written, and told from English."""

from __future__ import annotations

import pytest

from bot.domain.home_text import (
    answer_key,
    beside,
    cuts,
    gloss_variants,
    home_aside,
    home_key,
    home_keys,
    looks_like,
    own_language,
)
from bot.domain.typed_answers import Verdict, grade


@pytest.mark.parametrize("typed", [
    "موطن", "الموطن", "والموطن", "بالموطن", "فالموطن", "كالموطن", "مَوْطِنٌ", "الـمـوطن",
])
def test_an_arabic_gloss_matches_with_its_article_prefixes_and_short_vowels(typed: str) -> None:
    assert home_key(typed, "ar") == home_key("موطن", "ar")


@pytest.mark.parametrize(("typed", "gloss"), [
    ("احداثي", "إحداثي"), ("اداة", "أداة"), ("الة", "آلة"), ("فريسه", "فريسة"),
    ("مستشفى", "مستشفي"), ("للطالب", "طالب"), ("النظام البيئي", "نظام بيئي"),
])
def test_arabic_alef_taa_marbuta_and_yaa_variants_match(typed: str, gloss: str) -> None:
    assert home_key(typed, "ar") == home_key(gloss, "ar")


def test_an_arabic_word_that_only_starts_like_the_article_keeps_its_letters() -> None:
    # ألم (pain) is not ال + م: fewer than two letters would be left
    assert home_key("ألم", "ar") == "الم"
    assert home_key("الدم", "ar") == "دم"  # the blood: two letters left, the article goes


def test_vietnamese_tones_tell_words_apart_but_text_without_any_matches_the_gloss() -> None:
    assert home_key("loại", "vi") != home_key("loài", "vi")
    assert home_key("Loài", "vi") == home_key("loài", "vi")
    species = home_keys(("loài",), "vi")
    assert home_key("loai", "vi") in species  # typed on a phone with no Vietnamese keyboard
    assert home_key("loại", "vi") not in species
    assert home_key("dang thuc", "vi") in home_keys(("đẳng thức",), "vi")


@pytest.mark.parametrize(("typed", "gloss"), [
    ("một hệ sinh thái", "hệ sinh thái"), ("Các hệ sinh thái", "hệ sinh thái"),
    ("những con mồi", "con mồi"), ("một con mồi", "con mồi"), ("sự bay hơi", "bay hơi"),
    ("cái nhiệt kế", "nhiệt kế"),
])
def test_a_vietnamese_article_or_classifier_before_the_gloss_is_taken_off(
        typed: str, gloss: str) -> None:
    keys = home_keys((gloss,), "vi")
    assert keys[answer_key(typed, keys, "vi")] == gloss


@pytest.mark.parametrize(("typed", "gloss"), [
    ("mồi", "con mồi"),                  # the gloss without its classifier is not the gloss
    ("một hệ sinh thai", "hệ sinh thái"),  # a tone missing: another word
    ("mot he sinh thai", "hệ sinh thái"),  # no tones at all: no telling an article from a word
    ("một hệ thống sinh thái", "hệ sinh thái"),
    ("hệ một sinh thái", "hệ sinh thái"),
])
def test_a_vietnamese_leading_word_is_taken_off_only_before_the_gloss_with_its_tones(
        typed: str, gloss: str) -> None:
    keys = home_keys((gloss,), "vi")
    assert answer_key(typed, keys, "vi") not in keys


def test_a_romance_article_is_folded_away_with_accents() -> None:
    assert home_key("El Ecosistema", "es") == home_key("ecosistema", "es")
    assert home_key("l'écosystème", "fr") == home_key("écosystème", "fr")
    assert home_key("la", "es") == "la"  # an article alone stays what was typed


@pytest.mark.parametrize(("gloss", "alternatives"), [
    ("sustracción (resta)", {"sustracción", "resta"}),
    ("mưa, tuyết, mưa đá (giáng thủy)", {"mưa", "tuyết", "mưa đá", "giáng thủy"}),
    ("ضرب / مضاعفة", {"ضرب", "مضاعفة"}),
    ("موطن", set()),
])
def test_a_gloss_matches_each_alternative_it_lists(gloss: str, alternatives: set[str]) -> None:
    variants = gloss_variants(gloss)
    assert variants[0] == gloss and alternatives <= set(variants)
    keys = home_keys((gloss,), "vi")
    assert all(keys[home_key(a, "vi")] == gloss for a in alternatives)


def test_only_text_the_detector_is_sure_of_is_the_students_language() -> None:
    assert own_language("no sé", "es") and own_language("mô tả", "vi")
    assert not own_language("i dont know", "es")   # English
    assert not own_language("presa", "es")         # one word: the detector is unsure
    assert not own_language("no sé", None) and not own_language("hello", "en")


def test_text_in_another_script_is_named_by_what_it_looks_like() -> None:
    assert looks_like("لا أعرف", "so") == "ar"     # a Somali student who writes Arabic
    assert looks_like("ሰላም", "ti") == "ti"         # Amharic or Tigrinya: the student's own
    assert looks_like("ሰላም", "ar") == "am"         # neither is hers: the likelier one
    assert looks_like("გამარჯობა", "ar") is None   # Georgian: a script no rule here knows


@pytest.mark.parametrize("typed", ["12345", "2", " 3 ", "1/2", "٣", "#7!"])
def test_digits_and_punctuation_are_no_answer(typed: str) -> None:
    assert grade(typed, "explain", lang="vi").kind is Verdict.EMPTY


def test_latin_words_beside_the_students_script_do_not_name_another_language() -> None:
    # Playtest 12: "habitat (موطن)" was "That looks like Tagalog"
    assert looks_like("habitat predator (موطن)", "ar") == "ar"
    assert looks_like("habitat الموطن", "ar") == "ar"


@pytest.mark.parametrize(("typed", "parts"), [
    ("habitat (موطن)", ("habitat", "موطن")),
    ("(موطن) habitat", ("habitat", "موطن")),
    ("habitat الموطن", ("habitat", "الموطن")),
    ("موطن - habitat", ("habitat", "موطن")),
    ("hệ sinh thái: ecosystem", ("ecosystem", "hệ sinh thái")),
    ("ecosystem / ecosistema", ("ecosystem", "ecosistema")),
])
def test_an_answer_reads_as_two_parts_side_by_side(typed: str, parts: tuple[str, str]) -> None:
    assert parts in beside(typed)


@pytest.mark.parametrize("typed", [
    "habitat", "habitat predator", "habitat / predator / موطن", "a (b) c (d)", "non-fiction",
    "ecosystem hệ sinh thái",  # both Latin, no separator: where the English stops is a guess
])
def test_one_part_or_three_are_not_two_parts_side_by_side(typed: str) -> None:
    assert beside(typed) == []


def test_latin_words_with_no_separator_are_cut_at_every_space_both_ways_round() -> None:
    assert cuts("ecosystem hệ sinh thái")[:2] == [("ecosystem", "hệ sinh thái"),
                                                  ("hệ sinh thái", "ecosystem")]
    assert ("hệ sinh thái", "ecosystem") in cuts("hệ sinh thái ecosystem")
    assert len(cuts("a b c d")) == 6 and cuts("ecosystem") == []


def test_home_language_text_beside_an_answer_is_never_english() -> None:
    ecosystem = home_keys(("hệ sinh thái",), "vi")
    assert home_aside("hệ sinh thái", ecosystem, "vi") and home_aside("he sinh thai", ecosystem,
                                                                      "vi")
    assert home_aside("الموطن", {}, "ar")
    assert not home_aside("predator", ecosystem, "vi") and not home_aside("🙂", {}, "ar")
    assert not home_aside("predatr", home_keys(("depredador",), "es"), "es")


@pytest.mark.parametrize(("typed", "lang", "gloss"), [
    ("habitat (موطن)", "ar", "موطن"), ("habitat الموطن", "ar", "موطن"),
    ("موطن - habitat", "ar", "موطن"), ("Habitat (المَوْطِن)", "ar", "موطن"),
    ("habitat (môi trường sống)", "vi", "môi trường sống"),
    ("habitat (hábitat)", "es", "hábitat"),
])
def test_the_right_word_beside_its_gloss_is_right(typed: str, lang: str, gloss: str) -> None:
    verdict = grade(typed, "habitat", home_terms=[gloss], lang=lang)
    assert (verdict.kind, verdict.matched) == (Verdict.EXACT, "habitat")


@pytest.mark.parametrize(("typed", "kind"), [
    ("habitat predator prey (موطن)", Verdict.NOT_ENGLISH),  # several English words: no answer
    ("habitat predator (موطن)", Verdict.NOT_ENGLISH),
    ("habitat / predator / موطن", Verdict.NOT_ENGLISH),
    ("predator (موطن) habitat", Verdict.NOT_ENGLISH),
    ("habitat (predator)", Verdict.WRONG),                   # English in brackets is no gloss
    ("habitat, predator", Verdict.WRONG),
    ("predator (موطن)", Verdict.OTHER_ENGLISH_WORD),         # the English part is graded
])
def test_several_english_words_beside_a_gloss_are_never_right(typed: str, kind: Verdict) -> None:
    verdict = grade(typed, "habitat", home_terms=["موطن"], lang="ar",
                    other_terms=["habitat", "predator", "prey"])
    assert (verdict.kind, verdict.correct) == (kind, False)


def test_text_in_another_script_is_not_english_and_never_a_miss() -> None:
    verdict = grade("الأسد", "predator", home_terms=["مفترس"], lang="ar")  # "the lion"
    assert (verdict.kind, verdict.matched, verdict.correct) == (Verdict.NOT_ENGLISH, "ar", False)
    assert verdict.retry


def test_an_english_answer_from_a_home_language_speaker_is_still_graded() -> None:
    assert grade("i dont know why", "predator", home_terms=["depredador"], lang="es").kind \
        is Verdict.WRONG
    assert grade("prey", "predator", home_terms=["depredador"], lang="es",
                 other_terms=["prey"]).kind is Verdict.OTHER_ENGLISH_WORD
