"""A school day with nothing to do (no word ready, no card waiting) breaks no streak: a fast
student who finished every word read "✅ All done for now. More words come back on Thursday"
on six days, and his streak fell from 14 to 3 (playtest, WIDA 5). Days off still break it when
there was something to do."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from bot.services import progress, reminders
from bot.store import people
from tests.clock import START
from tests.harness import all_answered_right, class_pack_in_review, enrol_student

TZ = ZoneInfo("America/New_York")


def at(day: int, hour: int = 11) -> datetime:
    """`day` days after Monday 14 Sep, at `hour` at school."""
    return datetime(2026, 9, 14 + day, hour, tzinfo=TZ).astimezone(UTC)


def studied(db: Database, day: int, back: int) -> None:
    """Every word answered right on `day`, and not ready again until `back` days after it."""
    all_answered_right(db, 1001, at(day), back, "es")


def test_school_days_with_nothing_ready_keep_the_streak(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START, name="Minjun", level=5)
    class_pack_in_review(db, START)  # every word he was given, nothing left to open
    for day in range(3):  # Monday to Wednesday
        studied(db, day, back=1)
    studied(db, 3, back=4)  # Thursday: all done, back on Monday
    # the reminder job finds nothing to send on Friday, and remembers the day
    assert reminders.reminder(db, 1001, at(4, 16), TZ) is None
    assert reminders.note_rest_day(db, 1001, at(4, 16), TZ)
    monday = progress.progress(db, 1001, at(7, 9), TZ)
    assert monday.ready > 0 and monday.streak_days == 4  # Friday had nothing to do
    studied(db, 7, back=1)  # Monday: back, and studied
    assert progress.progress(db, 1001, at(7, 17), TZ).streak_days == 5  # not 1


def test_a_school_day_with_words_ready_and_not_studied_still_breaks_it(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START, name="Minjun", level=5)
    class_pack_in_review(db, START)
    for day in range(3):
        studied(db, day, back=1)  # in review: ready again two days on, on Friday
    assert not reminders.note_rest_day(db, 1001, at(4, 16), TZ)  # words were ready
    studied(db, 7, back=1)  # Monday
    assert progress.progress(db, 1001, at(7, 17), TZ).streak_days == 1
