"""Teachers' voice notes of a word's home-language line (migration 0051): the only SQL for
`word_recordings` and `recording_prompts`. Recordings are read once into memory (start-up:
`load_recordings`) and kept in step with each change, so a student's question can offer one
without a statement on the graded answer path (tests/handlers/test_answer_cost.py)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from weakref import WeakKeyDictionary

from sqlite_utils import Database

from bot.store.clock import parse, stamp


@dataclass(frozen=True)
class Recording:
    """One word's line said in one language by a teacher (or co-teacher)."""

    word_id: int
    language: str
    line: str
    file_id: str
    seconds: int
    recorded_by: int
    recorder_name: str
    recorded_at: datetime


@dataclass(frozen=True)
class Prompt:
    """A "🎙️ Say in ..." message: which word (or ready-made reply, migration 0053) and
    language it asked a teacher for."""

    teacher_id: int
    message_id: int
    class_id: int
    word_id: int | None
    language: str
    reply: str | None = None  # a ready-made reply's key (then `word_id` is None)


_RECORDINGS: WeakKeyDictionary[Database, dict[tuple[int, str], Recording]] = \
    WeakKeyDictionary()

_SELECT = ("SELECT r.word_id, r.language, r.line, r.file_id, r.seconds, r.recorded_by, "
           "t.first_name, r.recorded_at FROM word_recordings r "
           "JOIN teachers t ON t.id = r.recorded_by")


def _row(row: tuple) -> Recording:
    return Recording(row[0], row[1], row[2], row[3], int(row[4]), row[5], row[6],
                     parse(row[7]))


def _all(db: Database) -> dict[tuple[int, str], Recording]:
    cached = _RECORDINGS.get(db)
    if cached is None:
        cached = _RECORDINGS[db] = {(r.word_id, r.language): r for r in map(
            _row, db.execute(_SELECT).fetchall())}
    return cached


def load_recordings(db: Database) -> int:
    """Read every recording into memory now (start-up), not on a student's answer; return
    how many there are."""
    return len(_all(db))


def recording(db: Database, word_id: int, language: str) -> Recording | None:
    """The word's recording in this language, or None (no statement once loaded)."""
    return _all(db).get((word_id, language))


def recorded_words(db: Database, word_ids: Iterable[int], language: str) -> set[int]:
    """Which of these words have a recording in this language."""
    found = _all(db)
    return {w for w in word_ids if (w, language) in found}


def save_recording(db: Database, word_id: int, language: str, line: str, file_id: str,
                   seconds: int, teacher_id: int, now: datetime) -> Recording:
    """Keep a teacher's voice note for the word's line (a newer one replaces it)."""
    with db.atomic():
        db.execute(
            "INSERT INTO word_recordings (word_id, language, line, file_id, seconds, "
            "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(word_id, language) DO UPDATE SET line=excluded.line, "
            "file_id=excluded.file_id, seconds=excluded.seconds, "
            "recorded_by=excluded.recorded_by, recorded_at=excluded.recorded_at",
            [word_id, language, line, file_id, seconds, teacher_id, stamp(now)])
        row = db.execute(f"{_SELECT} WHERE r.word_id = ? AND r.language = ?",
                         [word_id, language]).fetchone()
    saved = _row(row)
    _all(db)[(word_id, language)] = saved
    return saved


def delete_recording(db: Database, word_id: int, language: str) -> bool:
    """Delete the word's recording in this language; False when there was none."""
    with db.atomic():
        gone = db.execute("DELETE FROM word_recordings WHERE word_id = ? AND language = ?",
                          [word_id, language]).rowcount
    _all(db).pop((word_id, language), None)
    return bool(gone)


def forget_recordings(db: Database) -> None:
    """Drop the cached recordings (rows deleted by a cascade: read again when next asked)."""
    _RECORDINGS.pop(db, None)


def remember_prompt(db: Database, prompt: Prompt, now: datetime) -> None:
    """Remember which word a "🎙️ Say in ..." message asked for."""
    with db.atomic():
        db.execute("INSERT OR REPLACE INTO recording_prompts (teacher_id, message_id, class_id, "
                   "word_id, language, reply, asked_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                   [prompt.teacher_id, prompt.message_id, prompt.class_id, prompt.word_id,
                    prompt.language, prompt.reply, stamp(now)])


def prompt_for(db: Database, teacher_id: int, message_id: int | None) -> Prompt | None:
    """The prompt message `message_id` of this teacher's chat (None: her newest one), if it
    is still open."""
    sql = ("SELECT teacher_id, message_id, class_id, word_id, language, reply "
           "FROM recording_prompts WHERE teacher_id = ?")
    row = db.execute(f"{sql} ORDER BY message_id DESC LIMIT 1", [teacher_id]).fetchone() \
        if message_id is None else \
        db.execute(f"{sql} AND message_id = ?", [teacher_id, message_id]).fetchone()
    return Prompt(*row) if row else None


def prompt_asked_since(db: Database, teacher_id: int, since: datetime) -> bool:
    """Whether this teacher's newest open prompt was sent at `since` or later."""
    row = db.execute("SELECT max(asked_at) FROM recording_prompts WHERE teacher_id = ?",
                     [teacher_id]).fetchone()
    return row is not None and row[0] is not None and row[0] >= stamp(since)


def close_prompts(db: Database, teacher_id: int, message_id: int | None = None) -> None:
    """Close one prompt of this teacher's (None: all of them, ⏹️ Stop)."""
    with db.atomic():
        if message_id is None:
            db.execute("DELETE FROM recording_prompts WHERE teacher_id = ?", [teacher_id])
        else:
            db.execute("DELETE FROM recording_prompts WHERE teacher_id = ? AND message_id = ?",
                       [teacher_id, message_id])


def class_languages(db: Database, class_id: int) -> list[str]:
    """The home languages of a class's students (confirmed ones), A-Z by code."""
    return [r[0] for r in db.execute(
        "SELECT DISTINCT s.language FROM students s JOIN enrollments e ON e.student_id = s.id "
        "WHERE e.class_id = ? AND s.language IS NOT NULL ORDER BY s.language",
        [class_id]).fetchall()]


def students_words(db: Database, class_id: int, language: str) -> set[int]:
    """The words the class's students who read `language` have: in their decks (unlocked or
    pushed, started or not) or pushed to the class (a push booked for later too)."""
    return {int(r[0]) for r in db.execute(
        "SELECT m.word_id FROM mastery m JOIN students s ON s.id = m.student_id "
        "JOIN enrollments e ON e.student_id = s.id WHERE e.class_id = ? AND s.language = ? "
        "UNION SELECT j.value FROM pushes p, json_each(p.word_ids) j WHERE p.class_id = ? "
        "AND EXISTS (SELECT 1 FROM students s JOIN enrollments e ON e.student_id = s.id "
        "WHERE e.class_id = p.class_id AND s.language = ?)",
        [class_id, language, class_id, language]).fetchall()}
