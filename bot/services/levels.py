"""WIDA levels a teacher sets: one student or a pasted list, in each of their classes."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from bot.config import SchoolConfig
from bot.domain.errors import PuenteError
from bot.domain.names import clean_label
from bot.domain.scaffold import WidaLevel
from bot.services.learners import level_of
from bot.services.pushes import next_allowed
from bot.services.student_lookup import StudentNames, find_student, split_class
from bot.services.teaching import BadInputError, RosterRow, require_teacher
from bot.store import outbox, people


@dataclass(frozen=True)
class LevelSet:
    """A level a teacher set: for whom, to what, and in which of their classes."""

    row: RosterRow
    level: int
    class_names: tuple[str, ...]
    taught_at: int  # what the student studies at: lower when another teacher's class says so
    taught_before: int | None = None  # what they studied at before (None: no level yet)

    @property
    def prompt_key(self) -> str:
        """The reply: plain (in two classes or more, that it is the level in each: "in 7B
        Science, Science 7B" read as if it were one class's), or saying the level does not
        take effect and why."""
        if self.taught_at < self.level:
            return "level-set-held-lower"
        return "level-set-every" if len(self.class_names) > 1 else "level-set"


def set_level(db: Database, teacher_id: int, who: str, level: str) -> LevelSet:
    """Set a student's WIDA level in every one of the teacher's classes they are in."""
    return _set_levels(db, teacher_id, [(who, level, None)])[0]


def set_levels(db: Database, teacher_id: int, text: str) -> list[LevelSet]:
    """Set several levels at once from "NAME LEVEL" pairs separated by commas, semicolons or
    lines (a pasted column of screener scores), each maybe with a class after it ("Wei 6 in
    7B Science": the Wei of that class); one unknown name or level sets none."""
    require_teacher(db, teacher_id)  # before any usage line: a student is told it is not theirs
    classes = people.teacher_classes(db, teacher_id)
    pairs = []
    for entry in re.split(r"[,;\n]+", text):
        rest, in_class = split_class(entry, classes)
        if in_class is not None and len(rest.split()) == 1:  # "Wei 7B Science": no level?
            _level_after_class(db, teacher_id, entry, rest, in_class)
        if in_class is None or len(rest.split()) < 2:  # a class "3" keeps "/level Ana 3"'s 3
            rest, in_class = entry, None
        parts = rest.split()
        if len(parts) == 1:
            raise BadInputError(prompt_key="level-usage", example=level_example(db, teacher_id))
        if parts:
            pairs.append((clean_label(" ".join(parts[:-1])), parts[-1], in_class))
    return _set_levels(db, teacher_id, pairs)


def _level_after_class(db: Database, teacher_id: int, entry: str, who: str,
                       in_class: people.ClassInfo) -> None:
    """A name then a class, and nothing after ("Wei 7B Science", "Wei Math 6"): fine when
    its last word is the level of the student the words before it name (Wei of a class
    "Math", level 6), else the usage line with this student and class, "/level Wei 7B Science
    3" (a student not in the class is told so instead)."""
    parts = entry.split()
    try:
        WidaLevel.parse(parts[-1])
        find_student(db, teacher_id, " ".join(parts[:-1]), "/level")
        return
    except (ValueError, PuenteError):
        pass
    row, found = find_student(db, teacher_id, who, "/level", in_class)
    command = StudentNames(people.teacher_enrolments(db, teacher_id)).of(row.student_id).command
    example = command if " " in command else f"{command} {found.name}"  # "3 Math 6" has it
    raise BadInputError(prompt_key="level-usage-class", example=example)


# The name in /level's usage line when the teacher has no student yet (the prompts had it
# written in: a name, the same in every language)
EXAMPLE_NAME = "Ana"


def level_example(db: Database, teacher_id: int) -> str:
    """A name for /level's usage line: how the teacher types her first student ("Wei", or
    "3" beside a namesake), not "Ana" when no Ana is in her classes (playtest)."""
    enrolled = people.teacher_enrolments(db, teacher_id)
    if not enrolled:
        return EXAMPLE_NAME
    return StudentNames(enrolled).of(enrolled[0].student_id).command


def _set_levels(db: Database, teacher_id: int,
                pairs: list[tuple[str, str, people.ClassInfo | None]]) -> list[LevelSet]:
    # A student's English level is one fact about them (a student in two classes is taught
    # at the lower one), so it is set in each of this teacher's classes they are in, a class
    # named after them or not (never in another teacher's class: not theirs to change).
    try:
        planned = [_plan_level(db, teacher_id, who, level, in_class)
                   for who, level, in_class in pairs]
    except PuenteError as exc:  # one wrong pair sets none, and several say so
        if len(pairs) > 1:
            exc.then("levels-nothing-changed")
        raise
    before = {row.student_id: level_of(people.enrollments(db, row.student_id))
              for row, _, _ in planned}
    with db.atomic():
        for row, classes, value in planned:
            for class_id, _ in classes:
                people.set_level(db, row.student_id, class_id, value, people.TEACHER)
            people.clear_placement(db, row.student_id)  # the teacher decided: placement is over
    # A student in two teachers' classes is taught at the lower level (study.level_of), so a
    # higher level set here may not be the one the student gets: the reply must say so.
    return [LevelSet(row, value, tuple(name for _, name in classes),
                     level_of(people.enrollments(db, row.student_id)) or value,
                     before[row.student_id])
            for row, classes, value in planned]


LEVEL_NOTE = "level-note"  # outbox kind: a student told the level a teacher set


def tell_students(db: Database, done: list[LevelSet], now: datetime, school: SchoolConfig,
                  render: Callable[[int, int], str]) -> int:
    """Tell each student whose cards change with these levels the level they are taught at
    now (`render(student id, level)`: one short line, in their language and English), past
    quiet hours. Olga placed herself at 1; her teacher set 4 and her cards just changed, with
    no word to her (playtest). A level that changes nothing she studies (the same level, or
    another teacher's lower one holds) is not news to her. Return how many are booked."""
    due, booked = next_allowed(now, school), 0
    with db.atomic():
        for one in {one.row.student_id: one for one in done}.values():  # the last one wins
            if one.taught_at == one.taught_before:
                continue
            outbox.enqueue(db, None, one.row.student_id, LEVEL_NOTE,
                           {"text": render(one.row.student_id, one.taught_at), "buttons": [],
                            "student_id": one.row.student_id}, due, now)
            booked += 1
    return booked


def _plan_level(db: Database, teacher_id: int, who: str, level: str,
                in_class: people.ClassInfo | None
                ) -> tuple[RosterRow, list[tuple[int, str]], int]:
    """One "NAME LEVEL" pair, checked: the student, the teacher's classes they are in, and
    the level (an unknown name or a level out of range raises)."""
    try:
        value = int(WidaLevel.parse(level))
    except ValueError as exc:
        if level.strip().lstrip("-").isdigit():  # "/level Carlos 9": say which part is off
            raise BadInputError(prompt_key="level-out-of-range", level=level.strip()[:8],
                                example=level_example(db, teacher_id)) from exc
        raise BadInputError(prompt_key="level-usage",
                            example=level_example(db, teacher_id)) from exc
    row, _ = find_student(db, teacher_id, who, "/level", in_class)
    classes = [(e.class_id, e.class_name) for e in people.teacher_enrolments(db, teacher_id)
               if e.student_id == row.student_id]
    return row, classes, value
