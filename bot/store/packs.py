"""Packs and words in the store."""

from __future__ import annotations

import json
import weakref
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime

from sqlite_utils import Database

from bot.domain.checks import WordRef
from bot.domain.evidence import OptionWords
from bot.domain.pack_changes import PackChanges, diff_words
from bot.domain.packs import DEFAULT_PACK, Gloss, Pack, Word
from bot.store.clock import stamp


@dataclass(frozen=True)
class StoredWord:
    id: int
    pack_id: str
    word: Word


@dataclass(frozen=True)
class PackSummary:
    id: str
    title: str
    subject: str
    grades: tuple[int, int]
    words: int
    owner_teacher_id: int | None


@dataclass
class _Words:
    """Every word in the store, read once: an answer or a preview never re-reads packs."""

    by_id: dict[int, StoredWord] = field(default_factory=dict)
    by_pack: dict[str, list[StoredWord]] = field(default_factory=dict)  # retired words left out
    retired: set[int] = field(default_factory=set)
    # Which word each option shows, per packs (in the order looked up) and language
    options: dict[tuple[tuple[str, ...], str], OptionWords] = field(default_factory=dict)
    pack_ids: tuple[str, ...] | None = None  # every pack with a current word, sorted once


_COLUMNS = ("id", "pack_id", "term", "pos", "tier", "definition", "example", "emoji", "glosses",
            "cloze", "forms", "simple", "kind_of", "frame")

_CACHE: weakref.WeakKeyDictionary[Database, _Words] = weakref.WeakKeyDictionary()


def _words(db: Database) -> _Words:
    cached = _CACHE.get(db)
    if cached is None:
        cached = _Words()
        cursor = db.execute("SELECT * FROM words ORDER BY pack_id, position")
        columns = [c[0] for c in cursor.description]
        for values in cursor.fetchall():
            stored = _word(dict(zip(columns, values, strict=True)))
            cached.by_id[stored.id] = stored
            if values[columns.index("retired_at")] is None:
                cached.by_pack.setdefault(stored.pack_id, []).append(stored)
            else:
                cached.retired.add(stored.id)
        _CACHE[db] = cached
    return cached


def forget_words(db: Database) -> None:
    """Drop the cached words (after any change to packs or words)."""
    _CACHE.pop(db, None)


def save_pack(db: Database, pack: Pack, now: datetime,
              owner: int | None = None) -> PackChanges:
    """Insert or update a pack and its words in one transaction, keeping word ids stable.

    A word left out of the new version is retired, never deleted: students' answers and
    mastery on it stay, and a later version with the same term brings it back, history and
    all. Return what changed, with how many students have answers on the words retired now.
    """
    with db.atomic():
        old = {row[0]: (_word(dict(zip(_COLUMNS, row[1:-1], strict=True))).word,
                        row[-1] is not None)
               for row in db.execute(f"SELECT term, {', '.join(_COLUMNS)}, retired_at "
                                     "FROM words WHERE pack_id = ? ORDER BY position",
                                     [pack.id]).fetchall()}
        changes = diff_words(old, pack.words)
        db.execute(
            "INSERT INTO packs (id, title, subject, grade_min, grade_max, owner_teacher_id, "
            "shared, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
            "title=excluded.title, subject=excluded.subject, grade_min=excluded.grade_min, "
            "grade_max=excluded.grade_max, loaded_at=excluded.loaded_at",
            [pack.id, pack.title, pack.subject, *pack.grades, owner, int(owner is None),
             stamp(now)])
        for position, word in enumerate(pack.words):
            glosses = json.dumps({k: asdict(g) for k, g in word.glosses.items()},
                                 ensure_ascii=False, sort_keys=True)
            db.execute(
                "INSERT INTO words (pack_id, position, term, pos, tier, definition, example, "
                "emoji, glosses, cloze, forms, simple, kind_of, frame) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(pack_id, term) DO UPDATE SET position=excluded.position, "
                "pos=excluded.pos, tier=excluded.tier, definition=excluded.definition, "
                "example=excluded.example, emoji=excluded.emoji, glosses=excluded.glosses, "
                "cloze=excluded.cloze, forms=excluded.forms, simple=excluded.simple, "
                "kind_of=excluded.kind_of, frame=excluded.frame, retired_at=NULL",
                [pack.id, position, word.term, word.pos, word.tier, word.definition,
                 word.example, word.emoji, glosses, _cloze_cell(word),
                 json.dumps(list(word.forms), ensure_ascii=False), word.simple,
                 json.dumps(list(word.kind_of), ensure_ascii=False), word.frame])
        terms = json.dumps([w.term for w in pack.words])
        db.execute("UPDATE words SET retired_at = ? WHERE pack_id = ? AND retired_at IS NULL "
                   "AND term NOT IN (SELECT value FROM json_each(?))",
                   [stamp(now), pack.id, terms])
        if changes.retired:
            answered = db.execute(
                "SELECT count(DISTINCT m.student_id) FROM mastery m JOIN words w "
                "ON w.id = m.word_id WHERE w.pack_id = ? AND m.attempts > 0 "
                "AND w.term IN (SELECT value FROM json_each(?))",
                [pack.id, json.dumps(changes.retired)]).fetchone()[0]
            changes = replace(changes, answered=answered)
    forget_words(db)
    return changes


def _cloze_cell(word: Word) -> str | None:
    """The `cloze` column: the one gap sentence as it is, or several as a JSON list (no
    migration: a column every version reads). A lone sentence that starts with "[" is
    listed too, so reading never mistakes one for the other."""
    if word.more_clozes or (word.cloze or "").startswith("["):
        return json.dumps(list(word.clozes), ensure_ascii=False)
    return word.cloze


def _clozes(cell: str | None) -> tuple[str, ...]:
    """The gap sentences a `cloze` cell holds (`_cloze_cell`)."""
    if not cell:
        return ()
    return tuple(json.loads(cell)) if cell.startswith("[") else (cell,)


def _word(row: dict) -> StoredWord:
    glosses = {k: Gloss(**v) for k, v in json.loads(row["glosses"]).items()}
    clozes = _clozes(row.get("cloze"))
    word = Word(row["term"], row["pos"], row["tier"], row["definition"], row["example"],
                row["emoji"], glosses, clozes[0] if clozes else None,
                tuple(json.loads(row.get("forms") or "[]")), row.get("simple"),
                tuple(json.loads(row.get("kind_of") or "[]")), clozes[1:], row.get("frame"))
    return StoredWord(row["id"], row["pack_id"], word)


def pack_words(db: Database, pack_id: str) -> list[StoredWord]:
    """Return a pack's words in pack order (not the retired ones: no one new meets them)."""
    return list(_words(db).by_pack.get(pack_id, []))


def words_by_id(db: Database, word_ids: list[int]) -> list[StoredWord]:
    """Return the words with these ids, in the order asked (retired ones too: students who
    met a word keep it)."""
    found = _words(db).by_id
    return [found[i] for i in word_ids if i in found]


def option_words(db: Database, pack_ids: Sequence[str], lang: str) -> OptionWords:
    """The index from an option's label to its word, over these packs' words (the first pack
    first), for a student of `lang`: built once, until a pack changes (forget_words)."""
    cached = _words(db)
    key = (tuple(dict.fromkeys(pack_ids)), lang)
    index = cached.options.get(key)
    if index is None:
        pool = [WordRef(w.id, w.word, w.pack_id) for pid in key[0]
                for w in cached.by_pack.get(pid, [])]
        index = cached.options[key] = OptionWords(pool, lang)
    return index


def pack_ids(db: Database) -> tuple[str, ...]:
    """Every pack with a current word, in a stable order."""
    words = _words(db)  # every graded tap asks (checks.option_index): sorted once
    if words.pack_ids is None:
        words.pack_ids = tuple(sorted(words.by_pack))
    return words.pack_ids


def glossed_terms(db: Database, lang: str) -> list[tuple[str, str]]:
    """Every English term of every pack with its curated home-language term in `lang`, once
    (retired words too: a family may still meet them in a teacher's message)."""
    return [(term, gloss) for term, gloss in db.execute(
        "SELECT DISTINCT term, json_extract(glosses, '$.' || ? || '.term') FROM words "
        "WHERE json_extract(glosses, '$.' || ? || '.term') IS NOT NULL", [lang, lang])]


def retired_ids(db: Database) -> frozenset[int]:
    """Words left out of their pack's latest version: kept for the history of who met them."""
    return frozenset(_words(db).retired)


def current_words_by_id(db: Database, word_ids: list[int]) -> list[StoredWord]:
    """The words with these ids that are still in their packs, in the order asked (what may
    still be introduced to a student who has not met them)."""
    words = _words(db)
    return [words.by_id[i] for i in word_ids if i in words.by_id and i not in words.retired]


def list_packs(db: Database, teacher_id: int | None = None) -> list[PackSummary]:
    """Return shipped and shared packs, plus the private packs of `teacher_id`."""
    rows = db.query(
        "SELECT p.*, (SELECT count(*) FROM words w WHERE w.pack_id = p.id "
        "AND w.retired_at IS NULL) AS n FROM packs p "
        "WHERE p.shared = 1 OR p.owner_teacher_id = ? ORDER BY p.subject, p.id", [teacher_id])
    return [PackSummary(r["id"], r["title"], r["subject"], (r["grade_min"], r["grade_max"]),
                        r["n"], r["owner_teacher_id"]) for r in rows]


def class_packs(db: Database, class_id: int) -> list[str]:
    """The packs a class is taught from that a teacher of it may push to it although they are
    not hers: its own pack, and the private packs of its teachers (the creator's unit, which a
    co-teacher sends on), shipped packs aside."""
    return [r[0] for r in db.execute(
        "SELECT p.id FROM packs p WHERE p.shared = 0 AND (p.id = (SELECT pack_id FROM classes "
        "WHERE id = :c) OR p.owner_teacher_id IN (SELECT teacher_id FROM classes WHERE id = :c "
        "UNION SELECT teacher_id FROM class_teachers WHERE class_id = :c)) ORDER BY p.id",
        {"c": class_id}).fetchall()]


def practised_words(db: Database, pack_id: str, class_ids: Sequence[int]) -> int:
    """How many of a pack's words students of these classes have answered at least once."""
    marks = ",".join("?" * len(class_ids)) or "NULL"
    return db.execute(
        "SELECT count(DISTINCT a.word_id) FROM attempts a JOIN words w ON w.id = a.word_id "
        "WHERE w.pack_id = ? AND w.retired_at IS NULL AND a.student_id IN (SELECT "
        f"e.student_id FROM enrollments e WHERE e.class_id IN ({marks}))",
        [pack_id, *class_ids]).fetchone()[0]


def class_lowest_grades(db: Database, student_id: int) -> list[int]:
    """The lowest grade each of a student's classes' packs is written for (a class made
    without a pack learns DEFAULT_PACK, as study does); none for a student in no class."""
    return [row[0] for row in db.execute(
        "SELECT p.grade_min FROM enrollments e JOIN classes c ON c.id = e.class_id "
        "JOIN packs p ON p.id = coalesce(c.pack_id, ?) WHERE e.student_id = ?",
        [DEFAULT_PACK, student_id]).fetchall()]


def pack_title(db: Database, pack_id: str) -> str | None:
    row = db.execute("SELECT title FROM packs WHERE id = ?", [pack_id]).fetchone()
    return row[0] if row else None


def pack_owner(db: Database, pack_id: str) -> tuple[bool, int | None]:
    """(exists, owning teacher or None for a shipped pack)."""
    row = db.execute("SELECT owner_teacher_id FROM packs WHERE id = ?", [pack_id]).fetchone()
    return (row is not None, row[0] if row else None)


def shipped_fingerprint(db: Database) -> str | None:
    """The fingerprint of the shipped pack files last loaded into this store."""
    row = db.execute("SELECT value FROM settings WHERE key = 'shipped_packs'").fetchone()
    return row[0] if row else None


def set_shipped_fingerprint(db: Database, fingerprint: str) -> None:
    db.execute("INSERT INTO settings (key, value) VALUES ('shipped_packs', ?) "
               "ON CONFLICT(key) DO UPDATE SET value = excluded.value", [fingerprint])
