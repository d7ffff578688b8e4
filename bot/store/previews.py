"""Previews shown one card at a time, and the bundled ones a push sends (levels 4-6): the words
of each, in order, whose they are, and the message that shows each in the student's chat."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from bot.store.clock import parse, stamp
from bot.store.rows import all_rows, one_row

KEEP = 20  # a student's latest previews that Next and ◀ still turn; older ones are let go


@dataclass(frozen=True)
class StoredPreview:
    id: int
    student_id: int
    word_ids: tuple[int, ...]
    new: int | None
    offer_check: bool
    message_id: int | None = None  # the message showing it in her chat (None: not known)
    created_at: datetime | None = None  # when it was sent


def create_preview(db: Database, student_id: int, word_ids: list[int], new: int | None,
                   offer_check: bool, now: datetime) -> int:
    """Remember a preview's words in card order; forget the student's older ones past KEEP."""
    cursor = db.execute(
        "INSERT INTO previews (student_id, word_ids, new, offer_check, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        [student_id, json.dumps(word_ids), new, int(offer_check), stamp(now)])
    db.execute("DELETE FROM previews WHERE student_id = ? AND id NOT IN (SELECT id FROM "
               "previews WHERE student_id = ? ORDER BY id DESC LIMIT ?)",
               [student_id, student_id, KEEP])
    return cursor.lastrowid or 0


_COLUMNS = "id, student_id, word_ids, new, offer_check, message_id, created_at"


def _stored(row: dict[str, Any]) -> StoredPreview:
    return StoredPreview(row["id"], row["student_id"], tuple(json.loads(row["word_ids"])),
                         row["new"], bool(row["offer_check"]), row["message_id"],
                         parse(row["created_at"]) if row["created_at"] else None)


def get_preview(db: Database, preview_id: int) -> StoredPreview | None:
    row = one_row(db, f"SELECT {_COLUMNS} FROM previews WHERE id = ?", [preview_id])
    return None if row is None else _stored(row)


def student_previews(db: Database, student_id: int) -> list[StoredPreview]:
    """The student's previews still kept, newest first (with or without a known message)."""
    return [_stored(row) for row in all_rows(
        db, f"SELECT {_COLUMNS} FROM previews WHERE student_id = ? ORDER BY id DESC",
        [student_id])]


def set_message(db: Database, preview_id: int, message_id: int | None,
                sent_at: datetime | None = None) -> None:
    """Remember the message that shows this preview in its student's chat (None: forget it,
    e.g. she deleted it); `sent_at`, when it reached her chat (a push queued the day before)."""
    db.execute("UPDATE previews SET message_id = ?, created_at = coalesce(?, created_at) "
               "WHERE id = ?", [message_id, stamp(sent_at) if sent_at else None, preview_id])


def purge_previews_before(db: Database, cutoff: datetime) -> int:
    """Delete previews older than `cutoff` (retention): their Next then says so kindly."""
    return db.execute("DELETE FROM previews WHERE created_at < ?", [stamp(cutoff)]).rowcount
