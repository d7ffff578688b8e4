"""Notes to teachers booked a little later, so what happens in the meantime changes them
instead of adding more: a family member's language (a choice changed or undone replaces the
note, and a teacher is never told twice of the same language), and students who joined a
class (each student who joins meanwhile is added to the one note)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from bot.store.clock import parse, stamp

FAMILY_NOTE = "family-note"  # the outbox kind of every note to a teacher about a family member

# A language note carries "language" in its payload; other family notes (a shared phone) don't.
_LANGUAGE_NOTES = ("kind = 'family-note' AND json_extract(payload, '$.family_id') = ? "
                   "AND json_extract(payload, '$.language') IS NOT NULL")


def withdraw_language_notes(db: Database, family_id: int) -> int:
    """Delete this family member's language notes that no deliverer has touched (pending, never
    claimed nor tried): a newer choice replaces them. A note claimed even once may be on its
    way to Telegram, so it stays, and counts as told. The guard is in the DELETE itself: a
    deliverer that claims the row first (SQLite serialises the two writes) keeps it."""
    return db.execute(f"DELETE FROM outbox WHERE {_LANGUAGE_NOTES} AND status = 'pending' "
                      "AND tries = 0 AND lease_owner IS NULL AND attempted_at IS NULL",
                      [family_id]).rowcount


# A teacher's note that a family member linked, waiting for the language they choose ("link")
_LINK_NOTES = ("kind = 'family-note' AND json_extract(payload, '$.family_id') = ? "
               "AND json_extract(payload, '$.link') = 1 AND status = 'pending' AND tries = 0 "
               "AND lease_owner IS NULL AND attempted_at IS NULL")


def withdraw_link_notes(db: Database, family_id: int) -> list[int]:
    """Delete this family member's link notes to teachers that no deliverer has touched (the
    guard is in the DELETE, as for language notes); the students they were about, each once."""
    rows = db.execute(f"DELETE FROM outbox WHERE {_LINK_NOTES} "
                      "RETURNING json_extract(payload, '$.student_id')", [family_id]).fetchall()
    return list(dict.fromkeys(int(row[0]) for row in rows))


def told_languages(db: Database, family_id: int) -> dict[tuple[int, int], str]:
    """(teacher id, child's id) -> the language the newest language note about this family
    member named, among those sent or on their way (call after withdraw_language_notes)."""
    rows = db.execute(f"SELECT chat_id, json_extract(payload, '$.student_id'), "
                      f"json_extract(payload, '$.language') FROM outbox WHERE {_LANGUAGE_NOTES} "
                      "AND status IN ('pending', 'sent') ORDER BY id", [family_id]).fetchall()
    return {(int(teacher), int(child)): str(code) for teacher, child, code in rows}


def hurry_language_notes(db: Database, family_id: int, now: datetime) -> None:
    """Make this family member's booked language notes due now: they are writing to the
    teacher, whose note must come before their message (both wait out quiet hours)."""
    db.execute(f"UPDATE outbox SET not_before = ? WHERE {_LANGUAGE_NOTES} "
               "AND status = 'pending' AND not_before > ?", [stamp(now), family_id, stamp(now)])



def told_full_link(db: Database, code: str) -> bool:
    """Whether the teachers were told (or are about to be) that this family link is full."""
    return db.execute("SELECT 1 FROM outbox WHERE kind = 'family-note' "
                      "AND json_extract(payload, '$.full_link') = ? LIMIT 1",
                      [code]).fetchone() is not None


JOIN_NOTE = "join-note"  # the outbox kind of a note to a teacher that students joined a class

# A join note names every student it tells of ("student_ids"), one class ("class_id").
_JOIN_NOTES = ("kind = 'join-note' AND json_extract(payload, '$.class_id') = ? "
               "AND status = 'pending' AND tries = 0 AND lease_owner IS NULL "
               "AND attempted_at IS NULL")


@dataclass(frozen=True)
class BookedJoinNote:
    """A join note no deliverer has touched yet: one more student may still be added to it."""

    row_id: int
    teacher_id: int
    student_ids: tuple[int, ...]
    due: datetime
    doubts: dict[int, Any] = field(default_factory=dict)  # student id -> the doubt's fields


def booked_join_notes(db: Database, class_id: int) -> list[BookedJoinNote]:
    """The join notes about a class still waiting to go, untouched (pending, never claimed)."""
    rows = db.execute(f"SELECT id, chat_id, json_extract(payload, '$.student_ids'), not_before, "
                      f"json_extract(payload, '$.doubts') "
                      f"FROM outbox WHERE {_JOIN_NOTES} ORDER BY id", [class_id]).fetchall()
    return [BookedJoinNote(r[0], r[1], tuple(json.loads(r[2] or "[]")), parse(r[3]),
                           {int(k): v for k, v in json.loads(r[4] or "{}").items()})
            for r in rows]


def booked_join_classes(db: Database, student_id: int) -> list[int]:
    """The classes whose untouched join notes name this student."""
    rows = db.execute("SELECT DISTINCT json_extract(o.payload, '$.class_id') FROM outbox o, "
                      "json_each(o.payload, '$.student_ids') j WHERE o.kind = 'join-note' "
                      "AND o.status = 'pending' AND o.tries = 0 AND o.lease_owner IS NULL "
                      "AND o.attempted_at IS NULL AND j.value = ?", [student_id]).fetchall()
    return [int(r[0]) for r in rows]


def withdraw_join_note(db: Database, row_id: int) -> bool:
    """Delete a join note no deliverer has touched (a newer one replaces it); False when a
    deliverer claimed it first (it goes as it is: the guard is in the DELETE itself)."""
    return db.execute("DELETE FROM outbox WHERE id = ? AND kind = 'join-note' "
                      "AND status = 'pending' AND tries = 0 AND lease_owner IS NULL "
                      "AND attempted_at IS NULL", [row_id]).rowcount == 1
