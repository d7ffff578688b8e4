"""The store, its -wal/-shm, backups and report files hold children's names: owner-only."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import main
from bot.store import open_store
from tests.cli.builders import write_config


@pytest.fixture(autouse=True)
def _world_readable_umask(cli_seat: Path) -> Iterator[None]:
    old = os.umask(0o022)  # a typical server's: new files readable by everyone
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_store_and_its_wal_and_shm_are_readable_by_their_owner_only(
        tmp_path: Path) -> None:
    store = tmp_path / "puente.db"
    db = open_store(store)
    db.execute("CREATE TABLE t (x)")
    db.conn.commit()
    try:
        for path in (store, tmp_path / "puente.db-wal", tmp_path / "puente.db-shm"):
            assert _mode(path) == 0o600, path
    finally:
        db.close()


def test_db_migrate_backup_and_report_csv_write_owner_only_files(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_config(tmp_path)
    assert main(["db", "migrate"]) == 0
    assert _mode(tmp_path / "puente.db") == 0o600
    assert main(["db", "backup", "copy.db"]) == 0
    assert _mode(tmp_path / "copy.db") == 0o600
    db = open_store(tmp_path / "puente.db")
    now = "2026-12-01T12:00:00+00:00"
    db.execute("INSERT INTO teachers (id, first_name, created_at) VALUES (1, 'T', ?)", [now])
    db.execute("INSERT INTO classes (teacher_id, name, join_code, code_expires_at, created_at)"
               " VALUES (1, '7B', 'abc', ?, ?)", [now, now])
    db.conn.commit()
    db.close()
    assert main(["report", "--class", "7B", "--csv", "r.csv", "--mixed-up-csv", "m.csv"]) == 0
    assert _mode(tmp_path / "r.csv") == 0o600 and _mode(tmp_path / "m.csv") == 0o600
