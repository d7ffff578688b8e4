"""Edges the mutation benchmark found untested: a forged option index, a holiday today, the
exact share that suggests a lower level, an error without a message, a blanked stem."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.checks import Grade, Item, grade_choice
from bot.domain.errors import PuenteError
from bot.domain.gaps import GAP
from bot.domain.item_rules import masked
from bot.domain.packs import Word
from bot.domain.reteach import LEVEL_SHARE, LEVEL_WINDOW, suggested_level
from bot.domain.scaffold import ItemType
from bot.domain.school_days import streak

ITEM = Item(7, ItemType.CHOICE, "stem", ("habitat", "predator", "prey", "soil"), "prey")


@pytest.mark.parametrize("index", [-1, 4, 99])
def test_an_option_the_student_was_never_shown_is_wrong_not_an_error(index: int) -> None:
    assert grade_choice(ITEM, index) == Grade(False, False, "prey")


def test_the_last_option_is_a_real_option() -> None:
    last = Item(7, ItemType.CHOICE, "stem", ("habitat", "prey"), "prey")
    assert grade_choice(last, 1) == Grade(True, True, "prey")


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
    assert streak({sat}, MON) == 0  # weekend study alone is no school-day streak


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
