"""Who writes to the teacher: a student about themselves, or a family member about their
children; which child a message is about, and the thread a reply to a teacher's answer
continues.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from bot.domain.errors import PuenteError
from bot.domain.placement import student_level
from bot.domain.scaffold import scaffold_for
from bot.store import families, people, threads
from bot.store.threads import FAMILY, STUDENT, Announced, Child

__all__ = ["Announced", "Asker", "Child", "ReplyTo"]  # what the chat layer names


class AskError(PuenteError):
    """Someone who is neither a student nor a linked family member tried to ask."""

    prompt_key = "ask-nobody"


class UnlinkedChildError(PuenteError):
    """A family member replied to a teacher's answer about a child they have since been
    unlinked from: it is said so, and nothing is sent to anyone."""

    prompt_key = "reply-child-unlinked"


@dataclass(frozen=True)
class Asker:
    """Who is writing: a student about themselves, or a family member about their children."""

    user_id: int
    role: str                 # threads.STUDENT | threads.FAMILY
    language: str
    children: tuple[Child, ...]
    chosen: bool = True       # False: they skipped the language menu (`language` is a guess)
    english_first: bool = False  # a student at levels 5-6: English above her language


def asker(db: Database, user_id: int) -> Asker | None:
    """The student or family member behind a Telegram id (a student account wins)."""
    student, classes = people.student_with_classes(db, user_id)  # her level with her row
    if student is not None:
        level = student_level((e.wida_level, e.level_by_teacher) for e in classes)
        return Asker(user_id, STUDENT, student.language or "en",
                     (Child(student.id, student.first_name),), student.language is not None,
                     scaffold_for(level).english_first)
    children = tuple(threads.children(db, user_id))
    if children:
        # Who skipped the language menu is spoken to in the best language known for them.
        chosen = families.family_language(db, user_id)
        return Asker(user_id, FAMILY, families.known_language(db, user_id) or "en", children,
                     chosen is not None)
    return None


def shared_phone_family(db: Database, user_id: int) -> Asker | None:
    """The family writing from a student's own account that is linked as their family's too
    (a shared phone; None: it is not), in the child's home language, which the family updates
    on this phone use too (the family chose no language of their own here)."""
    if not families.is_linked(db, user_id, user_id):
        return None
    student = people.get_student(db, user_id)
    language = (student.language if student else None) or families.known_language(db, user_id)
    return Asker(user_id, FAMILY, language or "en", tuple(threads.children(db, user_id)),
                 student is not None and student.language is not None)


def family_tapping(db: Database, user_id: int) -> Asker | None:
    """Who taps a button only a family is offered (a ready-made message, "I cannot read
    this"): the family member; on a phone the child shares with the family, the family, never
    the child's student account (None: no family here)."""
    who = asker(db, user_id)
    if who is not None and who.role == STUDENT:
        return shared_phone_family(db, user_id)
    return who


def require_asker(db: Database, user_id: int) -> Asker:
    """The student or family member writing to the teacher; a teacher is told what /ask is
    for and how they reach families, anyone else how to join first."""
    who = asker(db, user_id)
    if who is not None:
        return who
    if people.is_teacher(db, user_id):
        raise AskError(prompt_key="ask-teacher")
    if families.was_family(db, user_id):  # their child deleted their data, or they were unlinked
        raise AskError(prompt_key="family-unlinked-text")
    raise AskError()


def is_family_only(db: Database, user_id: int) -> bool:
    """A linked family member with no student account of their own (and no teacher's)."""
    return (families.is_family(db, user_id) and people.get_student(db, user_id) is None
            and not people.is_teacher(db, user_id))


@dataclass(frozen=True)
class ReplyTo:
    """What a Telegram reply to a teacher's answer continues: the thread about one child with
    the teacher who answered (it goes back to them while they still teach the child)."""

    child: Child
    teacher_id: int
    about: Announced | None = None  # a reply to an announcement: which one
    also: tuple[Child, ...] = ()    # their other children in the announcement's class
    role: str = ""                  # whom the answer was for: a shared phone's family or child
    sent_at: datetime | None = None  # when the teacher wrote the answer (None: an announcement)


def replied_to(db: Database, who: Asker, message_id: int) -> ReplyTo | None:
    """The child and the answering teacher of a message replying to a teacher's answer
    (`message_id`, its id in the writer's chat); None when it replies to no answer Puente
    delivered them. Refused when they were unlinked from that child since: never sent to
    another child's teacher, nor asked which child."""
    answer = threads.answered(db, who.user_id, message_id)
    if answer is None:
        return _about_announcement(db, who, message_id)
    child = next((c for c in who.children if c.student_id == answer.student_id), None)
    if child is not None:
        return ReplyTo(child, answer.teacher_id, role=answer.asker_role,
                       sent_at=answer.created_at)
    student = people.get_student(db, answer.student_id)
    if student is None:  # the child deleted their data (their threads went with it)
        return None
    raise UnlinkedChildError(name=student.first_name)


def _about_announcement(db: Database, who: Asker, message_id: int) -> ReplyTo | None:
    """A family member's reply to an announcement: to the teacher who announced it, about
    their children in that class; None when it is no announcement, or none of their children
    is in its class any more.

    Siblings in one class (twins) are not asked "which child?": an announcement went to the
    class, and a reply to it ("both will come", "what time do they come back?") is nearly
    always about the family as a whole. The teacher expects to find it under either child, so
    it is filed in every such child's thread and relayed once, naming them all (the first by
    name, `child`, carries it; the others are `also`)."""
    if who.role != FAMILY:  # a student's reply to an announcement is read as an answer
        return None
    found = threads.announced(db, who.user_id, message_id)
    if found is None:
        return None
    in_class = [child for child in who.children if (found.class_id, found.teacher_id)
                in people.teachers_by_class(db, child.student_id)]
    if not in_class:
        return None
    return ReplyTo(in_class[0], found.teacher_id, found, tuple(in_class[1:]))


def replies_to_gone_child(db: Database, who: Asker, message_id: int) -> bool:
    """Whether a message replies to a teacher's answer about a child who has since deleted
    their data: that conversation has ended, and no other child's teacher should get it."""
    return threads.gone_answer(db, who.user_id, message_id)


def child_of(who: Asker, student_id: int | None) -> Child | None:
    """The child a message is about: the one chosen, or the only one (None: ask which)."""
    if student_id is None:
        return who.children[0] if len(who.children) == 1 else None
    for child in who.children:
        if child.student_id == student_id:
            return child
    raise AskError("not this person's child")  # forged or stale button data
