"""`puente run` refuses a damaged store and a second runner; `puente db backup` copies safely."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.cli import main
from bot.store import open_store
from bot.store.files import StoreBusyError, StoreLock
from tests.cli.builders import one_line, write_config

pytestmark = pytest.mark.usefixtures("cli_seat")


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A migrated store with a few rows in its own table."""
    path = tmp_path / "puente.db"
    db = open_store(path)
    db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    db.conn.executemany("INSERT INTO notes (text) VALUES (?)", [("a",), ("b",)])
    db.conn.commit()
    db.close()
    return path


def _garbage(path: Path) -> None:
    path.write_bytes(b"this is not a database, just some bytes a USB stick mangled " * 100)


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


@pytest.mark.parametrize("damage", [_garbage, _truncated])
def test_run_refuses_a_damaged_store_in_one_line(
        store: Path, capsys: pytest.CaptureFixture[str], damage: Callable[[Path], None]) -> None:
    damage(store)
    write_config(store.parent)
    assert main(["run"]) == 2
    line = one_line(capsys.readouterr().err)
    assert line.startswith(f"puente: the store {store.name} is damaged (")
    assert "backup" in line


def test_a_restart_trusts_only_a_store_left_unchanged_by_a_clean_stop(store: Path) -> None:
    with StoreLock(store) as lock:
        assert not lock.unchanged_since_clean_stop  # never stopped cleanly yet
        lock.stopped_cleanly()
    with StoreLock(store) as lock:
        assert lock.unchanged_since_clean_stop
    # That holder stopped without saying so (killed, or its run failed): check again.
    with StoreLock(store) as lock:
        assert not lock.unchanged_since_clean_stop


@pytest.mark.parametrize("damage", [_garbage, _truncated])
def test_run_refuses_a_store_damaged_after_a_clean_stop(
        store: Path, capsys: pytest.CaptureFixture[str], damage: Callable[[Path], None]) -> None:
    with StoreLock(store) as lock:
        lock.stopped_cleanly()
    damage(store)  # a disk that mangled it at rest, or another file copied over it
    write_config(store.parent)
    assert main(["run"]) == 2
    line = one_line(capsys.readouterr().err)
    assert line.startswith(f"puente: the store {store.name} is damaged (")


def test_second_run_on_the_same_store_refuses(store: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    write_config(store.parent)
    holder = subprocess.Popen(  # another process holds the lock, as a running puente would
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from pathlib import Path
            from bot.store.files import StoreLock
            with StoreLock(Path({str(store)!r})):
                print("locked", flush=True)
                time.sleep(30)
        """)], stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[2])
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        assert main(["run"]) == 2
        line = one_line(capsys.readouterr().err)
        assert line.startswith("puente: another puente is already running on puente.db")
    finally:
        holder.kill()
        holder.wait()
    with StoreLock(store):  # the lock died with its process
        pass


def test_migrate_waits_for_the_bot_to_stop(store: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    write_config(store.parent)
    with StoreLock(store):
        assert main(["db", "migrate"]) == 2
        assert "another puente is already running" in one_line(capsys.readouterr().err)
    assert main(["db", "migrate"]) == 0


def test_lock_is_released_at_exit_and_refused_while_held(store: Path) -> None:
    with StoreLock(store), pytest.raises(StoreBusyError, match="already running"):
        StoreLock(store).acquire()
    with StoreLock(store):
        pass


def test_backup_of_a_wal_store_keeps_committed_rows_not_yet_checkpointed(
        store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    writer = sqlite3.connect(store)
    writer.execute("PRAGMA wal_autocheckpoint = 0")  # committed rows stay in puente.db-wal
    writer.executemany("INSERT INTO notes (text) VALUES (?)", [(f"w{i}",) for i in range(500)])
    writer.commit()
    busy = sqlite3.connect(store)  # and someone is mid-transaction while the backup runs
    busy.execute("BEGIN IMMEDIATE")
    busy.execute("INSERT INTO notes (text) VALUES ('not committed')")
    wal = store.with_name(store.name + "-wal")
    assert wal.stat().st_size > 0
    try:
        write_config(tmp_path)
        assert main(["db", "backup", "backups/copy.db"]) == 2  # no such folder yet: one line
        line = one_line(capsys.readouterr().err)
        assert "the backup folder" in line and "backups does not exist" in line
        (tmp_path / "backups").mkdir()
        assert main(["db", "backup", "backups/copy.db"]) == 0
        assert "integrity ok" in capsys.readouterr().out
    finally:
        busy.rollback()
        busy.close()
        writer.close()
    copy = tmp_path / "backups" / "copy.db"
    assert not copy.with_name("copy.db-wal").exists()
    restored = tmp_path / "restored" / "puente.db"  # restore = copy the file into place
    restored.parent.mkdir()
    shutil.copy(copy, restored)
    db = open_store(restored)
    texts = [row[0] for row in db.execute("SELECT text FROM notes ORDER BY id").fetchall()]
    assert texts == ["a", "b", *[f"w{i}" for i in range(500)]]
    assert db.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_backup_into_a_folder_is_dated_and_never_overwrites(
        store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_config(tmp_path)
    folder = tmp_path / "nightly"
    folder.mkdir()
    assert main(["db", "backup", str(folder)]) == 0
    (made,) = folder.iterdir()
    assert made.name.startswith("puente-") and made.suffix == ".db"
    capsys.readouterr()
    assert main(["db", "backup", str(made)]) == 2
    assert "already exists" in one_line(capsys.readouterr().err)
