"""Chinese in its reader's script: OpenCC's phrase-level conversion, and what it leaves alone."""

from __future__ import annotations

import tomllib

from bot.delivery.scripted_bot import in_reader_script
from bot.domain.chinese_script import HONG_KONG, SIMPLIFIED, TAIWAN, TRADITIONAL
from bot.paths import PROMPTS_DIR
from bot.presentation.han_script import in_script


def test_simplified_readers_and_text_without_han_are_left_as_they_are() -> None:
    assert in_script("这是你们的单词", SIMPLIFIED) == "这是你们的单词"
    assert in_script("这是你们的单词", None) == "这是你们的单词"
    assert in_script("Tap /words — ¿listo? ✅", TAIWAN) == "Tap /words — ¿listo? ✅"


def test_traditional_characters_follow_the_phrase() -> None:
    """发 is 髮 in 头发 (hair) and 發 in 发展 (develop): a character table alone gets one wrong."""
    assert in_script("这是你们的单词", TRADITIONAL) == "這是你們的單詞"
    assert in_script("头发，发展", TRADITIONAL) == "頭髮，發展"
    assert in_script("因为", TRADITIONAL) == "因為"  # Taiwan's 為, not OpenCC's standard 爲


def test_taiwan_gets_its_words_and_hong_kong_its_characters() -> None:
    assert in_script("软件和信息", TAIWAN) == "軟體和資訊"
    assert in_script("软件和信息", TRADITIONAL) == "軟件和信息"
    assert in_script("说", HONG_KONG) == "説" and in_script("说", TAIWAN) == "說"


def test_the_simplified_button_keeps_its_own_name_for_a_traditional_reader() -> None:
    assert in_script("✓ 繁體中文 · 简体中文 · 这", TRADITIONAL) == "✓ 繁體中文 · 简体中文 · 這"


def test_a_calls_words_are_converted_never_its_data() -> None:
    button = {"text": "🔁 再说一次", "callback_data": "cx:这", "url": "https://t.me/x?这"}
    call = {"chat_id": 5, "text": "这个词", "parse_mode": "HTML",
            "reply_markup": {"inline_keyboard": [[button]]},
            "question": "哪个词？", "options": ["生态系统", {"text": "种群"}]}
    assert in_reader_script(call, TRADITIONAL) == {
        "chat_id": 5, "text": "這個詞", "parse_mode": "HTML",
        "reply_markup": {"inline_keyboard": [[{**button, "text": "🔁 再說一次"}]]},
        "question": "哪個詞？", "options": ["生態系統", {"text": "種群"}]}


def test_every_chinese_prompt_converts_with_its_markup_intact() -> None:
    """A tag, placeholder or command OpenCC touched would be refused by Telegram, or lose a
    value: only Han characters may change."""
    prompts = tomllib.loads((PROMPTS_DIR / "zh.toml").read_text(encoding="utf-8"))
    forms = [form for value in prompts.values()
             for form in (value.values() if isinstance(value, dict) else [value])]
    assert len(forms) > 500
    for form in forms:
        converted = in_script(str(form), TAIWAN)
        assert [ch for ch in converted if ord(ch) < 0x2E80] == \
            [ch for ch in str(form) if ord(ch) < 0x2E80], form
