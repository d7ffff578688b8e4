"""A word card re-read (an earlier card message paged with ◀/Next, or its 🔁) shortly before the
word's deciding review shows what that review asks: a right answer then cannot master the
word that school day (playtest)."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from sqlite_utils import Database

from bot.services import answers, checks, learners, previews
from bot.store import people
from bot.store import study as stored
from bot.store.packs import words_by_id
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


def flip_back_to(db: Database, words: list[int], when: datetime) -> int:
    """A one-card-a-message preview of these words sent at `when`; its id."""
    refs = learners.word_refs(words_by_id(db, words))
    return previews.open_preview(db, learners.learner(db, 1001), refs, when).preview_id


def answer_deciding_review(db: Database, word: int, now: datetime) -> answers.Feedback:
    """Start a check at `now`: its first question is the word's deciding review, typed right."""
    who = learners.learner(db, 1001)
    deciding = checks.check_items(db, who, now, random.Random(1)).items[0]
    assert deciding.word_id == word and deciding.typed
    assert checks.save_check(db, who, [deciding], now) is not None
    return answers.answer_typed(db, 1001, deciding.answer, now, TZ)


def read_every_card_ids(db: Database) -> list[int]:
    return [w for w, s in learners.studying(db, 1001).items() if s.shown]


@pytest.mark.parametrize("reread_before", [timedelta(minutes=5), timedelta(hours=3)])
def test_a_card_reread_the_day_of_its_deciding_review_does_not_master_it_that_day(
        db: Database, school_class: people.ClassInfo, reread_before: timedelta) -> None:
    prey = ready_to_master(db, school_class.pack_id)
    # Back to the card still on screen from days ago (◀/Next, or 🔁): the card is read again
    # minutes before the check. /words itself shows only the words still being learned.
    other = next(w for w in read_every_card_ids(db) if w != prey)
    old = flip_back_to(db, [other, prey], START - timedelta(days=3))
    previews.turn_to(db, 1001, old, 1, START - reread_before)
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
    old = flip_back_to(db, [prey], START - timedelta(days=3))
    previews.turn_to(db, 1001, old, 0, START - timedelta(hours=18))  # Sunday evening, NY
    assert answer_deciding_review(db, prey, START).newly_mastered
