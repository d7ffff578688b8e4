"""The excused days store (migration 0048): one row a student and day, the first setter kept,
read for a class in one query, gone with the student, the setter forgotten on their erasure."""

from __future__ import annotations

from datetime import date

import pytest
from sqlite_utils import Database

from bot.store import excused
from tests.clock import START
from tests.harness import enrol_student

MON, WED = date(2026, 9, 14), date(2026, 9, 16)
pytestmark = pytest.mark.usefixtures("school_class")  # the class Ana and Ben join


def test_a_day_is_excused_once_and_keeps_its_first_setter(db: Database) -> None:
    enrol_student(db, START, 1001, "Ana")
    assert excused.excuse(db, 1001, WED, 2001, START)
    assert not excused.excuse(db, 1001, WED, 2002, START)
    assert db.execute("SELECT set_by FROM excused_days").fetchall() == [(2001,)]
    assert excused.days_of(db, 1001) == {WED}


def test_a_class_reads_its_students_days_from_a_day_on(db: Database) -> None:
    enrol_student(db, START, 1001, "Ana")
    enrol_student(db, START, 1002, "Ben")
    excused.excuse(db, 1001, MON, 2001, START)
    excused.excuse(db, 1001, WED, 2001, START)
    excused.excuse(db, 1002, WED, 2002, START)
    assert excused.days_of_many(db, [1001, 1002, 1003], since=WED) == {
        1001: frozenset({WED}), 1002: frozenset({WED})}
    assert excused.days_of_many(db, []) == {}


def test_undo_and_erasure(db: Database) -> None:
    enrol_student(db, START, 1001, "Ana")
    excused.excuse(db, 1001, MON, 2001, START)
    excused.excuse(db, 1001, WED, 2001, START)
    assert excused.unexcuse(db, 1001, MON)
    assert not excused.unexcuse(db, 1001, MON)  # again: nothing to undo
    excused.forget_setter(db, 2001)
    assert db.execute("SELECT day, set_by FROM excused_days").fetchall() == [
        ("2026-09-16", None)]
    db.execute("DELETE FROM students WHERE id = 1001")  # every erasure path ends here
    assert db.execute("SELECT count(*) FROM excused_days").fetchone() == (0,)
