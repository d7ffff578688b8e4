"""Roster numbers in the store: given once per class at enrolment, and migration 0014 numbering
the enrolments a store already holds the way /roster numbered them until then."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlite_utils import Database

from bot.store import migrate, open_store, people, schema
from bot.store.clock import stamp
from tests.clock import START

TEACHER = 9001
# (student id, first name, class): two Anas (same name, one lower-case), a name that sorts
# first only without regard to case, and the same student in two classes.
STUDENTS = [(1005, "bo", "Science 7B"), (1003, "Ana", "Science 7B"),
            (1001, "ana", "Science 7B"), (1004, "Zed", "Science 7B"),
            (1002, "Émile", "Science 7B"), (1004, "Zed", "Math 6"), (1006, "Cy", "Math 6")]


def _store_before_roster_numbers(path: Path) -> Database:
    """A store as the release before migration 0014 left it, with classes and enrolments."""
    db = open_store(path, apply_migrations=False)
    schema.migrations.apply(db, stop_before="0014_roster_numbers")
    db.execute("INSERT INTO teachers (id, first_name, created_at) VALUES (?, 'Rivera', ?)",
               [TEACHER, stamp(START)])
    for n, name in enumerate(("Science 7B", "Math 6", "Art 5"), start=1):  # Art 5: empty
        db.execute("INSERT INTO classes (teacher_id, name, join_code, code_expires_at, "
                   "created_at) VALUES (?, ?, ?, ?, ?)",
                   [TEACHER, name, f"JOINcode_{n}00", stamp(START + timedelta(days=9)),
                    stamp(START)])
    for student_id, name, class_name in STUDENTS:
        db.execute("INSERT OR IGNORE INTO students (id, first_name, created_at) "
                   "VALUES (?, ?, ?)", [student_id, name, stamp(START)])
        db.execute("INSERT INTO enrollments (student_id, class_id, joined_at) "
                   "SELECT ?, id, ? FROM classes WHERE name = ?",
                   [student_id, stamp(START), class_name])
    return db


def _class_id(db: Database, name: str) -> int:
    return db.execute("SELECT id FROM classes WHERE name = ?", [name]).fetchone()[0]


def _numbers(db: Database, class_name: str) -> dict[int, int]:
    return {row.student_id: row.number for row in people.roster(db, _class_id(db, class_name))}


def test_existing_enrolments_keep_the_numbers_roster_showed_and_new_ones_follow(
        tmp_path: Path) -> None:
    db = _store_before_roster_numbers(tmp_path / "puente.db")
    # What /roster numbered by before 0014: each class's students by name, then by id.
    shown = {name: {sid: n for n, (sid,) in enumerate(db.execute(
        "SELECT s.id FROM enrollments e JOIN students s ON s.id = e.student_id "
        "WHERE e.class_id = ? ORDER BY s.first_name COLLATE NOCASE, s.id",
        [_class_id(db, name)]).fetchall(), start=1)} for name in ("Science 7B", "Math 6")}

    assert migrate(db)[0] == "0014_roster_numbers"  # later migrations follow

    assert shown["Science 7B"] == {1001: 1, 1003: 2, 1005: 3, 1004: 4, 1002: 5}
    assert _numbers(db, "Science 7B") == shown["Science 7B"]
    assert _numbers(db, "Math 6") == shown["Math 6"] == {1006: 1, 1004: 2}
    for name, last in (("Science 7B", 5), ("Math 6", 2), ("Art 5", 0)):
        people.upsert_student(db, 2000 + last, "Aaron", START)
        assert people.enroll(db, 2000 + last, _class_id(db, name), START)
        assert _numbers(db, name)[2000 + last] == last + 1  # the class's next, never reused
    assert migrate(db) == []


def test_enrolling_again_keeps_the_number_and_gives_none_away(db: Database) -> None:
    people.upsert_teacher(db, TEACHER, "Rivera", START)
    found = people.create_class(db, TEACHER, "Science 7B", "JOINcode_123",
                                START + timedelta(days=9), None, START)
    for student_id, name in ((1001, "Bo"), (1002, "Ana")):
        people.upsert_student(db, student_id, name, START)
        assert people.enroll(db, student_id, found.id, START)
    assert not people.enroll(db, 1001, found.id, START)  # a second /start with the link
    people.upsert_student(db, 1003, "Cy", START)
    people.enroll(db, 1003, found.id, START)
    assert [(r.first_name, r.number) for r in people.roster(db, found.id)] == [
        ("Ana", 2), ("Bo", 1), ("Cy", 3)]
