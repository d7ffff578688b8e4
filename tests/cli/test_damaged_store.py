"""A store damaged inside (not just a garbled header): every command says so in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.store import open_store
from tests.cli.builders import one_line, write_config

pytestmark = pytest.mark.usefixtures("cli_seat")


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """A store whose quick_check lists many faults, one a line (a zeroed run of one page)."""
    path = tmp_path / "puente.db"
    db = open_store(path)
    db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    db.conn.executemany("INSERT INTO notes (text) VALUES (?)",
                        [(f"note {i} " * 5,) for i in range(3000)])
    db.conn.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.close()
    data = bytearray(path.read_bytes())
    at = page_size * (pages - 3) + 8
    data[at:at + 100] = bytes(100)
    path.write_bytes(bytes(data))
    write_config(tmp_path)
    return path


@pytest.mark.parametrize("argv", [["run"], ["db", "migrate"], ["report", "--class", "7B"]])
def test_a_damaged_store_is_refused_in_one_line(
        damaged: Path, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    assert main(argv) == 2
    line = one_line(capsys.readouterr().err)
    assert line.startswith("puente: the store puente.db is damaged (")
    assert "***" not in line and "copy your latest backup" in line
