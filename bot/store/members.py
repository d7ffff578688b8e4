"""Who belongs to a class: co-teachers and their codes, removals, family links by class."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from bot.store.clock import parse, stamp


@dataclass(frozen=True)
class FamilyListing:
    family_id: int
    telegram_id: int
    student_id: int
    student_name: str
    language: str | None
    linked_at: datetime


def add_coteach_code(db: Database, code: str, class_id: int, teacher_id: int, now: datetime,
                     expires_at: datetime) -> None:
    db.execute("INSERT INTO coteach_codes (code, class_id, created_by, created_at, expires_at) "
               "VALUES (?, ?, ?, ?, ?)",
               [code, class_id, teacher_id, stamp(now), stamp(expires_at)])


def is_coteach_code(db: Database, code: str) -> bool:
    return db.execute("SELECT 1 FROM coteach_codes WHERE code = ?",
                      [code]).fetchone() is not None


def claim_coteach_code(db: Database, code: str, now: datetime) -> int | None:
    """Use a co-teacher code once; return its class id, or None (unknown, used or expired)."""
    with db.atomic():
        row = db.execute("SELECT class_id FROM coteach_codes WHERE code = ? AND used_at IS NULL "
                         "AND expires_at > ?", [code, stamp(now)]).fetchone()
        if row is None:
            return None
        db.execute("UPDATE coteach_codes SET used_at = ? WHERE code = ?", [stamp(now), code])
    return int(row[0])


def add_co_teacher(db: Database, class_id: int, teacher_id: int, now: datetime) -> None:
    """Add a co-teacher (idempotent; the owner is never added as their own co-teacher)."""
    db.execute("INSERT OR IGNORE INTO class_teachers (class_id, teacher_id, added_at) "
               "SELECT id, ?, ? FROM classes WHERE id = ? AND teacher_id != ?",
               [teacher_id, stamp(now), class_id, teacher_id])


def remove_enrollment(db: Database, student_id: int, class_id: int) -> bool:
    """Take a student out of one class; False when they were not in it."""
    cursor = db.execute("DELETE FROM enrollments WHERE student_id = ? AND class_id = ?",
                        [student_id, class_id])
    return cursor.rowcount == 1


def class_families(db: Database, class_id: int) -> list[FamilyListing]:
    """Family links of the students of one class, by student name."""
    rows = db.execute(
        "SELECT f.id, f.telegram_id, s.id, s.first_name, f.language, f.linked_at "
        "FROM families f JOIN students s ON s.id = f.student_id JOIN enrollments e "
        "ON e.student_id = s.id WHERE e.class_id = ? ORDER BY s.first_name COLLATE NOCASE, f.id",
        [class_id]).fetchall()
    return [FamilyListing(r[0], r[1], r[2], r[3], r[4], parse(r[5])) for r in rows]


def family_in_class(db: Database, family_id: int, class_ids: list[int]) -> FamilyListing | None:
    """A family link, when its student is in one of these classes (the teacher's)."""
    marks = ",".join("?" * len(class_ids)) or "NULL"
    row = db.execute(
        "SELECT f.id, f.telegram_id, s.id, s.first_name, f.language, f.linked_at "
        "FROM families f JOIN students s ON s.id = f.student_id WHERE f.id = ? AND EXISTS "
        f"(SELECT 1 FROM enrollments e WHERE e.student_id = s.id AND e.class_id IN ({marks}))",
        [family_id, *class_ids]).fetchone()
    return FamilyListing(row[0], row[1], row[2], row[3], row[4], parse(row[5])) if row else None


def delete_family(db: Database, family_id: int) -> None:
    db.execute("DELETE FROM families WHERE id = ?", [family_id])
