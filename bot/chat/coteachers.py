"""The notes to a class's other teachers, in each teacher's language: a co-teacher joined,
a teacher removed a student or set a level (a co-teacher's changes reached the class's
creator in silence: grade-3 playtest)."""

from __future__ import annotations

from collections.abc import Callable

from bot.chat.replies import user_language
from bot.context import PuenteContext
from bot.presentation.students import student_label
from bot.presentation.views import escape
from bot.services import coteachers
from bot.services.levels import LevelSet


def tell_joined(context: PuenteContext, co_teacher_id: int, name: str, class_id: int,
                class_name: str) -> None:
    """Book the note to a class's other teachers that this co-teacher joined it."""
    s = context.services
    coteachers.tell_joined(s.db, co_teacher_id, class_id, s.clock(), s.config.school,
                           lambda teacher_id: str(s.catalog.render(
                               "coteach-joined-note", user_language(context, teacher_id),
                               teacher=escape(name), class_name=escape(class_name))))
    context.deliverer.wake()


def tell_changes(context: PuenteContext, actor_id: int, told: list[coteachers.Told],
                 key: str) -> None:
    """Book one note to each other teacher of the classes a removal or level was made in:
    `key` is its line ("Diaz removed Linh from Grade 3 ESL"), one a class and student."""
    if not told:
        return
    s = context.services
    actor_name = coteachers.teacher_first_name(s.db, actor_id)

    def render(teacher_id: int, theirs: list[coteachers.Told]) -> str:
        lang = user_language(context, teacher_id)
        return "\n".join(str(s.catalog.render(
            key, lang, teacher=escape(actor_name), level=one.level,
            name=student_label(one.student, s.catalog, lang),
            class_name=escape(one.class_name))) for one in theirs)
    coteachers.tell_others(s.db, actor_id, told, render, s.clock(), s.config.school)
    context.deliverer.wake()


def tell_levels(context: PuenteContext, actor_id: int, done: list[LevelSet]) -> None:
    """Tell the other teachers of the classes these levels were set in, one note each."""
    db = context.services.db
    tell_changes(context, actor_id, [
        told for one in done for told in coteachers.others_of_student(
            db, actor_id, one.row.student_id,
            coteachers.class_ids_of(db, actor_id, one.row.student_id), one.level)],
        "teacher-set-level-note")


def tell_overrule(context: PuenteContext, actor_id: int, typed: str, term: str,
                  for_class: bool = False) -> Callable[[int, list[coteachers.Told]], str]:
    """The note to a class's other teachers that the actor counted a miss (`typed` for
    `term`) as right, and, `for_class`, accepts it for the class from now on (they see its
    answers graded by it), in each teacher's language (services.overrules books it with the
    count, as a removal's or a level's note is booked)."""
    key = "overrule-teacher-note-class" if for_class else "overrule-teacher-note"
    s = context.services
    actor = coteachers.teacher_first_name(s.db, actor_id)

    def render(teacher_id: int, theirs: list[coteachers.Told]) -> str:
        lang = user_language(context, teacher_id)
        return "\n".join(str(s.catalog.render(
            key, lang, teacher=actor, typed=typed, term=term,
            name=student_label(one.student, s.catalog, lang), class_name=one.class_name))
            for one in theirs)
    return render
