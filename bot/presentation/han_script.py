"""Chinese text in the script its reader reads: the Simplified Puente writes (prompts/zh.toml,
the packs' glosses, Argos' translations) converted to Traditional by OpenCC, offline.

Machine-converted, not reviewed by a native reader (docs/languages.md): OpenCC converts
phrase by phrase, so a character with two Traditional forms gets the one its word takes
(头发 -> 頭髮, 发展 -> 發展), and Taiwan's profile also swaps the words Taiwan uses (软件 ->
軟體). Text with no Han character in it comes back as it is, unread by OpenCC.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable, Iterable
from typing import Any

from bot.domain.chinese_script import BUTTON_NAMES, HONG_KONG, TAIWAN, TRADITIONAL, is_traditional

# OpenCC's configurations: Taiwan's standard characters (爲 -> 為, 裏 -> 裡, which OpenCC's own
# "s2t" keeps in forms few readers use), Taiwan's with its words, Hong Kong's characters.
_CONFIGS = {TRADITIONAL: "s2tw", TAIWAN: "s2twp", HONG_KONG: "s2hk"}
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# "简体中文" names itself in its own script, as every language button does: a Simplified reader
# who tapped "繁體中文" by mistake finds her way back by the name she reads
_OWN_NAME = BUTTON_NAMES["zh-Hans"]


_LOADING = threading.Lock()


def _converter(config: str) -> Callable[[str], str]:
    with _LOADING:  # start-up loads them in a thread (preload); a message may ask meanwhile
        return _load(config)


@functools.cache
def _load(config: str) -> Callable[[str], str]:
    # Imported on the first Traditional reader's message: nobody else pays OpenCC's start-up
    import opencc

    converter: Any = opencc.OpenCC(config)
    return converter.convert  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=4096)  # the same prompt goes to every Traditional reader
def _converted(text: str, config: str) -> str:
    return _converter(config)(text)


def in_script(text: str, script: str | None) -> str:
    """`text` as a reader of `script` reads it (Simplified, None, or text with no Han
    character: unchanged)."""
    if not is_traditional(script) or script not in _CONFIGS or not _HAN.search(text):
        return text
    config = _CONFIGS[script]
    return _OWN_NAME.join(_converted(part, config) for part in text.split(_OWN_NAME))


def preload(scripts: Iterable[str]) -> None:
    """Load OpenCC's tables for these scripts now (about 0.35 s and 43 MB for the first, which
    the others share: under 1 MB each; in a start-up thread) rather than while her first
    message waits."""
    for script in sorted(set(scripts)):
        if script in _CONFIGS:
            _converter(_CONFIGS[script])
