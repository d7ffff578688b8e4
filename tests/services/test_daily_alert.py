"""One combined teacher alert per student per local day, naming every word stuck since the
last one, with a lower level suggested when most recent answers were wrong."""

from __future__ import annotations

import random
from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from bot.services import answers, checks, daily_alerts
from tests.clock import START
from tests.harness import enrol_student, read_words

TZ = ZoneInfo("America/New_York")


def miss_a_check(db: Database, at: timedelta) -> None:
    """/check and miss every item (re-teaching items too)."""
    read_words(db, START + at)
    question = checks.start_check(db, 1001, START + at, random.Random(1), tz=TZ)
    while question is not None:
        item = question.item
        if item.typed:
            feedback = answers.answer_typed(db, 1001, "zebra", START + at, TZ)
        else:
            wrong = (item.options.index(item.answer) + 1) % len(item.options)
            feedback = answers.answer_choice(db, 1001, question.item_id, wrong, START + at, TZ)
        assert feedback is not None
        question = feedback.next_question


def test_one_alert_a_day_names_every_stuck_word_and_suggests_a_level(
        db: Database, school_class: object) -> None:
    enrol_student(db, START)
    for day in range(3):  # one check a day: a missed word is asked again the next day
        miss_a_check(db, timedelta(days=day))
    first = daily_alerts.daily_alert(db, 1001, START + timedelta(days=2, minutes=20), TZ)
    assert first is not None and len(first.terms) >= 2
    assert first.level == 3 and first.suggested_level == 2
    assert daily_alerts.daily_alert(db, 1001, START + timedelta(days=2, hours=2), TZ) is None
    miss_a_check(db, timedelta(days=3))  # the same words again: each is named only once
    later = [daily_alerts.daily_alert(db, 1001, START + timedelta(days=d, hours=1), TZ)
             for d in (3, 4)]
    assert all(a is None or set(a.terms).isdisjoint(first.terms) for a in later)


def test_no_alert_for_a_student_who_is_not_stuck(db: Database, school_class: object) -> None:
    enrol_student(db, START)
    assert daily_alerts.daily_alert(db, 1001, START, TZ) is None


def test_a_word_stuck_later_the_same_day_waits_for_tomorrows_alert(
        db: Database, school_class: object) -> None:
    enrol_student(db, START)
    for day in range(3):
        miss_a_check(db, timedelta(days=day))
    first = daily_alerts.daily_alert(db, 1001, START + timedelta(days=2, minutes=20), TZ)
    assert first is not None
    word_id = db.execute("SELECT min(word_id) FROM mastery WHERE student_id = 1001").fetchone()[0]
    db.execute("UPDATE mastery SET misses_in_row = 3, alerted_at = NULL WHERE student_id = 1001 "
               "AND word_id = ?", [word_id])  # as if it became stuck this afternoon
    assert daily_alerts.daily_alert(db, 1001, START + timedelta(days=2, hours=3), TZ) is None
    tomorrow = daily_alerts.daily_alert(db, 1001, START + timedelta(days=3), TZ)
    assert tomorrow is not None and len(tomorrow.terms) == 1


def test_a_sitting_across_midnight_gets_one_alert_as_one_study_day(
        db: Database, school_class: object) -> None:
    """A day starts at 04:00 (mastery.school_date, as the streak and the family update count
    days): a word stuck at 00:20, after the alert at 23:50, waits for the next afternoon."""
    enrol_student(db, START)
    for day in range(3):
        miss_a_check(db, timedelta(days=day))
    evening = START + timedelta(days=2, hours=12, minutes=50)  # Wednesday 23:50 at school
    assert daily_alerts.daily_alert(db, 1001, evening, TZ) is not None
    word_id = db.execute("SELECT min(word_id) FROM mastery WHERE student_id = 1001").fetchone()[0]
    db.execute("UPDATE mastery SET misses_in_row = 3, alerted_at = NULL WHERE student_id = 1001 "
               "AND word_id = ?", [word_id])  # as if it became stuck in the same sitting
    assert daily_alerts.daily_alert(db, 1001, evening + timedelta(minutes=30), TZ) is None
    thursday = daily_alerts.daily_alert(db, 1001, START + timedelta(days=3, hours=5), TZ)
    assert thursday is not None and len(thursday.terms) == 1
