"""An administrator's requests about one child: find them, export what is kept, erase them.

`puente student ...` is the only caller: a parent's deletion request or a records request
is handled without SQL, and the erasure is /deleteme's own (erase.erase_person), not a copy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from bot.domain.errors import PuenteError
from bot.store import erase, people, records
from bot.store.records import FoundStudent, ListedClass

__all__ = ["ClassNotChosenError", "FoundStudent", "ListedClass", "NoSuchStudentError",
           "delete_student", "export", "find", "pick_class"]

_WORD = re.compile(r"\w+")


class NoSuchStudentError(PuenteError):
    """No student has this id (a typo, or already erased)."""


class ClassNotChosenError(PuenteError):
    """The options given name no class, or more than one (two teachers' "ESL 1"): the
    `candidates` to choose from by id (those with the name given, else every class)."""

    def __init__(self, message: str, candidates: Sequence[ListedClass]) -> None:
        super().__init__(message)
        self.candidates = tuple(candidates)


def pick_class(db: Database, name: str | None = None, class_id: int | None = None,
               teacher: str | None = None) -> ListedClass:
    """The one class these options name: its name (any case), its id, and words of the first
    name of one of its teachers (any case, or a word's start), each optional but not all;
    ClassNotChosenError when none or several fit."""
    every = records.list_classes(db)
    asked = " ".join(part for part in [
        f"--class {name!r}" if name is not None else "",
        f"--class-id {class_id}" if class_id is not None else "",
        f"--teacher {teacher!r}" if teacher is not None else ""] if part)
    if not asked:
        raise ClassNotChosenError("say which class: --class NAME, --class-id ID or "
                                  "--teacher NAME", every)
    named = [c for c in every if name is None or c.name.casefold() == name.strip().casefold()]
    fits = [c for c in named if (class_id is None or c.class_id == class_id) and (
        teacher is None or any(_names(teacher, t) for t in c.teachers))]
    if len(fits) == 1:
        return fits[0]
    if fits:
        many = (f"{len(fits)} classes are called {fits[0].name!r}"
                if name is not None and teacher is None else f"{len(fits)} classes fit {asked}")
        how = "--class-id ID" if teacher is not None else "--class-id ID or --teacher NAME"
        raise ClassNotChosenError(f"{many}: pick one with {how}", fits)
    if name is not None and not named:
        raise ClassNotChosenError(f"no class called {name!r}", every)
    raise ClassNotChosenError(f"no class fits {asked}", named or every)


def _names(asked: str, teacher: str) -> bool:
    """Whether `asked` names this teacher: any case, whole words of their first name in order,
    the last one perhaps cut short ("chen", "Mr. Chen", "Ch" for "Mr. Chen"; a playtest's
    `--teacher Chen` found no class while the list showed "Mr. Chen")."""
    want, words = _WORD.findall(asked.casefold()), _WORD.findall(teacher.casefold())
    if not want:
        return False
    return any(words[at:at + len(want) - 1] == want[:-1]
               and words[at + len(want) - 1].startswith(want[-1])
               for at in range(len(words) - len(want) + 1))


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
