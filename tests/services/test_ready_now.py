"""What a check would ask now is one rule: /check, /progress, the daily reminder and a check's
last message never tell a student two different things. The streak and the family update count
days one way too: school days, and any day the student studied."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from bot.presentation.check_views import feedback_text
from bot.presentation.family_views import family_update_text
from bot.presentation.i18n import Catalog
from bot.services import (
    answers,
    checks,
    family,
    family_updates,
    learners,
    progress,
    readiness,
    reminders,
)
from bot.store import people
from tests.clock import START
from tests.harness import TEACHER_ID, enrol_student, read_words

TZ = ZoneInfo("America/New_York")  # START, 15:00 UTC, is 11:00 there on a Monday
FRIDAY = START + timedelta(days=4)  # Friday 18 September, 11:00 at school
SATURDAY = START + timedelta(days=5)


def whole_check(db: Database, now: datetime, right: bool, holidays: frozenset[date] = frozenset()
                ) -> answers.Feedback:
    """/check at `now` and answer every question (re-teaching items too); the last feedback."""
    question = checks.begin_check(db, 1001, now, random.Random(1), tz=TZ,
                                  holidays=holidays).question
    assert question is not None
    while True:
        item = question.item
        if item.typed:
            typed = answers.answer_typed(db, 1001, item.answer if right else "zebra", now, TZ,
                                         holidays)
            assert isinstance(typed, answers.Feedback)
            feedback = typed
        else:
            index = item.options.index(item.answer)
            option = index if right else (index + 1) % len(item.options)
            feedback = answers.answer_choice(db, 1001, question.item_id, option, now, TZ,
                                             holidays)
        if feedback.next_question is None:
            return feedback
        question = feedback.next_question


def test_a_check_that_says_tomorrow_is_followed_by_no_reminder_that_day(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    # The playtest: "…then try /check tomorrow" at 15:00, "Words to review: 6" at 16:00.
    enrol_student(db, START, level=1)
    read_words(db, START)
    last = whole_check(db, START, right=False)
    assert last.score == (0, 3)
    tuesday = readiness.BackOn(START.date() + timedelta(days=1), in_days=1)
    assert last.next == readiness.NextStep(ready=0, waiting=0, back=tuesday)
    said = feedback_text(last, catalog)
    assert said.endswith("Look at the cards again with /words.\n"
                         "Más palabras vuelven para repasar mañana.\n"
                         "More words come back for review tomorrow.")
    at_four = START + timedelta(hours=5)  # 16:00 school time, the reminder's hour
    assert reminders.due_reviews(db, 1001, at_four, TZ).ready == 0
    assert progress.progress(db, 1001, at_four, TZ).ready == 0
    assert checks.begin_check(db, 1001, at_four, random.Random(2), tz=TZ).question is None
    tomorrow = START + timedelta(days=1)
    assert reminders.due_reviews(db, 1001, tomorrow, TZ).ready == 3
    assert progress.progress(db, 1001, tomorrow, TZ).ready == 3
    start = checks.begin_check(db, 1001, tomorrow, random.Random(3), tz=TZ)
    assert start.question is not None and start.question.total == 3


def test_a_check_finished_on_friday_says_saturday_or_monday_not_tomorrow(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    # The missed words rest until Saturday; "tomorrow" named a day with no school and no
    # reminder, "on Monday" alone hid that a Saturday check asks them (playtest): both days
    enrol_student(db, START, level=1)
    read_words(db, FRIDAY)
    last = whole_check(db, FRIDAY, right=False)
    monday = readiness.BackOn(date(2026, 9, 21), in_days=3, early=date(2026, 9, 19))
    assert last.next == readiness.NextStep(ready=0, waiting=0, back=monday)
    assert feedback_text(last, catalog).endswith(
        "Más palabras vuelven para repasar el sábado (o el lunes, en la escuela).\n"
        "More words come back for review on Saturday (or on Monday, at school).")
    later = FRIDAY + timedelta(minutes=5)
    assert progress.progress(db, 1001, later, TZ).back == monday
    start = checks.begin_check(db, 1001, later, random.Random(2), tz=TZ)
    assert start.question is None and start.later == readiness.NextStep(0, 0, monday)
    saturday = FRIDAY + timedelta(days=1)
    assert progress.progress(db, 1001, saturday, TZ).ready == 3


@pytest.mark.parametrize(("holidays", "back"), [
    ({date(2026, 9, 21)}, (22, 4)),                     # a Monday holiday: back on Tuesday
    ({date(2026, 9, 21), date(2026, 9, 22)}, (23, 5)),  # Monday and Tuesday: Wednesday
    ({date(2026, 9, 18)}, (21, 3)),                     # today is one: nothing moves
])
def test_a_holiday_from_the_config_is_never_the_day_words_come_back(
        db: Database, school_class: people.ClassInfo, holidays: set[date],
        back: tuple[int, int]) -> None:
    enrol_student(db, START, level=1)
    read_words(db, FRIDAY)
    last = whole_check(db, FRIDAY, right=False, holidays=frozenset(holidays))
    # (the Saturday the words are ready is said too: a weekend day, no holiday)
    day = readiness.BackOn(date(2026, 9, back[0]), in_days=back[1], early=date(2026, 9, 19))
    assert last.next == readiness.NextStep(ready=0, waiting=0, back=day)
    later = FRIDAY + timedelta(minutes=5)
    assert progress.progress(db, 1001, later, TZ, frozenset(holidays)).back == day


def test_a_thursday_check_before_a_friday_holiday_says_monday(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    thursday = FRIDAY - timedelta(days=1)
    enrol_student(db, START, level=1)
    read_words(db, thursday)
    last = whole_check(db, thursday, right=False, holidays=frozenset({FRIDAY.date()}))
    assert last.next == readiness.NextStep(0, 0, readiness.BackOn(date(2026, 9, 21), 4))
    assert feedback_text(last, catalog).endswith("More words come back for review on Monday.")


def test_words_just_answered_right_are_not_ready_again_minutes_later(
        db: Database, school_class: people.ClassInfo) -> None:
    # The playtest: 4 of 4 right, then /progress "3 word(s) ready: /check" and /check asked
    # the same words again.
    enrol_student(db, START, level=1)
    read_words(db, START)
    assert whole_check(db, START, right=True).score == (3, 3)
    later = START + timedelta(minutes=5)
    report = progress.progress(db, 1001, later, TZ)
    tuesday = readiness.BackOn(START.date() + timedelta(days=1), in_days=1)
    assert (report.ready, report.due, report.back) == (0, 0, tuesday)
    start = checks.begin_check(db, 1001, later, random.Random(4), tz=TZ)
    assert start.question is None and start.unread == []
    assert start.later == readiness.NextStep(ready=0, waiting=0, back=tuesday)
    assert reminders.due_reviews(db, 1001, later, TZ).ready == 0


def test_more_ready_words_than_one_check_are_all_counted_the_same_everywhere(
        db: Database, school_class: people.ClassInfo) -> None:
    """One check's worth ("Words to review: 5" every day) hid a backlog of missed and pushed
    words (playtest): the reminder, /progress and a check's last line count them all."""
    enrol_student(db, START, level=5)  # more words a set than a check asks
    ready = len(read_words(db, START))
    left = ready - 5
    assert left > 0
    assert reminders.due_reviews(db, 1001, START, TZ).ready == ready
    assert progress.progress(db, 1001, START, TZ).ready == ready
    last = whole_check(db, START, right=True)
    assert last.score == (5, 5)
    assert last.next is not None and last.next.ready == left  # the words it did not ask
    assert reminders.due_reviews(db, 1001, START + timedelta(hours=1), TZ).ready == left
    assert progress.progress(db, 1001, START + timedelta(hours=1), TZ).ready == left


def test_a_saturday_check_is_a_day_in_a_row(
        db: Database, school_class: people.ClassInfo) -> None:
    # The playtest: "🔥 Days in a row: 0" right after a 5 of 5 check on a Saturday.
    enrol_student(db, START, level=1)
    assert progress.progress(db, 1001, SATURDAY, TZ).streak_days == 0
    read_words(db, SATURDAY)  # her new cards, read: a day studied
    assert progress.progress(db, 1001, SATURDAY, TZ).streak_days == 1
    whole_check(db, SATURDAY, right=True)
    assert progress.progress(db, 1001, SATURDAY, TZ).streak_days == 1
    monday = SATURDAY + timedelta(days=2)  # a Sunday without study breaks nothing
    assert progress.progress(db, 1001, monday, TZ).streak_days == 1


def monday_with_a_family(db: Database) -> None:
    """Ana joins on Monday with a family member reading English, reads her cards and answers
    a whole check right."""
    enrol_student(db, START, level=1)
    link = family.create_link(db, TEACHER_ID, "Ana", START)
    family.use_link(db, 2001, link.payload, START)
    family.set_language(db, 2001, "en")
    read_words(db, START)
    whole_check(db, START, right=True)


def test_the_family_update_counts_school_days_and_says_weekend_practice_apart(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    # The playtests: "practised on 1 of 6 days since starting" counted a Saturday she had no
    # school; then "7 of the last 7 school days" counted a weekend she practised as school.
    monday_with_a_family(db)
    [update] = family_updates.weekly_updates(db, SATURDAY, tz=TZ)
    assert (update.days, update.out_of, update.other_days) == (1, 5, 0)
    assert "Ana practised on 1 of the 5 school days since starting." in family_update_text(
        update, catalog)
    whole_check(db, SATURDAY, right=True)  # she practised on Saturday too: said apart
    [update] = family_updates.weekly_updates(db, SATURDAY, tz=TZ)
    assert (update.days, update.out_of, update.other_days) == (1, 5, 1)
    assert ("Ana practised on 1 of the 5 school days since starting.\n"
            "Days practised on a weekend or holiday: 1") in family_update_text(update, catalog)
    week = SATURDAY + timedelta(days=2)  # the Monday after, not practised yet: the 7 days
    holiday = week.date() - timedelta(days=3)  # before it; Friday was a holiday
    [update] = family_updates.weekly_updates(db, week, tz=TZ, holidays=frozenset({holiday}))
    assert (update.days, update.out_of, update.other_days) == (1, 4, 1)  # Mon-Thu, Saturday
    assert "Ana practised on 1 of the last 4 school days." in family_update_text(update, catalog)


def test_a_school_day_she_only_read_new_cards_keeps_her_streak_as_her_family_is_told(
        db: Database, school_class: people.ClassInfo) -> None:
    # Playtest (Hmong, level 1): the reminder asked her to read her new cards, she did, and
    # the next day "🔥 1 hnub": the card day had broken her streak, while her family's update
    # counted it. A day she reads new cards is a day studied, for both.
    monday_with_a_family(db)  # Monday: cards and a check
    tuesday = START + timedelta(days=1)  # Tuesday: a new card (a push), nothing answered
    (new,) = db.execute("SELECT id FROM words WHERE id NOT IN (SELECT word_id FROM mastery) "
                        "ORDER BY id LIMIT 1").fetchone()
    learners.introduce_ids(db, 1001, [new], tuesday)
    learners.cards_shown(db, 1001, [new], tuesday)
    wednesday = START + timedelta(days=2)
    whole_check(db, wednesday, right=True)
    assert progress.progress(db, 1001, wednesday, TZ).streak_days == 3
    thursday = wednesday + timedelta(days=1)  # Wednesday is over: it counts
    [update] = family_updates.weekly_updates(db, thursday, tz=TZ)
    assert (update.days, update.card_days) == (2, 1)  # practice on 2, cards only on 1
