"""Families: single-use links to one student, their own language, weekly bilingual updates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlite_utils import Database

from bot.domain.errors import PuenteError
from bot.domain.language import LANGUAGES
from bot.services.join import new_code
from bot.services.teaching import find_student
from bot.store import people
from bot.store.clock import parse, stamp
from bot.store.packs import words_by_id

LINK_DAYS = 14
FAMILY_PREFIX = "f_"


class FamilyLinkError(PuenteError):
    prompt_key = "family-link-unknown"


@dataclass(frozen=True)
class FamilyLink:
    student_name: str
    payload: str  # what goes after ?start=


def create_link(db: Database, teacher_id: int, who: str, now: datetime) -> FamilyLink:
    """A single-use link that connects one family member to one student of the teacher."""
    row, _ = find_student(db, teacher_id, who)
    code = new_code()
    db.execute("INSERT INTO family_links (code, student_id, teacher_id, created_at, expires_at) "
               "VALUES (?, ?, ?, ?, ?)", [code, row.student_id, teacher_id, stamp(now),
                                          stamp(now + timedelta(days=LINK_DAYS))])
    return FamilyLink(row.first_name, FAMILY_PREFIX + code)


def use_link(db: Database, user_id: int, payload: str, now: datetime) -> str:
    """Link the family member who opened the link; return the student's first name."""
    code = payload.removeprefix(FAMILY_PREFIX)
    row = db.execute("SELECT student_id, expires_at, used_at FROM family_links WHERE code = ?",
                     [code]).fetchone()
    if row is None:
        raise FamilyLinkError()
    student_id, expires_at, used_at = row
    if used_at is not None:
        raise FamilyLinkError(prompt_key="family-link-used")
    if parse(expires_at) <= now:
        raise FamilyLinkError(prompt_key="family-link-expired")
    with db.atomic():
        claimed = db.execute("UPDATE family_links SET used_at = ? WHERE code = ? "
                             "AND used_at IS NULL", [stamp(now), code])
        if claimed.rowcount != 1:
            raise FamilyLinkError(prompt_key="family-link-used")
        db.execute("INSERT INTO families (telegram_id, student_id, linked_at) VALUES (?, ?, ?) "
                   "ON CONFLICT(telegram_id, student_id) DO UPDATE SET updates_on = 1",
                   [user_id, student_id, stamp(now)])
    student = people.get_student(db, student_id)
    return student.first_name if student else ""


def is_family(db: Database, user_id: int) -> bool:
    return db.execute("SELECT 1 FROM families WHERE telegram_id = ?",
                      [user_id]).fetchone() is not None


def set_language(db: Database, user_id: int, code: str) -> None:
    """Store the family member's own language (it may differ from the student's)."""
    if code not in LANGUAGES:
        raise PuenteError(code, prompt_key="error-unknown-language")
    db.execute("UPDATE families SET language = ? WHERE telegram_id = ?", [code, user_id])


def set_updates(db: Database, user_id: int, on: bool) -> None:
    db.execute("UPDATE families SET updates_on = ? WHERE telegram_id = ?", [int(on), user_id])


@dataclass(frozen=True)
class FamilyUpdate:
    family_id: int
    telegram_id: int
    language: str
    student_name: str
    learned: list[tuple[str, str | None]]    # (English word, in the family's language)
    practising: list[tuple[str, str | None]]


def weekly_updates(db: Database, now: datetime, only: int | None = None) -> list[FamilyUpdate]:
    """This week's update for every family with updates on (or for one Telegram user)."""
    rows = db.execute(
        "SELECT f.id, f.telegram_id, coalesce(f.language, 'en'), f.student_id, s.first_name "
        "FROM families f JOIN students s ON s.id = f.student_id "
        "WHERE (f.updates_on = 1 OR ? IS NOT NULL) AND (? IS NULL OR f.telegram_id = ?)",
        [only, only, only]).fetchall()
    since = stamp(now - timedelta(days=7))
    updates = []
    for family_id, telegram_id, lang, student_id, name in rows:
        learned = _words(db, student_id, lang, "mastered_at >= ?", [since])
        practising = _words(db, student_id, lang, "mastered_at IS NULL", [])[:3]
        updates.append(FamilyUpdate(family_id, telegram_id, lang, name, learned, practising))
    return updates


def _words(db: Database, student_id: int, lang: str, where: str,
           params: list[object]) -> list[tuple[str, str | None]]:
    ids = [r[0] for r in db.execute(
        f"SELECT word_id FROM mastery WHERE student_id = ? AND {where} ORDER BY word_id",
        [student_id, *params]).fetchall()]
    result = []
    for stored in words_by_id(db, ids):
        gloss = stored.word.glosses.get(lang)
        result.append((stored.word.term, gloss.term if gloss else None))
    return result
