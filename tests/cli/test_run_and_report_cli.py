"""`puente run`, `db migrate`, `report` and `dashboard` from a school administrator's seat."""

from __future__ import annotations

import random
import sys
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.app import build_application
from bot.cli import main
from bot.cli.report_cmd import CANNED
from bot.config import load_config
from bot.context import Services
from bot.presentation.i18n import Catalog
from bot.services import answers, checks, join
from bot.store import open_store, people
from tests.clock import START, Clock
from tests.harness import read_words


def test_run_without_a_token_explains_what_to_do(monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    monkeypatch.delenv("PUENTE_CONFIG", raising=False)
    monkeypatch.chdir(Path(__file__).parent)  # no config.toml here
    assert main(["run"]) == 2
    assert "TELEGRAM_BOT_TOKEN" in capsys.readouterr().err


def test_self_hosted_bot_api_base_url_is_used(tmp_path: Path) -> None:
    config_file = tmp_path / "config.toml"
    config_file.write_text('[telegram]\ntoken = "1:abc"\nbase_url = "http://127.0.0.1:8081/bot"\n')
    config = load_config(config_file, env={})
    app = build_application(Services(config, open_store(None), Catalog.load()))
    assert app.bot.base_url == "http://127.0.0.1:8081/bot1:abc"


def test_db_migrate_then_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "school.db"
    monkeypatch.setenv("PUENTE_STORE_PATH", str(store))
    assert main(["db", "migrate"]) == 0
    assert "12 packs loaded" in capsys.readouterr().out
    db = open_store(store)
    people.upsert_teacher(db, 1, "T", START)
    people.create_class(db, 1, "Science 7B", "CODEcode2345", START, None, START)
    db.close()
    csv_path, png_path = tmp_path / "r.csv", tmp_path / "r.png"
    assert main(["report", "--class", "science 7b", "--csv", str(csv_path),
                 "--png", str(png_path)]) == 0
    assert "Science 7B: 0 students" in capsys.readouterr().out
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbfstudent,")
    assert not png_path.exists()  # an empty class has no heatmap, and says so
    assert main(["report", "--class", "Art"]) == 1
    assert "no class called 'Art'" in capsys.readouterr().err


def test_the_report_counts_inactive_school_days_on_the_clock_it_is_given(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "school.db"
    monkeypatch.setenv("PUENTE_STORE_PATH", str(store))
    assert main(["db", "migrate"], clock=Clock()) == 0
    db = open_store(store)
    people.upsert_teacher(db, 1, "T", START)
    people.create_class(db, 1, "Science 7B", "CODEcode2345", START + timedelta(days=90), None,
                        START)
    join.join_class(db, 1001, "Ana", "CODEcode2345", "es", START)
    join.confirm_language(db, 1001, "es")
    read_words(db, START)  # the preview, then one answer
    question = checks.start_check(db, 1001, START, random.Random(1))
    assert question is not None
    answers.answer_typed(db, 1001, question.item.answer, START, ZoneInfo("UTC"))
    db.close()
    capsys.readouterr()
    assert main(["report", "--class", "Science 7B"], clock=Clock(START + timedelta(days=1))) == 0
    assert "Inactive" not in capsys.readouterr().out
    assert main(["report", "--class", "Science 7B"], clock=Clock(START + timedelta(days=7))) == 0
    assert "Inactive for 3+ school days: Ana (Mon 14 Sep)" in capsys.readouterr().out


def test_dashboard_without_datasette_says_how_to_install(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    monkeypatch.setattr("bot.cli.report_cmd._datasette", lambda: None)  # installed or not here
    monkeypatch.setenv("PUENTE_STORE_PATH", str(tmp_path / "x.db"))
    assert main(["dashboard"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    # what works for a wheel: this Python's pip, not an editable install of a checkout
    assert f"`{sys.executable} -m pip install 'datasette>=0.64,<1'`" in line


def test_the_dashboards_queries_tell_two_anas_apart_by_their_roster_numbers(
        tmp_path: Path) -> None:
    db = open_store(tmp_path / "school.db")
    people.upsert_teacher(db, 1, "T", START)
    people.create_class(db, 1, "Science 7B", "CODEcode2345", START + timedelta(days=90), None,
                        START)
    for student_id in (1003, 1001):  # the first to join is number 1, whatever their id
        join.join_class(db, student_id, "Ana", "CODEcode2345", "es", START)
    for query in CANNED.values():
        list(db.query(query["sql"]))  # each one runs on today's schema
    rows = list(db.query(CANNED["class_mastery"]["sql"]))
    assert [(r["student"], r["roster_no"]) for r in rows] == [("Ana", 1), ("Ana", 2)]
    assert not {"id", "student_id"} & set(rows[0])
