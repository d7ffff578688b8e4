"""CLDR's plural categories: the sample numbers CLDR lists for each category read that form."""

from __future__ import annotations

import pytest

from bot.domain.plurals import CATEGORIES, plural_categories, plural_category

SAMPLES = {
    "ar": {"zero": [0], "one": [1], "two": [2], "few": [3, 10, 103, 110, 1003],
           "many": [11, 26, 99, 111, 1011], "other": [100, 101, 102, 200, 1000]},
    "ru": {"one": [1, 21, 31, 101, 1001], "few": [2, 4, 22, 34, 102],
           "many": [0, 5, 11, 12, 14, 19, 20, 100, 111, 1000]},
    "en": {"one": [1], "other": [0, 2, 11, 21, 101]},
    "so": {"one": [1], "other": [0, 2, 21]},
    "es": {"one": [1], "many": [1_000_000], "other": [0, 2, 21, 1000]},
    "fr": {"one": [0, 1], "many": [1_000_000, 2_000_000], "other": [2, 17, 100, 1000]},
    "pt": {"one": [0, 1], "many": [1_000_000], "other": [2, 21, 100]},
    "tl": {"one": [0, 1, 2, 3, 5, 10, 11, 21, 100], "other": [4, 6, 9, 14, 16, 19, 24]},
    **{lang: {"other": [0, 1, 2, 5, 21]} for lang in ("zh", "ko", "vi", "hmn", "ht")},
}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_each_cldr_sample_number_reads_its_own_form(lang: str) -> None:
    found = {n: plural_category(lang, n) for numbers in SAMPLES[lang].values() for n in numbers}
    assert found == {n: c for c, numbers in SAMPLES[lang].items() for n in numbers}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_a_language_lists_every_category_its_rule_gives(lang: str) -> None:
    given = {plural_category(lang, n) for n in range(2_000_001) if n < 3000 or n % 10**6 == 0}
    assert given <= plural_categories(lang) <= set(CATEGORIES)
    assert "other" in plural_categories(lang)  # the fallback every table must have
