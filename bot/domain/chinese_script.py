"""Which script of Chinese a person reads: Simplified (the catalogue's and the packs') or
Traditional, and which Traditional (Taiwan's words, Hong Kong's characters, or Taiwan's
characters alone).

A script belongs to a person, not to a language: "zh" stays the language everywhere (glosses,
grading, detection); the script only says how her messages are written. Telegram's
`language_code` tells it first (zh-TW, zh-Hant, zh-HK: Traditional); her tap on "繁體中文" or
"简体中文" tells it for good.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

SIMPLIFIED = "Hans"
TRADITIONAL = "Hant"  # Taiwan's standard characters, no vocabulary changed (a US Chinatown family)
TAIWAN = "Hant-TW"  # Taiwan's characters and words (软件 -> 軟體, 信息 -> 資訊)
HONG_KONG = "Hant-HK"  # Hong Kong's characters (説, 温)
SCRIPTS = frozenset({SIMPLIFIED, TRADITIONAL, TAIWAN, HONG_KONG})

# The two buttons a Chinese reader chooses between, by the code their callback carries: each
# names itself in its own script, as every language button does.
BUTTON_CODES: Mapping[str, str] = MappingProxyType({"zh-Hans": SIMPLIFIED, "zh-Hant": TRADITIONAL})
BUTTON_NAMES: Mapping[str, str] = MappingProxyType({"zh-Hans": "简体中文", "zh-Hant": "繁體中文"})

# Telegram's language_code after "zh-" (lowercase): the script and region subtags a phone sends
_TAIWAN = frozenset({"tw", "hant-tw"})
_HONG_KONG = frozenset({"hk", "mo", "hant-hk", "hant-mo"})
_TRADITIONAL = frozenset({"hant"})


def from_phone(code: str | None) -> str | None:
    """The script a phone's language says ("zh-TW" -> Taiwan's), Simplified for any other
    Chinese ("zh", "zh-CN", "zh-Hans", "zh-SG"), None for a phone in another language."""
    tag = (code or "").strip().lower().replace("_", "-")
    if tag != "zh" and not tag.startswith("zh-"):
        return None
    region = tag[3:]
    if region in _TAIWAN:
        return TAIWAN
    if region in _HONG_KONG:
        return HONG_KONG
    if region in _TRADITIONAL:
        return TRADITIONAL
    return SIMPLIFIED


def is_traditional(script: str | None) -> bool:
    """Whether messages in this script are written in Traditional characters."""
    return script is not None and script != SIMPLIFIED


def language_of(code: str) -> str:
    """The language a language button's code names: "zh" for "zh-Hant" and "zh-Hans", else
    the code itself."""
    return "zh" if code in BUTTON_CODES else code


def script_of(code: str) -> str | None:
    """The script a language button's code chooses ("zh-Hant": Traditional), None for a
    button that chooses none (a plain "zh": the one she reads stays)."""
    return BUTTON_CODES.get(code)


def chosen(tapped: str, before: str | None) -> str:
    """The script stored after a tap on "繁體中文" or "简体中文": Traditional keeps the
    Traditional she read (Taiwan's or Hong Kong's, from her phone), else Taiwan's characters."""
    if tapped == TRADITIONAL and is_traditional(before) and before is not None:
        return before
    return tapped


def button_code(script: str | None) -> str:
    """The button that names the script she reads now (marked ✓ in a language menu)."""
    return "zh-Hant" if is_traditional(script) else "zh-Hans"


@functools.cache
def _to_simplified() -> Callable[[str], str]:
    # OpenCC (as pinyin.py loads pypinyin): imported on the first Chinese text folded
    import opencc

    converter: Any = opencc.OpenCC("tw2sp")
    return converter.convert  # type: ignore[no-any-return]


def simplified(text: str) -> str:
    """Chinese text in Simplified characters, Taiwan's words as the mainland's (軟體 -> 软件,
    説 -> 说): what a Traditional reader types, folded to match the Simplified glosses she
    was shown converted."""
    return _to_simplified()(text)


@functools.cache
def _to_simplified_characters() -> Callable[[str], str]:
    import opencc

    converter: Any = opencc.OpenCC("t2s")
    return converter.convert  # type: ignore[no-any-return]


def simplified_characters(text: str) -> str:
    """Chinese a person wrote, in Simplified characters with every word as they wrote it (a
    Hong Kong teacher's 的士 stays 的士): kept in the catalogue's script, it reaches each reader
    in hers (a Traditional reader's converted as it leaves)."""
    return _to_simplified_characters()(text)
