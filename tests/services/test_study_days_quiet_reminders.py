"""The 🔇 "gone quiet" note and the daily reminder count study days, as the family update and
the 🔥 streak do (mastery.school_date: a day starts at 04:00). A night owl's sitting from 23:50
on Monday to 00:10 on Tuesday was Monday's in her family's update, but the quiet note counted
her silence from Tuesday (told a school day late), and Tuesday's reminder never came ("she
answered today")."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from bot.config import SchoolConfig
from bot.services import checks, family, family_updates, learners, quiet, reminders
from bot.store import people
from tests.clock import START  # Monday 14 Sep 2026, 11:00 at school
from tests.harness import TEACHER_ID, answer_through, enrol_student

TZ = ZoneInfo("America/New_York")
MONDAY, TUESDAY, WEDNESDAY, THURSDAY = (date(2026, 9, d) for d in (14, 15, 16, 17))


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """`day` at `hour`:`minute` at school, in UTC as the clock keeps it."""
    return datetime.combine(day, time(hour, minute), TZ).astimezone(UTC)


def night_owl(db: Database) -> None:
    """Ana (her mother linked) reads two cards at 23:50 on Monday and answers their check at
    00:10 on Tuesday; then nothing."""
    enrol_student(db, START)
    link = family.create_link(db, TEACHER_ID, "Ana", START)
    family.use_link(db, 2001, link.payload, START)
    family.set_language(db, 2001, "en")
    refs = learners.current_words(db, learners.learner(db, 1001), at(MONDAY, 23, 50))
    learners.cards_shown(db, 1001, [r.id for r in refs[:2]], at(MONDAY, 23, 50))
    question = checks.start_check(db, 1001, at(TUESDAY, 0, 10), random.Random(3), tz=TZ)
    answer_through(db, question, at(TUESDAY, 0, 10), TZ, lambda q: True)


def told(db: Database, now: datetime) -> list[quiet.Silent]:
    """The 🔇 lines the evening's sweep at `now` books."""
    lines: list[quiet.Silent] = []

    def render(_teacher: int, silent: quiet.Silent) -> str:
        lines.append(silent)
        return "🔇"

    quiet.tell_silent(db, now, SchoolConfig(), render)  # New York
    return lines


def test_a_sitting_across_midnight_then_nothing_is_quiet_by_the_family_updates_count(
        db: Database, school_class: people.ClassInfo) -> None:
    night_owl(db)
    update = family_updates.current_update(db, 2001, 1001, at(THURSDAY, 16), TZ)
    assert update.days == 1  # Monday practised: nothing on Tuesday or Wednesday

    assert told(db, at(WEDNESDAY, 16)) == []  # Tuesday, Wednesday: two school days
    [silent] = told(db, at(THURSDAY, 16))
    assert (silent.since, silent.days) == (MONDAY, 3)  # Tuesday, Wednesday, Thursday


def test_tuesdays_reminder_comes_after_a_sitting_that_ended_at_ten_past_midnight(
        db: Database, school_class: people.ClassInfo) -> None:
    night_owl(db)
    assert reminders.reminder(db, 1001, at(TUESDAY, 16), TZ) is not None


def test_no_reminder_after_a_sitting_earlier_the_same_study_day(
        db: Database, school_class: people.ClassInfo) -> None:
    night_owl(db)
    assert reminders.reminder(db, 1001, at(TUESDAY, 1), TZ) is None  # still Monday's day
