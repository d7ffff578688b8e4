"""An administrator's requests about one child: find them, export what is kept, erase them.

`puente student ...` is the only caller: a parent's deletion request or a records request
is handled without SQL, and the erasure is /deleteme's own (erase.erase_person), not a copy.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from bot.domain.errors import PuenteError
from bot.store import erase, people, records
from bot.store.records import FoundStudent

__all__ = ["FoundStudent", "NoSuchStudentError", "delete_student", "export", "find"]


class NoSuchStudentError(PuenteError):
    """No student has this id (a typo, or already erased)."""


def find(db: Database, name: str) -> list[FoundStudent]:
    """Students whose first name contains `name`, with their classes and ids."""
    return records.find_students(db, name)


def export(db: Database, student_id: int) -> dict[str, Any]:
    """Everything stored about one student, by table."""
    found = records.student_record(db, student_id)
    if found is None:
        raise NoSuchStudentError(f"no student with id {student_id} (find one with "
                                 "`puente student find NAME`)")
    return found


def delete_student(db: Database, student_id: int, goodbyes: Sequence[erase.Goodbye],
                   now: datetime) -> None:
    """Erase a student as their own /deleteme would (every role, recorded against restores),
    queueing the `goodbyes` rendered before for the next delivery."""
    if people.get_student(db, student_id) is None:
        raise NoSuchStudentError(f"no student with id {student_id} (find one with "
                                 "`puente student find NAME`)")
    erase.erase_person(db, student_id, goodbyes, now)
