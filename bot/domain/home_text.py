"""Home-language text in a typed answer: matched to a word's gloss the way its language is
written, and told apart from English.

A gloss matches as people write it: Arabic with its article or a prefix (الموطن, بالموطن for
موطن), with or without short vowels (مَوْطِن), with any alef (أ إ آ ا), ة or ه, ى or ي; Spanish,
Portuguese and French with an article (el ecosistema), and with or without accents. Vietnamese
tones tell words apart (loài is species, loại category), so Vietnamese typed with tones matches
only with the same tones; typed without any (a phone with no Vietnamese keyboard), it matches the
gloss without them. A gloss that lists alternatives ("sustracción (resta)", "mưa, tuyết") matches
each of them. See docs/typed-grading.md.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType

from bot.domain.chinese_script import simplified
from bot.domain.cognates import fold
from bot.domain.language import detect_language, school_languages
from bot.domain.pinyin import is_zhuyin, readings, zhuyin_key, zhuyin_readings

_NON_WORD = re.compile(r"[^\w\s]|_")
_LIGATURES = str.maketrans({"æ": "ae", "œ": "oe", "ß": "ss", "đ": "d"})
# Letters Arabic writers use interchangeably, and the Persian keyboard's yeh and kaf. (Short
# vowels, shadda, and the hamza on or under an alef are combining marks: `fold` drops them.)
_ARABIC_LETTERS = str.maketrans({"ٱ": "ا", "ة": "ه", "ى": "ي", "ی": "ي", "ک": "ك", "ـ": None})
# The article, alone or after a one-letter prefix (and, with, for, so, like): longest first.
_ARABIC_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")
# Leading articles of the Romance languages whose glosses come without one.
_ARTICLES = {
    "es": frozenset({"el", "la", "los", "las", "un", "una"}),
    "pt": frozenset({"o", "a", "os", "as", "um", "uma"}),
    "fr": frozenset({"le", "la", "les", "l", "un", "une", "des"}),
}
# Separators between a gloss's alternatives: "/", commas (Latin, Arabic, Chinese), semicolons.
# Vietnamese words a noun phrase may start with: an article (một), plural markers (những, các),
# classifiers (cái, con) and the nominaliser sự. Taken off an answer only when what is left is a
# gloss with its tones (một hệ sinh thái): "mồi" alone is still not "con mồi".
_VI_LEADING = frozenset({"một", "những", "các", "cái", "con", "sự"})
_ALTERNATIVES = re.compile(r"[/,;،、，；／]")
_BRACKETED = re.compile(r"\(([^()]*)\)")
# An answer's two parts side by side: one in brackets, or either side of one separator.
_ASIDE = re.compile(r"[(\[（【]([^()\[\]（）【】]*)[)\]）】]")
_SEPARATOR = re.compile(r"\s*[=:/|,;،、：–—]\s*|\s+-\s+")
SURE = 0.75  # the detector's probability for "confidently the student's language"


def _spaced(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", text).split())


def _without_prefix(token: str) -> str:
    """An Arabic word without its article or prefix, when at least two letters remain."""
    for prefix in _ARABIC_PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= 2:
            return token[len(prefix):]
    return token


_TONE_NUMBERS = re.compile(r"(?<=[A-Za-z])[1-5]")


@functools.lru_cache(maxsize=8192)  # glosses come back with every answer
def home_key(text: str, lang: str | None) -> str:
    """`text` as a gloss is matched in `lang`: folded the way that language allows."""
    if lang == "vi" and not text.isascii():  # tones kept: they tell words apart
        return _spaced(unicodedata.normalize("NFC", text.casefold()))
    if lang == "zh" and text.isascii():  # pinyin with tone numbers: "zhou1chang2" is zhouchang
        text = _TONE_NUMBERS.sub("", text)
    elif lang == "zh" and is_zhuyin(text):  # "ㄓㄨㄥˇ ㄑㄩㄣˊ": 种群 in Taiwan's phonetic letters
        return zhuyin_key(text)
    elif lang == "zh":  # typed in Traditional (生態系統, 軟體): the Simplified gloss it read
        text = simplified(text)
    tokens = _spaced(fold(text).translate(_LIGATURES)).split()
    if _ARABIC.search(text):
        tokens = [_without_prefix(t.translate(_ARABIC_LETTERS)) for t in tokens]
    elif len(tokens) > 1 and any(tokens[0] in _ARTICLES.get(code, ())
                                 for code in school_languages(lang)):  # l'hypothèse (ht)
        tokens = tokens[1:]
    return " ".join(tokens)


def answer_key(text: str, home: Mapping[str, str], lang: str | None) -> str:
    """`text` as an answer is matched against the gloss keys `home`: its `home_key`, or, in
    Vietnamese typed with tones, that key without one or two leading words of _VI_LEADING when
    what is left is a gloss key with tones (một hệ sinh thái, những con mồi)."""
    key = home_key(text, lang)
    if key in home or lang != "vi" or text.isascii():
        return key
    words = key.split()
    for count in (1, 2):
        rest = " ".join(words[count:])
        if rest in home and not rest.isascii() and set(words[:count]) <= _VI_LEADING:
            return rest
    return key


def _latin(token: str) -> bool:
    return all(unicodedata.name(ch, "").startswith("LATIN") for ch in token if ch.isalpha())


def beside(text: str) -> list[tuple[str, str]]:
    """`text` read as two parts side by side, both ways round: a part in brackets and the rest
    (habitat (موطن)), the parts either side of one separator (موطن - habitat), or Latin words
    and words in another script (habitat الموطن). Empty when it is none of these."""
    inside = _ASIDE.findall(text)
    if inside:
        pairs = [(_ASIDE.sub(" ", text), inside[0])] if len(inside) == 1 else []
    elif len(parts := _SEPARATOR.split(text)) > 1:
        pairs = [(parts[0], parts[1])] if len(parts) == 2 else []
    else:
        words = text.split()
        cuts = [i for i in range(1, len(words)) if _latin(words[i]) != _latin(words[i - 1])]
        pairs = [(" ".join(words[:cuts[0]]), " ".join(words[cuts[0]:]))] if len(cuts) == 1 \
            else []
    return [(a.strip(), b.strip()) for first, second in pairs
            for a, b in ((first, second), (second, first)) if a.strip() and b.strip()]


def cuts(text: str) -> list[tuple[str, str]]:
    """`text` cut in two at each space, both ways round ("ecosystem hệ sinh thái" gives
    ("ecosystem", "hệ sinh thái") and ("hệ sinh thái", "ecosystem") among others): Latin words
    side by side with nothing between them, where the English may stop anywhere."""
    words = text.split()
    halves = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    return [pair for first, second in halves for pair in ((first, second), (second, first))]


def home_aside(text: str, home: Mapping[str, str], lang: str | None) -> bool:
    """True when `text`, written beside an English answer, is home-language text, never
    English: another script, a gloss of `home` as `lang` writes it (hệ sinh thái, he sinh
    thai, ecosistema), or letters English lacks that the detector is sure are `lang`'s."""
    if not any(ch.isalpha() for ch in text):
        return False
    return not all(_latin(token) for token in text.split()) \
        or answer_key(text, home, lang) in home \
        or (not text.isascii() and own_language(text, lang))


def gloss_variants(gloss: str) -> tuple[str, ...]:
    """The gloss and each alternative it lists, in brackets or between separators:
    "sustracción (resta)" -> the whole, "sustracción", "resta"."""
    chunks = [_BRACKETED.sub(" ", gloss), *_BRACKETED.findall(gloss)]
    found = [gloss, *chunks, *(part for chunk in chunks for part in _ALTERNATIVES.split(chunk))]
    return tuple(dict.fromkeys(part.strip() for part in found if part.strip()))


@functools.lru_cache(maxsize=8192)  # one word's gloss, with every answer to it
def home_keys(glosses: tuple[str, ...], lang: str | None) -> Mapping[str, str]:
    """Every way of matching these glosses (key -> the gloss it matches): each alternative,
    folded for `lang`; for Vietnamese also without tones, for answers typed without any."""
    keys: dict[str, str] = {}
    for gloss in glosses:
        for variant in gloss_variants(gloss):
            for key in (home_key(variant, lang), home_key(variant, None)):
                if key:
                    keys.setdefault(key, gloss)
            if lang == "zh":  # "mianji" typed on a Latin keyboard is 面积 (pinyin.py), and
                for reading in (*readings(variant), *zhuyin_readings(variant)):  # "ㄇㄧㄢˋ ㄐㄧ"
                    keys.setdefault(reading, gloss)
    return MappingProxyType(keys)


def own_language(text: str, lang: str | None) -> bool:
    """True when the detector is sure `text` is in the student's language `lang`."""
    if lang is None or lang == "en":
        return False
    found = detect_language(text, hint=lang)
    return bool(found.candidates) and found.candidates[0][0] == lang \
        and found.candidates[0][1] >= SURE


def looks_like(text: str, lang: str | None) -> str | None:
    """The language text in a script other than Latin looks like: the detector's answer, else
    the student's language if it is among the likely ones, else the likeliest (None: a script
    the detector does not know). Latin words beside it (an English answer) are left out:
    "habitat predator (موطن)" is Arabic, not Italian."""
    other = " ".join(token for token in text.split() if not _latin(token))
    found = detect_language(other or text, hint=lang)
    if found.lang is not None:
        return found.lang
    likely = [code for code, _ in found.candidates]
    if lang in likely:
        return lang
    return likely[0] if likely else None
