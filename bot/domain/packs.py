"""Vocab packs: the immutable pack, word and gloss objects, and a pack's problems (no file I/O).

Parsing and validating pack TOML text into them is bot/domain/pack_validation.py.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.domain.errors import PuenteError

SUBJECTS = ("general", "math", "science", "social-studies", "ela")
PARTS_OF_SPEECH = ("noun", "verb", "adjective", "adverb", "phrase")
PACK_ID = re.compile(r"^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$")
DEFAULT_PACK = "general.academic-verbs"  # what a class made without a pack learns


# Letters NFKD does not take apart into a base letter and accents
_OWN_LETTERS = str.maketrans({"đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l",
                              "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i"})
MAX_PACK_NAME = 40
# a gloss term's bracketed explanation, ASCII or full-width: "sustracción (resta)", "和（…）"
_EXPLAINED = re.compile(r"\s*[(（]")


def short_gloss(term: str) -> str:
    """A gloss term without its bracketed explanation (Gloss.short_term); the whole term when
    it is nothing but brackets."""
    return _EXPLAINED.split(term, maxsplit=1)[0].strip() or term


def pack_name(file_stem: str) -> str:
    """The name part of a pack id made from a file's name: accents taken off ("Vòng tuần hoàn
    nước" -> "vong-tuan-hoan-nuoc", "Año 3" -> "ano-3"), other letters left out. Where letters
    were left out ("Слова 7Б", "دورة الماء"), a short tag of the whole name follows (or is all
    there is), so two such files never share a pack, and the same file sent again replaces
    its own."""
    plain = [c for c in unicodedata.normalize("NFKD", file_stem.translate(_OWN_LETTERS))
             if not unicodedata.combining(c)]
    cleaned = "".join(c.lower() if c.isascii() and c.isalnum() else "-" for c in plain)
    name = "-".join(part for part in cleaned.split("-") if part)
    if not any(c.isalnum() and not c.isascii() for c in plain):
        return _whole_words(name, MAX_PACK_NAME) or "pack"
    tag = hashlib.sha256(file_stem.strip().encode()).hexdigest()[:6]
    return f"{_whole_words(name, MAX_PACK_NAME - len(tag) - 1) or 'pack'}-{tag}"


def _whole_words(name: str, limit: int) -> str:
    """A dashed name cut to `limit` characters at a dash, never inside a word a teacher then
    has to type ("...-evaporacion-y", not "...-condensacio"); one word longer than the
    limit is cut."""
    if len(name) <= limit:
        return name
    cut = name[:limit + 1].rsplit("-", 1)[0]
    return cut if cut and cut != name[:limit + 1] else name[:limit].rstrip("-")


@dataclass(frozen=True)
class Gloss:
    """A curated (or machine-made, when `machine`) rendering of a word in one language."""

    term: str
    definition: str | None = None
    cognate: bool = False
    false_friend: str | None = None
    machine: bool = False
    reviewed: bool = True  # False: no native speaker has checked it yet (packs list says so)
    # a newcomer's definition in her language (at most MAX_SIMPLE_WORDS words), worded unlike
    # `definition`: her level 1-2 card shows it, and her checks ask by either, so a word has
    # two prompts she can read (docs/newcomers.md, "Memory of the prompt")
    simple: str | None = None
    # at most BEGINNER_DEFINITION_WORDS words (scaffold.reading_words), worded unlike both:
    # a level-1 check asks by it where `definition` is too long for her to read, so her word
    # still has a second prompt (a Hmong definition of 15-30 syllables left one)
    short: str | None = None

    @property
    def short_term(self) -> str:
        """The gloss term without its bracketed explanation ("和（加法的得数）" is "和",
        "먹이 (피식자)" is "먹이"): what stands for the word where the gloss is the word, in a
        question ("和 是哪个英语单词？") or beside the English word in a list ("sum (和)"),
        where the whole read as nested brackets or as if the explanation were the word."""
        return short_gloss(self.term)

    def newcomer_definition(self) -> str | None:
        """What a level 1-2 card says the word means in her language: the short one first."""
        return self.simple or self.definition


@dataclass(frozen=True)
class Word:
    term: str
    pos: str
    tier: int
    definition: str
    example: str
    emoji: str | None = None
    glosses: Mapping[str, Gloss] = field(default_factory=dict)
    cloze: str | None = None            # a second sentence, blanked in fill-in-the-gap checks
    forms: tuple[str, ...] = ()         # inflections the example or cloze may use ("settlers")
    simple: str | None = None           # <= 12 common words, for levels 1-2 cards
    # terms of the pack this word is a kind of ("predator": consumer, organism): neither is
    # offered as a wrong option for the other, since choosing it would not be wrong
    kind_of: tuple[str, ...] = ()
    # further gap sentences (`cloze = ["...", "..."]` in a pack): successive gap checks on
    # the word take them in turn (variety.gap_sentences), so none is learnt by its shape
    more_clozes: tuple[str, ...] = ()
    # a level 1-2 card's sentence frame, the word in it and one ___ to fill ("___ is
    # matter."), where the part of speech's own ("The matter is ___.") reads wrong
    frame: str | None = None

    @property
    def clozes(self) -> tuple[str, ...]:
        """Every gap sentence of the word, the pack's first one first."""
        return (self.cloze, *self.more_clozes) if self.cloze else self.more_clozes


@dataclass(frozen=True)
class Pack:
    id: str
    title: str
    subject: str
    grades: tuple[int, int]
    words: tuple[Word, ...]
    description: str = ""
    source: str = ""

    @property
    def words_without_cloze(self) -> tuple[Word, ...]:
        """Words that get no fill-in-the-gap item because they have no cloze sentence."""
        return tuple(w for w in self.words if w.cloze is None)

    @property
    def gloss_languages(self) -> tuple[str, ...]:
        """The languages the pack gives glosses in (for at least one word), sorted."""
        return tuple(sorted({lang for word in self.words for lang in word.glosses}))

    @property
    def glosses_without_definition(self) -> dict[str, tuple[str, ...]]:
        """Per language, the words whose gloss has a term but no definition."""
        found: dict[str, list[str]] = {}
        for word in self.words:
            for lang, gloss in word.glosses.items():
                if not gloss.definition:
                    found.setdefault(lang, []).append(word.term)
        return {lang: tuple(terms) for lang, terms in sorted(found.items())}


@dataclass(frozen=True)
class Problem:
    source: str
    line: int
    message: str  # English, as the CLI prints it
    # What the message says, for a teacher who reads another language: a prompt
    # "pack-problem-<reason>" filled with `facts` (English field names and values kept);
    # "" for a problem only ever said in English
    reason: str = ""
    facts: tuple[tuple[str, str | int], ...] = ()

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.message}"


class PackError(PuenteError):
    """A pack file has problems; nothing from it was loaded."""

    prompt_key = "error-pack-invalid"

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)), count=len(problems))
        self.problems = problems
