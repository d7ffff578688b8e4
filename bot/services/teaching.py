"""Teachers: invites, classes, rosters. Every lookup is scoped to the asking teacher.

Finding and naming a teacher's students: student_lookup.py; their levels: levels.py; /report
and /student: class_reports.py.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlite_utils import Database

from bot.config import Config
from bot.domain.errors import PuenteError
from bot.domain.names import fold_label, matching_labels
from bot.services.join import new_class_code, new_code
from bot.store import families, members, people

MAX_CLASS_NAME = 60
INVITE_DAYS = 7  # an administrator's teacher invite works once, for a week


class NotTeacherError(PuenteError):
    prompt_key = "teacher-only"


class ClassNotFoundError(PuenteError):
    prompt_key = "class-not-found"


def taken_off(db: Database, teacher_id: int, name: str | None = None
              ) -> members.Removal | None:
    """The class a co-teacher was last taken off and does not teach again (the one called
    `name`, when given), or None."""
    gone = members.removals(db, teacher_id)
    if name is not None:
        gone = [gone[i] for i in matching_labels(name, [r.class_name for r in gone])]
    return gone[0] if gone else None


def left_without_class(db: Database, teacher_id: int) -> members.Removal | None:
    """The class a co-teacher was last taken off, when they teach no class now (their /start
    and /classes say so), else None."""
    return None if people.teacher_classes(db, teacher_id) else taken_off(db, teacher_id)


def no_class(db: Database, teacher_id: int) -> ClassNotFoundError:
    """A teacher with no class: how to make one, or, for a co-teacher taken off the class
    they taught, that they were (only its name and who: none of its students) and how to
    come back. "You have no class yet" read as if Mr. Ali had never taught Chem 11."""
    gone = taken_off(db, teacher_id)
    if gone is None:
        return ClassNotFoundError(prompt_key="class-none-yet")
    return ClassNotFoundError(prompt_key="coteach-removed-no-class", class_name=gone.class_name,
                              creator=gone.by)


class ClassSuggestError(ClassNotFoundError):
    """A class name that is none, with the teacher's classes it may mean (each a button that
    runs the command again with it)."""

    prompt_key = "class-not-found-suggest"

    def __init__(self, typed: str, close: list[str]) -> None:
        super().__init__(f"no class {typed}", name=typed, suggestion=", ".join(close))
        self.typed, self.close = typed, tuple(close)


class StudentNotFoundError(PuenteError):
    prompt_key = "student-not-found"


class BadInputError(PuenteError):
    prompt_key = "teacher-bad-input"


def is_teacher(db: Database, user_id: int) -> bool:
    """Whether this Telegram user is a teacher (a teacher may be a student too)."""
    return people.is_teacher(db, user_id)


def remember_language(db: Database, teacher_id: int, code: str) -> None:
    """The language a teacher reads as they write, kept for what Puente sends while they are
    not writing (the daily alert, a family's message): before, only a push recorded it, so a
    Spanish-speaking teacher's first alerts came in English. Nothing for anyone else."""
    people.set_teacher_language(db, teacher_id, code)


def chosen_language(db: Database, teacher_id: int) -> str | None:
    """The language a teacher chose with /language (None: they follow their phone's)."""
    return people.teacher_choice(db, teacher_id)


def choose_language(db: Database, teacher_id: int, code: str | None,
                    languages: Iterable[str]) -> None:
    """A teacher's /language: one of the languages Puente has messages in, or None to follow
    her phone's again (anything else is a button we never sent)."""
    require_teacher(db, teacher_id)
    if code is not None and code not in languages:
        raise PuenteError(code, prompt_key="button-stale")
    people.choose_teacher_language(db, teacher_id, code)


def require_teacher(db: Database, user_id: int) -> None:
    """Refuse anyone who is not a teacher: a student is told kindly that it is their teacher's
    command (not to get a teacher's invite code), a family member what they can do instead."""
    if is_teacher(db, user_id):
        return
    if people.get_student(db, user_id) is not None:
        raise NotTeacherError(prompt_key="teacher-only-student")
    if families.is_family(db, user_id):
        raise NotTeacherError(prompt_key="teacher-only-family")
    raise NotTeacherError()


def teacher_classes(db: Database, teacher_id: int) -> list[people.ClassInfo]:
    """The classes a teacher teaches (refused for anyone else)."""
    require_teacher(db, teacher_id)
    return people.teacher_classes(db, teacher_id)


def become_teacher(db: Database, config: Config, user_id: int, first_name: str,
                   code: str | None, now: datetime) -> None:
    """Make a user a teacher with a configured or admin-issued invite code."""
    if not code:
        raise BadInputError(prompt_key="teach-usage")
    # compared as bytes: compare_digest refuses a str with non-ASCII characters ("/teach 🙂")
    configured = any(secrets.compare_digest(code.encode(), c.encode())
                     for c in config.access.teacher_invite_codes)
    issued = people.open_invite(db, code, now)
    if not configured and not issued:
        raise NotTeacherError(prompt_key="teach-bad-code")
    with db.atomic():
        people.upsert_teacher(db, user_id, first_name, now)
        if issued:
            people.use_invite(db, code, user_id, now)


def issue_invite(db: Database, config: Config, admin_id: int, now: datetime) -> str:
    """An administrator issues a single-use teacher invite code."""
    if admin_id not in config.access.admin_ids:
        raise NotTeacherError(prompt_key="admin-only", user_id=admin_id)  # for admin_ids
    code = new_code()
    people.add_invite(db, code, admin_id, now, now + timedelta(days=INVITE_DAYS))
    return code


def create_class(db: Database, config: Config, teacher_id: int, name: str,
                 now: datetime) -> people.ClassInfo:
    """Create a class with a fresh join code."""
    require_teacher(db, teacher_id)
    name = " ".join(name.split())
    if not name or len(name) > MAX_CLASS_NAME:
        raise BadInputError(prompt_key="newclass-usage")
    # "Ciencias Basicas" beside "Ciencias Básicas" would be a name no one could type apart
    same = [c.name for c in people.teacher_classes(db, teacher_id)
            if fold_label(c.name) == fold_label(name)]
    if same:
        raise BadInputError(prompt_key="class-exists", name=same[0])
    expires = now + timedelta(days=config.access.join_code_days)
    return people.create_class(db, teacher_id, name, new_class_code(), expires, None, now)


@dataclass(frozen=True)
class RenamePlan:
    """A rename the teacher has still to confirm: the class, its name now and the new one."""

    class_id: int
    old: str
    new: str


def plan_rename(db: Database, teacher_id: int, request: str) -> RenamePlan:
    """/renameclass OLD NEW, checked but not done: the longest leading words naming one of
    the teacher's classes are OLD, the rest its new name (two teachers' "Science 7B" told
    apart by the admin's `puente report`); only its creator may rename it. A confirming tap
    does it (rename_class): "Science 7B (Rivera) Mine", meant for another teacher's class,
    renamed the teacher's own "Science 7B" to "(Rivera) Mine" at once (playtest)."""
    require_teacher(db, teacher_id)
    classes = people.teacher_classes(db, teacher_id)
    if not classes:
        raise no_class(db, teacher_id)
    names = [c.name for c in classes]
    words = request.split()
    cuts = (cut for cut in range(len(words) - 1, 0, -1)
            if len(matching_labels(" ".join(words[:cut]), names)) == 1)
    cut = next(cuts, None)
    new = " ".join(words[cut:]) if cut is not None else ""
    whole = len(matching_labels(" ".join(words), names)) > 0  # "Science 7B" alone, no new name
    if cut is None or whole or len(new) > MAX_CLASS_NAME:
        raise BadInputError(prompt_key="renameclass-usage", names=", ".join(names),
                            example=names[0])
    old = classes[matching_labels(" ".join(words[:cut]), names)[0]]
    _check_rename(classes, teacher_id, old, new)
    return RenamePlan(old.id, old.name, new)


def _check_rename(classes: list[people.ClassInfo], teacher_id: int, old: people.ClassInfo,
                  new: str) -> None:
    if old.teacher_id != teacher_id:  # a co-teacher: the class is not theirs to rename
        raise BadInputError(prompt_key="renameclass-creator-only", class_name=old.name)
    same = [c.name for c in classes if c.id != old.id and fold_label(c.name) == fold_label(new)]
    if same:  # as /newclass: two names alike but for accents could not be typed apart
        raise BadInputError(prompt_key="class-exists", name=same[0])


def rename_class(db: Database, teacher_id: int, plan: RenamePlan) -> people.ClassInfo:
    """Do a confirmed rename, checked again (the class may have gone, or been renamed, or
    another been named alike since the question)."""
    classes = people.teacher_classes(db, teacher_id)
    old = next((c for c in classes if c.id == plan.class_id), None)
    if old is None or old.name != plan.old:
        raise BadInputError(prompt_key="button-stale")
    _check_rename(classes, teacher_id, old, plan.new)
    people.rename_class(db, old.id, plan.new)
    return people.class_by_id(db, old.id) or old


def same_words_class(db: Database, teacher_id: int, created: people.ClassInfo
                     ) -> people.ClassInfo | None:
    """Another class of the teacher's whose name has the same words in another order ("7B
    Science" beside "Science 7B"): students may join the wrong one, so the teacher is told."""
    words = sorted(created.name.casefold().split())
    return next((c for c in people.teacher_classes(db, teacher_id)
                 if c.id != created.id and sorted(c.name.casefold().split()) == words), None)


def find_class(db: Database, teacher_id: int, name: str | None) -> people.ClassInfo:
    """The teacher's class by name (or their only class when no name is given)."""
    require_teacher(db, teacher_id)
    classes = people.teacher_classes(db, teacher_id)
    if not classes:  # a new teacher's first /push or /report: how to start
        raise no_class(db, teacher_id)
    if not name:
        if len(classes) == 1:
            return classes[0]
        raise ClassNotFoundError(prompt_key="class-which",
                                 names=", ".join(c.name for c in classes) or "-")
    found = matching_labels(name, [c.name for c in classes])  # accents aside, as students'
    if len(found) > 1:  # two classes alike but for accents: which one is not ours to guess
        raise ClassNotFoundError(prompt_key="class-which",
                                 names=", ".join(classes[i].name for i in found))
    if found:
        return classes[found[0]]
    gone = taken_off(db, teacher_id, name)
    if gone is not None:  # "/roster Chem 11" from the co-teacher taken off it
        raise ClassNotFoundError(prompt_key="coteach-removed-no-class",
                                 class_name=gone.class_name, creator=gone.by)
    typed = " ".join(name.casefold().split())
    # "/report 9B" for "Biology 9B" (playtest): the class whose name has it as whole words,
    # when one does; when several do ("Biology"), which one is the teacher's to tap
    within = [c for c in classes if f" {typed} " in f" {' '.join(c.name.casefold().split())} "]
    if len(within) == 1:
        return within[0]
    if within:
        raise ClassSuggestError(name, [c.name for c in within])
    # "/roster Grade 3" for "Grade 3 ESL": the classes whose name begins so
    begins = [c.name for c in classes if c.name.casefold().startswith(typed)]
    # "to Science6", "to science 6": the class whose name reads the same but for spaces
    squashed = "".join(typed.split())
    begins += [c.name for c in classes if c.name not in begins
               and "".join(c.name.casefold().split()).startswith(squashed)]
    if begins:
        raise ClassSuggestError(name, begins)
    raise ClassNotFoundError(name=name)


def classes_in_common(db: Database, teacher_id: int, student_id: int) -> list[str]:
    """The names of the teacher's classes the student is in, when the teacher has more than
    one class (with one, it goes without saying): "🔇 Maria has not answered…" left Mr.
    Novak, with Biology 9A and 9B, to guess which (playtest)."""
    classes = people.teacher_classes(db, teacher_id)
    if len(classes) < 2:
        return []
    theirs = {c for c, t in people.teachers_by_class(db, student_id) if t == teacher_id}
    return [c.name for c in classes if c.id in theirs]


def revoke_code(db: Database, config: Config, teacher_id: int, name: str | None,
                now: datetime) -> people.ClassInfo:
    """Replace a class's join code; the old link stops working at once."""
    found = find_class(db, teacher_id, name)
    people.replace_join_code(db, found.id, new_class_code(),
                             now + timedelta(days=config.access.join_code_days), now)
    updated = people.class_by_id(db, found.id)
    assert updated is not None
    return updated


RosterRow = people.RosterRow
roster = people.roster
