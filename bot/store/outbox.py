"""The durable outbox: one row per message to send, so a restart resumes without resending."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from bot.store.clock import stamp


@dataclass(frozen=True)
class OutboxRow:
    id: int
    push_id: int | None
    chat_id: int
    kind: str
    payload: dict[str, Any]
    tries: int


def enqueue(db: Database, push_id: int | None, chat_id: int, kind: str,
            payload: dict[str, Any], not_before: datetime, now: datetime) -> int:
    """Add one message to send (call inside the transaction that decides to send it)."""
    cursor = db.execute(
        "INSERT INTO outbox (push_id, chat_id, kind, payload, not_before, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [push_id, chat_id, kind, json.dumps(payload, ensure_ascii=False), stamp(not_before),
         stamp(now)])
    return cursor.lastrowid or 0


def due(db: Database, now: datetime, limit: int = 100) -> list[OutboxRow]:
    """Pending messages whose time has come, oldest first (so a student's parts stay in order)."""
    rows = db.execute("SELECT id, push_id, chat_id, kind, payload, tries FROM outbox "
                      "WHERE status = 'pending' AND not_before <= ? ORDER BY id LIMIT ?",
                      [stamp(now), limit]).fetchall()
    return [OutboxRow(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5]) for r in rows]


def mark_sent(db: Database, row_id: int, now: datetime) -> None:
    db.execute("UPDATE outbox SET status = 'sent', sent_at = ?, tries = tries + 1 "
               "WHERE id = ?", [stamp(now), row_id])


def mark_blocked(db: Database, chat_id: int, error: str) -> int:
    """Skip every pending message to a user who blocked the bot; return how many."""
    cursor = db.execute("UPDATE outbox SET status = 'blocked', last_error = ? "
                        "WHERE chat_id = ? AND status = 'pending'", [error[:200], chat_id])
    return cursor.rowcount


def retry_later(db: Database, row_id: int, error: str, not_before: datetime,
                max_tries: int) -> None:
    """Count a failed try; give up (status 'failed') after `max_tries`."""
    db.execute("UPDATE outbox SET tries = tries + 1, last_error = ?, not_before = ?, "
               "status = CASE WHEN tries + 1 >= ? THEN 'failed' ELSE 'pending' END "
               "WHERE id = ?", [error[:200], stamp(not_before), max_tries, row_id])


def postpone(db: Database, row_id: int, not_before: datetime) -> None:
    db.execute("UPDATE outbox SET not_before = ? WHERE id = ?", [stamp(not_before), row_id])


def push_counts(db: Database, push_id: int) -> Counter[str]:
    """Messages of one push by status."""
    rows = db.execute("SELECT status, count(*) FROM outbox WHERE push_id = ? GROUP BY status",
                      [push_id]).fetchall()
    return Counter({status: count for status, count in rows})


def finished_unreported(db: Database) -> list[tuple[int, int]]:
    """(push id, teacher id) of pushes with nothing pending that the teacher has not heard of."""
    rows = db.execute(
        "SELECT p.id, p.teacher_id FROM pushes p WHERE p.reported_at IS NULL AND NOT EXISTS "
        "(SELECT 1 FROM outbox o WHERE o.push_id = p.id AND o.status = 'pending')").fetchall()
    return [(r[0], r[1]) for r in rows]


def mark_reported(db: Database, push_id: int, now: datetime) -> bool:
    cursor = db.execute("UPDATE pushes SET reported_at = ? WHERE id = ? AND reported_at IS NULL",
                        [stamp(now), push_id])
    return cursor.rowcount == 1


def create_push(db: Database, class_id: int, teacher_id: int, pack_id: str,
                word_ids: list[int], send_at: datetime, now: datetime) -> int:
    cursor = db.execute(
        "INSERT INTO pushes (class_id, teacher_id, pack_id, word_ids, send_at, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [class_id, teacher_id, pack_id, json.dumps(word_ids), stamp(send_at), stamp(now)])
    return cursor.lastrowid or 0


def words_sent_to_class(db: Database, class_id: int) -> set[int]:
    """Every word id any push has sent to a class."""
    rows = db.execute("SELECT word_ids FROM pushes WHERE class_id = ?", [class_id]).fetchall()
    return {int(i) for (ids,) in rows for i in json.loads(ids)}
