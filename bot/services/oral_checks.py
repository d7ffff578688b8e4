"""A teacher's "reads aloud" switch for a student who cannot read yet (/readaloud NAME, and
/readaloud NAME off): her level 1-2 choice, reverse and listening questions are then checked
orally (read_aloud.py), and the teacher's views mark her evidence as oral. A teacher or
co-teacher of her class only (student_lookup finds her among their students)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from bot.services.student_lookup import find_student
from bot.store import people

# the word after the name that turns it on or off rather than over (any language's teacher
# types the English or her own; a student is never called one of these)
OFF_WORDS = frozenset({"off", "no", "0", "desactivar", "non", "não", "tắt", "关", "выкл",
                       "aus", "maya", "tsis"})
ON_WORDS = frozenset({"on", "yes", "1", "activar", "oui", "sim", "bật", "开", "вкл"})


@dataclass(frozen=True)
class OralChecks:
    """A student's switch as it is now."""

    student_id: int
    on: bool
    level: int | None  # her level in the class she was found in (it acts at levels 1-2)


def switch(db: Database, teacher_id: int, text: str) -> OralChecks:
    """Turn a student's oral checks over (`/readaloud Nkauj`), or on or off when the text
    ends so; the errors find_student raises (not a teacher, no name, no such student)."""
    words = text.split()
    wanted: bool | None = None
    if len(words) > 1 and words[-1].casefold() in OFF_WORDS | ON_WORDS:
        wanted = words[-1].casefold() in ON_WORDS
        words = words[:-1]
    row, _found = find_student(db, teacher_id, " ".join(words), "/readaloud")
    student = people.get_student(db, row.student_id)
    on = not (student is not None and student.reads_aloud) if wanted is None else wanted
    people.set_reads_aloud(db, row.student_id, on)
    return OralChecks(row.student_id, on, row.taught if row.taught is not None else row.level)


def reads_aloud(db: Database, student_id: int) -> bool:
    """Whether this student's checks are oral (/student says so)."""
    student = people.get_student(db, student_id)
    return student is not None and student.reads_aloud


def oral_students(db: Database, student_ids: list[int]) -> frozenset[int]:
    """Those of these students whose checks are oral (/report marks them)."""
    return people.reading_aloud(db, student_ids)
