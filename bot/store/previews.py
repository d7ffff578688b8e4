"""Previews shown one card at a time: the words of each, in order, and whose they are."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from bot.store.clock import stamp
from bot.store.rows import one_row

KEEP = 20  # a student's latest previews that Next and ◀ still turn; older ones are let go


@dataclass(frozen=True)
class StoredPreview:
    id: int
    student_id: int
    word_ids: tuple[int, ...]
    new: int | None
    offer_check: bool


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


def get_preview(db: Database, preview_id: int) -> StoredPreview | None:
    row = one_row(db, "SELECT id, student_id, word_ids, new, offer_check FROM previews "
                      "WHERE id = ?", [preview_id])
    if row is None:
        return None
    return StoredPreview(row["id"], row["student_id"], tuple(json.loads(row["word_ids"])),
                         row["new"], bool(row["offer_check"]))


def purge_previews_before(db: Database, cutoff: datetime) -> int:
    """Delete previews older than `cutoff` (retention): their Next then says so kindly."""
    return db.execute("DELETE FROM previews WHERE created_at < ?", [stamp(cutoff)]).rowcount
