"""`puente report --png` weeks after the class's last answer: the chart has student rows and
no word column, and the terminal (and the chart) say why, with a way to chart further back
(data-coach playtest: it printed nothing)."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from bot.cli import main
from bot.presentation.i18n import Catalog
from bot.presentation.report_heatmap import heatmap_png, recent_words
from bot.services import answers, checks, join
from bot.store import open_store, people
from bot.store.reports import class_matrix
from tests.clock import START, Clock
from tests.harness import read_words


def a_class_with_one_answer(store: Path) -> None:
    assert main(["db", "migrate"], clock=Clock()) == 0
    db = open_store(store)
    people.upsert_teacher(db, 1, "T", START)
    people.create_class(db, 1, "Math 8", "CODEcode2345", START + timedelta(days=90),
                        "math.number-operations", START)
    join.join_class(db, 1001, "Ana", "CODEcode2345", "es", START)
    join.confirm_language(db, 1001, "es")
    read_words(db, START)
    question = checks.start_check(db, 1001, START, random.Random(1))
    assert question is not None
    answers.answer_typed(db, 1001, question.item.answer, START, ZoneInfo("UTC"))
    db.close()


def test_a_chart_with_no_recent_word_says_why_and_how_to_chart_further_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    store, png = tmp_path / "school.db", tmp_path / "m8.png"
    monkeypatch.setenv("PUENTE_STORE_PATH", str(store))
    a_class_with_one_answer(store)
    capsys.readouterr()
    later = Clock(START + timedelta(days=40))
    assert main(["report", "--class", "Math 8", "--png", str(png)], clock=later) == 0
    out = capsys.readouterr().out
    assert ("no word practised in Math 8 in the last 21 days (last practice 2026-09-14): the "
            "heatmap has no word columns; --days 41 charts back to it") in out
    assert f"wrote {png}" in out
    bare = Image.open(png)
    assert main(["report", "--class", "Math 8", "--png", str(png), "--days", "41", "--force"],
                clock=later) == 0
    out = capsys.readouterr().out
    assert "no word practised" not in out
    assert Image.open(png).width > bare.width or Image.open(png).height > bare.height


def test_the_chart_itself_says_no_word_was_practised_lately(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "school.db"
    monkeypatch.setenv("PUENTE_STORE_PATH", str(store))
    a_class_with_one_answer(store)
    db = open_store(store)
    matrix = class_matrix(db, people.classes_named(db, "Math 8")[0].id)
    today = (START + timedelta(days=40)).date()
    assert not recent_words(matrix, today)
    import bot.presentation.report_heatmap as report_heatmap
    drawn: list[tuple] = []
    monkeypatch.setattr(report_heatmap, "heatmap", lambda *args: drawn.append(args) or b"")
    heatmap_png("Math 8", matrix, today, Catalog.load())
    assert drawn[-1][1] == [] and drawn[-1][8] == (
        "No word practised in the last 21 days; last practice 2026-09-14")
    heatmap_png("Math 8", matrix, today, Catalog.load(), days=41)
    assert drawn[-1][1] and drawn[-1][8] == ""  # a longer window: the word, no note
