"""Which script of Chinese a phone's language says, and what a script button chooses."""

from __future__ import annotations

import pytest

from bot.domain import chinese_script
from bot.domain.chinese_script import HONG_KONG, SIMPLIFIED, TAIWAN, TRADITIONAL
from bot.domain.home_text import home_key, home_keys


@pytest.mark.parametrize(("phone", "script"), [
    ("zh-TW", TAIWAN), ("zh-tw", TAIWAN), ("zh_Hant_TW", TAIWAN), ("zh-hant-tw", TAIWAN),
    ("zh-HK", HONG_KONG), ("zh-hant-hk", HONG_KONG), ("zh-MO", HONG_KONG),
    ("zh-Hant", TRADITIONAL), ("zh-hant", TRADITIONAL),
    ("zh", SIMPLIFIED), ("zh-CN", SIMPLIFIED), ("zh-hans", SIMPLIFIED), ("zh-SG", SIMPLIFIED),
    ("en", None), ("es-MX", None), ("zu", None), (None, None), ("", None)])
def test_a_phones_language_says_the_script(phone: str | None, script: str | None) -> None:
    assert chinese_script.from_phone(phone) == script


def test_only_traditional_scripts_are_converted() -> None:
    assert [chinese_script.is_traditional(s) for s in (SIMPLIFIED, None, TRADITIONAL, TAIWAN,
                                                        HONG_KONG)] == [False, False, True,
                                                                        True, True]


def test_a_script_button_is_chinese_and_chooses_its_script() -> None:
    assert chinese_script.language_of("zh-Hant") == chinese_script.language_of("zh-Hans") \
        == chinese_script.language_of("zh") == "zh"
    assert chinese_script.language_of("es") == "es"
    assert chinese_script.script_of("zh-Hant") == TRADITIONAL
    assert chinese_script.script_of("zh-Hans") == SIMPLIFIED
    assert chinese_script.script_of("zh") is None  # the one-tap "是": her script stays


def test_traditional_tapped_keeps_the_form_her_phone_gave() -> None:
    assert chinese_script.chosen(TRADITIONAL, HONG_KONG) == HONG_KONG
    assert chinese_script.chosen(TRADITIONAL, TAIWAN) == TAIWAN
    assert chinese_script.chosen(TRADITIONAL, SIMPLIFIED) == TRADITIONAL
    assert chinese_script.chosen(TRADITIONAL, None) == TRADITIONAL
    assert chinese_script.chosen(SIMPLIFIED, HONG_KONG) == SIMPLIFIED


def test_the_button_marked_is_the_script_she_reads() -> None:
    assert chinese_script.button_code(TAIWAN) == "zh-Hant"
    assert chinese_script.button_code(None) == chinese_script.button_code(SIMPLIFIED) \
        == "zh-Hans"


@pytest.mark.parametrize(("typed", "gloss"), [
    ("生態系統", "生态系统"), ("軟體", "软件"), ("面積", "面积"), ("生态系统", "生态系统")])
def test_a_gloss_typed_in_traditional_matches_the_simplified_one(typed: str, gloss: str
                                                                  ) -> None:
    """She read 生態系統 on her card (converted) and types it back: the same word."""
    assert home_key(typed, "zh") in home_keys((gloss,), "zh")
