"""Families: single-use links to one student, their own language, the weekly updates on or
off, and the notes their child's teachers get about them (the update itself: family_updates)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlite_utils import Database

from bot.config import SchoolConfig
from bot.domain.errors import PuenteError
from bot.domain.language import LANGUAGES
from bot.services.join import new_code, ranked_languages
from bot.services.pushes import next_allowed
from bot.services.student_lookup import StudentName, find_student, name_of
from bot.store import erase, families, outbox, people, threads
from bot.store import notes as store_notes

LINK_DAYS = 14
CAREGIVERS_PER_LINK = 4  # mother, father, grandmother, uncle: each with their own language
FAMILY_PREFIX = "f_"


class FamilyLinkError(PuenteError):
    prompt_key = "family-link-unknown"


class LinkFullError(FamilyLinkError):
    """Every place of a family link is taken: the one who opened it is told to ask for a new
    link, and the student's teachers are told once (`full_link_teachers`), or the teacher
    never learns why a grandmother says the link "does not work"."""

    prompt_key = "family-link-full"

    def __init__(self, code: str, student_id: int) -> None:
        super().__init__(count=CAREGIVERS_PER_LINK)
        self.code, self.student_id = code, student_id


@dataclass(frozen=True)
class FamilyLink:
    student_name: str
    payload: str  # what goes after ?start=
    student_id: int = 0
    language: str = "en"  # the invitation's language: the student's (the family's best guess)


def create_link(db: Database, teacher_id: int, who: str, now: datetime) -> FamilyLink:
    """A single-use link that connects one family member to one student of the teacher."""
    row, _ = find_student(db, teacher_id, who, "/family")
    code = new_code()
    families.add_link(db, code, row.student_id, teacher_id, now,
                      now + timedelta(days=LINK_DAYS))
    return FamilyLink(row.first_name, FAMILY_PREFIX + code, row.student_id,
                      row.language or "en")


def is_link(payload: str) -> bool:
    """Whether a /start code is a family link (not a class's join code)."""
    return payload.startswith(FAMILY_PREFIX)


@dataclass(frozen=True)
class LinkOpened:
    """Whom a family link connects the opener to."""

    name: str             # the student's first name
    student_id: int = 0   # whom they are linked to now (0: nothing changed)
    already: bool = False  # linked before; the link no longer works, so nothing changed
    own: str = ""         # the child opened their own family's link: its code, to offer
    #                       linking this account for the family too (a shared phone)


def use_link(db: Database, user_id: int, payload: str, now: datetime,
             phone: str | None = None, first_name: str | None = None) -> LinkOpened:
    """Link the family member who opened the link to its student, with their `first_name`
    (so the teacher tells them apart); until they choose a language, their `phone`'s (one
    Puente has messages in) is kept as theirs."""
    code = payload.removeprefix(FAMILY_PREFIX)
    link = families.get_link(db, code)
    if link is None:
        raise FamilyLinkError()
    if (link.revoked or link.expires_at <= now) and \
            families.is_linked(db, user_id, link.student_id):
        # Someone still linked opening an old link is told they still are, not "cancelled"
        return LinkOpened(_first_name(db, link.student_id), already=True)
    _still_works(link, now)
    if link.student_id == user_id:  # the child: nothing changes until they say a parent
        name = _first_name(db, user_id)  # uses this phone too (link_shared_phone)
        return LinkOpened(name, already=True) if families.is_linked(db, user_id, user_id) \
            else LinkOpened(name, own=code)
    if not families.claim_link(db, code, user_id, link.student_id, now, CAREGIVERS_PER_LINK,
                               provisional=phone, first_name=first_name):
        raise LinkFullError(code, link.student_id)
    return LinkOpened(_first_name(db, link.student_id), link.student_id)


# A family with one Telegram account, the child's (playtest M3): the child opening the family's
# link on it was told to give the link to the family, who had no other way in. Now the child
# is asked whether a family member uses this phone too, and a tap links this same account as
# the family of this one child: the weekly update comes to it, addressed to the family, in the
# child's home language (the family's best guess, since nobody else can choose it here). It
# shows no one else's data: the button names the link, which must still be this child's own
# (a code for any other student's link is refused), and the update holds only what the child
# already sees in /progress. Each of the child's teachers is told, and /families can unlink it.
def link_shared_phone(db: Database, user_id: int, payload: str, now: datetime) -> LinkOpened:
    """Link a student's own account as their family's (a shared phone), with their own
    family link; anything but a working link to this student is refused."""
    code = payload.removeprefix(FAMILY_PREFIX)
    link = families.get_link(db, code)
    if link is None or link.student_id != user_id:
        raise FamilyLinkError(prompt_key="family-link-unknown")
    if families.is_linked(db, user_id, user_id):
        return LinkOpened(_first_name(db, user_id), already=True)
    _still_works(link, now)
    if not families.claim_link(db, code, user_id, user_id, now, CAREGIVERS_PER_LINK):
        raise LinkFullError(code, user_id)
    return LinkOpened(_first_name(db, user_id))


def shares_phone(db: Database, user_id: int) -> bool:
    """Whether this student's own account is linked as their family's too (a shared phone):
    its family updates come in the student's home language."""
    return families.is_linked(db, user_id, user_id)


def _still_works(link: families.FamilyLinkRow, now: datetime) -> None:
    """Refuse a link the teacher cancelled, or one past its days."""
    if link.revoked:
        raise FamilyLinkError(prompt_key="family-link-revoked")
    if link.expires_at <= now:
        raise FamilyLinkError(prompt_key="family-link-expired")


def _first_name(db: Database, student_id: int) -> str:
    student = people.get_student(db, student_id)
    return student.first_name if student else ""




def likely_languages(db: Database, user_id: int, phone_language: str | None,
                     school: Sequence[str]) -> list[str]:
    """A family member's likeliest languages, best first: the one they last wrote to a teacher
    in, their phone's (unless English, which says little), then their children's home
    languages, then the school's."""
    children = [people.get_student(db, c.student_id) for c in threads.children(db, user_id)]
    return ranked_languages([families.wrote_in(db, user_id), phone_language,
                             *(c.language for c in children if c)], school)


def reads_phone_english(db: Database, user_id: int, phone: str | None) -> bool:
    """Whether a family member's phone is in English and they have no language of their own
    yet (chosen, kept, or written in): their welcome and language menu put English first, not
    their child's language (a cousin who reads English got Somali first, then "↩️ Ku noqo af
    Soomaali" after choosing English; playtest)."""
    return phone == "en" and families.own_language(db, user_id) is None \
        and people.get_student(db, user_id) is None


def keep_phone_language(db: Database, user_id: int, phone: str | None) -> None:
    """A family member linked before their phone's language was kept at link time, who has
    no language yet (chosen, kept, or written in): keep their phone's (one Puente has messages
    in, not English) now, so Friday's update speaks it as /now and /help do. A student's
    family updates (a shared phone) follow the student's home language instead."""
    if phone and phone != "en" and families.own_language(db, user_id) is None \
            and people.get_student(db, user_id) is None:
        families.keep_provisional(db, user_id, phone)


is_family = families.is_family
remember_name = families.set_first_name  # refreshed by each message they write
linked_children = families.linked_children
set_updates = families.set_updates
LinkedChild = families.LinkedChild


class UpdatesButtonError(PuenteError):
    """A stop/resume button about a child this phone is not linked to (any more): forged, or
    left from before a teacher unlinked them."""

    prompt_key = "family-updates-stale"


@dataclass(frozen=True)
class UpdatesChange:
    """What /stop or /start (or a tap on a child's name after them) did to the weekly updates
    on one phone."""

    changed: tuple[str, ...] = ()              # first names of the children whose updates changed
    choose: tuple[LinkedChild, ...] = ()       # two or more to choose between: nothing changed
    shared: bool = False                       # the phone is linked to two or more children
    every: bool = False                        # "All" was chosen
    confirm: bool = False                      # the child's own phone: stop `choose` on a tap


def change_updates(db: Database, user_id: int, on: bool) -> UpdatesChange:
    """/stop (`on` False) or /start after /stop (`on` True): with one child whose updates would
    change, change them; with two or more, change nothing and return them to choose between
    (a shared phone's /stop silently stopped every sibling's updates, playtest)."""
    children = families.linked_children(db, user_id)
    candidates = [c for c in children if c.updates_on != on]
    if len(candidates) >= 2:
        return UpdatesChange(choose=tuple(candidates), shared=True)
    if not candidates:
        return UpdatesChange(shared=len(children) > 1)
    if not on and shares_phone(db, user_id):
        # The child's own phone, linked as the family's too: the update lands among the
        # child's cards, and a child's stray /stop must not end the family's updates
        # silently; one tap confirms (playtest, Widlene and her grandmother)
        return UpdatesChange(choose=tuple(candidates), confirm=True)
    return choose_updates(db, user_id, candidates[0].student_id, on)


def choose_updates(db: Database, user_id: int, student_id: int | None, on: bool
                   ) -> UpdatesChange:
    """Turn the weekly updates about one child (None: all of them) on or off for this phone;
    a stopped child's update waiting for the morning (quiet hours) is not sent either."""
    children = families.linked_children(db, user_id)
    chosen = [c for c in children if student_id is None or c.student_id == student_id]
    if not chosen:
        raise UpdatesButtonError(student_id)
    with db.atomic():
        for child in chosen:
            families.set_updates(db, user_id, on, child.student_id)
            if not on:
                erase.cancel_family_updates(db, user_id, child.student_id)
    return UpdatesChange(changed=tuple(c.first_name for c in chosen), shared=len(children) > 1,
                         every=student_id is None)


def stopped_children(db: Database, user_id: int) -> list[LinkedChild]:
    """The children whose weekly updates this phone stopped (a student who is a sibling's
    family member too: their /start is a student's, so it tells them)."""
    return [c for c in families.linked_children(db, user_id) if not c.updates_on]


def all_stopped(db: Database, user_id: int) -> bool:
    """Whether this phone stopped the weekly updates about every child it is linked to: its
    help and messages then say how to get them again, not how to stop them."""
    children = families.linked_children(db, user_id)
    return bool(children) and not any(c.updates_on for c in children)


def set_language(db: Database, user_id: int, code: str) -> bool:
    """Store the family member's own language (it may differ from the student's); return
    whether it changed, so the teachers hear about a new language once, not at every tap."""
    if code not in LANGUAGES:
        raise PuenteError(code, prompt_key="error-unknown-language")
    changed = families.family_language(db, user_id) != code
    families.set_language(db, user_id, code)
    return changed


def teachers_to_tell(db: Database, user_id: int) -> list[tuple[int, int, StudentName]]:
    """(teacher id, child's id, the child as that teacher reads them) for each teacher of the
    family member's children."""
    return [(teacher_id, child.student_id,
             name_of(db, teacher_id, child.student_id, first_name=child.first_name))
            for child in threads.children(db, user_id)
            for teacher_id in dict.fromkeys(people.teachers_of(db, child.student_id))]


# A family member's language note is booked this long ahead (and past the teacher's quiet
# hours): a choice changed or undone meanwhile ("↩️ Back to …") replaces it, so the teacher
# hears once, of the final language, and never of one the member left again at once. No
# background race: the booked row is due later, so no deliverer claims it meanwhile, and
# replacing it deletes only a row never claimed (notes.withdraw_language_notes), in the
# transaction that books the new one; a note the family member writes after is preceded by
# it (hurry_language_notes).
LANGUAGE_NOTE_WAIT = timedelta(minutes=2)


def queue_language_notes(db: Database, user_id: int, code: str,
                         notes: list[tuple[int, int, str]], now: datetime,
                         school: SchoolConfig) -> int:
    """After a family member chose `code`: replace their language notes not sent yet with
    these rendered ones (none: the new language needs no note), leaving out each teacher
    already told of `code` about that child; return how many were booked."""
    with db.atomic():
        store_notes.withdraw_language_notes(db, user_id)
        told = store_notes.told_languages(db, user_id)
        fresh = [(t, s, text) for t, s, text in notes if told.get((t, s)) != code]
        due = next_allowed(now + LANGUAGE_NOTE_WAIT, school)
        for teacher_id, student_id, text in fresh:
            outbox.enqueue(db, None, teacher_id, store_notes.FAMILY_NOTE,
                           {"text": text, "buttons": [], "student_id": student_id,
                            "family_id": user_id, "language": code}, due, now)
    return len(fresh)


def full_link_teachers(db: Database, full: LinkFullError) -> list[tuple[int, StudentName]]:
    """(teacher id, the student as that teacher reads them) for each teacher of the student
    a full link is for; none once they were told about this link (a grandmother who tries
    again and again is one note, not one each time)."""
    if store_notes.told_full_link(db, full.code):
        return []
    return [(teacher_id, name_of(db, teacher_id, full.student_id))
            for teacher_id in dict.fromkeys(people.teachers_of(db, full.student_id))]


def queue_full_link_notes(db: Database, full: LinkFullError, notes: list[tuple[int, str]],
                          now: datetime) -> int:
    """Queue one rendered note per teacher that a family member was turned away by this full
    link, unless a note about it is already queued or sent (two attempts at once: the check
    is in the transaction that books). The note names the student, never the one turned away
    (they are nobody's family member here), so it goes when the student's data does."""
    with db.atomic():
        if store_notes.told_full_link(db, full.code):
            return 0
        for teacher_id, text in notes:
            outbox.enqueue(db, None, teacher_id, store_notes.FAMILY_NOTE,
                           {"text": text, "buttons": [], "student_id": full.student_id,
                            "full_link": full.code}, now, now)
    return len(notes)


def queue_teacher_notes(db: Database, user_id: int, notes: list[tuple[int, int, str]],
                        now: datetime) -> int:
    """Queue one rendered note per (teacher, child) about this family member (through the
    outbox: a teacher's quiet hours). Each row names the child and the family member, so it
    goes when either deletes their data."""
    with db.atomic():
        for teacher_id, student_id, text in notes:
            outbox.enqueue(db, None, teacher_id, store_notes.FAMILY_NOTE,
                           {"text": text, "buttons": [], "student_id": student_id,
                            "family_id": user_id}, now, now)
    return len(notes)


# A family link works for up to four people over two weeks, so a link forwarded in a parents'
# group let another parent link to someone else's child and read their updates, and nobody
# was told (playtest). Now each new link is told at once to the child's teachers, with an
# Unlink button (the /families one, checked again on the tap), and to every family member
# already linked to the child, who knows best whether the newcomer is family: first names
# only, nothing else about anyone.
@dataclass(frozen=True)
class LinkNews:
    """Who hears that a family member just linked to a student, and the link's row id (what
    the teachers' Unlink button names)."""

    family_id: int
    teachers: tuple[tuple[int, StudentName], ...]  # each teacher, and the child as they read them
    members: tuple[int, ...]                       # the family members linked before


def link_news(db: Database, user_id: int, student_id: int) -> LinkNews | None:
    """Who to tell that `user_id` just linked to `student_id` (None: they are not linked)."""
    family_id = families.link_row(db, user_id, student_id)
    if family_id is None:
        return None
    child = _first_name(db, student_id)
    return LinkNews(family_id, tuple(
        (teacher_id, name_of(db, teacher_id, student_id, first_name=child))
        for teacher_id in dict.fromkeys(people.teachers_of(db, student_id))),
        tuple(m for m in families.members_of(db, student_id) if m != user_id))


def queue_link_news(db: Database, user_id: int, student_id: int,
                    notes: Sequence[tuple[int, str, list[list[list[str]]]]],
                    now: datetime, waiting: Collection[int] = ()) -> int:
    """Queue each rendered note (chat, text, buttons) about a new family link, due now: each
    names the child and the new family member, so it goes when either deletes their data.
    The notes to `waiting` (teachers: the new member is choosing a language) wait
    LANGUAGE_NOTE_WAIT, replaced by notes naming it when they choose (retell_link)."""
    with db.atomic():
        for chat_id, text, rows in notes:
            later = chat_id in waiting
            outbox.enqueue(db, None, chat_id, store_notes.FAMILY_NOTE,
                           {"text": text, "buttons": [], "rows": rows,
                            "student_id": student_id, "family_id": user_id,
                            **({"link": 1} if later else {})},
                           now + LANGUAGE_NOTE_WAIT if later else now, now)
    return len(notes)


def link_notes_waiting(db: Database, user_id: int) -> list[int]:
    """Take back this family member's link notes still waiting for their language (none
    claimed by the deliverer yet): the students whose teachers should be told again, now,
    with the language just chosen."""
    with db.atomic():
        return store_notes.withdraw_link_notes(db, user_id)
