"""`puente report` and the dashboard count a class's own words only: Carlos's science words
never appear in Math 6 (two_classes: Carlos in Science 7B and Math 6, Layla in Math 6)."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path

import pytest

from bot.cli import main
from bot.cli.report_cmd import CANNED
from bot.store import open_store, people
from tests.clock import START, Clock
from tests.harness import TEACHER_ID, two_classes


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
          capsys: pytest.CaptureFixture[str]) -> Path:
    """A school's store file with Science 7B and Math 6 (two_classes)."""
    path = tmp_path / "school.db"
    monkeypatch.setenv("PUENTE_STORE_PATH", str(path))
    assert main(["db", "migrate"], clock=Clock()) == 0
    db = open_store(path)
    people.upsert_teacher(db, TEACHER_ID, "Ms. Rivera", START)
    people.create_class(db, TEACHER_ID, "Science 7B", "JOINcode_123",
                        START + timedelta(days=180), "science.ecosystems", START)
    two_classes(db, START)
    db.close()
    capsys.readouterr()
    return path


def test_puente_report_for_math_6_counts_no_science_word(
        store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "math.csv"
    assert main(["report", "--class", "Math 6", "--csv", str(table)], clock=Clock()) == 0
    assert capsys.readouterr().out.splitlines()[:3] == [
        "Math 6: 2 students, 4 words (4 not answered by anyone yet)",
        "✅ On track: none",
        "🆘 Needs help: none"]
    with table.open(encoding="utf-8-sig") as rows:
        assert {r["pack"] for r in csv.DictReader(rows)} == {"math.number-operations"}


def test_the_dashboards_class_mastery_counts_each_class_its_own_words(store: Path) -> None:
    db = open_store(store)
    rows = {(r["class"], r["student"]): r["started"]
            for r in db.query(CANNED["class_mastery"]["sql"])}
    assert rows == {("Math 6", "Carlos"): 0, ("Math 6", "Layla"): 4,
                    ("Science 7B", "Carlos"): 3}
