"""Days a family excused for their child (migration 0048): sick today, or not at school on a
day they named. For that student alone they are no school day: joined to the school's
holidays wherever one student's school days are counted. Erased with the student (cascade);
the family member who set one is forgotten when they are erased (forget_setter)."""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import date, datetime

from sqlite_utils import Database

from bot.store.clock import stamp


def excuse(db: Database, student_id: int, day: date, set_by: int, now: datetime) -> bool:
    """Excuse the student's day; False when it already was (the first setter is kept)."""
    cursor = db.execute("INSERT OR IGNORE INTO excused_days (student_id, day, set_by, set_at) "
                        "VALUES (?, ?, ?, ?)", [student_id, day.isoformat(), set_by, stamp(now)])
    return cursor.rowcount == 1


def unexcuse(db: Database, student_id: int, day: date) -> bool:
    """Make the day a school day for the student again; False when it was not excused."""
    return db.execute("DELETE FROM excused_days WHERE student_id = ? AND day = ?",
                      [student_id, day.isoformat()]).rowcount == 1


def excused_with(db: Database, set_by: int, set_at: datetime) -> tuple[int, date] | None:
    """The student and day a family member's message excused (the day is stored with the
    message's relay, in one transaction and at one moment: relays.queue_relay), if it still
    is; None: it excused none, or a teacher made it a school day again."""
    row = db.execute("SELECT student_id, day FROM excused_days WHERE set_by = ? AND set_at = ? "
                     "LIMIT 1", [set_by, stamp(set_at)]).fetchone()
    return (int(row[0]), date.fromisoformat(row[1])) if row else None


def days_of(db: Database, student_id: int, since: date | None = None) -> frozenset[date]:
    """The student's excused days (from `since`, when given)."""
    return days_of_many(db, [student_id], since).get(student_id, frozenset())


def days_of_many(db: Database, student_ids: Collection[int], since: date | None = None
                 ) -> dict[int, frozenset[date]]:
    """Each student's excused days (from `since`), for those with any: one query a class."""
    if not student_ids:
        return {}
    rows = db.execute("SELECT student_id, day FROM excused_days WHERE student_id IN "
                      "(SELECT value FROM json_each(?)) AND day >= ?",
                      [json.dumps(sorted(set(student_ids))),
                       since.isoformat() if since else ""]).fetchall()
    found: dict[int, set[date]] = {}
    for student_id, day in rows:
        found.setdefault(student_id, set()).add(date.fromisoformat(day))
    return {s: frozenset(days) for s, days in found.items()}


def by_teacher(db: Database, student_id: int, since: date) -> dict[date, bool]:
    """The student's excused days from `since`, each with whether a teacher excused it (False:
    a family member, or one since erased)."""
    rows = db.execute("SELECT day, set_by IN (SELECT id FROM teachers) FROM excused_days "
                      "WHERE student_id = ? AND day >= ?",
                      [student_id, since.isoformat()]).fetchall()
    return {date.fromisoformat(day): bool(teacher) for day, teacher in rows}


def forget_setter(db: Database, user_id: int) -> None:
    """Forget which family member excused a day (their erasure): the day stays the child's."""
    db.execute("UPDATE excused_days SET set_by = NULL WHERE set_by = ?", [user_id])
