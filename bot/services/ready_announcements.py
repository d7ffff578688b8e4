"""A ready-made announcement to a class: chosen with buttons (which one, its day, its time),
written in each family's language by people (the prompt catalogue), shown to the teacher and
queued like any announcement once they confirm (bot/services/announcements.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime

from sqlite_utils import Database

from bot.config import SchoolConfig
from bot.domain import ready_announcements
from bot.domain.ready_announcements import ReadyChoice
from bot.services import student_lookup, teaching
from bot.services.announcements import (
    AnnounceError,
    AnnouncementPlan,
    Version,
    language_counts,
    save_plan,
)
from bot.store import members, people, threads
from bot.translation.translator import Translator

Written = Callable[[str], str | None]  # a language -> the announcement people wrote in it


def ready_class(db: Database, teacher_id: int, class_id: int) -> people.ClassInfo:
    """The class a ready-made announcement's button names, when it is the teacher's (a
    forged id, or a class they no longer teach, is an old button)."""
    teaching.require_teacher(db, teacher_id)
    for found in people.teacher_classes(db, teacher_id):
        if found.id == class_id:
            return found
    raise AnnounceError(prompt_key="button-stale")


def choose(db: Database, school: SchoolConfig, teacher_id: int, class_id: int, name: str,
           when: str | None, now: datetime) -> tuple[people.ClassInfo, ReadyChoice]:
    """The class and the announcement (with its day and time so far) a tap chose, each
    checked: the class as the teacher's, the day as one of the next school days."""
    found = ready_class(db, teacher_id, class_id)
    today = now.astimezone(school.timezone).date()
    return found, ready_announcements.choose(name, when, today, skipped(school, name))


def skipped(school: SchoolConfig, name: str | None = None) -> frozenset[date]:
    """The days a ready-made announcement's (or reply's) day menu leaves out: every day off
    (an early closing was offered on the Friday the teacher had just made a day off,
    playtest); only "There is no school on ___" still offers a day off set in Puente, as
    this class's families may not have been told (/daysoff DATE tells nobody)."""
    return school.configured_holidays if name == "closed" else school.holidays


def days(school: SchoolConfig, now: datetime, page: int = 0,
         name: str | None = None) -> ready_announcements.DayPage:
    """The school days ready-made announcement `name` (None: a ready-made reply) may name,
    from the school's today: one page of them (Later ▶ turns to the next)."""
    return ready_announcements.day_page(now.astimezone(school.timezone).date(),
                                        skipped(school, name), page)


def pick_when(school: SchoolConfig, when: str | None, now: datetime
              ) -> ready_announcements.Picked:
    """The day, time (or hour) and day menu page a ready-made reply's button carries,
    checked against the school's today as a ready-made announcement's are (nothing chosen
    yet: an empty Picked)."""
    if when is None:
        return ready_announcements.Picked()
    return ready_announcements.pick(when, now.astimezone(school.timezone).date(),
                                    skipped(school))  # the days its menu offers


async def plan_ready(db: Database, translator: Translator | None, teacher_id: int,
                     found: people.ClassInfo, written: Written,
                     now: datetime, closed_day: date | None = None) -> AnnouncementPlan:
    """Each language's version of a ready-made announcement, kept until the teacher
    confirms: people's words where Puente speaks the language, else a machine translation
    of the English where a model exists, else the English. `closed_day`: the day a "no
    school" announcement names, offered as a day off in Puente once it is sent."""
    english = written("en") or ""
    # Families only: each is written to a family ("Please come", "your child")
    recipients = threads.class_recipients(db, found.id, students=False)
    counts = language_counts(recipients)
    versions = []
    for lang in counts:
        text, machine = written(lang), False
        if text is None and translator is not None:
            translation = await translator.translate_transient(english, lang, source="en")
            text, machine = (translation.text, translation.machine) if translation else \
                (None, False)
        versions.append(Version(lang, text or english, machine, (), counts[lang],
                                ready=text is not None and not machine and lang != "en"))
    names = student_lookup.student_names(db, teacher_id)
    unlinked = tuple(names.of(student_id, found.id)
                     for student_id in members.without_family(db, found.id))
    return replace(save_plan(db, found, teacher_id, english, versions, recipients, now,
                             closed_day), ready=True, unlinked=unlinked)


def shared_classes(db: Database, teacher_id: int, student_id: int) -> list[people.ClassInfo]:
    """The classes of this teacher's that a student is in: where a ready-made announcement
    offered under a reply about that student would go."""
    theirs = {class_id for class_id, teacher in people.teachers_by_class(db, student_id)
              if teacher == teacher_id}
    return [c for c in people.teacher_classes(db, teacher_id) if c.id in theirs]
