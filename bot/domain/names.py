"""Names and labels people type, made inert: no invisible or direction-changing characters.

Telegram first names, class names and pack titles come from people. Direction overrides
(U+202E), zero-width characters and control characters can make "A\u200bna" look like "Ana",
reverse the rest of a message, or break a spreadsheet, so they are removed where text enters
and again where it is shown (rows stored before this rule existed are not migrated).
"""

from __future__ import annotations

import difflib
import functools
import unicodedata
from collections.abc import Sequence

NAME_LIMIT = 64    # a first name, as Telegram allows it
LABEL_LIMIT = 80   # a class name or a pack title
MAX_MARKS = 4      # combining marks kept on one letter (more is "Zalgo" text, not a language)

ZWNJ, ZWJ = "\u200c", "\u200d"
# Direction controls: embeddings and overrides, isolates, and the implicit marks. Our own
# messages add isolates around values; a value must never carry one that could end them early.
BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
# Letters that render as nothing although Unicode files them as letters (Hangul fillers,
# Khmer inherent vowels): a "name" made of them is invisible.
INVISIBLE_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u17b4\u17b5")
# Scripts whose spelling needs the zero-width (non-)joiner: Persian and Urdu, the Indic
# scripts, Sinhala. Between Latin letters a joiner only hides a spoof.
JOINING_SCRIPTS = ("ARABIC", "DEVANAGARI", "BENGALI", "GURMUKHI", "GUJARATI", "ORIYA", "TAMIL",
                   "TELUGU", "KANNADA", "MALAYALAM", "SINHALA", "SYRIAC", "NKO", "KHMER",
                   "MYANMAR", "TIBETAN", "MONGOLIAN")


@functools.lru_cache(maxsize=8192)  # the same pack texts are shown again and again
def inert(text: str) -> str:
    """Drop direction controls and invisible characters; keep line breaks and everything else.

    For longer text (glosses, definitions, uploaded lines) shown inside a message."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    kept: list[str] = []
    marks = 0  # combining marks on the last kept letter
    for char in text:
        category = unicodedata.category(char)
        if category in ("Mn", "Me"):
            if kept and not kept[-1].isspace() and marks < MAX_MARKS:
                kept.append(char)
            marks += 1
            continue
        if char in BIDI or char in INVISIBLE_LETTERS:
            continue
        if char in "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029":
            char = "\n"
        elif category in ("Cc", "Cf", "Cs") and char not in "\n\t" + ZWJ + ZWNJ:
            continue
        kept.append(char)  # a joiner is judged below, once both its neighbours are known
        marks = 0
    return "".join(c for i, c in enumerate(kept)
                   if c not in (ZWJ, ZWNJ) or _joiner_belongs(kept, i))


def clean(text: str, limit: int) -> str:
    """One line of at most `limit` characters, inert, NFC, single spaces; may be empty."""
    line = " ".join(inert(text).split())
    if len(line) > limit:
        line = " ".join(inert(line[:limit]).split())  # re-judge joiners cut from a neighbour
    return line


def clean_name(text: str | None) -> str:
    """A person's first name as Puente stores and shows it ("" when nothing visible is left)."""
    return clean(text or "", NAME_LIMIT)


# The accents Latin, Greek and Cyrillic letters carry (U+0300-U+036F): "Lucia" typed on an
# English keyboard is Lucía. Marks of other scripts (Arabic vowels, Devanagari signs) can make
# another name, and stay.
_ACCENTS = range(0x300, 0x370)
MIN_PREFIX = 2  # a typed start of a name at least this long suggests the name ("Wi": Widlene)
CLOSE_NAME = 0.75  # how alike a typed name and a student's must be to be suggested


@functools.lru_cache(maxsize=4096)
def fold_name(text: str) -> str:
    """A first name as a teacher may type it: case, spacing, invisible characters and Latin
    accents ignored ("lucia" for "Lucía", "Zoe" for "Zoë", "Ozgur" for "Özgür")."""
    return _fold(clean_name(text))


@functools.lru_cache(maxsize=1024)
def fold_label(text: str) -> str:
    """A class name as a teacher may type it, folded as fold_name folds a first name
    ("ciencias basicas" for "Ciencias Básicas")."""
    return _fold(clean_label(text))


def _fold(line: str) -> str:
    decomposed = unicodedata.normalize("NFKD", line)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if ord(c) not in _ACCENTS)).casefold()


def matching_labels(typed: str, labels: Sequence[str]) -> list[int]:
    """The positions in `labels` of the class names `typed` names: those spelled the same
    (case and spacing aside), else those the same once accents are ignored. More than one is
    ambiguous ("Ciencias basicas" typed beside "Ciencias Básicas" and "Ciencias Basicas"
    made before names were compared so): the caller refuses it."""
    wanted = " ".join(typed.split()).casefold()
    exact = [i for i, label in enumerate(labels) if " ".join(label.split()).casefold() == wanted]
    if exact:
        return exact
    folded = fold_label(typed)
    return [i for i, label in enumerate(labels) if folded and fold_label(label) == folded]


def closest_name(typed: str, names: list[str]) -> str | None:
    """The one name of `names` most like `typed` (a typo: "Lusia" for "Lucía"; the start of a
    name: "Wid" for "Widlene"), accents and case ignored; None when none is close enough."""
    by_fold: dict[str, str] = {}
    for one in names:
        by_fold.setdefault(fold_name(one), one)
    folded = fold_name(typed)
    # A busy teacher types the start of a long name; a typo ratio alone misses "Wid" for
    # "Widlene" (0.6) while it finds "Hod" for "Hodan" (0.75): the same habit, one answer.
    starts = [one for one in by_fold if len(folded) >= MIN_PREFIX and one.startswith(folded)]
    found = difflib.get_close_matches(folded, starts or list(by_fold), n=1,
                                      cutoff=0 if starts else CLOSE_NAME)
    return by_fold[found[0]] if found else None


def clean_label(text: str | None) -> str:
    """A class name or pack title as Puente stores and shows it ("" when nothing is left)."""
    return clean(text or "", LABEL_LIMIT)


def _joiner_belongs(chars: list[str], index: int) -> bool:
    """Keep a joiner only inside a word of a script that needs one, or inside an emoji."""
    if index == 0 or index == len(chars) - 1:
        return False
    before, after = chars[index - 1], chars[index + 1]
    if chars[index] == ZWJ and _emoji_part(before) and _emoji_part(after):
        return True  # 👩‍🏫: woman, joiner, school
    return _joining_script(before) and _joining_script(after)


def _emoji_part(char: str) -> bool:
    return unicodedata.category(char) in ("So", "Sk") or char == "\ufe0f"


def _joining_script(char: str) -> bool:
    return unicodedata.name(char, "").startswith(JOINING_SCRIPTS)


def file_stem(name: str, fallback: str = "class") -> str:
    """A file name's stem from a name people typed: letters and digits kept, every other run
    made one "-", never a leading or trailing "-" (`-script-` trips shell tools as an option)."""
    stem = "-".join("".join(c if c.isalnum() else " " for c in name).split())
    return stem or fallback
