"""Chinese words as a student types them on a Latin keyboard (toneless pinyin) or, in Taiwan,
in Zhuyin (Bopomofo), the phonetic letters Taiwan's children learn to read and type by.

Most Chinese students type Chinese through pinyin, so a student who knows 面积 may type
"mianji" (Arabic playtest: Mei's "mianji" for *area* was a plain miss, and fed "needs help").
Typed grading treats it as the home-language word (one more try, to write it in English),
exactly as 面积 itself. pypinyin (MIT) gives each character's readings; its phrase table is
left unloaded (56 MB and 0.8 s against 11 MB and 0.3 s, once, on the first Chinese answer),
so a character with several readings gives every reading (长度: "changdu" and "zhangdu").
A child who cannot write 种群 may type its sounds, "ㄓㄨㄥˇ ㄑㄩㄣˊ" (Traditional playtest, Jun-yu,
11): the same word, matched without its tone marks.
"""

from __future__ import annotations

import functools
import itertools
import os
import re

# Readings tried per gloss: a gloss of four characters with two readings each is 16.
MAX_READINGS = 32
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_ZHUYIN = re.compile(r"[\u3100-\u312f\u31a0-\u31bf]")
_ZHUYIN_TONES = str.maketrans("", "", "ˉˊˇˋ˙")  # the 1st (often left out) to the 5th


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


def _syllables(text: str, zhuyin: bool = False) -> list[tuple[str, ...]]:
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "true")  # see the module's docstring
    from pypinyin import Style, pinyin  # imported on the first Chinese gloss only
    if zhuyin:
        return [tuple(dict.fromkeys(zhuyin_key(r) for r in choices))
                for choices in pinyin(text, style=Style.BOPOMOFO, heteronym=True,
                                      errors="ignore") if choices]
    return [tuple(dict.fromkeys(r.replace("ü", "v") for r in choices))
            for choices in pinyin(text, style=Style.NORMAL, heteronym=True, errors="ignore")
            if choices]


def is_zhuyin(text: str) -> bool:
    """Whether `text` is written in Zhuyin: its letters all Bopomofo (and its tone marks)."""
    letters = [ch for ch in text.translate(_ZHUYIN_TONES) if ch.isalpha()]
    return bool(letters) and all(_ZHUYIN.match(ch) for ch in letters)


def zhuyin_key(text: str) -> str:
    """Zhuyin as it is matched: no tone marks, no spaces ("ㄓㄨㄥˇ ㄑㄩㄣˊ" -> "ㄓㄨㄥㄑㄩㄣ")."""
    return "".join(text.translate(_ZHUYIN_TONES).split())


@functools.lru_cache(maxsize=4096)
def zhuyin_readings(text: str) -> tuple[str, ...]:
    """A Chinese gloss's Zhuyin, as `zhuyin_key` matches it, every reading once (at most
    MAX_READINGS); () when it holds no Chinese character."""
    if not has_han(text):
        return ()
    combos = itertools.islice(itertools.product(*_syllables(text, zhuyin=True)), MAX_READINGS)
    return tuple(dict.fromkeys("".join(combo) for combo in combos))


def read_as(typed: str, name: str) -> bool:
    """Whether a name in Chinese characters reads as `typed`, spelled on a Latin keyboard the
    way the child says it ("Hao" for 浩, "Li Wei" or "liwei" for 李伟): its toneless pinyin,
    case, spaces and hyphens aside. An English-only teacher cannot type 浩 (playtest)."""
    wanted = re.sub(r"[\s'’-]", "", typed.casefold())
    return bool(wanted) and has_han(name) and wanted in {
        reading.replace(" ", "") for reading in readings(name)}
