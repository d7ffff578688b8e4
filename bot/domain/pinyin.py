"""Chinese words as a student types them on a Latin keyboard: toneless pinyin.

Most Chinese students type Chinese through pinyin, so a student who knows 面积 may type
"mianji" (Arabic playtest: Mei's "mianji" for *area* was a plain miss, and fed "needs help").
Typed grading treats it as the home-language word (one more try, to write it in English),
exactly as 面积 itself. pypinyin (MIT) gives each character's readings; its phrase table is
left unloaded (56 MB and 0.8 s against 11 MB and 0.3 s, once, on the first Chinese answer),
so a character with several readings gives every reading (长度: "changdu" and "zhangdu").
"""

from __future__ import annotations

import functools
import itertools
import os
import re

# Readings tried per gloss: a gloss of four characters with two readings each is 16.
MAX_READINGS = 32
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def has_han(text: str) -> bool:
    """Whether `text` holds a Chinese character."""
    return _HAN.search(text) is not None


@functools.lru_cache(maxsize=4096)
def readings(text: str) -> tuple[str, ...]:
    """The toneless pinyin of a Chinese gloss, each reading once, run together ("mianji") and
    syllable by syllable ("mian ji"); () when it holds no Chinese character."""
    if not has_han(text):
        return ()
    syllables = _syllables(text)
    found: dict[str, None] = {}
    for combo in itertools.islice(itertools.product(*syllables), MAX_READINGS):
        found.setdefault("".join(combo))
        found.setdefault(" ".join(combo))
    return tuple(found)


def _syllables(text: str) -> list[tuple[str, ...]]:
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "true")  # see the module's docstring
    from pypinyin import Style, pinyin  # imported on the first Chinese gloss only
    return [tuple(dict.fromkeys(r.replace("ü", "v") for r in choices))
            for choices in pinyin(text, style=Style.NORMAL, heteronym=True, errors="ignore")
            if choices]


def read_as(typed: str, name: str) -> bool:
    """Whether a name in Chinese characters reads as `typed`, spelled on a Latin keyboard the
    way the child says it ("Hao" for 浩, "Li Wei" or "liwei" for 李伟): its toneless pinyin,
    case, spaces and hyphens aside. An English-only teacher cannot type 浩 (playtest)."""
    wanted = re.sub(r"[\s'’-]", "", typed.casefold())
    return bool(wanted) and has_han(name) and wanted in {
        reading.replace(" ", "") for reading in readings(name)}
