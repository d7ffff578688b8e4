"""A day a child read new cards and answered a check on them is a day practised in the family's
weekly update, never "only looked at new words" (a playtest's update said it of a day with a
2-question check). Through the use cases: cards read, a check answered right and wrong (its
re-taught word too), checks on the days after, and Friday's update; and at the edges: the
check after midnight at school (the study day it began), on a day the family excused, all
🤷, only new words."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from bot.presentation.family_views import family_update_text
from bot.presentation.i18n import Catalog
from bot.services import answers, checks, family, family_updates, learners
from bot.store import excused, people
from tests.clock import START  # Monday 14 Sep 2026, 11:00 at school
from tests.harness import TEACHER_ID, answer_through, enrol_student

TZ = ZoneInfo("America/New_York")
MONDAY = date(2026, 9, 14)
FRIDAY = 4  # the default weekly update day
CARD_DAY = "only looked at new words"


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """`day` at `hour`:`minute` at school, in UTC as the clock keeps it."""
    return datetime.combine(day, time(hour, minute), TZ).astimezone(UTC)


def linked(db: Database, level: int = 3) -> None:
    """Ana (Spanish) joins on Monday morning; her mother links and reads in English."""
    enrol_student(db, START, level=level)
    link = family.create_link(db, TEACHER_ID, "Ana", START)
    family.use_link(db, 2001, link.payload, START)
    family.set_language(db, 2001, "en")


def cards_then_check(db: Database, cards_at: datetime, check_at: datetime, count: int | None,
                     right: Callable[[checks.Question], bool]) -> int:
    """She reads `count` new cards (all of them: None) at `cards_at`, then answers the check
    on them at `check_at`, each answer right or wrong as `right` says; the questions asked."""
    refs = learners.current_words(db, learners.learner(db, 1001), cards_at)
    learners.cards_shown(db, 1001, [r.id for r in refs[:count]], cards_at)
    question = checks.start_check(db, 1001, check_at, random.Random(3), tz=TZ)
    assert question is not None, "a check on the cards just read"
    asked = question.total
    answer_through(db, question, check_at, TZ, right)
    return asked


def right_then_wrong() -> Callable[[checks.Question], bool]:
    """The first answer right, every one after it wrong (a re-taught word's too)."""
    seen: list[int] = []

    def right(question: checks.Question) -> bool:
        seen.append(question.item_id)
        return len(seen) == 1
    return right


def daily_checks(db: Database, days: list[date]) -> None:
    """Each of `days`, her new cards at 16:50 and a check at 17:00 on the words ready then
    (those cards' too), every answer right."""
    for day in days:
        refs = learners.current_words(db, learners.learner(db, 1001), at(day, 16, 50))
        learners.cards_shown(db, 1001, [r.id for r in refs], at(day, 16, 50))
        question = checks.start_check(db, 1001, at(day, 17), random.Random(day.day), tz=TZ)
        assert question is not None, f"words ready on {day}"
        answer_through(db, question, at(day, 17), TZ, lambda q: True)


def friday_update(db: Database, catalog: Catalog) -> tuple[family_updates.FamilyUpdate, str]:
    """Friday 18 Sep's update at 17:00, and its text."""
    [update] = family_updates.weekly_updates(db, at(date(2026, 9, 18), 17), tz=TZ,
                                             update_day=FRIDAY)
    return update, family_update_text(update, catalog)


LATER = [MONDAY + timedelta(days=n) for n in (1, 2, 3)]  # Tuesday to Thursday


@pytest.mark.parametrize("hour", [17, 20])  # 20:30 at school is already Tuesday in UTC
def test_a_day_with_cards_and_a_two_question_check_is_a_day_practised(
        db: Database, school_class: people.ClassInfo, catalog: Catalog, hour: int) -> None:
    linked(db)
    asked = cards_then_check(db, at(MONDAY, hour), at(MONDAY, hour, 30), 2, right_then_wrong())
    assert asked == 2  # the two words whose cards she read: one right, one wrong
    daily_checks(db, LATER)
    update, text = friday_update(db, catalog)

    assert "Ana practised on 4 of the 4 school days since starting." in text
    assert CARD_DAY not in text and update.card_days == 0
    assert "Next step" not in text


def test_a_check_after_midnight_at_school_counts_on_the_study_day_it_began(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    """Cards read at 23:40 on Monday, the check at 00:10 on Tuesday (school time): one
    sitting, Monday's study day (it starts at 04:00, as her streak counts it), practised;
    no day of cards only, and Tuesday, with no practice, a day missed."""
    linked(db)
    cards_then_check(db, at(MONDAY, 23, 40), at(LATER[0], 0, 10), 2, right_then_wrong())
    daily_checks(db, LATER[1:])
    update, text = friday_update(db, catalog)

    assert "Ana practised on 3 of the 4 school days since starting." in text
    assert CARD_DAY not in text and update.card_days == 0


def test_cards_and_a_check_on_a_day_the_family_excused_are_practice_said_apart(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    """Her mother said she was sick on Monday; she read her cards and answered the check all
    the same: no school day for her, said apart, and never a day of cards only."""
    linked(db)
    excused.excuse(db, 1001, MONDAY, 2001, START)
    cards_then_check(db, at(MONDAY, 17), at(MONDAY, 17, 30), 2, right_then_wrong())
    daily_checks(db, LATER)
    update, text = friday_update(db, catalog)

    assert "Ana practised on 3 of the 3 school days since starting." in text
    assert "Days practised on a day excused from school (sick or away): 1" in text
    assert CARD_DAY not in text and update.card_days == 0


def test_a_check_answered_all_with_i_dont_know_is_a_day_practised(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    """Level 2: every question of Monday's check (on the cards she had just read) answered
    🤷. She tried: that is practice, not "only looked at new words"."""
    linked(db, level=2)
    refs = learners.current_words(db, learners.learner(db, 1001), at(MONDAY, 17))
    learners.cards_shown(db, 1001, [r.id for r in refs], at(MONDAY, 17))
    question = checks.start_check(db, 1001, at(MONDAY, 17, 30), random.Random(3), tz=TZ)
    shrugs = 0
    while question is not None:
        shrugs += 1
        question = answers.answer_dont_know(db, 1001, question.item_id, at(MONDAY, 17, 30),
                                            TZ).next_question
    assert shrugs >= 2
    daily_checks(db, LATER)
    update, text = friday_update(db, catalog)

    assert "Ana practised on 4 of the 4 school days since starting." in text
    assert CARD_DAY not in text and update.card_days == 0


def test_cards_read_on_one_day_and_a_check_on_another_are_told_apart(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    """The rule still says what it is for: practice on Monday, cards read on Tuesday and
    nothing answered that day, checks on Wednesday and Thursday."""
    linked(db)
    cards_then_check(db, at(MONDAY, 17), at(MONDAY, 17, 30), 2, right_then_wrong())
    tuesday = MONDAY + timedelta(days=1)
    refs = learners.current_words(db, learners.learner(db, 1001), at(tuesday, 17))
    learners.cards_shown(db, 1001, [r.id for r in refs], at(tuesday, 17))
    daily_checks(db, LATER[1:])
    _update, text = friday_update(db, catalog)

    assert "Ana practised on 3 of the 4 school days since starting." in text
    assert "On one day, Ana only looked at new words and did not practise." in text


def test_the_day_she_joined_and_only_read_her_first_cards_is_no_day_missed(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    """Vietnamese playtest (Minh's grandmother): Minh joined on Monday, took the placement
    and read his first cards, as Puente asks, then practised every day after; Friday's update
    read "3 of the 4 school days" and "On one day, Minh only looked at new words". Nothing is
    expected of the day a child joins (/report: "nothing expected before their first full
    school day"), so it is no school day for the family either unless she practised on it."""
    linked(db)
    refs = learners.current_words(db, learners.learner(db, 1001), at(MONDAY, 17))
    learners.cards_shown(db, 1001, [r.id for r in refs[:2]], at(MONDAY, 17))
    daily_checks(db, LATER)
    update, text = friday_update(db, catalog)

    assert "Ana practised on 3 of the 3 school days since starting." in text
    assert CARD_DAY not in text and update.card_days == 0
    assert "Next step" not in text


def test_cards_and_a_check_on_a_saturday_are_a_weekend_day_practised(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    saturday = MONDAY + timedelta(days=5)
    linked(db)
    cards_then_check(db, at(saturday, 10), at(saturday, 10, 20), 2, right_then_wrong())
    [update] = family_updates.weekly_updates(db, at(saturday + timedelta(days=6), 17), tz=TZ,
                                             update_day=FRIDAY)
    text = family_update_text(update, catalog)

    assert "Days practised on a weekend or holiday: 1" in text
    assert CARD_DAY not in text and update.card_days == 0
