"""Translation memory: the only place with SQL for the `translations` table.

Also answers "is there a curated gloss for this text?", because the glossary and the memory are
the two places a translation is looked up before any engine runs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from bot.store.clock import stamp

TEACHER = "teacher"  # engine name of a translation a person wrote or corrected
_CHUNK = 500  # well under SQLite's host-parameter limit


@dataclass(frozen=True)
class Remembered:
    """One stored translation."""

    source_text: str
    text: str
    engine: str
    reviewed: bool

    @property
    def machine(self) -> bool:
        """Machine output nobody has reviewed yet (users see it marked as such)."""
        return self.engine != TEACHER and not self.reviewed


@dataclass(frozen=True)
class MemoryCount:
    """How many translations the memory holds for one target language."""

    target_lang: str
    total: int
    machine: int
    reviewed: int


@dataclass(frozen=True)
class GlossCoverage:
    """Words in the store, and how many a language covers by curated gloss or by memory."""

    lang: str
    words: int
    curated: int
    remembered: int

    @property
    def uncovered(self) -> int:
        """Words with neither a curated gloss nor a remembered translation."""
        return self.words - self.curated - self.remembered


def remember(db: Database, source_lang: str, target_lang: str, source_text: str, text: str,
             engine: str, now: datetime) -> bool:
    """Store a translation; never overwrite a reviewed one. Return whether it was stored."""
    reviewed = int(engine == TEACHER)
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO translations (source_lang, target_lang, source_text, text, engine, "
            "reviewed, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(source_lang, target_lang, source_text) DO UPDATE SET "
            "text=excluded.text, engine=excluded.engine, reviewed=excluded.reviewed, "
            "created_at=excluded.created_at "
            "WHERE translations.reviewed = 0 OR excluded.reviewed = 1",
            [source_lang, target_lang, source_text, text, engine, reviewed, stamp(now)])
    return cursor.rowcount > 0


def review(db: Database, source_lang: str, target_lang: str, source_text: str,
           text: str, now: datetime) -> None:
    """Record a person's corrected (or approved) translation; it wins over any engine."""
    remember(db, source_lang, target_lang, source_text, text, TEACHER, now)


def recall(db: Database, source_lang: str, target_lang: str,
           source_text: str) -> Remembered | None:
    """Return the stored translation of one text, or None."""
    rows = list(db.query(
        "SELECT source_text, text, engine, reviewed FROM translations "
        "WHERE source_lang = ? AND target_lang = ? AND source_text = ?",
        [source_lang, target_lang, source_text]))
    return _remembered(rows[0]) if rows else None


def recall_many(db: Database, source_lang: str, target_lang: str,
                source_texts: Iterable[str]) -> dict[str, Remembered]:
    """Return the stored translations of many texts at once, keyed by source text."""
    wanted = list(dict.fromkeys(source_texts))
    found: dict[str, Remembered] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start:start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for row in db.query(
                "SELECT source_text, text, engine, reviewed FROM translations "
                f"WHERE source_lang = ? AND target_lang = ? AND source_text IN ({marks})",
                [source_lang, target_lang, *chunk]):
            found[row["source_text"]] = _remembered(row)
    return found


def memory_counts(db: Database) -> list[MemoryCount]:
    """Count stored translations per target language."""
    rows = db.query(
        "SELECT target_lang, count(*) AS total, "
        "sum(engine != ? AND reviewed = 0) AS machine, sum(reviewed) AS reviewed "
        "FROM translations GROUP BY target_lang ORDER BY target_lang", [TEACHER])
    return [MemoryCount(r["target_lang"], r["total"], r["machine"] or 0, r["reviewed"] or 0)
            for r in rows]


def curated(db: Database, source_text: str, lang: str) -> str | None:
    """Return a pack's curated gloss whose English term or definition is exactly `source_text`."""
    text = source_text.strip()
    rows = db.query(
        "SELECT term, definition, glosses FROM words "
        "WHERE term = ? COLLATE NOCASE OR definition = ? ORDER BY id", [text, text])
    for row in rows:
        gloss = json.loads(row["glosses"]).get(lang)
        if not gloss:
            continue
        if row["term"].casefold() == text.casefold() and gloss.get("term"):
            return str(gloss["term"])
        if row["definition"] == text and gloss.get("definition"):
            return str(gloss["definition"])
    return None


def gloss_coverage(db: Database, langs: Sequence[str],
                   source_lang: str = "en") -> list[GlossCoverage]:
    """Per language: words in the store, words with a curated gloss, others whose term is
    in the memory."""
    result = []
    for lang in langs:
        path = f'$."{lang}"'
        row = next(db.query(
            "SELECT count(*) AS words, "
            "sum(json_extract(w.glosses, ?) IS NOT NULL) AS curated, "
            "sum(json_extract(w.glosses, ?) IS NULL AND EXISTS (SELECT 1 FROM translations t "
            "WHERE t.source_lang = ? AND t.target_lang = ? AND t.source_text = w.term)) "
            "AS remembered FROM words w", [path, path, source_lang, lang]))
        result.append(GlossCoverage(lang, row["words"], row["curated"] or 0,
                                    row["remembered"] or 0))
    return result


def _remembered(row: dict[str, Any]) -> Remembered:
    return Remembered(row["source_text"], row["text"], row["engine"], bool(row["reviewed"]))
