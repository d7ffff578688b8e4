"""`puente db backup FOLDER/`: a trailing slash means a folder, never a file named like it."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from bot.cli import main
from bot.store import open_store
from tests.cli.builders import one_line, write_config


@pytest.fixture(autouse=True)
def _store(cli_seat: Path) -> None:
    write_config(cli_seat)
    open_store(cli_seat / "puente.db").close()


def test_backup_to_a_missing_folder_with_a_slash_says_create_it_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "x" / "nobackups"
    (tmp_path / "x").mkdir()
    assert main(["db", "backup", f"{target}/"]) == 2
    line = one_line(capsys.readouterr().err)
    assert f"backup folder {target} does not exist: create it" in line
    assert not target.exists()  # no file called "nobackups" that breaks tomorrow's run
    assert list((tmp_path / "x").iterdir()) == []


def test_backup_with_mkdir_creates_a_private_folder_and_a_private_dated_copy(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "backups" / "puente"
    assert main(["db", "backup", "--mkdir", f"{target}/"]) == 0
    assert target.is_dir() and stat.S_IMODE(target.stat().st_mode) == 0o700
    (made,) = target.iterdir()
    assert made.name.startswith("puente-") and stat.S_IMODE(made.stat().st_mode) == 0o600
    assert main(["db", "backup", "--mkdir", f"{target}/"]) in (0, 2)  # same second: "exists"


def test_the_nightly_cron_line_in_the_docs_survives_a_missing_folder() -> None:
    docs = (Path(__file__).parents[2] / "docs" / "operations.md").read_text(encoding="utf-8")
    cron = [line for line in docs.splitlines() if line.startswith("30 2 * * *")]
    assert cron and all("db backup --mkdir" in line and line.rstrip().endswith("/")
                        for line in cron)
