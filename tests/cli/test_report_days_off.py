"""`puente report` counts school days as the bot does: config.toml's holidays and the days
off teachers set in Puente (/daysoff) are both left out."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.cli import main
from bot.config import SchoolConfig
from bot.services import answers, checks, join
from bot.store import days_off, open_store, people
from tests.clock import START, Clock
from tests.harness import read_words


def test_the_report_leaves_the_days_off_set_in_puente_out_of_inactive_days(
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
    read_words(db, START)
    question = checks.start_check(db, 1001, START, random.Random(1))
    assert question is not None
    answers.answer_typed(db, 1001, question.item.answer, START, ZoneInfo("UTC"))
    for day in (15, 16, 17):  # Tue-Thu off: Fri 18 and Mon 21 are the school days since
        days_off.add_day_off(db, date(2026, 9, day), 1, START)
    db.close()
    capsys.readouterr()
    assert main(["report", "--class", "Science 7B"], clock=Clock(START + timedelta(days=7))) == 0
    assert "Inactive" not in capsys.readouterr().out
    db = open_store(store)
    days_off.remove_day_off(db, date(2026, 9, 16))
    db.close()
    assert main(["report", "--class", "Science 7B"], clock=Clock(START + timedelta(days=7))) == 0
    assert "Inactive for 3+ school days: Ana (Mon 14 Sep)" in capsys.readouterr().out


def test_removing_a_day_off_keeps_config_tomls_own_holiday() -> None:
    thanksgiving, wed = date(2026, 11, 26), date(2026, 9, 16)
    school = SchoolConfig(holidays=frozenset({thanksgiving}))
    both = school.with_days_off(frozenset({wed, thanksgiving}))
    assert both.holidays == {wed, thanksgiving}
    assert both.with_days_off(frozenset()).holidays == {thanksgiving}
    assert both.with_days_off(frozenset({wed})).with_days_off(frozenset()) == school
