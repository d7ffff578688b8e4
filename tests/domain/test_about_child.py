"""Several people in one message: only the parts about the family's own child excuse a day,
and a part about a brother, a sister or a cousin cancels nothing ("Ana is sick today, her
brother is fine today" offered no "sick today": a word for well anywhere cancelled it)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.about_child import BUT, RELATIVES, about_child
from bot.domain.family_notes import ABSENT, SICK, OwnWords, own_words
from bot.domain.sick_words import SICK_WORDS

TUESDAY = date(2026, 9, 15)


@pytest.mark.parametrize(("language", "text", "name"), [
    ("en", "Ana is sick today, her brother is fine today", "Ana"),
    ("en", "Ana is sick today but her brother is fine", "Ana"),
    ("en", "She has a fever. Her sister is better now.", "Ana"),  # no name: hers
    ("es", "Ana está enferma hoy, pero su hermano está bien hoy", "Ana"),
    ("fr", "Léa est malade aujourd'hui mais son frère va bien aujourd'hui", "Léa"),
    ("pt", "O João está doente hoje, mas a irmã está bem hoje", "João"),
    ("ht", "Woodly malad jodi a men frè l byen jodi a", "Woodly"),
    ("zh", "林林今天生病了，但是她哥哥今天没事", "Lin"),
    ("vi", "Minh bị ốm hôm nay, em gái khỏe rồi", "Minh"),
    ("ru", "Маша сегодня болеет, но брат уже выздоровел", "Маша"),
    ("tl", "May sakit si Jose ngayon, pero ang kuya niya ay okay na ngayon", "Jose"),
])
def test_a_sibling_well_today_does_not_cancel_the_child_sick_today(language: str, text: str,
                                                                   name: str) -> None:
    assert own_words(text, language, TUESDAY, names=[name]) == OwnWords(SICK, TUESDAY)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Her brother is sick today, Ana is fine"),
    ("en", "Her brother is sick today"),
    ("es", "Su hermana no va a ir hoy"),
    ("es", "Su hermano no va a ir a la escuela mañana"),
])
def test_a_part_about_someone_else_excuses_nothing(language: str, text: str) -> None:
    assert own_words(text, language, TUESDAY, names=["Ana"]) is None


def test_a_part_naming_the_child_and_a_sibling_is_hers() -> None:
    assert own_words("Ana and her brother are sick today", "en", TUESDAY,
                     names=["Ana"]) == OwnWords(SICK, TUESDAY)
    assert own_words("Ana can't come tomorrow, her sister will come", "en", TUESDAY,
                     names=["Ana"]) == OwnWords(ABSENT, date(2026, 9, 16))


def test_words_about_one_person_are_read_as_written() -> None:
    text = "She was sick yesterday but she is fine today"
    assert about_child(text, "en", ["Ana"]) == text
    assert own_words(text, "en", TUESDAY, names=["Ana"]) is None


@pytest.mark.parametrize("table", [RELATIVES, BUT])
def test_every_language_has_its_words(table: dict[str, tuple[str, ...]]) -> None:
    assert set(table) == set(SICK_WORDS)
