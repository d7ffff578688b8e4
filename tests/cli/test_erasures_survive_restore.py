"""A backup restored over the store must not bring back someone erased since it was taken:
the erasure is recorded (a keyed hash, its key beside the store) where a restore leaves it,
and `puente db migrate` (or the next `puente run`) erases them again, saying how many."""

from __future__ import annotations

import shutil
import stat
from datetime import timedelta
from pathlib import Path

import pytest

from bot.cli import main
from bot.store import erase, erasures, open_store, people
from bot.store.files import backup
from tests.cli.builders import write_config
from tests.clock import START

KID, OTHER = 7700123, 7700456


def _store_with_two(folder: Path) -> Path:
    write_config(folder)
    db = open_store(folder / "puente.db")
    people.upsert_student(db, KID, "Zuzanna", START)
    people.upsert_student(db, OTHER, "Bo", START)
    db.close()
    return folder / "puente.db"


def _restore(copy: Path, store: Path) -> None:
    """What docs/operations.md says: move the store aside, copy the backup into place."""
    for extra in (store, store.with_name(store.name + "-wal"),
                  store.with_name(store.name + "-shm")):
        extra.unlink(missing_ok=True)
    shutil.copy(copy, store)


def test_a_restored_backup_has_the_erased_student_erased_again_by_migrate(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    store = _store_with_two(tmp_path)
    copy = backup(store, tmp_path / "monday.db", START).path
    db = open_store(store)
    erase.erase_person(db, KID, (), START + timedelta(days=1))
    db.close()
    _restore(copy, store)
    assert people.get_student(open_store(store), KID) is not None  # the backup brought her back
    assert main(["--config", str(tmp_path / "config.toml"), "db", "migrate"]) == 0
    assert "1 erased person(s) found again" in capsys.readouterr().out
    db = open_store(store)
    assert people.get_student(db, KID) is None
    assert people.get_student(db, OTHER) is not None


def test_the_record_names_nobody_without_the_key_kept_beside_the_store(tmp_path: Path) -> None:
    store = _store_with_two(tmp_path)
    db = open_store(store)
    erase.erase_person(db, KID, (), START)
    rows = db.execute("SELECT telegram_id_hash FROM erasures").fetchall()
    assert len(rows) == 1 and str(KID) not in rows[0][0]
    key = erasures.key_path(store)
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert stat.S_IMODE(erasures.ledger_path(store).stat().st_mode) == 0o600
    assert key.read_text().strip().encode() not in store.read_bytes()


def test_someone_who_came_back_after_their_erasure_stays(tmp_path: Path) -> None:
    store = _store_with_two(tmp_path)
    db = open_store(store)
    erase.erase_person(db, KID, (), START + timedelta(days=1))
    people.upsert_student(db, KID, "Zuzanna", START + timedelta(days=2))  # a new /start
    assert erase.reapply_erasures(db) == 0
    assert people.get_student(db, KID) is not None
