"""Who belongs to a class: co-teachers and their codes, removals, family links by class."""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from bot.store.clock import parse, stamp
from bot.store.families import wrote_in_sql


@dataclass(frozen=True)
class FamilyListing:
    family_id: int
    telegram_id: int
    student_id: int
    student_name: str
    language: str | None
    linked_at: datetime
    link_code: str | None = None       # the link they opened (None: linked before links were kept)
    likely: str | None = None          # not chosen: their phone's, written in, the child's
    updates_on: bool = True            # False: they stopped the weekly updates (/stop)
    first_name: str | None = None      # theirs, as Telegram gave it (None: not known)


@dataclass(frozen=True)
class OpenLink:
    """A family link that still works: not cancelled and not expired (it may be used up)."""

    link_id: int
    student_id: int
    student_name: str
    created_at: datetime
    expires_at: datetime
    uses: int


def add_coteach_code(db: Database, code: str, class_id: int, teacher_id: int, now: datetime,
                     expires_at: datetime) -> None:
    db.execute("INSERT INTO coteach_codes (code, class_id, created_by, created_at, expires_at) "
               "VALUES (?, ?, ?, ?, ?)",
               [code, class_id, teacher_id, stamp(now), stamp(expires_at)])


def live_coteach_code(db: Database, class_id: int, teacher_id: int, now: datetime
                      ) -> tuple[str, datetime] | None:
    """The newest co-teacher code this teacher made for the class that still works (unused,
    not expired), with when it expires; None when there is none."""
    row = db.execute("SELECT code, expires_at FROM coteach_codes WHERE class_id = ? "
                     "AND created_by = ? AND used_at IS NULL AND expires_at > ? "
                     "ORDER BY created_at DESC, rowid DESC LIMIT 1",
                     [class_id, teacher_id, stamp(now)]).fetchone()
    return (str(row[0]), parse(row[1])) if row else None


def revoke_coteach_codes(db: Database, class_id: int, teacher_id: int) -> int:
    """End every unused co-teacher code this teacher made for the class (a used one is
    history: it names who joined); how many ended."""
    return int(db.execute("DELETE FROM coteach_codes WHERE class_id = ? AND created_by = ? "
                          "AND used_at IS NULL", [class_id, teacher_id]).rowcount)


def is_coteach_code(db: Database, code: str) -> bool:
    return db.execute("SELECT 1 FROM coteach_codes WHERE code = ?",
                      [code]).fetchone() is not None


def coteach_code_class(db: Database, code: str, now: datetime) -> int | None:
    """The class a still-working co-teacher code is for, without using it up."""
    row = db.execute("SELECT class_id FROM coteach_codes WHERE code = ? AND used_at IS NULL "
                     "AND expires_at > ?", [code, stamp(now)]).fetchone()
    return int(row[0]) if row else None


def claim_coteach_code(db: Database, code: str, now: datetime) -> int | None:
    """Use a co-teacher code once; return its class id, or None (unknown, used or expired)."""
    with db.atomic():
        row = db.execute("SELECT class_id FROM coteach_codes WHERE code = ? AND used_at IS NULL "
                         "AND expires_at > ?", [code, stamp(now)]).fetchone()
        if row is None:
            return None
        db.execute("UPDATE coteach_codes SET used_at = ? WHERE code = ?", [stamp(now), code])
    return int(row[0])


def add_co_teacher(db: Database, class_id: int, teacher_id: int, now: datetime) -> None:
    """Add a co-teacher (idempotent; the owner is never added as their own co-teacher)."""
    db.execute("INSERT OR IGNORE INTO class_teachers (class_id, teacher_id, added_at) "
               "SELECT id, ?, ? FROM classes WHERE id = ? AND teacher_id != ?",
               [teacher_id, stamp(now), class_id, teacher_id])


def remove_enrollment(db: Database, student_id: int, class_id: int) -> bool:
    """Take a student out of one class; False when they were not in it."""
    cursor = db.execute("DELETE FROM enrollments WHERE student_id = ? AND class_id = ?",
                        [student_id, class_id])
    return cursor.rowcount == 1


# The language they chose, else (likely) the provisional one kept when they linked (their
# phone's), the one they write in, their child's: a link's language is only provisional
_FAMILY = ("SELECT f.id, f.telegram_id, s.id, s.first_name, (SELECT l.language FROM "
           "family_languages l WHERE l.telegram_id = f.telegram_id), f.linked_at, "
           "f.link_code, coalesce(f.language, " + wrote_in_sql("f.telegram_id") +
           ", s.language), "
           "f.updates_on, f.first_name FROM families f JOIN students s ON s.id = f.student_id ")


def _family(r: tuple[Any, ...]) -> FamilyListing:
    return FamilyListing(r[0], r[1], r[2], r[3], r[4], parse(r[5]), r[6], r[7], bool(r[8]),
                         r[9] or None)


def class_families(db: Database, class_id: int) -> list[FamilyListing]:
    """Family links of the students of one class, by student name."""
    rows = db.execute(
        _FAMILY + "JOIN enrollments e ON e.student_id = s.id WHERE e.class_id = ? "
        "ORDER BY s.first_name COLLATE NOCASE, f.id", [class_id]).fetchall()
    return [_family(r) for r in rows]


def without_family(db: Database, class_id: int) -> list[int]:
    """The students of a class with no family member linked (blocked or not), by name: who a
    message "to families" cannot reach."""
    rows = db.execute(
        "SELECT s.id FROM students s JOIN enrollments e ON e.student_id = s.id "
        "WHERE e.class_id = ? AND NOT EXISTS (SELECT 1 FROM families f "
        "WHERE f.student_id = s.id) ORDER BY s.first_name COLLATE NOCASE, s.id",
        [class_id]).fetchall()
    return [r[0] for r in rows]


def family_in_class(db: Database, family_id: int, class_ids: list[int]) -> FamilyListing | None:
    """A family link, when its student is in one of these classes (the teacher's)."""
    marks = ",".join("?" * len(class_ids)) or "NULL"
    row = db.execute(
        _FAMILY + "WHERE f.id = ? AND EXISTS (SELECT 1 FROM enrollments e WHERE "
        f"e.student_id = s.id AND e.class_id IN ({marks}))", [family_id, *class_ids]).fetchone()
    return _family(row) if row else None


_ANY_LINK = ("SELECT l.rowid, s.id, s.first_name, l.created_at, l.expires_at, l.uses "
             "FROM family_links l JOIN students s ON s.id = l.student_id ")
_LINK = _ANY_LINK + "WHERE l.revoked_at IS NULL AND l.expires_at > ? "


def _link(r: tuple[Any, ...]) -> OpenLink:
    return OpenLink(r[0], r[1], r[2], parse(r[3]), parse(r[4]), r[5])


def class_links(db: Database, class_id: int, now: datetime) -> list[OpenLink]:
    """The family links of one class's students that still work, by student name."""
    rows = db.execute(
        _LINK + "AND EXISTS (SELECT 1 FROM enrollments e WHERE e.student_id = s.id "
        "AND e.class_id = ?) ORDER BY s.first_name COLLATE NOCASE, l.created_at",
        [stamp(now), class_id]).fetchall()
    return [_link(r) for r in rows]


def link_in_classes(db: Database, link_id: int, class_ids: list[int],
                    now: datetime) -> OpenLink | None:
    """A family link that still works, when its student is in one of these classes."""
    marks = ",".join("?" * len(class_ids)) or "NULL"
    row = db.execute(
        _LINK + "AND l.rowid = ? AND EXISTS (SELECT 1 FROM enrollments e WHERE "
        f"e.student_id = s.id AND e.class_id IN ({marks}))",
        [stamp(now), link_id, *class_ids]).fetchone()
    return _link(row) if row else None


def is_link_in_classes(db: Database, link_id: int, class_ids: list[int]) -> bool:
    """Whether a family link, working or not (cancelled, expired), is for a student in one of
    these classes."""
    marks = ",".join("?" * len(class_ids)) or "NULL"
    return db.execute(
        _ANY_LINK + "WHERE l.rowid = ? AND EXISTS (SELECT 1 FROM enrollments e WHERE "
        f"e.student_id = s.id AND e.class_id IN ({marks}))", [link_id, *class_ids]
    ).fetchone() is not None


def revoke_link(db: Database, link_id: int, now: datetime) -> bool:
    """Cancel a family link: nobody new can open it; False when it was already cancelled."""
    return db.execute("UPDATE family_links SET revoked_at = ? WHERE rowid = ? "
                      "AND revoked_at IS NULL", [stamp(now), link_id]).rowcount == 1


def revoke_links_to(db: Database, student_id: int, now: datetime) -> int:
    """Cancel every family link to this student that still works; return how many.

    Unlinking someone must hold whichever link they hold: the teacher may have sent two, and
    a link does not say who has it (cancelling only the one they opened let them back in
    through the other). Those already linked stay linked; a new link made after works."""
    return db.execute("UPDATE family_links SET revoked_at = ? WHERE revoked_at IS NULL "
                      "AND student_id = ?", [stamp(now), student_id]).rowcount


def delete_family(db: Database, family_id: int) -> None:
    db.execute("DELETE FROM families WHERE id = ?", [family_id])


@dataclass(frozen=True)
class ClassTeacher:
    """One teacher of a class: the teacher who created it (`owner`), or a co-teacher."""

    class_id: int
    teacher_id: int
    first_name: str
    owner: bool


def class_teachers(db: Database, class_ids: Collection[int]) -> list[ClassTeacher]:
    """The teachers of these classes in one query (/classes names them for every class): by
    class, the one who created it first, then co-teachers in the order they joined."""
    rows = db.execute(
        "SELECT c.id, t.id, t.first_name, 1, '' FROM classes c JOIN teachers t "
        "ON t.id = c.teacher_id WHERE c.id IN (SELECT value FROM json_each(:ids)) UNION ALL "
        "SELECT ct.class_id, t.id, t.first_name, 0, ct.added_at FROM class_teachers ct "
        "JOIN teachers t ON t.id = ct.teacher_id "
        "WHERE ct.class_id IN (SELECT value FROM json_each(:ids)) ORDER BY 1, 4 DESC, 5, 2",
        {"ids": json.dumps(sorted(class_ids))}).fetchall()
    return [ClassTeacher(r[0], r[1], r[2], bool(r[3])) for r in rows]


def remove_co_teacher(db: Database, class_id: int, teacher_id: int) -> bool:
    """Take a co-teacher off a class, with the co-teacher codes they made for it and nobody
    used (a code of theirs would let a friend of theirs in after them); False when they were
    not its co-teacher."""
    with db.atomic():
        gone = db.execute("DELETE FROM class_teachers WHERE class_id = ? AND teacher_id = ?",
                          [class_id, teacher_id]).rowcount == 1
        db.execute("DELETE FROM coteach_codes WHERE class_id = ? AND created_by = ? "
                   "AND used_at IS NULL", [class_id, teacher_id])
        if gone:
            db.execute(_WAITING_ABOUT_CLASS, {"teacher": teacher_id, "class": class_id})
    return gone


# The notes still waiting to go to a co-teacher taken off a class that are about it: one
# naming the class, or a student of it they no longer teach in another class (a join note,
# a family's message, a level set, a quiet student). Playtest: a co-teacher removed at 19:01
# read "👋 Samira joined Chem 11: Somali ... phone English" at 19:02.
_GONE_STUDENTS = (
    "SELECT student_id FROM enrollments WHERE class_id = :class AND student_id NOT IN "
    "(SELECT student_id FROM enrollments WHERE class_id IN (SELECT id FROM classes WHERE "
    "teacher_id = :teacher UNION SELECT class_id FROM class_teachers "
    "WHERE teacher_id = :teacher))")
_WAITING_ABOUT_CLASS = (
    "DELETE FROM outbox WHERE chat_id = :teacher AND status = 'pending' AND ("
    "json_extract(payload, '$.class_id') = :class "
    f"OR json_extract(payload, '$.student_id') IN ({_GONE_STUDENTS}) "
    "OR EXISTS (SELECT 1 FROM json_each(outbox.payload, '$.student_ids') "
    f"WHERE value IN ({_GONE_STUDENTS})))")


# A co-teacher's removal, remembered as a sent, text-less outbox row to his chat (as rest days
# and reminders are: no migration): his /roster then says he was taken off the class, not
# "You have no class yet" as if he never had one (Chem 11 playtest). It goes with his chat's
# rows when he deletes his data, and with `about_teacher` when the class's creator does.
REMOVED = "coteach-removed"


@dataclass(frozen=True)
class Removal:
    """A class a teacher was taken off and does not teach now, and who took them off."""

    class_id: int
    class_name: str
    by: str  # the first name of the class's creator


def note_removal(db: Database, class_id: int, teacher_id: int, creator_id: int,
                 now: datetime) -> None:
    """Remember that the creator took this co-teacher off the class."""
    db.execute("INSERT INTO outbox (push_id, chat_id, kind, payload, status, not_before, "
               "created_at, sent_at) VALUES (NULL, ?, ?, json_object('class_id', ?, "
               "'about_teacher', ?), 'sent', ?, ?, ?)",
               [teacher_id, REMOVED, class_id, creator_id, stamp(now), stamp(now), stamp(now)])


def removals(db: Database, teacher_id: int) -> list[Removal]:
    """The classes this teacher was taken off and does not teach again since, the latest
    removal first."""
    rows = db.execute(
        "SELECT c.id, c.name, t.first_name FROM outbox o JOIN classes c "
        "ON c.id = json_extract(o.payload, '$.class_id') JOIN teachers t ON t.id = c.teacher_id "
        "WHERE o.chat_id = :teacher AND o.kind = :kind AND c.teacher_id != :teacher "
        "AND NOT EXISTS (SELECT 1 FROM class_teachers ct WHERE ct.class_id = c.id "
        "AND ct.teacher_id = :teacher) GROUP BY c.id ORDER BY max(o.id) DESC",
        {"teacher": teacher_id, "kind": REMOVED}).fetchall()
    return [Removal(r[0], r[1], r[2]) for r in rows]


# His answers to a family or student of the class still waiting in the outbox (quiet hours:
# written at 21:00, they go at 07:00), none of whose parts was sent or tried (postponed
# ones were only leased), about a student he no
# longer teaches in another class
_WAITING_ANSWERS = (
    "SELECT DISTINCT json_extract(o.payload, '$.answer_id') FROM outbox o "
    "JOIN thread_messages t ON t.id = json_extract(o.payload, '$.answer_id') "
    "WHERE o.kind = 'answer' AND o.status = 'pending' AND t.direction = 'answer' "
    f"AND t.teacher_id = :teacher AND t.student_id IN ({_GONE_STUDENTS}) "
    "AND NOT EXISTS (SELECT 1 FROM outbox x WHERE x.kind = 'answer' "
    "AND json_extract(x.payload, '$.answer_id') = t.id AND (x.status != 'pending' "
    "OR x.lease_owner IS NOT NULL OR x.tries > 0))")  # tries: a send that failed may have gone


@dataclass(frozen=True)
class TakenBack:
    """A co-teacher's message that was not sent: the student it was about, and whether he
    wrote first (/write: no family message waits for it)."""

    student_id: int
    started: bool


def take_back_answers(db: Database, teacher_id: int, class_id: int) -> list[TakenBack]:
    """Take back a co-teacher's answers (and messages he wrote first) about the class's
    students that have not begun to go (he was taken off the class meanwhile), and mark the
    messages they answered waiting again, so its other teachers see them unanswered."""
    taken = []
    with db.atomic():
        for (answer_id,) in db.execute(_WAITING_ANSWERS,
                                       {"teacher": teacher_id, "class": class_id}).fetchall():
            student_id, asker_id, at, started = db.execute(
                "SELECT student_id, asker_id, created_at, started FROM thread_messages "
                "WHERE id = ?", [answer_id]).fetchone()
            db.execute("DELETE FROM outbox WHERE kind = 'answer' "
                       "AND json_extract(payload, '$.answer_id') = ?", [answer_id])
            if not started:
                db.execute("UPDATE thread_messages SET answered_at = NULL WHERE direction = "
                           "'ask' AND asker_id = ? AND student_id = ? AND answered_at = ?",
                           [asker_id, student_id, at])
            db.execute("DELETE FROM thread_messages WHERE id = ?", [answer_id])
            taken.append(TakenBack(int(student_id), bool(started)))
    return taken
