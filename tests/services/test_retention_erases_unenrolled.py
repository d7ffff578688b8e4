"""Retention erases a student a teacher removed from every class once they have done nothing
for the whole retention period: /remove keeps the row for a rejoin, never forever."""

from __future__ import annotations

from datetime import timedelta

from sqlite_utils import Database

from bot.config import Config
from bot.services import membership
from bot.store import members, people
from tests.clock import START
from tests.tables import cells_naming

A_YEAR_ON = START + timedelta(days=366)


def _removed(db: Database, class_id: int, student_id: int, name: str) -> None:
    people.upsert_student(db, student_id, name, START)
    people.enroll(db, student_id, class_id, START)
    members.remove_enrollment(db, student_id, class_id)


def test_a_removed_student_idle_for_the_retention_period_is_erased(
        db: Database, school_class: people.ClassInfo) -> None:
    _removed(db, school_class.id, 5001, "Xiomara")
    people.upsert_student(db, 5002, "Yusuf", START)
    people.enroll(db, 5002, school_class.id, START)  # still in the class: stays
    purged = membership.purge_old(db, Config(), A_YEAR_ON)
    assert purged.students == 1
    assert people.get_student(db, 5001) is None
    assert cells_naming(db, 5001, "Xiomara") == []
    assert people.get_student(db, 5002) is not None


def test_a_removed_student_is_kept_within_the_retention_period(
        db: Database, school_class: people.ClassInfo) -> None:
    _removed(db, school_class.id, 5001, "Xiomara")
    assert membership.purge_old(db, Config(), START + timedelta(days=200)).students == 0
    assert people.get_student(db, 5001) is not None


def test_a_teacher_with_a_student_side_in_no_class_keeps_their_account(
        db: Database, school_class: people.ClassInfo) -> None:
    people.upsert_student(db, school_class.teacher_id, "Rivera", START)  # tried /start
    assert membership.purge_old(db, Config(), A_YEAR_ON).students == 0
    assert people.is_teacher(db, school_class.teacher_id)
