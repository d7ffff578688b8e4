"""An administrator's slips from a QA playtest: no file written over unasked, no roster of the
whole school for an empty name, and a config file given as the store is named as such."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from bot.cli import main
from bot.store import open_store, people
from tests.cli.builders import one_line, write_config
from tests.clock import START

pytestmark = pytest.mark.usefixtures("cli_seat")


def _school(folder: Path) -> Path:
    """A store with one empty class, 7B, and its config."""
    config = write_config(folder)
    db = open_store(folder / "puente.db")
    people.upsert_teacher(db, 1, "T", START)
    people.create_class(db, 1, "7B", "CODEcode2345", START, None, START)
    people.upsert_student(db, 4242, "Bo", START)
    db.close()
    return config


@pytest.mark.parametrize("flag", ["--csv", "--png", "--mixed-up-csv"])
def test_report_refuses_to_write_over_an_existing_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], flag: str) -> None:
    config = _school(tmp_path)
    keep = tmp_path / "keep.txt"
    keep.write_text("the only copy of my notes\n")
    csv = tmp_path / "new.csv"
    argv = ["--config", str(config), "report", "--class", "7B", flag, str(keep)]
    if flag != "--csv":
        argv += ["--csv", str(csv)]
    assert main(argv) == 2
    line = one_line(capsys.readouterr().err)
    assert line == (f"puente: {keep}: File exists (give a new file name, or add --force to "
                    "write over it)")
    assert keep.read_text() == "the only copy of my notes\n"
    assert not csv.exists()  # refused before anything was written


def test_report_force_writes_over_the_file_and_keeps_it_private(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = _school(tmp_path)
    keep = tmp_path / "old.csv"
    keep.write_text("last week\n")
    keep.chmod(0o644)
    assert main(["--config", str(config), "report", "--class", "7B", "--csv", str(keep),
                 "--force"]) == 0
    assert keep.read_bytes().startswith(b"\xef\xbb\xbfstudent,")
    assert stat.S_IMODE(keep.stat().st_mode) == 0o600


@pytest.mark.parametrize("name", ["", "   "])
def test_student_find_needs_a_name(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   name: str) -> None:
    config = _school(tmp_path)
    assert main(["--config", str(config), "student", "find", name]) == 2
    captured = capsys.readouterr()
    assert "Bo" not in captured.out
    assert one_line(captured.err) == ("puente: give part of a first name to look for (NAME "
                                      "must not be empty)")


@pytest.mark.parametrize("argv", [["report", "--class", "7B"], ["student", "find", "Bo"],
                                  ["db", "migrate"], ["run"]])
def test_a_config_file_given_as_the_store_is_not_called_damaged(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    other = write_config(tmp_path / "c1")
    before = other.read_bytes()
    config = write_config(tmp_path, store=str(other))
    assert main(["--config", str(config), *argv]) == 2
    line = one_line(capsys.readouterr().err)
    assert line.startswith(f"puente: {other} is not a Puente store: it is a .toml file")
    assert "backup" not in line and "damaged" not in line
    assert other.read_bytes() == before


def test_a_config_file_without_its_suffix_given_as_the_store_is_named_toml(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "c1"
    other.write_text('[store]\npath = "puente.db"\n')
    config = write_config(tmp_path, store=str(other))
    assert main(["--config", str(config), "report", "--class", "7B"]) == 2
    line = one_line(capsys.readouterr().err)
    assert line.startswith(f"puente: {other} is not a Puente store: it is a TOML file")

