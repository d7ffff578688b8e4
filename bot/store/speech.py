"""Uploaded pronunciation clips: the only place with SQL for the `voice_clips` table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from bot.store.clock import stamp


@dataclass(frozen=True)
class UploadCount:
    """How many clips Telegram holds for us, and how much audio that is."""

    clips: int
    seconds: float
    bytes: int


def file_id(db: Database, clip_key: str) -> str | None:
    """Telegram's file_id for a clip uploaded before, or None."""
    row = db.execute("SELECT file_id FROM voice_clips WHERE clip_key = ?",
                     [clip_key]).fetchone()
    return row[0] if row else None


def remember_upload(db: Database, clip_key: str, telegram_file_id: str, seconds: float,
                    size: int, now: datetime) -> None:
    """Keep the file_id Telegram gave an uploaded clip (the newest upload wins)."""
    with db.atomic():
        db.execute(
            "INSERT INTO voice_clips (clip_key, file_id, seconds, bytes, uploaded_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(clip_key) DO UPDATE SET "
            "file_id=excluded.file_id, seconds=excluded.seconds, bytes=excluded.bytes, "
            "uploaded_at=excluded.uploaded_at",
            [clip_key, telegram_file_id, seconds, size, stamp(now)])


def forget_upload(db: Database, clip_key: str) -> None:
    """Drop a file_id Telegram no longer accepts, so the next send uploads again."""
    with db.atomic():
        db.execute("DELETE FROM voice_clips WHERE clip_key = ?", [clip_key])


def upload_count(db: Database) -> UploadCount:
    """Clips uploaded so far (for reports and the benchmark)."""
    row = db.execute("SELECT count(*), coalesce(sum(seconds), 0), coalesce(sum(bytes), 0) "
                     "FROM voice_clips").fetchone()
    return UploadCount(row[0], float(row[1]), int(row[2]))
