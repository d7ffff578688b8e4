"""Two teachers each have a "Science 7B" (every school has an "ESL 1"): `puente report` lists
them with their ids and teachers, and --class-id or --teacher picks one; `student find` and the
dashboard tell the two apart too."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.cli.report_cmd import CANNED
from bot.store import open_store, people
from tests.cli.builders import write_config
from tests.clock import START

pytestmark = pytest.mark.usefixtures("cli_seat")
ADA, BOB = 501, 502


def _school(folder: Path) -> tuple[Path, int, int]:
    """Ada's Science 7B with Ana, Bob's Science 7B (empty) and Bob's Math 6; the config and
    the two Science 7B ids."""
    config = write_config(folder)
    db = open_store(folder / "puente.db")
    people.upsert_teacher(db, ADA, "Ada", START)
    people.upsert_teacher(db, BOB, "Bob", START)
    adas = people.create_class(db, ADA, "Science 7B", "ADAcode_12345", START, None, START)
    bobs = people.create_class(db, BOB, "Science 7B", "BOBcode_12345", START, None, START)
    people.create_class(db, BOB, "Math 6", "MATHcode_1234", START, None, START)
    people.upsert_student(db, 7001, "Ana", START)
    people.enroll(db, 7001, adas.id, START)
    db.close()
    return config, adas.id, bobs.id


def _report(config: Path, *argv: str) -> int:
    return main(["--config", str(config), "report", *argv], clock=lambda: START)


def test_an_ambiguous_class_name_lists_each_class_with_its_id_and_teacher(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config, adas, bobs = _school(tmp_path)
    assert _report(config, "--class", "science 7b") == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == ("puente: 2 classes are called 'Science 7B': pick one with --class-id ID "
                      "or --teacher NAME")
    assert [line.split() for line in err[1:]] == [
        ["ID", "CLASS", "TEACHERS", "STUDENTS"],
        [str(adas), "Science", "7B", "Ada", "1"],
        [str(bobs), "Science", "7B", "Bob", "0"]]
    assert "rename" not in "\n".join(err)


@pytest.mark.parametrize("how", [["--class", "Science 7B", "--teacher", "ada"],
                                 ["--class-id", "ADAS"],
                                 ["--class", "Science 7B", "--class-id", "ADAS"]])
def test_class_id_or_teacher_picks_one_of_two_classes_with_the_same_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], how: list[str]) -> None:
    config, adas, _ = _school(tmp_path)
    assert _report(config, *[str(adas) if a == "ADAS" else a for a in how]) == 0
    assert capsys.readouterr().out.startswith("Science 7B: 1 student")


def test_the_teacher_alone_picks_their_only_class_and_lists_several(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config, _, _ = _school(tmp_path)
    assert _report(config, "--teacher", "Ada") == 0
    assert capsys.readouterr().out.startswith("Science 7B: 1 student")
    assert _report(config, "--teacher", "Bob") == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "puente: 2 classes fit --teacher 'Bob': pick one with --class-id ID"
    assert [line.split()[-2:] for line in err[2:]] == [["Bob", "0"], ["Bob", "0"]]


def test_an_id_that_is_not_that_class_is_refused_with_the_classes_of_that_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config, adas, bobs = _school(tmp_path)
    assert _report(config, "--class", "Science 7B", "--teacher", "Carol") == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "puente: no class fits --class 'Science 7B' --teacher 'Carol'"
    assert [line.split()[0] for line in err[2:]] == [str(adas), str(bobs)]
    assert _report(config, "--class", "Art") == 1
    assert capsys.readouterr().err.startswith("puente: no class called 'Art'\n")


def test_report_without_a_class_lists_every_class(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config, _, _ = _school(tmp_path)
    assert _report(config) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == ("puente: say which class: --class NAME, --class-id ID or --teacher NAME")
    assert [line.split()[1] for line in err[2:]] == ["Math", "Science", "Science"]


def test_student_find_names_each_class_with_its_teacher(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config, _, _ = _school(tmp_path)
    assert main(["--config", str(config), "student", "find", "Ana"]) == 0
    assert capsys.readouterr().out.splitlines() == ["7001\tAna\t-\tScience 7B (Ada)"]


def test_the_dashboard_names_the_teacher_of_each_class(tmp_path: Path) -> None:
    _school(tmp_path)
    db = open_store(tmp_path / "puente.db")
    rows = [(r["class"], r["teacher"], r["student"])
            for r in db.query(CANNED["class_mastery"]["sql"])]
    assert rows == [("Science 7B", "Ada", "Ana")]


@pytest.mark.parametrize("teacher", ["Chen", "chen", "mr. chen", "Mr Chen", "Ch"])
def test_teacher_is_found_by_any_word_of_their_name_in_any_case(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], teacher: str) -> None:
    """Admin playtest: `--teacher Chen` said "no class fits" while the list showed Mr. Chen."""
    config, _, _ = _school(tmp_path)
    db = open_store(tmp_path / "puente.db")
    people.upsert_teacher(db, 503, "Mr. Chen", START)
    chens = people.create_class(db, 503, "Science 7B", "CHENcode_1234", START, None, START)
    db.close()
    assert _report(config, "--class", "Science 7B", "--teacher", teacher) == 0
    assert capsys.readouterr().out.startswith("Science 7B: 0 students")
    assert _report(config, "--class-id", str(chens.id), "--teacher", "hen") == 1
    assert capsys.readouterr().err.startswith("puente: no class fits --class-id")
