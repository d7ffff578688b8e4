"""A word is ready from the start of the school day its ready time falls on (playtest,
Vietnamese level 2): the reminder at 16:00, a check, /progress at 21:00 and /student all count
the same words that day, and "back Monday" is true at 09:13 on Monday."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from bot.domain.mastery import new_mastery
from bot.services import answers, checks, progress, readiness, reminders
from bot.services.learners import learner
from bot.store import people, study
from tests.clock import START
from tests.harness import answer_through, enrol_student, read_words

TZ = ZoneInfo("America/New_York")  # START, 15:00 UTC, is 11:00 there on Monday 14 Sep


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """`day` days after Monday 14 Sep, at hour:minute at school."""
    return datetime(2026, 9, 14 + day, hour, minute, tzinfo=TZ).astimezone(UTC)


def checked(db: Database, now: datetime) -> answers.Feedback:
    """/check at `now`, every answer right; the last feedback."""
    start = checks.begin_check(db, 1001, now, random.Random(now.day), tz=TZ)
    last = answer_through(db, start.question, now, TZ, lambda _: True)
    assert last is not None
    return last


def test_words_answered_on_tuesday_evening_are_ready_all_wednesday(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START, name="Linh", lang="vi", level=2)
    read_words(db, START)
    checked(db, START)  # Monday: the card's day, practice
    tuesday = checked(db, at(1, 21, 1))
    # Tuesday's check ends with a day, never "later today": nothing comes back that evening
    assert tuesday.next is not None and tuesday.next.back is not None
    assert tuesday.next.back.day == date(2026, 9, 16)
    reminded = reminders.due_reviews(db, 1001, at(2, 16), TZ).ready
    assert reminded > 0
    # The 16:00 reminder, Wednesday's study day's first minute (04:00) and /progress at 21:02
    # count the same words; at 00:01 it is still Tuesday night: nothing comes back (Davi)
    assert progress.progress(db, 1001, at(2, 0, 1), TZ).ready == 0
    assert progress.progress(db, 1001, at(2, 4, 0), TZ).ready == reminded
    assert progress.progress(db, 1001, at(2, 21, 2), TZ).ready == reminded
    wednesday = checked(db, at(2, 16))
    assert wednesday.next is not None and wednesday.next.ready == 0
    assert wednesday.next.back is not None and wednesday.next.back.in_days >= 1
    # and the evening has nothing new: the check at 16:00 asked everything the day had
    assert progress.progress(db, 1001, at(2, 21, 2), TZ).ready == 0


def test_a_review_said_back_on_monday_is_asked_on_monday_morning(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START, name="Linh", lang="vi", level=2)
    ref = read_words(db, START)[0]
    friday = at(4, 21, 14)
    # right on Thursday and Friday evening: in review, its retention gap ends Monday 21:14
    state = replace(new_mastery(ref.id, START), answered=True, successes=2,
                    success_days=frozenset({"2026-09-17", "2026-09-18"}),
                    first_correct_at=friday, last_answered=friday,
                    due_at=friday + timedelta(days=1), shown_at=START)
    study.save_mastery(db, 1001, ref.id, state, friday, answered=True)
    assert readiness.reviews_back(db, 1001, friday, TZ)[ref.id] == date(2026, 9, 21)
    monday = at(7, 9, 13)
    assert ref.id in {r.id for r in readiness.check_words(db, learner(db, 1001), monday, TZ)}
    assert reminders.due_reviews(db, 1001, monday, TZ).ready > 0
