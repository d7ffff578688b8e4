"""Edges the mutation benchmark found untested: a forged option index, a holiday today, the
exact share that suggests a lower level, an error without a message, a blanked stem."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.domain.checks import Grade, Item, WordRef, grade_choice
from bot.domain.errors import PuenteError
from bot.domain.evidence import chosen_meaning
from bot.domain.gaps import GAP, inside_words
from bot.domain.item_building import inflect
from bot.domain.item_rules import _distance, article_before_gap, cognate_in, masked
from bot.domain.names import clean_label, clean_name
from bot.domain.packs import Gloss, Word
from bot.domain.reteach import LEVEL_SHARE, LEVEL_WINDOW, suggested_level
from bot.domain.scaffold import ItemType, sentence_frame
from bot.domain.school_days import streak
from bot.domain.throttle import Throttle

ITEM = Item(7, ItemType.CHOICE, "stem", ("habitat", "predator", "prey", "soil"), "prey")


@pytest.mark.parametrize("index", [-1, 4, 99])
def test_an_option_the_student_was_never_shown_is_wrong_not_an_error(index: int) -> None:
    assert grade_choice(ITEM, index) == Grade(False, False, "prey")


def test_the_last_option_is_a_real_option() -> None:
    last = Item(7, ItemType.CHOICE, "stem", ("habitat", "prey"), "prey")
    assert grade_choice(last, 1) == Grade(True, True, "prey", chosen="prey")


# 2026-09-14 is a Monday; the 11th a Friday
MON, FRI, THU = date(2026, 9, 14), date(2026, 9, 11), date(2026, 9, 10)


def test_a_holiday_today_keeps_yesterdays_streak() -> None:
    assert streak({FRI, THU}, MON, holidays={MON}) == 2
    assert streak({FRI, THU}, MON) == 2  # not studied yet today: still counts up to Friday


def test_a_holiday_inside_the_streak_never_breaks_it() -> None:
    wed = date(2026, 9, 9)
    assert streak({MON, FRI, wed}, MON, holidays={THU}) == 3
    assert streak({MON, FRI, wed}, MON) == 2


def test_weekend_study_adds_to_a_streak_and_today_counts() -> None:
    sat, sun = date(2026, 9, 12), date(2026, 9, 13)
    assert streak({MON, sun, sat, FRI}, MON) == 4
    assert streak({sat}, MON) == 1  # Saturday's study counts; Monday's may still come
    assert streak({sat}, sat) == 1  # a check on Saturday is a day in a row, that very day
    assert streak({sat, FRI}, sun) == 2  # and a Sunday without study breaks nothing


def window(right: int) -> list[bool]:
    return [True] * right + [False] * (LEVEL_WINDOW - right)


def test_a_lower_level_is_suggested_below_the_share_and_not_at_it() -> None:
    at_share = round(LEVEL_SHARE * LEVEL_WINDOW)
    assert suggested_level(4, window(at_share)) is None
    assert suggested_level(4, window(at_share - 1)) == 3
    assert suggested_level(2, window(0)) == 1  # Emerging may go down to Entering
    assert suggested_level(1, window(0)) is None


def test_an_error_without_a_message_names_its_kind() -> None:
    assert str(PuenteError()) == "PuenteError"
    assert str(PuenteError("unknown code")) == "unknown code"
    error = PuenteError(prompt_key="join-code-unknown", code="X")
    assert (error.prompt_key, error.params) == ("join-code-unknown", {"code": "X"})
    assert PuenteError().prompt_key == "error-generic"


WORD = Word("ecosystem", "noun", 3, "All the living things.", "A pond is an ecosystem.",
            forms=("ecosystems",))


def test_a_definition_hides_the_word_and_words_built_on_its_stem_only() -> None:
    assert masked("Ecosystems change; an ecosystem lives.", WORD) \
        == f"{GAP} change; an {GAP} lives."
    assert masked("The economy grows.", WORD) == "The economy grows."


def test_a_multi_word_term_is_blanked_as_one_gap() -> None:
    chain = Word("food chain", "noun", 3, "d", "e", forms=("food chains",))
    assert masked("Grass starts many food chains here.", chain) \
        == f"Grass starts many {GAP} here."
    assert masked("Food is good.", chain) == "Food is good."


@pytest.mark.parametrize(("typed", "stored"), [
    ("👩🏽\u200d🏫 Lu", "👩🏽\u200d🏫 Lu"),    # a skin tone (Sk) before the joiner
    ("❤️\u200d🔥 Lu", "❤️\u200d🔥 Lu"),        # a variation selector before the joiner
    ("👩\u200dLu", "👩Lu"),                    # emoji then a letter: no emoji sequence
    ("A\u200dna", "Ana"),                       # a zero-width joiner between Latin letters
    ("مهر\u200cLu", "مهرLu"),                   # Persian then Latin: the joiner hides a seam
    ("Lu\u200cمهر", "Luمهر"),
    ("مه\u200cر", "مه\u200cر"),                 # a joiner just before the last letter
    ("\ue000\u200c\ue000x", "\ue000\ue000x"),   # characters with no Unicode name
])
def test_joiners_stay_only_inside_emoji_and_joining_scripts(typed: str, stored: str) -> None:
    assert clean_name(typed) == stored


def test_a_long_name_is_cut_with_single_spaces_and_no_label_is_empty() -> None:
    assert clean_name("Ana María " * 20).startswith("Ana María Ana María ")
    assert clean_label(None) == ""


T0 = datetime(2026, 9, 14, 15, 0, tzinfo=UTC)


def test_a_pause_ends_exactly_when_it_says() -> None:
    guard = Throttle(limit=2, window=timedelta(minutes=1), pause=timedelta(minutes=5))
    assert guard.hit(1, T0) is False
    assert guard.hit(1, T0) is True
    assert guard.wait(1, T0 + timedelta(minutes=4)) == timedelta(minutes=1)
    assert guard.wait(1, T0 + timedelta(minutes=5)) == timedelta(0)


def test_one_persons_attempts_never_pause_another() -> None:
    guard = Throttle(limit=3)
    assert [guard.hit(1, T0), guard.hit(2, T0), guard.hit(1, T0), guard.hit(2, T0)] \
        == [False, False, False, False]
    assert guard.wait(2, T0) == timedelta(0)


def test_an_attempt_exactly_one_window_old_no_longer_counts() -> None:
    guard = Throttle(limit=2, window=timedelta(minutes=1))
    guard.hit(1, T0)
    assert guard.hit(1, T0 + timedelta(minutes=1)) is False


def test_memory_stays_bounded_by_forgetting_idle_people() -> None:
    guard = Throttle(limit=5, window=timedelta(minutes=1), max_keys=2)
    guard.hit(1, T0)
    guard.hit(2, T0)
    guard.hit(3, T0 + timedelta(minutes=1))  # a third person: the idle two are forgotten
    assert len(guard._events) == 1
    guard.hit(4, T0 + timedelta(minutes=1))
    guard.hit(3, T0 + timedelta(minutes=3))  # someone already tracked forgets nobody
    assert len(guard._events) == 2


@pytest.mark.parametrize(("sentence", "found"), [
    ("settlers came first.", ["settlers"]),          # at the very start
    ("Then came the settlers", ["settlers"]),        # at the very end
    ("The resettlers left.", ["resettlers"]),        # grown on the left, letter by letter
    ("A pre-settler_era house.", ["pre-settler_era"]),
    ("A settler came.", []),
])
def test_a_longer_word_around_the_term_is_named_whole(sentence: str,
                                                      found: list[str]) -> None:
    assert inside_words(sentence, "settler") == found


def test_an_unknown_part_of_speech_gets_the_phrase_frame() -> None:
    assert sentence_frame("wow", "interjection") == sentence_frame("wow", "phrase")
    assert sentence_frame("wow", "interjection", level=1) == sentence_frame("wow", "phrase", 1)


@pytest.mark.parametrize(("a", "b", "edits"), [
    ("kitten", "sitting", 3), ("", "abc", 3), ("abc", "", 3), ("habitat", "habitat", 0),
    ("ab", "ba", 2), ("ecosistema", "ecosystem", 2), ("a", "b", 1),
])
def test_spelling_distance_counts_single_letter_edits(a: str, b: str, edits: int) -> None:
    assert _distance(a, b) == edits


@pytest.mark.parametrize(("sentence", "article"), [
    (f"An {GAP} eats plants.", "an"), (f"It is a {GAP}.", "a"), (f"(a {GAP})", "a"),
    (f"A {GAP} is {GAP}.", "a"), (f"Sofia saw {GAP}.", None), (f"Ana {GAP}", None),
])
def test_the_article_right_before_the_gap_is_read(sentence: str, article: str | None) -> None:
    assert article_before_gap(sentence) == article


def test_a_multi_word_term_is_given_away_only_when_every_long_part_is() -> None:
    chain = Word("food chain", "noun", 3, "d", "e")
    assert cognate_in("cadena de food", chain) is False
    assert cognate_in("la food chain", chain) is True
    web = Word("web", "noun", 3, "d", "e")
    assert cognate_in("una web", web) is True


@pytest.mark.parametrize(("term", "suffix", "shown"), [
    ("habitat", "", "habitat"), ("habitat", "s", "habitats"), ("box", "es", "boxes"),
    ("colony", "s", "colonies"), ("day", "s", "days"), ("fox", "s", "foxes"),
    ("gas", "s", "gases"), ("buzz", "s", "buzzes"), ("branch", "s", "branches"),
    ("wish", "s", "wishes"), ("vote", "ed", "voted"), ("vote", "d", "voted"),
    ("analyze", "ed", "analyzed"), ("settle", "d", "settled"), ("sort", "ed", "sorted"),
    ("sort", "ing", "sorting"),
])
def test_a_regular_form_fits_the_gap(term: str, suffix: str, shown: str) -> None:
    assert inflect(term, suffix) == shown


def test_a_wrong_tap_is_told_what_its_word_means_and_a_right_one_is_not() -> None:
    words = [WordRef(i, Word(term, "noun", 3, "def", "ex", glosses={"ht": Gloss(gloss)}), "p")
             for i, (term, gloss) in enumerate([("habitat", "abita"), ("predator", "predatè"),
                                                ("prey", "bèt yo chase"), ("soil", "tè")])]
    assert chosen_meaning(ITEM, grade_choice(ITEM, 1), words, "ht") == ("predator", "predatè")
    assert chosen_meaning(ITEM, grade_choice(ITEM, 2), words, "ht") is None  # right
    assert chosen_meaning(ITEM, grade_choice(ITEM, 1), words, "so") is None  # no Somali gloss
    meaning = Item(7, ItemType.CHOICE, "prey", ("abita", "bèt yo chase"), "bèt yo chase",
                   asks_meaning=True)
    assert chosen_meaning(meaning, grade_choice(meaning, 0), [*words[:1], None],
                          "ht") == ("abita", "habitat")
