"""Language names as people write them: typed in a message, and inside a sentence."""

from __future__ import annotations

import pytest

from bot.domain.language import LANGUAGES, SUPPORTED_UI
from bot.domain.language_names import (
    home_language_named,
    language_alone,
    name_in,
    name_inside,
    named_languages,
)


@pytest.mark.parametrize(("typed", "code"), [
    ("Spanish", "es"), ("español", "es"), ("ESPAÑOL", "es"), ("espanol", "es"),
    ("I speak Spanish", "es"), ("Somali", "so"), ("Af Soomaali", "so"),
    ("Haitian Creole", "ht"), ("kreyol", "ht"), ("Hmoob", "hmn"), ("Dari", "fa"),
    ("فارسی", "fa"), ("العربية", "ar"), ("我说中文", "zh"), ("한국어를 해요", "ko"),
    ("tieng viet", "vi"), ("Русский", "ru"), ("Filipino", "tl"), ("English", "en"),
])
def test_a_name_in_english_or_in_its_own_language_names_it(typed: str, code: str) -> None:
    assert home_language_named(typed) == code


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_every_catalogue_language_is_found_by_its_english_and_its_own_name(code: str) -> None:
    language = LANGUAGES[code]
    for name in (language.english_name, language.native_name):
        assert named_languages(f"my language is {name}")[0] == code, name


def test_english_beside_a_home_language_is_not_the_home_language() -> None:
    assert named_languages("I speak Somali and English") == ("so", "en")
    assert home_language_named("I speak Somali and English") == "so"


@pytest.mark.parametrize("typed", ["hello", "no", "ok", "Somali and Arabic", "Kreyòl or español"])
def test_no_name_or_two_home_languages_choose_nothing(typed: str) -> None:
    assert home_language_named(typed) is None


def test_a_language_is_lower_case_inside_its_own_spanish_french_or_portuguese_sentence() -> None:
    assert name_inside("es", "es") == "español"
    assert name_inside("fr", "fr") == "français"
    assert name_inside("pt", "pt") == "português"
    assert name_inside("ht", "ht") == "kreyòl ayisyen"
    assert name_inside("vi", "vi") == "tiếng Việt"


def test_hmong_inside_its_own_sentence_is_hmong_speech_not_the_people() -> None:
    """Playtest 13: "Kuv yuav pab koj ua Hmoob" read as "help you be Hmong"."""
    assert name_inside("hmn", "hmn") == "lus Hmoob"
    assert name_inside("hmn", "hmn", opens=True) == "Hmoob"  # a button, a line's start


def test_a_name_keeps_its_capital_at_a_sentence_start_elsewhere_and_in_other_languages(
        ) -> None:
    assert name_inside("es", "es", opens=True) == "Español"
    # English names it in English, then as it names itself: a reader of the English line
    # alone (no messages in her language) still finds it; right to left is isolated
    assert name_inside("es", "en") == "Spanish (Español)"
    assert name_inside("fa", "en") == "Persian (\u2068فارسی\u2069)"
    assert name_inside("tl", "en") == "Tagalog"  # one name: said once
    assert name_inside("so", "es") == "Soomaali"
    assert name_inside("so", "so") == "Soomaali"  # Somali writes the name with a capital
    assert name_inside("xx", "es") == "xx"


def test_a_language_is_named_in_the_readers_language_lower_case_inside_a_sentence() -> None:
    assert name_in("so", "es") == "somalí"
    assert name_in("so", "es", opens=True) == "Somalí"
    assert name_in("ar", "vi") == "tiếng Ả Rập"
    assert name_in("es", "zh") == "西班牙语"
    assert name_in("so", "en") == "Somali"  # English reads the catalogue's English names


def test_a_reader_with_no_name_for_it_gets_the_english_name_and_the_code() -> None:
    assert name_in("ti", "hmn") == "Tigrinya (ti)"
    assert name_in("xx", "es") == "xx"


@pytest.mark.parametrize("reader", [lang for lang in SUPPORTED_UI if lang != "en"])
def test_every_name_a_reader_has_is_for_a_catalogue_language_and_its_own_is_there(
        reader: str) -> None:
    named = {code: name_in(code, reader) for code in LANGUAGES}
    assert named[reader] != f"{LANGUAGES[reader].english_name} ({reader})"  # names itself
    assert named["en"] != "English (en)"  # and English, which every teacher line may name


@pytest.mark.parametrize(("text", "code"), [
    ("es", "es"), ("Português", "pt"), ("haitian creole", "ht"), ("Tiếng Việt", "vi"),
    ("Thiago Portuguese", None), ("Layla Spanish", None), ("Thiago pt", None), ("Klingon", None),
])
def test_a_teachers_own_language_is_a_language_alone_never_a_name_with_one(
        text: str, code: str | None) -> None:
    assert language_alone(text) == code
