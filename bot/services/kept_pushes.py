"""Pushes kept for joiners: what those who join a class start with, and what still waits.

A push to a class nobody has joined yet is kept: whoever joins starts with its words, every
such push in the order it was pushed (`learners.unlockable`), paced as any preview is, a
set of words at a time for her level, and never behind a later push: a push to the class
reaches her whatever her pace, so once one has, her next cards bring the words kept for her
first (playtest: Hodan, level 1, weekly pushes, "population, community" waited three weeks
under /report's "⏳ ... in the order you pushed them"). The words not started yet wait in
order; /scheduled and /report name them, so a teacher never believes a newcomer has words
she has not been given (playtest: a week of the water cycle to a newcomer who had none of its
words)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from bot.services.teaching import require_teacher
from bot.store import outbox, people, study
from bot.store.packs import words_by_id


@dataclass(frozen=True)
class KeptWaiting:
    """Words kept for a class's joiners that one student (None: whoever joins, as nobody
    has joined yet) has not been given yet, in the order she will get them."""

    class_id: int
    class_name: str
    student_id: int | None
    terms: list[str]


def kept_waiting_in(db: Database, class_info: people.ClassInfo, now: datetime
                    ) -> list[KeptWaiting]:
    """What the class's pushes kept for joiners still hold for each of its students."""
    ids = list(dict.fromkeys(i for push in outbox.kept_for_joiners(db, class_info.id, now)
                             for i in push.word_ids))
    if not ids:
        return []
    terms = {w.id: w.word.term for w in words_by_id(db, ids)}
    if not people.class_size(db, class_info.id):
        return [KeptWaiting(class_info.id, class_info.name, None,
                            [terms[i] for i in ids if i in terms])]
    found = []
    for student in people.class_students(db, class_info.id):
        started = study.student_mastery(db, student.id)
        left = [terms[i] for i in ids if i in terms and i not in started]
        if left:
            found.append(KeptWaiting(class_info.id, class_info.name, student.id, left))
    return found


def kept_waiting(db: Database, teacher_id: int, now: datetime) -> list[KeptWaiting]:
    """Every class of the teacher's whose pushes kept for joiners still wait for someone."""
    require_teacher(db, teacher_id)
    return [one for class_info in people.teacher_classes(db, teacher_id)
            for one in kept_waiting_in(db, class_info, now)]
