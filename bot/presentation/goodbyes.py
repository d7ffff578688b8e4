"""The notes a deletion leaves to be sent: one place renders them for /deleteme and for
`puente student delete`, so a child erased at a parent's request is told of exactly as one
who tapped /deleteme."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlite_utils import Database

from bot.presentation.i18n import Catalog
from bot.presentation.students import student_label
from bot.services import membership, student_lookup


def _student(db: Database, catalog: Catalog, teacher_id: int, student_id: int, class_id: int,
             first_name: str, lang: str) -> str:
    name = student_lookup.name_of(db, teacher_id, student_id, class_id, first_name)
    return student_label(name, catalog, lang)


def goodbyes(db: Database, catalog: Catalog, user_id: int, now: datetime,
             language: Callable[[int], str], *, by_admin: bool = False
             ) -> list[membership.Goodbye]:
    """A student's deletion, told to each family member linked to them and to their
    teachers, each in their language (`language`, by Telegram id; one note per teacher, a
    line per class); a family member's, told to their children's teachers (a line per
    child); a teacher's, to the families of students it leaves in no class and to the
    co-teacher each class goes to. Render them before the deletion, while the names and
    links exist. `by_admin`: the school's administrator erased a student on request (`puente
    student delete`), which the notes say instead of "deleted their data"."""
    ended = [membership.Goodbye(member, catalog.render(  # a teacher's classes deleted
        "family-link-ended", language(member), name=child), now)
        for member, child in membership.orphaned_families(db, user_id)]
    # A teacher's deletion: each student it leaves in no class hears their class closed (a
    # next /check said only "not in a class yet", chaos playtest), and whoever still waits for
    # this teacher's answer hears it will not come, once each
    ended += [membership.Goodbye(student_id, catalog.render(
        "class-closed-student", language(student_id)), now)
        for student_id, _ in membership.classless_students(db, user_id)]
    owed = {asker: asker == student for asker, student in membership.unanswered_to(db, user_id)}
    ended += [membership.Goodbye(asker, catalog.bilingual(  # a child reads it as a child,
        # in her level's order (English first at levels 5-6)
        "ask-unanswered-teacher-left-student", language(asker),
        english_first=membership.reader(db, asker).english_first) if student else catalog.render(
        "ask-unanswered-teacher-left", language(asker)), now) for asker, student in owed.items()]
    lines: dict[int, list[str]] = {}
    # A teacher's /deleteme hands a class to a co-teacher: they now own its roster and its
    # families, and hear so (the leaving teacher alone read "goes to your co-teacher Bob")
    for fate in membership.deletion_plan(db, user_id) or []:
        if fate.heir_id is not None:
            lines.setdefault(fate.heir_id, []).append(catalog.render(
                "deleteme-class-inherited", language(fate.heir_id),
                name=membership.teacher_first_name(db, user_id), class_name=fate.class_name))
    # A family member's /deleteme: each child's teachers are told once, so a /thread that
    # lost their messages and a link with a place free again are no mystery (playtest)
    for teacher_id, student_id, class_id, child in membership.family_farewell(db, user_id):
        lang = language(teacher_id)
        name = _student(db, catalog, teacher_id, student_id, class_id, child, lang)
        lines.setdefault(teacher_id, []).append(catalog.render(
            "deleteme-family-teacher-told", lang, name=name))
    farewell = membership.farewell(db, user_id)
    if farewell is None:
        return ended + [membership.Goodbye(t, "\n".join(told), now)
                        for t, told in lines.items()]
    family_key, teacher_key = ("student-erased-family-told", "student-erased-teacher-told") \
        if by_admin else ("deleteme-family-told", "deleteme-teacher-told")
    notes = [membership.Goodbye(family_id, catalog.render(
        family_key, language(family_id), name=farewell.first_name),
        now) for family_id in farewell.family_ids]
    for teacher_id, class_id, class_name in farewell.classes:
        lang = language(teacher_id)
        name = _student(db, catalog, teacher_id, user_id, class_id, farewell.first_name, lang)
        lines.setdefault(teacher_id, []).append(catalog.render(
            teacher_key, lang, name=name, class_name=class_name))
    return ended + notes + [membership.Goodbye(t, "\n".join(told), now)
                            for t, told in lines.items()]
