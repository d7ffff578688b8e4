"""Who may be here: co-teachers, removing students, family links, deletion, retention,
and the throttle on guessed codes."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum

from sqlite_utils import Database

from bot.config import Config
from bot.domain.errors import PuenteError
from bot.domain.overrule import KEEP
from bot.domain.placement import student_level
from bot.domain.scaffold import scaffold_for
from bot.domain.throttle import Throttle
from bot.services import askers, message_languages, student_lookup, teacher_answers, teaching
from bot.services.join import new_code
from bot.store import (
    erase,
    families,
    members,
    outbox,
    people,
    records,
    threads,
    typed_misses,
)
from bot.translation.translator import Translator

COTEACH_DAYS = 7
OpenLink = members.OpenLink  # a family link that still works, as /families lists it
FamilyListing = members.FamilyListing  # a linked family member, as /families lists them
ClassInfo = people.ClassInfo


class TooManyAttemptsError(PuenteError):
    """Too many codes that did not work, too fast: wait a little."""

    prompt_key = "too-many-attempts"


class MemberNotFoundError(PuenteError):
    """A removal or unlink for someone not (or no longer) in the teacher's classes."""

    prompt_key = "member-gone"


class LinkGoneError(PuenteError):
    """A Cancel tap on a family link already cancelled or expired (an old list, a second
    tap): nothing changes."""

    prompt_key = "families-link-gone"


# Refusals that mean "that code was wrong": the ones a guesser collects. A missing code
# (a plain /start or /teach) is a question, not a guess, and is never counted.
_GUESS_KEYS = frozenset({"join-code-unknown", "join-code-expired", "join-code-replaced",
                         "teach-bad-code", "family-link-unknown",
                         "family-link-expired", "family-link-revoked"})


@contextmanager
def code_attempt(guard: Throttle, user_id: int, now: datetime) -> Iterator[None]:
    """Refuse while this user is paused; count a refused code towards the pause."""
    wait = guard.wait(user_id, now)
    if wait > timedelta(0):
        raise TooManyAttemptsError(minutes=math.ceil(wait.total_seconds() / 60))
    try:
        yield
    except PuenteError as exc:
        if exc.prompt_key in _GUESS_KEYS:
            guard.hit(user_id, now)
        raise


class AlreadyTeachesError(PuenteError):
    """A teacher sent a co-teacher code for a class they already teach: it stays unused."""

    prompt_key = "coteach-own-code"


def teach_with_code(db: Database, config: Config, user_id: int, first_name: str,
                    code: str | None, now: datetime) -> people.ClassInfo | None:
    """Become a teacher with an invite code, or co-teach a class with a co-teacher code;
    return the class for a co-teacher."""
    if code and members.is_coteach_code(db, code):
        # The class's own teacher trying the code they just made (to see it work) was told
        # "You now co-teach" and the code was spent (playtest): refuse before it is used up
        meant = members.coteach_code_class(db, code, now)
        mine = [c for c in people.teacher_classes(db, user_id) if c.id == meant]
        if mine:
            raise AlreadyTeachesError(class_name=mine[0].name)
        class_id = members.claim_coteach_code(db, code, now)
        found = people.class_by_id(db, class_id) if class_id is not None else None
        if found is None:
            raise teaching.NotTeacherError(prompt_key="teach-bad-code")
        with db.atomic():
            people.upsert_teacher(db, user_id, first_name, now)
            members.add_co_teacher(db, found.id, user_id, now)
        return found
    teaching.become_teacher(db, config, user_id, first_name, code, now)
    return None


@dataclass(frozen=True)
class CoteachCode:
    """A co-teacher code for one of the teacher's classes: `same` when it is the one they
    were given before (still unused), shown again rather than a second live code."""

    found: people.ClassInfo
    code: str
    expires_at: datetime
    same: bool = False


def create_coteach_code(db: Database, teacher_id: int, class_name: str | None,
                        now: datetime) -> tuple[people.ClassInfo, str]:
    """A single-use code that lets another teacher co-teach one of this teacher's classes."""
    made = coteach_code(db, teacher_id, class_name, now)
    return made.found, made.code


def coteach_code(db: Database, teacher_id: int, class_name: str | None, now: datetime
                 ) -> CoteachCode:
    """This teacher's still-working code for the class, else a new one: /coteach tapped twice
    left two live codes, each letting someone in (playtest)."""
    found = teaching.find_class(db, teacher_id, class_name)
    live = members.live_coteach_code(db, found.id, teacher_id, now)
    if live is not None:
        return CoteachCode(found, live[0], live[1], same=True)
    return _new_coteach_code(db, found, teacher_id, now)


def replace_coteach_code(db: Database, teacher_id: int, class_id: int, now: datetime
                         ) -> CoteachCode:
    """A new code for the class (checked as the teacher's: button data is forgeable); the
    unused ones this teacher made for it stop working at once."""
    found = check_coteach_class(db, teacher_id, class_id)
    with db.atomic():
        members.revoke_coteach_codes(db, found.id, teacher_id)
        return _new_coteach_code(db, found, teacher_id, now)


def check_coteach_class(db: Database, teacher_id: int, class_id: int) -> people.ClassInfo:
    """The teacher's class with this id (a 🔄 tap's: forgeable), or ClassNotFoundError."""
    found = next((c for c in teaching.teacher_classes(db, teacher_id) if c.id == class_id),
                 None)
    if found is None:
        raise teaching.ClassNotFoundError(prompt_key="button-stale")
    return found


def _new_coteach_code(db: Database, found: people.ClassInfo, teacher_id: int, now: datetime
                      ) -> CoteachCode:
    code, expires = new_code(), now + timedelta(days=COTEACH_DAYS)
    members.add_coteach_code(db, code, found.id, teacher_id, now, expires)
    return CoteachCode(found, code, expires)


@dataclass(frozen=True)
class Removal:
    student_id: int
    student: student_lookup.StudentName  # as the teacher reads them: "Ana #2" beside another Ana
    class_id: int
    class_name: str
    # Their family links that end with it (the student is in no other class): none else
    ending: erase.Released = field(default_factory=erase.Released)
    # Messages about them that wait for this teacher's answer (/thread shows "⏳"): said
    # before the tap, so an answer owed to a family is not forgotten with the student
    waiting: int = 0


def _teacher_class(db: Database, teacher_id: int, class_id: int) -> people.ClassInfo:
    teaching.require_teacher(db, teacher_id)
    for found in people.teacher_classes(db, teacher_id):
        if found.id == class_id:
            return found
    raise MemberNotFoundError("not this teacher's class")


def plan_removal(db: Database, teacher_id: int, who: str, now: datetime) -> Removal:
    """Find the student to remove, and the family links that would end with it (nothing
    changes until the teacher confirms)."""
    row, found = student_lookup.find_student(db, teacher_id, who, "/remove")
    waiting = sum(1 for m in threads.thread(db, row.student_id)
                  if m.teacher_id == teacher_id and m.direction == threads.ASK
                  and m.answered_at is None and not m.thanks)
    return Removal(row.student_id,
                   student_lookup.name_of(db, teacher_id, row.student_id, found.id),
                   found.id, found.name,
                   erase.ending_links(db, row.student_id, [found.id], now), waiting)


@dataclass(frozen=True)
class Leaving:
    """The family members a removal would unlink (its student is in no other class), read
    before it, so that each is told in their own language."""

    first_name: str               # the child's, as their family knows them
    family_ids: tuple[int, ...]


def leaving_families(db: Database, student_id: int, class_id: int, now: datetime) -> Leaving:
    """Whom removing the student from this class would unlink (nobody while they stay in
    another class)."""
    student = people.get_student(db, student_id)
    ending = erase.ending_links(db, student_id, [class_id], now)
    return Leaving(student.first_name if student else "", ending.family_ids)


def remove_student(db: Database, teacher_id: int, student_id: int, class_id: int,
                   now: datetime, notes: Mapping[int, str] | None = None) -> Removal:
    """Take a student out of the teacher's class: off the roster, no more of its pushes. From
    their last class, their family links end too (erase.release_families): each family
    member unlinked hears it from `notes` (their text, by Telegram id)."""
    found = _teacher_class(db, teacher_id, class_id)
    student = people.get_student(db, student_id)
    # while still in the class
    named = student_lookup.name_of(db, teacher_id, student_id, class_id,
                                   student.first_name if student else "")
    with db.atomic():
        removed = members.remove_enrollment(db, student_id, class_id)
        erase.cancel_class_messages(db, student_id, class_id)
        released = erase.release_families(db, student_id, now) if removed else erase.Released()
        erase.tell_released(db, released, notes or {}, now)
    if released.links:
        erase.flush_deleted(db)  # an unlinked family's rows leave no copy in the file
    if student is None or not removed:
        raise MemberNotFoundError("not in the class")
    return Removal(student_id, named, found.id, found.name, released)


def unanswered_to(db: Database, teacher_id: int) -> list[tuple[int, int]]:
    """The messages (asker, student) this teacher still owes an answer: a teacher's /deleteme
    says how many it leaves unanswered, and each asker hears that theirs will not be."""
    return threads.unanswered_to(db, teacher_id)


def classless_students(db: Database, teacher_id: int) -> list[tuple[int, str]]:
    """The students (id, first name) a teacher's /deleteme leaves in no class: each is told
    their class closed, so a next /check saying "not in a class yet" is no mystery."""
    return erase.left_without_class(db, teacher_id)


def orphaned_families(db: Database, teacher_id: int) -> list[tuple[int, str]]:
    """The family members (Telegram id, child's first name) whom a teacher's /deleteme
    unlinks: linked to a student it leaves in no class (their classes are deleted with it)."""
    return [(member, name) for student_id, name in erase.left_without_class(db, teacher_id)
            for member in families.members_of(db, student_id)]


def class_families(db: Database, teacher_id: int, class_name: str | None
                   ) -> tuple[people.ClassInfo, list[members.FamilyListing]]:
    """The family links of one of the teacher's classes."""
    found = teaching.find_class(db, teacher_id, class_name)
    return found, members.class_families(db, found.id)


def without_family(db: Database, teacher_id: int, class_id: int
                   ) -> list[student_lookup.StudentName]:
    """The students of one of the teacher's classes with no family member linked, as the
    teacher reads them: who still needs a /family link."""
    names = student_lookup.student_names(db, teacher_id)
    return [names.of(student_id, class_id) for student_id in members.without_family(db, class_id)]


class FamiliesPageGoneError(PuenteError):
    """A ◀ ▶ under /families for a class that is not (or no longer) this teacher's: forged,
    or left from before the class was handed over or deleted."""

    prompt_key = "button-stale"


def class_families_by_id(db: Database, teacher_id: int, class_id: int
                         ) -> tuple[people.ClassInfo, list[members.FamilyListing]]:
    """The family links of one of the teacher's classes, by its id (a page button's)."""
    try:
        found = _teacher_class(db, teacher_id, class_id)
    except MemberNotFoundError as exc:
        raise FamiliesPageGoneError("not this teacher's class") from exc
    return found, members.class_families(db, found.id)


@dataclass(frozen=True)
class LinkNotes:
    """What /families adds to one family link."""

    no_model: bool  # no model here from their language: what they write comes without English
    last_contact: datetime | None  # when they and a teacher last wrote


def link_notes(db: Database, translator: Translator | None,
               links: list[members.FamilyListing]) -> dict[int, LinkNotes]:
    """The notes on each family link of a class, by family id."""
    return {link.family_id: LinkNotes(
        message_languages.missing_model(translator, link.language or link.likely or "en"),
        teacher_answers.last_contact(db, link.telegram_id, link.student_id)) for link in links}


def open_links(db: Database, class_id: int, now: datetime) -> list[members.OpenLink]:
    """The family links of a class that still work, used or not (a teacher may cancel one)."""
    return members.class_links(db, class_id, now)


def family_to_unlink(db: Database, teacher_id: int, family_id: int) -> members.FamilyListing:
    """A family member linked to a student of the teacher's classes (to confirm unlinking)."""
    teaching.require_teacher(db, teacher_id)
    class_ids = [c.id for c in people.teacher_classes(db, teacher_id)]
    link = members.family_in_class(db, family_id, class_ids)
    if link is None:
        raise MemberNotFoundError("no such family link in this teacher's classes")
    return link


def unlink_family(db: Database, teacher_id: int, family_id: int, now: datetime,
                  note: Callable[[members.FamilyListing], str] | None = None
                  ) -> members.FamilyListing:
    """Unlink a family member from a student of the teacher's classes: queued updates go, and
    every link to the student that still works is cancelled, so no link sent before can link
    them again (a new /family link works); from their last student, what is kept about them
    goes too (erase.forget_former_family). They are told, as a student's removal tells them,
    by `note` (their text, rendered before their language is forgotten): updates that
    stopped without a word looked like a broken phone (a parent cut off by a mis-tap)."""
    teaching.require_teacher(db, teacher_id)
    class_ids = [c.id for c in people.teacher_classes(db, teacher_id)]
    link = members.family_in_class(db, family_id, class_ids)
    if link is None:
        raise MemberNotFoundError("no such family link in this teacher's classes")
    told = note(link) if note is not None else None
    with db.atomic():
        erase.cancel_family_updates(db, link.telegram_id, link.student_id)
        members.revoke_links_to(db, link.student_id, now)
        members.delete_family(db, family_id)
        if told is not None:  # a goodbye: forget_former_family keeps it until delivered
            erase.tell_unlinked(db, link.telegram_id, told, now)
        # Linked to no child now: nothing about them is needed any more (their language too)
        erase.forget_former_family(db, link.telegram_id, now)
    erase.flush_deleted(db)
    return link


def link_to_revoke(db: Database, teacher_id: int, link_id: int,
                   now: datetime) -> members.OpenLink:
    """A family link of a student in the teacher's classes that still works (to confirm)."""
    teaching.require_teacher(db, teacher_id)
    class_ids = [c.id for c in people.teacher_classes(db, teacher_id)]
    found = members.link_in_classes(db, link_id, class_ids, now)
    if found is not None:
        return found
    if members.is_link_in_classes(db, link_id, class_ids):
        raise LinkGoneError("the family link was already cancelled or has expired")
    raise MemberNotFoundError("no such family link in this teacher's classes")


def revoke_link(db: Database, teacher_id: int, link_id: int, now: datetime) -> members.OpenLink:
    """Cancel a family link: nobody new can open it (those already linked stay linked)."""
    found = link_to_revoke(db, teacher_id, link_id, now)
    if not members.revoke_link(db, link_id, now):
        raise LinkGoneError("already cancelled")
    return found


def deletion_plan(db: Database, user_id: int) -> list[erase.ClassFate] | None:
    """What /deleteme will do to a teacher's classes (None when the user teaches nothing)."""
    if not people.is_teacher(db, user_id):
        return None
    return erase.teacher_plan(db, user_id)


def teacher_first_name(db: Database, teacher_id: int) -> str:
    """A teacher's first name as their colleagues know it ('' for none)."""
    return people.teacher_name(db, teacher_id) or ""


@dataclass(frozen=True)
class Farewell:
    """Who hears that a student deleted their data, read before anything is erased."""

    student_id: int
    first_name: str
    family_ids: tuple[int, ...]                # linked family members
    classes: tuple[tuple[int, int, str], ...]  # (teacher id, class id, class name)


def farewell(db: Database, user_id: int) -> Farewell | None:
    """The student's linked family members and the teachers (owners and co-teachers) of their
    classes, who are told of their /deleteme (None: no student account)."""
    student = people.get_student(db, user_id)
    if student is None:
        return None
    classes = []
    for class_id, teacher_id in people.teachers_by_class(db, user_id):
        found = people.class_by_id(db, class_id)
        if found is not None and teacher_id != user_id:  # a teacher trying the student side
            classes.append((teacher_id, class_id, found.name))
    return Farewell(user_id, student.first_name,
                    tuple(f for f in families.members_of(db, user_id) if f != user_id),
                    tuple(classes))


def family_farewell(db: Database, user_id: int) -> tuple[tuple[int, int, int, str], ...]:
    """Whom a family member's /deleteme is told to: (teacher id, student id, class id, child's
    first name) for each child they are linked to and each teacher of that child (in the
    child's first class of theirs); none for a student, who is told of as a student."""
    if people.get_student(db, user_id) is not None:
        return ()
    told: dict[tuple[int, int], tuple[int, int, int, str]] = {}
    for child in threads.children(db, user_id):
        for class_id, teacher_id in people.teachers_by_class(db, child.student_id):
            if teacher_id != user_id:  # a teacher linked as a family member knows already
                told.setdefault((teacher_id, child.student_id),
                                (teacher_id, child.student_id, class_id, child.first_name))
    return tuple(told.values())


Goodbye = erase.Goodbye  # a note about a deletion, to one chat


def delete_person(db: Database, user_id: int, goodbyes: Sequence[Goodbye] = (),
                  now: datetime | None = None) -> list[erase.ClassFate]:
    """Delete every row that names this user, as student, family member and teacher, and queue
    the goodbyes built before (in the same transaction: both happen, or neither); with `now`,
    record the erasure so a restored backup cannot bring them back."""
    return erase.erase_person(db, user_id, goodbyes, now)


def purge_old(db: Database, config: Config, now: datetime) -> erase.Purged:
    """Apply the retention limit: answers and finished messages older than N days go, and
    so does every student in no class who did nothing for that long (a teacher's /remove
    keeps the student's row for a rejoin; nothing needs it once the period has passed)."""
    cutoff = now - timedelta(days=config.privacy.retention_days)
    purged = erase.purge_before(db, cutoff)
    # a typed miss's text is kept overrule.KEEP_DAYS, for a teacher to count it right
    typed = typed_misses.forget_before(db, now - KEEP)
    texts = outbox.forget_text_before(db, now - timedelta(days=config.privacy.sent_text_days))
    gone = records.unenrolled_before(db, cutoff)
    for student_id in gone:  # their family links ended at the removal: nobody left to tell
        erase.erase_person(db, student_id, (), now)
    # the emptied texts' older page copies leave the log too (a reader: the next pass's)
    erase.flush_deleted(db, wait=False)
    return replace(purged, students=len(gone), typed=typed, texts=texts)



def chosen_language(db: Database, user_id: int) -> str | None:
    """The language this person chose: a student's confirmed home language, else a family
    member's own (None: they have not chosen one)."""
    student = people.get_student(db, user_id)
    if student is not None and student.language:
        return student.language
    return families.family_language(db, user_id)


@dataclass(frozen=True)
class Reader:
    """How a person reads Puente's messages: their language (None: nothing tells), and
    whether English comes first (a student at levels 5-6, scaffold.english_first)."""

    language: str | None
    english_first: bool = False


def reader(db: Database, user_id: int, phone: str | None = None) -> Reader:
    """The language to speak to this person (as `known_language` finds it) and, for a
    student, the order their two languages come in: read with the student's row in one
    statement, so a reply learns her level for no more than it cost to learn her language
    (a level-5 student read "All done for now" under its Arabic line, as levels 1-4 do)."""
    student, classes = people.student_with_classes(db, user_id)
    first = student is not None and scaffold_for(
        student_level((e.wida_level, e.level_by_teacher) for e in classes)).english_first
    if student is not None and student.language:
        return Reader(student.language, first)
    return Reader(_not_a_students_language(db, user_id, phone), first)


def known_language(db: Database, user_id: int, phone: str | None = None) -> str | None:
    """The language to speak to this person: the one they chose (a teacher too, with
    /language); for a family member (linked now or before) who chose none, the provisional
    one kept when they linked (their phone's then: every message, sent now or on Friday, in
    one language), else the one they last wrote to a teacher in, else their `phone`'s unless
    English (which says little), else their child's. With no phone to read
    (a message sent while they are not writing), a teacher reads the language they last
    pushed in (None: nothing tells)."""
    return reader(db, user_id, phone).language


def _not_a_students_language(db: Database, user_id: int, phone: str | None) -> str | None:
    """`known_language` for anyone but a student who chose a language."""
    teacher = people.teacher_choice(db, user_id)  # over her phone's: she chose it
    if teacher is not None:
        return teacher
    chosen = families.own_language(db, user_id)  # chosen, provisional, or written in
    if chosen or (phone and phone != "en"):
        return chosen or phone
    return families.known_language(db, user_id) or (
        people.teacher_language(db, user_id) if phone is None else None)


def reads_english_too(db: Database, user_id: int) -> bool:
    """Whether an explanation also comes in English: for a student (English is what they
    learn) and anyone whose language Puente only guesses; not for a teacher, who reads their
    phone's language, nor for a family member who chose theirs (a parent read "This phone is
    not linked" in English under the Somali line, playtest 10)."""
    if people.get_student(db, user_id) is not None:
        return True
    if people.is_teacher(db, user_id):
        return False
    return families.family_language(db, user_id) is None


def family_deletion(db: Database, user_id: int) -> tuple[str, ...] | None:
    """Whom /deleteme unlinks a family member from (none once they were unlinked, or their
    child deleted their data), or None when they have no family data (or are a student or a
    teacher, who read their own)."""
    if people.get_student(db, user_id) is not None or people.is_teacher(db, user_id):
        return None
    if not families.was_family(db, user_id):
        return None
    who = askers.asker(db, user_id)
    return tuple(child.first_name for child in who.children) if who else ()


def stranger_key(db: Database, user_id: int) -> str:
    """What someone in no class reads when they write: a family member no longer linked (they
    were unlinked, or their child deleted their data) how to link again; anyone else how
    students join and teachers sign up."""
    return "family-unlinked-text" if families.was_family(db, user_id) else "start-stranger"


def blocked(db: Database, user_id: int, now: datetime) -> None:
    """Remember that this person blocked the bot, so reminders and deliveries skip them."""
    people.mark_blocked(db, user_id, now)


def came_back(db: Database, user_id: int) -> None:
    """Remember that this person opened the chat again: pushes and reminders reach them."""
    people.mark_unblocked(db, user_id)


class Audience(StrEnum):
    """Whom a message comes from, as Telegram updates are routed to handlers."""

    STUDENT = "student"    # has a student account (a teacher trying the student side, too)
    TEACHER = "teacher"    # a teacher with no student account
    FAMILY = "family"      # a linked family member who is neither a student nor a teacher
    STRANGER = "stranger"  # nobody yet: they need a join code


@dataclass(frozen=True)
class Sender:
    audience: Audience
    student: people.Student | None = None  # the student's own row, for a student


def sender(db: Database, user_id: int) -> Sender:
    """Who is writing: a student account wins, then a teacher's, then a family link (a student
    costs one lookup, the rest at most three)."""
    student = people.get_student(db, user_id)
    if student is not None:
        if student.blocked:  # she writes, so she opened the chat again (her unblocking may
            # have reached no running Puente): no statement more for anyone else
            people.mark_unblocked(db, user_id)
            student = replace(student, blocked=False)
        return Sender(Audience.STUDENT, student)
    if people.is_teacher(db, user_id):
        return Sender(Audience.TEACHER)
    if families.is_family(db, user_id):
        return Sender(Audience.FAMILY)
    return Sender(Audience.STRANGER)
