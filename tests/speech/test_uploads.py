"""The store remembers Telegram's file_id for each uploaded clip."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.store import open_store
from bot.store import speech as uploads

NOW = datetime(2026, 9, 14, 12, 0, tzinfo=UTC)


def test_file_id_is_remembered_replaced_and_forgotten() -> None:
    db = open_store(None)
    assert uploads.file_id(db, "k1") is None
    uploads.remember_upload(db, "k1", "AwAC-first", 1.3, 5900, NOW)
    assert uploads.file_id(db, "k1") == "AwAC-first"
    uploads.remember_upload(db, "k1", "AwAC-second", 1.3, 5900, NOW)
    assert uploads.file_id(db, "k1") == "AwAC-second"
    uploads.remember_upload(db, "k2", "AwAC-other", 2.0, 9000, NOW)
    assert uploads.upload_count(db) == uploads.UploadCount(2, 3.3, 14900)
    uploads.forget_upload(db, "k1")
    assert uploads.file_id(db, "k1") is None
