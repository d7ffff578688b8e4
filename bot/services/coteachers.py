"""The teachers of a class, as each of them sees it: who teaches it (/classes, /roster,
/coteach), the note to the others when a co-teacher joins, removes a student or sets a level,
and the creator taking a co-teacher off the class.

A grade-3 playtest: a co-teacher joined with Okafor's code, then removed a student, lowered a
level and made a new co-teacher code, and Okafor, who created the class, was told nothing and
could not see who else taught it. The notes go through the outbox (a teacher's quiet hours
wait) and leave no text behind once delivered, like every note that names a student."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlite_utils import Database

from bot.config import SchoolConfig
from bot.domain.errors import PuenteError
from bot.services import student_lookup, teaching
from bot.services.pushes import Scheduled, cancel_booked_by, next_allowed
from bot.store import members, outbox, people, threads

ClassTeacher = members.ClassTeacher
TEACHER_NOTE = "teacher-note"  # the outbox kind of a note to a class's other teachers


class NotClassCreatorError(PuenteError):
    """Only the teacher who created a class takes a co-teacher off it."""

    prompt_key = "coteach-creator-only"


class CoTeacherGoneError(PuenteError):
    """A ✖ or Remove tap on a co-teacher who no longer teaches the class (a second tap)."""

    prompt_key = "coteach-gone"


@dataclass(frozen=True)
class ClassTeachers:
    """A class and everyone who teaches it: its creator first, then its co-teachers."""

    found: people.ClassInfo
    teachers: list[ClassTeacher]

    @property
    def co_teachers(self) -> list[ClassTeacher]:
        return [t for t in self.teachers if not t.owner]


def teachers_by_class(db: Database, classes: Iterable[people.ClassInfo]
                      ) -> dict[int, list[ClassTeacher]]:
    """Each class's teachers (class id -> creator first), in one query."""
    found: dict[int, list[ClassTeacher]] = {}
    for teacher in members.class_teachers(db, [c.id for c in classes]):
        found.setdefault(teacher.class_id, []).append(teacher)
    return found


def class_teachers(db: Database, teacher_id: int, class_name: str | None) -> ClassTeachers:
    """One of this teacher's classes (by name, or their only one) with its teachers."""
    found = teaching.find_class(db, teacher_id, class_name)
    return ClassTeachers(found, teachers_by_class(db, [found]).get(found.id, []))


def teacher_first_name(db: Database, teacher_id: int) -> str:
    """A teacher's first name, as the other teachers of their classes read it."""
    return people.teacher_name(db, teacher_id) or ""


def _other_teachers(db: Database, class_id: int, but: int) -> list[ClassTeacher]:
    return [t for t in members.class_teachers(db, [class_id]) if t.teacher_id != but]


# (teacher told, their note's text) -> the note's text in that teacher's language
Render = Callable[[int], str]


def _book(db: Database, teacher_ids: Iterable[int], render: Render, now: datetime,
          school: SchoolConfig, actor_id: int, student_id: int | None = None,
          tag: Mapping[str, object] | None = None, wait: timedelta = timedelta(0)) -> int:
    """Queue one note to each of these teachers (past quiet hours, and `wait` from now); its
    text goes once it is delivered (`drop`), with the teacher it names when they delete their
    data (`about_teacher`), and with the student (`student_id`); `tag`: more payload, which
    finds the note again (an undone count takes its notes back)."""
    due, booked = next_allowed(now + wait, school), 0
    with db.atomic():
        for teacher_id in dict.fromkeys(teacher_ids):
            payload: dict[str, object] = {"text": render(teacher_id), "buttons": [],
                                          "drop": True, "about_teacher": actor_id, **(tag or {})}
            if student_id is not None:
                payload["student_id"] = student_id
            outbox.enqueue(db, None, teacher_id, TEACHER_NOTE, payload, due, now)
            booked += 1
    return booked


def tell_joined(db: Database, co_teacher_id: int, class_id: int, now: datetime,
                school: SchoolConfig, render: Render) -> int:
    """Tell a class's other teachers that this co-teacher joined it (with their name)."""
    return _book(db, (t.teacher_id for t in _other_teachers(db, class_id, co_teacher_id)),
                 render, now, school, co_teacher_id)


@dataclass(frozen=True)
class Told:
    """Another teacher of the class a change was made in, and the student as they read them."""

    teacher_id: int
    student: student_lookup.StudentName
    class_name: str
    student_id: int
    level: int = 0  # the level set (0: the student was removed)


def others_of_student(db: Database, actor_id: int, student_id: int,
                      class_ids: Iterable[int], level: int = 0) -> list[Told]:
    """The other teachers of these classes of the actor's that the student is in (read
    before a removal: the student's name as each of them knows it)."""
    wanted = set(class_ids)
    names = {c.id: c.name for c in people.teacher_classes(db, actor_id) if c.id in wanted}
    told = []
    for class_id, teacher_id in people.teachers_by_class(db, student_id):
        if class_id in names and teacher_id != actor_id:
            name = student_lookup.name_of(db, teacher_id, student_id, class_id)
            told.append(Told(teacher_id, name, names[class_id], student_id, level))
    return told


def class_ids_of(db: Database, actor_id: int, student_id: int) -> list[int]:
    """The actor's classes the student is in (where /level sets the level)."""
    return [e.class_id for e in people.teacher_enrolments(db, actor_id)
            if e.student_id == student_id]


def tell_others(db: Database, actor_id: int, told: list[Told],
                render: Callable[[int, list[Told]], str], now: datetime,
                school: SchoolConfig, tag: Mapping[str, object] | None = None,
                wait: timedelta = timedelta(0)) -> int:
    """One note to each other teacher, with every change that concerns them in it (a /level
    of twenty students is one note, not twenty); `tag` and `wait` as `_book` takes them."""
    by_teacher: dict[int, list[Told]] = {}
    for one in told:
        by_teacher.setdefault(one.teacher_id, []).append(one)
    booked = 0
    for teacher_id, theirs in by_teacher.items():
        students = {one.student_id for one in theirs}
        # a note about one student goes with them when they delete their data
        booked += _book(db, [teacher_id], lambda t, theirs=theirs: render(t, theirs), now,
                        school, actor_id, students.pop() if len(students) == 1 else None,
                        tag, wait)
    return booked


@dataclass(frozen=True)
class CoTeacherRemoval:
    """A co-teacher the creator of a class takes off it."""

    class_id: int
    class_name: str
    teacher_id: int
    teacher_name: str
    creator_name: str
    creator_id: int


def plan_co_teacher_removal(db: Database, creator_id: int, class_id: int,
                            teacher_id: int) -> CoTeacherRemoval:
    """Check that `creator_id` created the class and `teacher_id` co-teaches it (button data
    is forgeable); nothing changes."""
    teaching.require_teacher(db, creator_id)
    teachers = members.class_teachers(db, [class_id])
    creator = next((t for t in teachers if t.owner), None)
    if creator is None or creator.teacher_id != creator_id:
        if not any(t.teacher_id == creator_id for t in teachers):  # not even theirs
            raise CoTeacherGoneError("not this teacher's class")
        raise NotClassCreatorError("only the creator removes a co-teacher")
    co = next((t for t in teachers if t.teacher_id == teacher_id and not t.owner), None)
    if co is None:
        raise CoTeacherGoneError("no longer a co-teacher")
    found = people.class_by_id(db, class_id)
    return CoTeacherRemoval(class_id, found.name if found else "", teacher_id, co.first_name,
                            creator.first_name, creator_id)


@dataclass(frozen=True)
class Removed:
    """What a co-teacher's removal took back: nothing he queued for the class reaches its
    students or families after he left (Chem 11 playtest: Mr. Ali's push booked for 08:00
    went out the morning after Ms. Duarte took him off the class)."""

    pushes: list[Scheduled]  # his pushes booked for later that it cancelled
    announcements: list[str]  # the first words of his announcements waiting out quiet hours
    # the students his answers waiting out quiet hours were about (their messages wait for
    # an answer again), as the class's creator reads them, each with whether he wrote first
    answers: list[tuple[student_lookup.StudentName, bool]]


def remove_co_teacher(db: Database, plan: CoTeacherRemoval, now: datetime,
                      school: SchoolConfig, note: str) -> Removed:
    """Take the co-teacher off the class at once (every command reads the class's teachers
    afresh: they lose its students now), cancel what he queued for its students and
    families and has not gone yet, and queue him the note, kindly worded. Cancelled, not
    kept: the class's creator did not choose those words or that time, and keeping them
    would send the class a lesson from a teacher who is gone; she is told what went, with
    the /push that books it again."""
    with db.atomic():
        if not members.remove_co_teacher(db, plan.class_id, plan.teacher_id):
            raise CoTeacherGoneError("removed already")
        members.note_removal(db, plan.class_id, plan.teacher_id, plan.creator_id, now)
        dropped = cancel_booked_by(db, plan.creator_id, plan.teacher_id, plan.class_id, now)
        said = threads.drop_waiting_announcements(db, plan.teacher_id, plan.class_id)
        answered = members.take_back_answers(db, plan.teacher_id, plan.class_id)
        _book(db, [plan.teacher_id], lambda _: note, now, school, plan.creator_id)
    return Removed(dropped, said, [(student_lookup.name_of(db, plan.creator_id, one.student_id,
                                                           plan.class_id), one.started)
                                   for one in answered])
