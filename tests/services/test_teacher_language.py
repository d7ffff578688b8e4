"""A teacher reads what Puente sends while they are not writing (a push's report, a daily
alert) in the language they last pushed in, and their phone's language while they write."""

from __future__ import annotations

from sqlite_utils import Database

from bot.services import membership
from bot.store import people
from tests.clock import START

RIVERA = 9001


def test_a_teacher_who_pushed_in_spanish_is_written_to_in_spanish_when_not_writing(
        db: Database) -> None:
    people.upsert_teacher(db, RIVERA, "Rivera", START)
    assert membership.known_language(db, RIVERA) == "en"  # nothing said yet: English
    people.set_teacher_language(db, RIVERA, "es")
    assert membership.known_language(db, RIVERA) == "es"
    assert membership.known_language(db, RIVERA, "en") is None  # the phone they write from wins
    assert membership.known_language(db, 1234) is None  # not a teacher
