"""Typed grading: kind about spelling, strict about meaning (tests/data/typed_grading.tsv)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from bot.domain.checks import grade_typed
from bot.domain.english_spelling import slip_distance
from bot.domain.typed_answers import (
    MAX_ANSWER,
    NOT_AN_ANSWER,
    TypedVerdict,
    Verdict,
    grade,
    own_terms,
    pack_terms,
)
from bot.services.packs import load_packs

TABLE = Path(__file__).parents[1] / "data" / "typed_grading.tsv"
ACCEPTED = {Verdict.EXACT.value, Verdict.TYPO_FORGIVEN.value}
RETRIES = {Verdict.HOME_LANGUAGE_WORD.value, Verdict.NOT_ENGLISH.value}
NOT_AN_ANSWER_VALUES = {v.value for v in NOT_AN_ANSWER}


WORDS = [word for pack in load_packs().packs for word in pack.words]
with TABLE.open(encoding="utf-8", newline="") as table:
    ROWS = list(csv.DictReader(table, delimiter="\t", quoting=csv.QUOTE_NONE))


BY_TERM = {word.term: word for word in WORDS}


def grade_row(row: dict[str, str]) -> TypedVerdict:
    """Grade a row as the bot would: the word's own gloss and false friend, and the pack terms,
    beside the answer."""
    lang = row["lang"] or None
    terms, _ = pack_terms(WORDS, lang)
    word = BY_TERM.get(row["expected"])
    own, false_friends = own_terms(word, lang) if word else ([], [])
    return grade(row["typed"], row["expected"], home_terms=own, lang=lang, other_terms=terms,
                 false_friends=false_friends)


def _row_id(line: int, row: dict[str, str]) -> str:
    """A plain-ASCII test id. pytest escapes a non-ASCII id, caches it on the mark, and escapes
    it again in its next session in the same process (mutmut runs several), so an id recorded
    in one session is "not found" in the next."""
    typed = row["typed"][:30]
    if typed.isascii() and typed.isprintable() and "\\" not in typed:
        return f"{row['expected']}<-{typed}"
    return f"{row['expected']}<-{row['lang'] or 'xx'}-line{line}"


# The misspellings the grader still refuses, as docs/typed-grading.md lists them: in the English
# list (angl, nasion), or beyond the slip budget. A rule that forgives one of them makes its row
# pass: take it off this list (food chian and food webb went with rule 8's one-word slip).
STILL_REFUSED = {
    ("angle", "angl"), ("nation", "nasion"), ("culture", "culchure"), ("example", "egzample"),
    ("feature", "feachure"), ("photosynthesis", "fotosinthesis"), ("liquid", "likwid"),
}  # fmt: skip


def _row_param(line: int, row: dict[str, str]) -> object:
    refused = (row["expected"], row["typed"]) in STILL_REFUSED
    marks = [pytest.mark.xfail(strict=True, reason="still refused")] if refused else []
    return pytest.param(row, id=_row_id(line, row), marks=marks)


@pytest.mark.parametrize("row", [_row_param(n, r) for n, r in enumerate(ROWS, start=2)])
def test_table_row(row: dict[str, str]) -> None:
    verdict = grade_row(row)
    if row["verdict"] == Verdict.EXACT.value:
        assert verdict.exact, verdict
    elif row["verdict"] == Verdict.TYPO_FORGIVEN.value:  # right, and "check the spelling"
        assert verdict.kind is Verdict.TYPO_FORGIVEN, f"{verdict.kind.value} ({row['note']})"
    elif row["verdict"] == Verdict.FALSE_FRIEND.value:  # a miss, with the card's warning again
        assert verdict.kind is Verdict.FALSE_FRIEND, verdict
    else:  # a different word, the home-language word, garbage: never accepted
        assert not verdict.correct, f"{row['typed']!r} accepted for {row['expected']!r}"
        # "I don't know" is a miss with the answer shown; nothing else is taken for it
        assert (verdict.kind is Verdict.DONT_KNOW) is (row["verdict"] == "dont-know"), verdict
        if row["verdict"] in NOT_AN_ANSWER_VALUES:
            assert verdict.kind.value == row["verdict"], verdict
        assert verdict.retry is (row["verdict"] in RETRIES), verdict
        if row["verdict"] in RETRIES:  # the gloss gets its thumbs-up, other text a plain ask
            assert verdict.kind.value == row["verdict"], verdict


def test_the_table_covers_every_kind_of_answer() -> None:
    kinds = {row["verdict"] for row in ROWS}
    # ACCEPTED never comes from grade(): a miss a teacher of the class counted right before
    # is turned right by services.answers (docs/typed-grading.md, "When grading is wrong")
    assert kinds == {v.value for v in Verdict} - {Verdict.ACCEPTED.value}
    assert len(ROWS) >= 300
    home_langs = {row["lang"] for row in ROWS if row["verdict"] == "home-language-word"}
    assert len(home_langs - {""}) >= 8


def test_misspellings_are_forgiven_nine_times_in_ten() -> None:
    typos = [row for row in ROWS if row["verdict"] == Verdict.TYPO_FORGIVEN.value]
    forgiven = sum(grade_row(row).kind is Verdict.TYPO_FORGIVEN for row in typos)
    assert forgiven / len(typos) >= 0.90


def test_no_other_word_in_the_table_is_accepted() -> None:
    wrong = [row for row in ROWS if row["verdict"] not in ACCEPTED]
    accepted = [(row["expected"], row["typed"]) for row in wrong if grade_row(row).correct]
    assert accepted == []


@pytest.mark.parametrize(("typed", "expected"), [
    ("orgasm", "organism"), ("commodity", "community"), ("consume", "consumer"),
    ("produce", "producer"), ("recourse", "resource"), ("contract", "contrast"),
    ("evolution", "revolution"),
])
def test_a_real_english_word_is_never_a_typo(typed: str, expected: str) -> None:
    assert grade(typed, expected).kind is Verdict.OTHER_ENGLISH_WORD


def test_pray_is_not_accepted_for_prey() -> None:
    verdict = grade("pray", "prey")
    assert (verdict.correct, verdict.kind, verdict.matched) == (
        False, Verdict.OTHER_ENGLISH_WORD, "pray")


@pytest.mark.parametrize(("typed", "expected"), [
    ("food wed", "food web"), ("food chair", "food chain"), ("fool chain", "food chain"),
])
def test_one_slipped_word_inside_a_term_is_a_slip_though_it_is_an_english_word(
        typed: str, expected: str) -> None:
    """Newcomer playtest: "food wed" on the review that would have mastered food web read
    "Not quite", while "habbitat" and "foodweb" were forgiven the same week."""
    verdict = grade(typed, expected, other_terms=["food chain", "food web", "predator"])
    assert (verdict.correct, verdict.kind, verdict.matched) == (
        True, Verdict.TYPO_FORGIVEN, expected)


@pytest.mark.parametrize(("typed", "expected"), [
    ("food chain", "food web"),   # another term of her packs
    ("food net", "food web"),     # one word, but not a slip of it
    ("wed", "web"), ("pray", "prey"),  # a term of one word: another word
])
def test_another_english_word_or_term_is_still_wrong(typed: str, expected: str) -> None:
    verdict = grade(typed, expected, other_terms=["food chain", "food web", "web", "prey"])
    assert not verdict.correct


@pytest.mark.parametrize(("typed", "expected"), [
    ("mater", "matter"), ("maters", "matters"), ("biter", "bitter"),
])
def test_a_rare_word_one_doubled_letter_from_the_word_is_a_slip(typed: str,
                                                                 expected: str) -> None:
    """Playtest (Haitian Creole, level 2): "mater" for matter read "Not quite. The answer is
    matter": "mater" is in the English list, but nobody at school means it."""
    verdict = grade(typed, expected, lang="ht", home_terms=["matyè"])
    assert (verdict.correct, verdict.exact, verdict.kind) == (
        True, False, Verdict.TYPO_FORGIVEN)
    assert grade_typed(typed, expected, lang="ht").slip  # the letter to fix is shown


@pytest.mark.parametrize(("typed", "expected"), [
    ("later", "latter"), ("diner", "dinner"), ("super", "supper"), ("mutter", "matter"),
    ("desert", "dessert"), ("coma", "comma"),
])
def test_a_common_word_one_doubled_letter_away_is_still_another_word(typed: str,
                                                                     expected: str) -> None:
    assert grade(typed, expected).kind is Verdict.OTHER_ENGLISH_WORD


def test_spanish_gloss_gets_write_it_in_english() -> None:
    verdict = grade("Ecosistema", "ecosystem", home_terms=["ecosistema", "organismo"], lang="es")
    assert (verdict.kind, verdict.matched) == (Verdict.HOME_LANGUAGE_WORD, "ecosistema")
    assert verdict.retry and not verdict.correct


def test_a_slip_in_the_home_language_word_is_still_the_home_language_word() -> None:
    verdict = grade("ecosistemma", "ecosystem", home_terms=["ecosistema"], lang="es")
    assert verdict.kind is Verdict.HOME_LANGUAGE_WORD


def test_a_home_language_word_without_this_words_gloss_is_a_miss_never_a_slip() -> None:
    # In the word list, so never forgiven as a typo; not the curated gloss, so no thumbs-up.
    assert grade("productor", "producer", lang="es").kind is Verdict.WRONG
    assert grade("organisme", "organism", lang="fr").kind is Verdict.WRONG
    assert grade("organismos", "organism", home_terms=["organismo"], lang="es").retry


def test_another_words_gloss_is_a_miss_not_the_home_language_word() -> None:
    # The playtest: "habitad" for organism was told it was the Spanish word.
    verdict = grade("habitad", "organism", home_terms=["organismo"], lang="es")
    assert (verdict.kind, verdict.retry, verdict.correct) == (Verdict.WRONG, False, False)
    assert not grade("hábitat", "organism", home_terms=["organismo"], lang="es").retry


def test_a_listed_false_friend_is_a_miss_named_as_such() -> None:
    for typed in ("soportar", "Soportar", "sopórtar"):
        verdict = grade(typed, "support", home_terms=["apoyar"], lang="es",
                        false_friends=["soportar"])
        assert (verdict.kind, verdict.matched) == (Verdict.FALSE_FRIEND, "soportar"), typed
        assert not verdict.retry and not verdict.correct
    assert grade("apoyar", "support", home_terms=["apoyar"], lang="es",
                 false_friends=["soportar"]).retry


@pytest.mark.parametrize(("typed", "expected", "gloss"), [
    ("ocmunidad", "community", "comunidad"),          # letters swapped at the start
    ("fotosinetsis", "photosynthesis", "fotosíntesis"),  # ... in the middle
    ("comunidda", "community", "comunidad"),          # ... at the end
    ("comunidat", "community", "comunidad"),          # one wrong letter
    ("xfotosintesis", "photosynthesis", "fotosíntesis"),  # one letter too many, first
    ("fotosintesisx", "photosynthesis", "fotosíntesis"),  # ... last
    ("otosintesis", "photosynthesis", "fotosíntesis"),    # one letter missing, first
    ("fotosintesi", "photosynthesis", "fotosíntesis"),    # ... last
    ("fuersa", "force", "fuerza"),                    # a six-letter gloss
])
def test_one_slip_in_the_gloss_is_asked_for_in_english_not_marked_wrong(
        typed: str, expected: str, gloss: str) -> None:
    verdict = grade(typed, expected, home_terms=[gloss])
    assert (verdict.kind, verdict.matched) == (Verdict.HOME_LANGUAGE_WORD, gloss)
    assert verdict.retry


@pytest.mark.parametrize(("typed", "expected", "lang", "gloss"), [
    ("equasion", "equation", "fr", "équation"),
    ("habital", "habitat", "pt", "habitat"),
])
def test_a_slip_in_a_word_spelled_alike_in_both_languages_is_a_slip_of_the_english(
        typed: str, expected: str, lang: str, gloss: str) -> None:
    # One letter from the gloss, and one slip from the English word: it is forgiven, not
    # "write it in English", since it is as much English as French or Portuguese.
    assert grade(typed, expected, home_terms=[gloss], lang=lang).kind is Verdict.TYPO_FORGIVEN


@pytest.mark.parametrize(("typed", "expected", "gloss"), [
    ("comuindat", "community", "comunidad"),
    ("ofotsintesis", "photosynthesis", "fotosíntesis"),
    ("fotosintsiss", "photosynthesis", "fotosíntesis"),
])
def test_two_slips_from_the_gloss_and_far_from_english_are_wrong(
        typed: str, expected: str, gloss: str) -> None:
    assert grade(typed, expected, home_terms=[gloss]).kind is Verdict.WRONG


@pytest.mark.parametrize(("typed", "expected", "kind"), [
    ("fprcr", "force", Verdict.WRONG),                  # 5 letters: one slip, not two
    ("hanirat", "habitat", Verdict.WRONG),              # 7 letters: still one
    ("habirat", "habitat", Verdict.TYPO_FORGIVEN),
    ("ptedatpr", "predator", Verdict.TYPO_FORGIVEN),    # 8 letters: two
    ("orhanisn", "organism", Verdict.TYPO_FORGIVEN),
])
def test_words_up_to_seven_letters_forgive_one_slip_and_longer_words_two(
        typed: str, expected: str, kind: Verdict) -> None:
    assert grade(typed, expected).kind is kind


def test_a_misspelling_that_a_word_list_only_lists_is_still_a_misspelling() -> None:
    # "sorce" is in pyspellchecker's Spanish list but never seen in Spanish text.
    assert grade("sorce", "source", lang="es").kind is Verdict.TYPO_FORGIVEN


def test_cognate_endings_are_not_typos_even_when_the_language_is_unknown() -> None:
    for typed, expected in [("ecosistema", "ecosystem"), ("nutriente", "nutrient"),
                            ("cultura", "culture"), ("democracia", "democracy"),
                            ("evaporacion", "evaporation")]:
        assert grade(typed, expected).kind is Verdict.WRONG, typed  # no gloss: no thumbs-up
        assert grade(typed, expected, home_terms=[typed]).retry, typed


def test_a_dropped_letter_before_cion_is_a_misspelling_not_spanish() -> None:
    assert grade("fracion", "fraction").kind is Verdict.TYPO_FORGIVEN


def test_a_swapped_letter_is_a_slip_not_a_cognate_ending() -> None:
    assert grade("habitta", "habitat").kind is Verdict.TYPO_FORGIVEN
    assert grade("propertie", "property").kind is Verdict.TYPO_FORGIVEN


def test_a_gloss_typed_with_its_accents_is_the_home_language_word() -> None:
    french = grade("périmètre", "perimeter", home_terms=["périmètre"], lang="fr")
    assert french.kind is Verdict.HOME_LANGUAGE_WORD
    assert grade("perimetre", "perimeter").correct  # British-looking, and a slip at worst


def test_another_script_is_never_a_miss_but_only_this_words_gloss_is_praised() -> None:
    assert grade("экосистема", "ecosystem", home_terms=["экосистема"]).retry
    assert grade("生态系统", "ecosystem", home_terms=["生态系统"]).retry
    other = grade("организм", "ecosystem", home_terms=["экосистема"], lang="ru")
    assert (other.kind, other.matched, other.retry) == (Verdict.NOT_ENGLISH, "ru", True)


def test_a_gloss_that_is_also_english_gets_another_try() -> None:
    assert grade("public", "audience", home_terms=["public"], lang="fr").retry


def test_another_pack_term_is_never_a_slip() -> None:
    verdict = grade("food chain", "food web", other_terms=["food chain", "food web"])
    assert verdict.kind is Verdict.OTHER_ENGLISH_WORD


def test_british_spellings_are_exact() -> None:
    assert grade("analyse", "analyze").exact
    assert grade("analyses", "analyze").exact
    assert grade("Colour", "color").exact
    assert grade("centre", "center").exact
    assert grade("dialog", "dialogue").exact


def test_a_known_word_is_not_respelled_into_the_target() -> None:
    assert grade("four", "for").kind is Verdict.OTHER_ENGLISH_WORD
    assert grade("filler", "filer").kind is Verdict.OTHER_ENGLISH_WORD
    assert grade("aera", "area").kind is Verdict.TYPO_FORGIVEN  # not "era"


@pytest.mark.parametrize(("typed", "expected"), [
    ("fractions", "fraction"), ("classified", "classify"), ("hypotheses", "hypothesis"),
    ("vertices", "vertex"), ("radii", "radius"), ("points of view", "point of view"),
    ("the habitat", "habitat"), ("non-fiction", "nonfiction"),
    ("tries", "try"), ("tried", "try"), ("classifying", "classify"),  # y -> ies, ied; ying
    ("played", "play"), ("surveys", "survey"),                        # a vowel keeps the y
    ("processes", "process"),                                         # -es after s, x, ch...
    ("agreeing", "agree"), ("dyeing", "dye"), ("canoeing", "canoe"),  # ee, ye, oe keep the e
    ("inferred", "infer"), ("inferring", "infer"), ("plotted", "plot"),  # a doubled consonant
    ("plotting", "plot"), ("matrices", "matrix"), ("appendices", "appendix"),
])
def test_regular_and_latin_forms_are_exact(typed: str, expected: str) -> None:
    assert grade(typed, expected).exact


def test_dying_is_not_a_form_of_dye() -> None:
    assert grade("dying", "dye").kind is Verdict.OTHER_ENGLISH_WORD


def test_an_undoubled_form_of_a_one_syllable_word_is_right_unless_it_is_another_word() -> None:
    assert grade("ploted", "plot").correct
    assert grade("runing", "run").correct  # though "rune" + ing looks like a form of rune
    for typed, expected in [("planed", "plan"), ("planing", "plan"), ("hoped", "hop")]:
        assert grade(typed, expected).kind is Verdict.OTHER_ENGLISH_WORD, typed


@pytest.mark.parametrize(("typed", "expected"), [
    ("runing", "running"), ("burried", "buried"), ("spicies", "species"),
    ("wethering", "weathering"), ("insted", "instead"), ("palying", "playing"),
    ("soliders", "soldiers"),
])
def test_a_misspelling_that_only_looks_like_a_form_of_a_listed_word_is_forgiven(
        typed: str, expected: str) -> None:
    # rune, burry, spicy, wether, inst, paly and solider are in the word list; runing, burried,
    # spicies, wethering, insted, palying and soliders are not words but a learner's slip
    verdict = grade(typed, expected)
    assert (verdict.kind, verdict.matched) == (Verdict.TYPO_FORGIVEN, expected)


def test_the_british_spelling_of_another_word_is_another_word() -> None:
    assert grade("parametre", "perimeter").kind is Verdict.OTHER_ENGLISH_WORD


def test_listed_forms_and_their_slips_are_accepted() -> None:
    assert grade("mice", "mouse", forms=["mice"]).exact
    assert grade("childern", "child", forms=["children"]).kind is Verdict.TYPO_FORGIVEN


def test_a_one_syllable_word_must_double_so_seting_is_a_slip_not_set() -> None:
    assert grade("seting", "setting").kind is Verdict.TYPO_FORGIVEN
    assert grade("ploted", "plotted").kind is Verdict.TYPO_FORGIVEN


def test_short_words_must_be_exact() -> None:
    assert grade("gaz", "gas").kind is Verdict.WRONG
    assert grade("egde", "edge").kind is Verdict.TYPO_FORGIVEN


def test_a_dropped_vowel_is_half_a_slip_and_a_dropped_consonant_a_whole_one() -> None:
    # habitat (7 letters) forgives one slip: two dropped vowels are one, two consonants two.
    assert grade("hbtat", "habitat").kind is Verdict.TYPO_FORGIVEN
    assert grade("haiat", "habitat").kind is Verdict.WRONG


def test_letters_swapped_at_the_start_are_one_slip() -> None:
    assert grade("ahbitat", "habitat").kind is Verdict.TYPO_FORGIVEN
    assert grade("rgavity", "gravity").kind is Verdict.TYPO_FORGIVEN


def test_a_vowel_added_before_the_word_is_half_a_slip() -> None:
    # As Spanish speakers say it: estanza, estudent.
    assert grade("estanza", "stanza", lang="es").kind is Verdict.TYPO_FORGIVEN


def test_far_spellings_are_wrong() -> None:
    assert grade("fikshun", "fiction").kind is Verdict.WRONG


def test_learners_usual_slips_cost_half_an_edit() -> None:
    assert slip_distance("anylize", "analyze") == 1.0   # two vowel swaps
    assert slip_distance("bote", "vote") == 0.5         # b/v
    assert slip_distance("comunity", "community") == 0.5  # a doubled letter
    assert slip_distance("lenght", "length") == 1.0     # an adjacent swap


def test_empty_and_too_long_answers() -> None:
    assert grade("  the ", "ecosystem").kind is Verdict.EMPTY
    assert grade("?!", "ecosystem").kind is Verdict.EMPTY
    assert grade("a" * (MAX_ANSWER + 1), "ecosystem").kind is Verdict.TOO_LONG
    assert grade("ecosystem".ljust(MAX_ANSWER), "ecosystem").exact  # at the limit: graded


@pytest.mark.parametrize("typed", ["🙂", "👍🏽", "❤️", "👨\u200d👩\u200d👧", " \t\n ", "\u200b",
                                   "¡!", "?!", "…", "🙂 the 🙂", "🤔",
                                   "\u200d\ufe0f", "x" * (MAX_ANSWER + 1)])
def test_an_answer_with_no_word_or_far_too_long_is_no_answer_to_grade(typed: str) -> None:
    verdict = grade(typed, "ecosystem")
    assert verdict.kind in NOT_AN_ANSWER and not verdict.correct and not verdict.retry
    assert grade_typed(typed, "ecosystem").verdict in NOT_AN_ANSWER  # what the study service sees


@pytest.mark.parametrize(("typed", "lang"), [
    ("no sé", "es"), ("No se", "es"), ("m pa konnen", "ht"), ("Mwen pa konnen!", "ht"),
    ("je sais pas", "fr"), ("je ne sais pas", "fr"), ("não sei", "pt"), ("ma garanayo", "so"),
    ("không biết", "vi"), ("لا أعرف", "ar"), ("لا اعرف", "ar"),
    ("ما بعرف", "ar"), ("不知道", "zh"), ("我 不知道", "zh"), ("모르겠어요", "ko"),
    ("몰라요", "ko"), ("не знаю", "ru"), ("Не знаю.", "ru"), ("hindi ko alam", "tl"),
    ("kuv tsis paub", "hmn"), ("idk", "es"), ("I don't know", "so"), ("I don’t know", "vi"),
    ("dunno", None), ("?", "es"), ("???", None), ("¿?", "es"), ("؟", "ar"), ("🤷", "ht"),
    ("🤷‍♂️", "es"), ("🤷🏿", "so"), ("no sé 🤷", "es"), ("? 🤷", None),
    # with what she does not know (playtest 15: "no sé la palabra" got the English retry)
    ("no sé la palabra", "es"), ("No sé esa palabra.", "es"), ("I don't know the word", "ht"),
    ("m pa konnen mo a", "ht"), ("erayga ma aqaan", "so"), ("je sais pas le mot", "fr"),
    ("không biết từ này", "vi"), ("我不知道这个词", "zh"), ("단어를 모르겠어요", "ko"),
    ("не знаю это слово", "ru"), ("hindi ko alam ang salita", "tl"), ("não sei a palavra", "pt"),
    ("kuv tsis paub lo lus no", "hmn"), ("لا أعرف الكلمة", "ar"), ("no sé the word", "es"),
])
def test_i_dont_know_in_any_language_is_a_miss_never_a_retry_nor_no_answer(
        typed: str, lang: str | None) -> None:
    """The playtest: "no sé" was "That looks like Spanish", "?" and "🤷" "I don't see a word",
    and "m pa konnen" spent the one "write it in English"."""
    verdict = grade(typed, "habitat", home_terms=["hábitat"], lang=lang)
    assert verdict.kind is Verdict.DONT_KNOW
    assert not verdict.correct and not verdict.retry and verdict.kind not in NOT_AN_ANSWER
    assert grade_typed(typed, "habitat", lang=lang).verdict is Verdict.DONT_KNOW


@pytest.mark.parametrize("typed", ["ne znayu", "Ne znaju!", "ya ne znayu", "хз",
                                   "не пам'ятаю", "не знаю це слово", "ne pomnyu"])
def test_ukrainian_and_russian_on_a_latin_keyboard_i_dont_know_is_a_miss_not_a_try(
        typed: str) -> None:
    """Playtest (Artem, from Ukraine, phone in Russian): "ne znayu" was graded as a try at
    "law", "Not quite" instead of "That's OK", and listed for the teacher among the typed
    misses to count as right."""
    assert grade(typed, "law", home_terms=["закон"], lang="ru").kind is Verdict.DONT_KNOW
    assert grade_typed(typed, "law", lang="ru").verdict is Verdict.DONT_KNOW


@pytest.mark.parametrize(("typed", "lang"), [
    ("nose", "es"),            # Spanish chat writes "no sé" so; it is an English word
    ("no", "es"), ("know", None), ("I know", None), ("konnen", "ht"), ("paub", "hmn"),
    ("sei", "pt"), ("biết", "vi"), ("知道", "zh"), ("знаю", "ru"), ("alam", "tl"),
    ("i dont know habitat", None), ("no sé qué es", "es"), ("habitat?", None),
    ("the word", None), ("la palabra", "es"), ("no sé la palabra hábitat", "es"),
    ("hábitat", "es"), ("🙂", None), ("?!", None),
])
def test_near_misses_of_i_dont_know_are_graded_as_what_they_are(
        typed: str, lang: str | None) -> None:
    assert grade(typed, "habitat", home_terms=["hábitat"], lang=lang).kind \
        is not Verdict.DONT_KNOW


def test_an_i_dont_know_phrase_that_is_the_word_is_right() -> None:
    """The answer is read as an answer first: no phrase turns a right answer into a miss."""
    assert grade("not sure", "not sure").exact
    assert grade("nose", "nose").exact
    assert grade("no se", "nose").kind is Verdict.TYPO_FORGIVEN  # a space slip, still right
    assert grade("not sure", "unsure").kind is Verdict.DONT_KNOW


def test_a_word_next_to_an_emoji_or_a_wrong_word_is_an_answer() -> None:
    assert grade("ecosystem 🙂", "ecosystem").exact
    assert grade("x", "ecosystem").kind not in NOT_AN_ANSWER  # a miss, not "type the word"


def test_a_dash_in_the_packs_forms_column_does_not_make_a_bare_ending_right() -> None:
    for typed in ("s", "ing"):
        assert not grade(typed, "habitat", forms=["-"]).correct, typed


def test_grade_typed_keeps_its_shape_and_carries_the_verdict() -> None:
    grade_ = grade_typed("pray", "prey", ["prey", "predator"])
    assert (grade_.correct, grade_.exact, grade_.expected) == (False, False, "prey")
    assert grade_.verdict is Verdict.OTHER_ENGLISH_WORD
    spanish = grade_typed("ecosistema", "ecosystem", home_terms=["ecosistema"], lang="es")
    assert spanish.verdict is Verdict.HOME_LANGUAGE_WORD and not spanish.correct


def test_pack_terms_are_the_english_terms_and_the_students_glosses() -> None:
    terms, home_terms = pack_terms(WORDS, "es")
    assert "ecosystem" in terms and "ecosistema" in home_terms
    assert pack_terms(WORDS, None)[1] == []


def test_a_student_whose_language_no_pack_glosses_is_still_graded() -> None:
    terms, home_terms = pack_terms(WORDS, "de")
    assert "ecosystem" in terms and home_terms == []


@pytest.mark.parametrize(("typed", "expected", "shown"), [
    ("ecosistem", "ecosystem", "ecos[y]stem"),   # playtest: the same letter, every time
    ("organizm", "organism", "organi[s]m"),
    ("habitad", "habitat", "habita[t]"),
    ("Ecosystm", "ecosystem", "ecosyst[e]m"),     # a letter left out: the one to add
    ("ecossystem", "ecosystem", "ecosystem"),     # a letter too many: none of the word's
    ("foodweb", "food web", "food web"),          # a space: the word shows it
])
def test_a_forgiven_slip_shows_which_letters_to_fix(typed: str, expected: str,
                                                      shown: str) -> None:
    grade = grade_typed(typed, expected)
    assert grade.correct and not grade.exact
    marked = "".join(f"[{text}]" if differs else text for text, differs in grade.slip)
    assert marked == (shown if "[" in shown else "")


def test_only_a_forgiven_slip_is_marked() -> None:
    assert grade_typed("ecosystem", "ecosystem").slip == ()
    assert grade_typed("predator", "ecosystem").slip == ()


@pytest.mark.parametrize("typed", ["mianji", "mian ji", "Mianji", "mian4ji1"])
def test_the_chinese_word_typed_in_pinyin_is_the_chinese_word(typed: str) -> None:
    """Arabic playtest (Mei, WIDA 4, types Chinese through pinyin): "mianji" for *area* (面积)
    was a miss and put her under "needs help" for a word she knew; 面积 itself gets one more
    try to write it in English, and so does its pinyin."""
    verdict = grade(typed, "area", home_terms=["面积"], lang="zh")
    assert verdict.kind is Verdict.HOME_LANGUAGE_WORD and verdict.matched == "面积"


@pytest.mark.parametrize("typed", ["ㄇㄧㄢˋ ㄐㄧ", "ㄇㄧㄢˋㄐㄧ", "ㄇㄧㄢ ㄐㄧ"])
def test_the_chinese_word_typed_in_zhuyin_is_the_chinese_word(typed: str) -> None:
    """Traditional playtest (Jun-yu, 11, Taiwan): Zhuyin, the phonetic letters Taiwan types
    by, with its tone marks or without, is the word's Chinese as its pinyin is; other Zhuyin
    is still no English word (never a miss: another script)."""
    verdict = grade(typed, "area", home_terms=["面积"], lang="zh")
    assert verdict.kind is Verdict.HOME_LANGUAGE_WORD and verdict.matched == "面积"
    other = grade("ㄔㄥˊ ㄐㄧ", "area", home_terms=["面积"], lang="zh")
    assert other.kind is not Verdict.HOME_LANGUAGE_WORD and not other.correct


def test_a_character_with_two_readings_matches_either_and_other_pinyin_is_wrong() -> None:
    assert grade("changdu", "length", home_terms=["长度"], lang="zh").retry
    assert grade("chengji", "area", home_terms=["面积"], lang="zh").kind is Verdict.WRONG
    assert grade("mianji", "area", home_terms=["面积"], lang="es").kind is not \
        Verdict.HOME_LANGUAGE_WORD  # pinyin only for a Chinese reader
