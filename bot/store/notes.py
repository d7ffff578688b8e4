"""Notes to teachers about a family member's language: booked a little later, so a choice
changed or undone in the meantime replaces them, and remembered once they go, so a teacher
is never told twice of the same language."""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from bot.store.clock import stamp

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

