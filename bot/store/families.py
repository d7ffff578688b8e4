"""Family members, linked to one student each, and the single-use links that connect them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from bot.store.clock import parse, stamp


@dataclass(frozen=True)
class FamilyLinkRow:
    student_id: int
    expires_at: datetime
    used: bool
    uses: int = 0                      # caregivers who linked with it
    revoked: bool = False              # a teacher cancelled it (or unlinked someone who used it)


@dataclass(frozen=True)
class FamilyRow:
    id: int
    telegram_id: int
    language: str
    student_id: int
    student_name: str
    started_at: datetime  # when the student first joined a class
    updates_on: bool = True  # False: this phone stopped them (/now still shows one)
    child_language: str | None = None  # the language the child learns with (her glosses)


def add_link(db: Database, code: str, student_id: int, teacher_id: int, now: datetime,
             expires_at: datetime) -> None:
    db.execute("INSERT INTO family_links (code, student_id, teacher_id, created_at, expires_at) "
               "VALUES (?, ?, ?, ?, ?)", [code, student_id, teacher_id, stamp(now),
                                          stamp(expires_at)])


def get_link(db: Database, code: str) -> FamilyLinkRow | None:
    row = db.execute("SELECT student_id, expires_at, used_at, uses, revoked_at FROM family_links "
                     "WHERE code = ?", [code]).fetchone()
    return FamilyLinkRow(row[0], parse(row[1]), row[2] is not None, row[3],
                         row[4] is not None) if row else None


def claim_link(db: Database, code: str, user_id: int, student_id: int, now: datetime,
               max_uses: int = 1, provisional: str | None = None,
               first_name: str | None = None) -> bool:
    """Link the family member with one of the link's `max_uses` places (a caregiver who is
    already linked takes none), remembering which link they opened; False when every place
    is taken or the link was cancelled. Until they choose a language, the link keeps their
    `provisional` one (their phone's), unless another of their links already has one."""
    with db.atomic():
        linked = db.execute("SELECT 1 FROM families WHERE telegram_id = ? AND student_id = ?",
                            [user_id, student_id]).fetchone()
        claimed = db.execute("UPDATE family_links SET used_at = coalesce(used_at, ?), "
                             "uses = uses + 1 WHERE code = ? AND uses < ? AND revoked_at IS NULL",
                             [stamp(now), code, max_uses]) if linked is None else None
        if claimed is not None and claimed.rowcount != 1:
            return False
        # The language they chose (on another child's link, or before they were unlinked) is
        # theirs on this link too: chosen per row, it was lost on the second child, with the
        # first child's /deleteme, and when a teacher unlinked them. One who has not chosen
        # keeps the language they are first spoken to in (their phone's), so that the weekly
        # update and every later message use it too, not their child's (playtest H1)
        # Their first name, as Telegram gives it (a teacher tells a grandfather from a cousin)
        db.execute("INSERT INTO families (telegram_id, student_id, linked_at, link_code, "
                   "language, first_name) VALUES (:user, :student, :now, :code, coalesce("
                   "(SELECT language FROM family_languages WHERE telegram_id = :user), "
                   + _PROVISIONAL + ", :provisional), :name) "
                   "ON CONFLICT(telegram_id, student_id) DO UPDATE SET updates_on = 1, "
                   "first_name = coalesce(excluded.first_name, first_name)",
                   {"user": user_id, "student": student_id, "now": stamp(now), "code": code,
                    "provisional": provisional, "name": first_name or None})
    return True


def set_first_name(db: Database, user_id: int, first_name: str) -> None:
    """Refresh a family member's first name on each of their links (from the message they
    just wrote: they may have changed it in Telegram)."""
    if first_name:
        db.execute("UPDATE families SET first_name = ? WHERE telegram_id = ? "
                   "AND first_name IS NOT ?", [first_name, user_id, first_name])


def member_names(db: Database, student_id: int) -> dict[int, str]:
    """The first names of a student's family members, by Telegram id (those known)."""
    rows = db.execute("SELECT telegram_id, first_name FROM families WHERE student_id = ? "
                      "AND first_name IS NOT NULL", [student_id]).fetchall()
    return {r[0]: r[1] for r in rows}


def is_family(db: Database, user_id: int) -> bool:
    return db.execute("SELECT 1 FROM families WHERE telegram_id = ?",
                      [user_id]).fetchone() is not None


def members_of(db: Database, student_id: int) -> list[int]:
    """The Telegram ids of the family members linked to a student."""
    rows = db.execute("SELECT telegram_id FROM families WHERE student_id = ? ORDER BY id",
                      [student_id]).fetchall()
    return [r[0] for r in rows]


def link_row(db: Database, user_id: int, student_id: int) -> int | None:
    """The id of this family member's link to this student (what /families unlinks)."""
    row = db.execute("SELECT id FROM families WHERE telegram_id = ? AND student_id = ?",
                     [user_id, student_id]).fetchone()
    return int(row[0]) if row else None


def is_linked(db: Database, user_id: int, student_id: int) -> bool:
    """Whether this family member is (still) linked to this student."""
    return db.execute("SELECT 1 FROM families WHERE telegram_id = ? AND student_id = ?",
                      [user_id, student_id]).fetchone() is not None


# The language a family member last wrote to a teacher in, as the relay detected it: the thread
# keeps the language of each message, never its text, so this stores nothing new.
def wrote_in_sql(telegram_id: str) -> str:
    """A subquery for the language the family member `telegram_id` (a column) last wrote in."""
    return ("(SELECT t.language FROM thread_messages t WHERE t.asker_id = "
            f"{telegram_id} AND t.asker_role = 'family' AND t.direction = 'ask' "
            "ORDER BY t.created_at DESC, t.id DESC LIMIT 1)")


def wrote_in(db: Database, user_id: int) -> str | None:
    """The language this person last wrote to a teacher in, as a family member."""
    row = db.execute("SELECT " + wrote_in_sql("?"), [user_id]).fetchone()
    return str(row[0]) if row and row[0] else None


# A family member's language on their links: the one they chose, else the provisional one kept
# when they linked (their phone's), the same on every link until they choose
_PROVISIONAL = ("(SELECT language FROM families WHERE telegram_id = :user "
                "AND language IS NOT NULL ORDER BY id LIMIT 1)")
_OWN = ("coalesce((SELECT language FROM family_languages WHERE telegram_id = :user), "
        + _PROVISIONAL + ", " + wrote_in_sql(":user"))


def own_language(db: Database, user_id: int) -> str | None:
    """A family member's own language: the one they chose, else the provisional one (their
    phone's when they linked), else the one they last wrote to a teacher in (None: none)."""
    row = db.execute("SELECT " + _OWN + ")", {"user": user_id}).fetchone()
    return str(row[0]) if row and row[0] else None


def keep_provisional(db: Database, user_id: int, code: str) -> None:
    """Keep `code` as the language of a family member who has none on any link yet."""
    db.execute("UPDATE families SET language = :code WHERE telegram_id = :user AND NOT EXISTS "
               "(SELECT 1 FROM families o WHERE o.telegram_id = :user "
               "AND o.language IS NOT NULL)", {"code": code, "user": user_id})


def known_language(db: Database, user_id: int) -> str | None:
    """A family member's language: their own (`own_language`), else their first linked
    child's home language (None: nothing tells)."""
    row = db.execute(
        "SELECT " + _OWN + ", "
        "(SELECT s.language FROM families f JOIN students s ON s.id = f.student_id "
        "WHERE f.telegram_id = :user AND s.language IS NOT NULL ORDER BY f.id LIMIT 1))",
        {"user": user_id}).fetchone()
    return str(row[0]) if row and row[0] else None


def was_family(db: Database, user_id: int) -> bool:
    """Whether this person has left anything as a family member: a link, their language, a
    message to a teacher, an update sent to them, or a note that their child deleted their
    data, or an answer about that child. Someone unlinked from their last child keeps only
    such a note, until it is delivered and its row purged (erase.forget_former_family). A
    teacher told of a deletion is asked first."""
    return db.execute(
        "SELECT EXISTS (SELECT 1 FROM families WHERE telegram_id = :user) "
        "OR EXISTS (SELECT 1 FROM family_languages WHERE telegram_id = :user) "
        "OR EXISTS (SELECT 1 FROM thread_messages WHERE asker_id = :user "
        "AND asker_role = 'family') OR EXISTS (SELECT 1 FROM outbox WHERE chat_id = :user "
        "AND kind IN ('family-update', 'goodbye')) "
        "OR EXISTS (SELECT 1 FROM gone_answers WHERE asker_id = :user)",
        {"user": user_id}).fetchone()[0] == 1


def family_language(db: Database, user_id: int) -> str | None:
    """The language a family member chose (kept while they are linked to a child)."""
    row = db.execute("SELECT language FROM family_languages WHERE telegram_id = ?",
                     [user_id]).fetchone()
    return str(row[0]) if row else None


def set_language(db: Database, user_id: int, code: str) -> None:
    """Store a family member's language for them (kept when they are unlinked) and on each of
    their links."""
    with db.atomic():
        db.execute("INSERT INTO family_languages (telegram_id, language) VALUES (?, ?) "
                   "ON CONFLICT(telegram_id) DO UPDATE SET language = excluded.language",
                   [user_id, code])
        db.execute("UPDATE families SET language = ? WHERE telegram_id = ?", [code, user_id])


@dataclass(frozen=True)
class LinkedChild:
    """A child this phone is linked to, and whether their weekly update comes to it."""

    student_id: int
    first_name: str
    updates_on: bool


def linked_children(db: Database, user_id: int) -> list[LinkedChild]:
    """The children a family member is linked to (siblings on a shared phone), by name."""
    rows = db.execute("SELECT s.id, s.first_name, f.updates_on FROM families f JOIN students s "
                      "ON s.id = f.student_id WHERE f.telegram_id = ? "
                      "ORDER BY s.first_name COLLATE NOCASE, s.id", [user_id]).fetchall()
    return [LinkedChild(r[0], r[1], bool(r[2])) for r in rows]


def set_updates(db: Database, user_id: int, on: bool, student_id: int | None = None) -> None:
    """Turn the weekly updates about one child (None: every child) on or off for this phone."""
    db.execute("UPDATE families SET updates_on = ? WHERE telegram_id = ? "
               "AND (? IS NULL OR student_id = ?)", [int(on), user_id, student_id, student_id])


def update_recipients(db: Database, only: int | None = None) -> list[FamilyRow]:
    """Families with updates on, or one Telegram user (asking with /now) whatever the setting,
    each in their language: chosen (on any child's link), else the one they wrote in, else the
    child's."""
    rows = db.execute(
        "SELECT f.id, f.telegram_id, coalesce(f.language, (SELECT o.language FROM families o "
        "WHERE o.telegram_id = f.telegram_id AND o.language IS NOT NULL LIMIT 1), " +
        wrote_in_sql("f.telegram_id") +
        ", s.language, 'en'), f.student_id, s.first_name, "
        "s.created_at, f.updates_on, s.language FROM families f "
        "JOIN students s ON s.id = f.student_id "
        "WHERE (f.updates_on = 1 OR ? IS NOT NULL) AND (? IS NULL OR f.telegram_id = ?)",
        [only, only, only]).fetchall()
    return [FamilyRow(*r[:5], parse(r[5]), bool(r[6]), r[7]) for r in rows]


def unchecked_notice_since(db: Database, chat_id: int, student_id: int, since: datetime
                           ) -> bool:
    """Whether a weekly update about this child, queued to this chat at or after `since`,
    said that some words were not checked by a speaker yet (its payload's `unchecked`)."""
    return db.execute(
        "SELECT 1 FROM outbox WHERE kind = 'family-update' AND chat_id = ? AND created_at >= ? "
        "AND json_extract(payload, '$.student_id') = ? "
        "AND json_extract(payload, '$.unchecked') = 1 LIMIT 1",
        [chat_id, stamp(since), student_id]).fetchone() is not None


def answered_since(db: Database, student_id: int, since: datetime) -> list[datetime]:
    """When the student answered anything since `since` (the days they practised)."""
    rows = db.execute("SELECT answered_at FROM attempts WHERE student_id = ? "
                      "AND answered_at >= ?", [student_id, stamp(since)]).fetchall()
    return [parse(r[0]) for r in rows]


def cards_read_since(db: Database, student_id: int, since: datetime) -> list[datetime]:
    """When the student first read each word's card since `since` (days she opened cards)."""
    rows = db.execute("SELECT shown_at FROM mastery WHERE student_id = ? AND shown_at >= ?",
                      [student_id, stamp(since)]).fetchall()
    return [parse(r[0]) for r in rows]
