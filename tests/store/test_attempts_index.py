"""/report's "🐢 Stalled" counts the school days a student answered on by seeking each next
day's first answer in idx_attempts_student_time (migration 0038), not by reading all her
answers: the days are the school's (its time zone), and a weekend day is no school day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from bot.domain.scaffold import ItemType
from bot.store import people, study
from bot.store.reports import _days_answered
from tests.clock import START
from tests.harness import enrol_student

SEEK = ("SELECT answered_at FROM attempts WHERE student_id = ? AND answered_at >= ? "
        "ORDER BY answered_at LIMIT 1")
NEW_YORK = ZoneInfo("America/New_York")


def test_the_answer_days_query_seeks_in_the_student_time_index(db: Database) -> None:
    plan = " ".join(r[3] for r in db.execute(f"EXPLAIN QUERY PLAN {SEEK}", [1, ""]))
    assert "idx_attempts_student_time" in plan and "answered_at>?" in plan


def _answer(db: Database, student_id: int, at: datetime) -> None:
    word = db.execute("SELECT min(id) FROM words").fetchone()[0]
    study.record_attempt(db, student_id, word, ItemType.CHOICE, "en", True, at)


def test_answer_days_are_the_schools_days_each_counted_once(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START, 1001, "Ana")
    local = START.astimezone(NEW_YORK).replace(hour=22, minute=30)  # Monday 22:30 in New York
    for day in range(7):  # every evening Monday to Sunday, three answers each
        for minutes in (0, 20, 40):  # 22:30 to 23:10: the UTC date is the next day
            _answer(db, 1001, local + timedelta(days=day, minutes=minutes))

    assert _days_answered(db, 1001, NEW_YORK, (), 10) == 5  # Monday to Friday, not the weekend
    # in UTC: Tuesday to the next Monday, less the weekend
    assert _days_answered(db, 1001, UTC, (), 10) == 5
    assert _days_answered(db, 1001, NEW_YORK, (), 4) == 4  # stops at enough
    holiday = (local + timedelta(days=2)).date()
    assert _days_answered(db, 1001, NEW_YORK, (holiday,), 10) == 4
