"""A family's words matched against small per-language word lists (sick_words.py,
coming_days.py, about_child.py): the text folded (case, "n't", Arabic marks) and cut into
clauses; a listed word whole where the script has spaces, a stem ("заболел*"), a phrase
("may sakit"), or anywhere in a script without spaces (Chinese)."""

from __future__ import annotations

import re
import unicodedata

# Arabic short vowels and shadda ("مريضٌ"): not letters of the word, dropped before matching
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670]")
_WORD = re.compile(r"\w+")
_NOT = re.compile(r"n['’]t\b")  # "isn't", "can't", "won't": "is not", "ca not", "wo not"
# A clause ends at these: a negator in the previous clause ("she won't come, she's sick")
# says nothing of the sick word
_CLAUSE = re.compile(r"[,.;:!?\n，。；：！？、،؛؟]")
_ASKED = frozenset("?？؟")


def spaced(word: str) -> bool:
    """Whether a word's script puts spaces between words (all but Chinese here)."""
    return not any(0x3400 <= ord(char) <= 0x9FFF for char in word)


def _at(part: str, token: str) -> bool:
    """Whether a token is the listed part (or starts with it, for a stem ending in "*")."""
    return token.startswith(part[:-1]) if part.endswith("*") else token == part


def places(word: str, clause: str, tokens: list[str]) -> list[int]:
    """Where one listed word (a stem, a phrase, a word) starts in a clause: token indexes, or
    character indexes in a script without spaces."""
    if not spaced(word):
        return [m.start() for m in re.finditer(re.escape(word), clause)]
    parts = word.split()
    return [i for i in range(len(tokens) - len(parts) + 1)
            if all(_at(part, tokens[i + j]) for j, part in enumerate(parts))]


def marked(text: str, drop: tuple[str, ...] = (), as_today: tuple[str, ...] = ()
            ) -> list[tuple[str, list[str], bool]]:
    """The text folded (case, "n't", Arabic marks), cut into clauses, each with its words and
    whether it ends in a question mark; the phrases `drop` blanked out, those `as_today`
    read "today"."""
    folded = _ARABIC_MARKS.sub("", unicodedata.normalize("NFC", text).casefold())
    folded = _NOT.sub(" not", folded)
    for phrase in drop:  # whole words: "la mañana" (the morning) is not in "escuela mañana"
        phrase = re.escape(unicodedata.normalize("NFC", phrase))
        folded = re.sub(rf"(?<!\w){phrase}(?!\w)" if spaced(phrase) else phrase, " ", folded)
    for phrase in as_today:
        folded = folded.replace(phrase, " today ")
    pieces = re.split(f"({_CLAUSE.pattern})", folded)  # clause, its end, clause, …, clause
    return [(clause, _WORD.findall(clause), end in _ASKED)
            for clause, end in zip(pieces[::2], [*pieces[1::2], ""], strict=True)]


def clauses(text: str, drop: tuple[str, ...] = ()) -> list[tuple[str, list[str]]]:
    """The text's clauses, each with its words (see marked)."""
    return [(clause, tokens) for clause, tokens, _ in marked(text, drop)]


def words(table: dict[str, tuple[str, ...]], language: str) -> tuple[str, ...]:
    """A table's words for `language` and English, NFC like the text they are looked for in."""
    listed = table.get(language, ()) + (table["en"] if language != "en" else ())
    return tuple(unicodedata.normalize("NFC", word) for word in listed)


def has(table: dict[str, tuple[str, ...]], clause: str, tokens: list[str],
        language: str) -> bool:
    """Whether a clause holds one of a table's words (for `language`, or English)."""
    return any(places(word, clause, tokens) for word in words(table, language))


def any_in(table: dict[str, tuple[str, ...]], clauses: list[tuple[str, list[str]]],
           language: str) -> bool:
    """Whether any of the clauses holds one of a table's words."""
    return any(has(table, clause, tokens, language) for clause, tokens in clauses)
