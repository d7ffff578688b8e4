"""A word card re-read (/words, its pages, 🔁) shortly before the word's deciding review shows
what that review asks: a right answer then cannot master the word (playtest)."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from sqlite_utils import Database

from bot.services import answers, checks, learners
from bot.store import people
from bot.store import study as stored
from tests.clock import START
from tests.services.test_study import TZ, read_every_card, reviewing_and_due


def ready_to_master(db: Database, pack_id: str) -> int:
    """A level-3 Vietnamese student's "prey", every card first read yesterday, whose deciding
    review is due now: a right recall masters it."""
    prey = read_every_card(db, pack_id, "vi", 3)["prey"]
    reviewing_and_due(db, prey)
    state = stored.get_mastery(db, 1001, prey)
    assert state is not None
    stored.save_mastery(db, 1001, prey, replace(state, p_known=0.97, luck=0.05), START)
    return prey


def answer_deciding_review(db: Database, word: int, now: datetime) -> answers.Feedback:
    """Start a check at `now`: its first question is the word's deciding review, typed right."""
    who = learners.learner(db, 1001)
    deciding = checks.check_items(db, who, now, random.Random(1)).items[0]
    assert deciding.word_id == word and deciding.typed
    assert checks.save_check(db, who, [deciding], now) is not None
    return answers.answer_typed(db, 1001, deciding.answer, now, TZ)


@pytest.mark.parametrize("reread_before", [timedelta(minutes=5), timedelta(hours=3)])
def test_a_card_reread_the_day_of_its_deciding_review_does_not_master_it_that_day(
        db: Database, school_class: people.ClassInfo, reread_before: timedelta) -> None:
    prey = ready_to_master(db, school_class.pack_id)
    learners.cards_shown(db, 1001, [prey], START - reread_before)  # /words, that school day
    feedback = answer_deciding_review(db, prey, START)
    assert feedback.grade.correct and not feedback.newly_mastered  # no "🏅 You mastered prey"
    after = stored.get_mastery(db, 1001, prey)
    assert after is not None and not after.mastered and after.successes == 3  # right, counted
    assert after.luck == 0.05  # read off the card: the run is no less likely by guessing
    # A later school day, no card re-read: the deciding review comes back and masters it
    later = START + timedelta(days=2)
    assert answer_deciding_review(db, prey, later).newly_mastered


def test_a_card_first_read_days_ago_and_not_reread_still_lets_the_review_master(
        db: Database, school_class: people.ClassInfo) -> None:
    prey = ready_to_master(db, school_class.pack_id)
    assert answer_deciding_review(db, prey, START).newly_mastered


def test_a_card_read_the_evening_before_is_another_school_day(
        db: Database, school_class: people.ClassInfo) -> None:
    prey = ready_to_master(db, school_class.pack_id)
    learners.cards_shown(db, 1001, [prey], START - timedelta(hours=18))  # Sunday evening, NY
    assert answer_deciding_review(db, prey, START).newly_mastered
