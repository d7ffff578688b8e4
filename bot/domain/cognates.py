"""Cognate hints and false-friend warnings from curated gloss data."""

from __future__ import annotations

import enum
import functools
import unicodedata
from dataclasses import dataclass

from bot.domain.packs import Word


class Relation(enum.Enum):
    COGNATE = "cognate"
    FALSE_FRIEND = "false-friend"
    NONE = "none"


@dataclass(frozen=True)
class WordRelation:
    relation: Relation
    lookalike: str | None = None  # the home-language word that only looks like the English one


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case and strip accents, for spelling comparisons across languages."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def same_word(english: str, home: str) -> bool:
    """The English word and the home-language one are written alike, case and accents aside
    ("gas" / "gas", "habitat" / "hábitat"): one word, so nothing needs saying twice."""
    return fold(english).strip() == fold(home).strip()


def relation_for(word: Word, lang: str) -> WordRelation:
    """Tell a learner of `lang` whether `word` is a cognate, a false friend, or neither.

    Only curated flags count: spelling overlap alone also matches false friends and
    borderline pairs a bilingual translator chose not to mark.
    """
    gloss = word.glosses.get(lang)
    if gloss is None:
        return WordRelation(Relation.NONE)
    if gloss.false_friend:
        return WordRelation(Relation.FALSE_FRIEND, gloss.false_friend)
    if gloss.cognate:
        return WordRelation(Relation.COGNATE)
    return WordRelation(Relation.NONE)
