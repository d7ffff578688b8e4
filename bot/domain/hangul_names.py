"""A Korean name in Hangul as an English-only teacher types it: "Jiwoo" or "Ji-woo" for 지우.

A child's Telegram name is often in Hangul, and the teacher knows the child by how it is said
(Korean playtest: Ms. Park's "/student Jiwoo" found nobody). Each syllable is read by the
Revised Romanization, with the other spellings families use for names ("woo" and "oo" for
우, "ee" for 이, "yu" for 여 as in Hyun, "soo" for 수, "ch" for ㅈ); a full name of three
syllables also reads without its family name ("Jiwoo" for 김지우).
"""

from __future__ import annotations

import functools
import itertools
import re

# Readings tried per name: three syllables of four spellings each is 64.
MAX_READINGS = 64
_FIRST, _LAST = 0xAC00, 0xD7A3  # precomposed Hangul syllables
_INITIALS = ("g|k", "kk", "n", "d|t", "tt", "r|l", "m", "b|p", "pp", "s|sh", "ss", "",
             "j|ch", "jj", "ch", "k", "t", "p", "h")  # pragma: no mutate
_VOWELS = ("a", "ae", "ya", "yae", "eo|u|o", "e", "yeo|yu|yo", "ye", "o|oh", "wa", "wae",
           "oe|we", "yo", "u|oo", "wo", "we", "wi", "yu|yoo", "eu|u", "ui|eui",
           "i|ee")  # pragma: no mutate
_FINALS = ("", "k|g", "k", "k", "n", "n", "n", "t|d", "l", "k", "m", "l", "l", "l", "p",
           "l", "m", "p|b", "p", "t|s", "t", "ng", "t", "t", "k", "t", "p",
           "t")  # pragma: no mutate
# A syllable with no sound before its vowel, spelled as names spell it: 우 Woo, 이 Yi/Lee
_BARE = {"u": ("u", "woo", "oo", "wu"), "i": ("i", "ee", "yi", "lee")}  # pragma: no mutate


def _syllable(char: str) -> tuple[str, ...]:
    """The spellings of one Hangul syllable ("지": ji, chi, jee, chee)."""
    index = ord(char) - _FIRST
    initial, rest = divmod(index, 21 * 28)
    vowel, final = divmod(rest, 28)
    found = []
    for start in _INITIALS[initial].split("|"):
        for middle in _VOWELS[vowel].split("|"):
            for end in _FINALS[final].split("|"):
                found.append(start + middle + end)
    if not _INITIALS[initial] and not _FINALS[final]:
        found.extend(_BARE.get(_VOWELS[vowel].split("|")[0], ()))
    return tuple(dict.fromkeys(found))


@functools.lru_cache(maxsize=1024)
def readings(name: str) -> frozenset[str]:
    """How `name`, all Hangul syllables, may be spelled in Latin letters (run together); an
    empty set for any other name."""
    if not name or not all(_FIRST <= ord(c) <= _LAST for c in name):
        return frozenset()
    spelled = set()
    for syllables in (name, name[1:]) if len(name) == 3 else (name,):
        combos = itertools.product(*map(_syllable, syllables))
        spelled.update("".join(c) for c in itertools.islice(combos, MAX_READINGS))
    return frozenset(spelled)


def read_as(typed: str, name: str) -> bool:
    """Whether a Korean name in Hangul reads as `typed` ("Jiwoo", "ji-woo" for 지우), case,
    spaces and hyphens aside."""
    wanted = re.sub(r"[\s'’-]", "", typed.casefold())
    return bool(wanted) and wanted in readings(re.sub(r"\s", "", name))
