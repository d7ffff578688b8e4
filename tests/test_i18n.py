"""Prompts: every key and placeholder in every language; right-to-left text renders right."""

from __future__ import annotations

import pytest

from bot.domain.language import SUPPORTED_UI, is_rtl
from bot.i18n import FSI, PDI, RLM, Catalog


def test_every_language_has_every_key_and_placeholder(catalog: Catalog) -> None:
    assert catalog.problems() == []


def test_the_twelve_languages_and_english_have_prompts(catalog: Catalog) -> None:
    assert set(SUPPORTED_UI) <= set(catalog.languages)


@pytest.mark.parametrize("lang", [c for c in SUPPORTED_UI if c != "en"])
def test_prompts_are_translated_not_copied(catalog: Catalog, lang: str) -> None:
    english = catalog.messages["en"]
    own = catalog.messages[lang]
    same = [k for k in english if own[k] == english[k] and not k.startswith("chart-")]
    assert len(same) <= len(english) // 10, same


def test_arabic_lines_start_right_to_left_and_isolate_english(catalog: Catalog) -> None:
    text = catalog.render("join-welcome", "ar", name="Ana", class_name="Science 7B")
    assert all(line.startswith(RLM) for line in text.split("\n") if line)
    assert f"{FSI}Science 7B{PDI}" in text
    assert is_rtl("ar") and not is_rtl("es")


def test_missing_language_falls_back_to_english(catalog: Catalog) -> None:
    assert catalog.render("ready", "xx") == catalog.render("ready", "en")
    assert catalog.bilingual("ready", "en") == catalog.render("ready", "en")


def test_bilingual_puts_home_language_first(catalog: Catalog) -> None:
    text = catalog.bilingual("ready", "es")
    assert text.split("\n")[-1] == catalog.render("ready", "en")
    assert text.split("\n")[0] == catalog.render("ready", "es")
