"""A teacher corrects a student's home language (/language NAME LANGUAGE): a polite child who
tapped "English ✅ Yes", or the wrong name in the menu, had no way back but their own
/language, which a newcomer who reads neither menu cannot find (playtest, grade-8 ELD)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from bot.config import SchoolConfig
from bot.domain.language import LANGUAGES
from bot.domain.language_names import named_languages
from bot.services.levels import level_example
from bot.services.pushes import next_allowed
from bot.services.student_lookup import find_student
from bot.services.teaching import BadInputError, RosterRow, require_teacher
from bot.store import outbox, people

LANGUAGE_NOTE = "language-note"  # outbox kind: a student told their teacher set their language


@dataclass(frozen=True)
class LanguageCorrected:
    """A home language a teacher set for a student of theirs."""

    row: RosterRow
    language: str
    before: str | None  # the language the student had (None: they had not chosen one yet)

    @property
    def changed(self) -> bool:
        return self.before != self.language


def language_in(words: str) -> str | None:
    """The one catalogue language these words are: its code ("pt") or one of its names
    ("Portuguese", "Português"); None for anything else."""
    code = words.strip().casefold()
    if code in LANGUAGES:
        return code
    named = named_languages(words)
    return named[0] if len(named) == 1 else None


def correct_language(db: Database, teacher_id: int, text: str, now: datetime,
                     school: SchoolConfig, render: Callable[[int, str], str]
                     ) -> LanguageCorrected:
    """Set the home language of a student in one of the teacher's classes ("Thiago pt", "3
    Portuguese", "Marie Haitian Creole": the language last) and book the student a note in it
    and English (`render(student id, language)`), past quiet hours. Only a teacher of the
    student's classes finds them (find_student): no one else's student is changed."""
    require_teacher(db, teacher_id)
    parts = text.split()
    if len(parts) < 2:
        raise BadInputError(prompt_key="student-language-usage",
                            example=level_example(db, teacher_id))
    found = [(n, code) for n in (1, 2) if len(parts) > n
             and (code := language_in(" ".join(parts[-n:]))) is not None]
    if not found:
        raise BadInputError(prompt_key="student-language-unknown", typed=parts[-1][:40],
                            example=level_example(db, teacher_id))
    words, code = found[0]
    row, _ = find_student(db, teacher_id, " ".join(parts[:-words]), "/language")
    student = people.get_student(db, row.student_id)
    before = student.language if student is not None else None
    corrected = LanguageCorrected(row, code, before)
    if not corrected.changed:
        return corrected
    with db.atomic():
        people.set_student_language(db, row.student_id, code)
        outbox.enqueue(db, None, row.student_id, LANGUAGE_NOTE,
                       {"text": render(row.student_id, code), "buttons": [],
                        "student_id": row.student_id}, next_allowed(now, school), now)
    return corrected
