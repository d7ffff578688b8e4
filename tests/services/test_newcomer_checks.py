"""A level 1-2 child is never asked to type an English word only because too few cards were read
for a fair choice: with cards waiting, the check waits for them; a word with no other of its
part of speech read is asked among the words she has read."""

from __future__ import annotations

import random
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from bot.services import checks, learners
from bot.store import people
from bot.store.packs import pack_words
from tests.clock import START
from tests.harness import class_pack_in_review, enrol_student

TZ = ZoneInfo("America/New_York")


def first_card_only(db: Database) -> int:
    """/words at level 1: three words unlocked, the first card shown, Next never tapped."""
    who = learners.learner(db, 1001)
    found = learners.preview_words(db, who, START)
    learners.cards_shown(db, 1001, [found.refs[0].id], START)
    return found.refs[0].id


def pushed_verbs(db: Database, *terms: str) -> list[int]:
    """Verbs pushed to her and their cards opened (her class pack has only nouns)."""
    words = [w for w in pack_words(db, "general.academic-verbs") if w.word.term in terms]
    learners.introduce(db, learners.learner(db, 1001), words, START)
    learners.cards_shown(db, 1001, [w.id for w in words], START)
    return [w.id for w in words]


def test_one_card_read_of_three_sends_the_other_cards_first_and_asks_nothing_yet(
    db: Database, school_class: people.ClassInfo
) -> None:
    enrol_student(db, START, level=1)
    first_card_only(db)
    start = checks.begin_check(db, 1001, START, random.Random(1), tz=TZ)
    assert start.cards_first and start.question is None and len(start.unread) == 2
    assert db["check_items"].count == 0  # no typed question saved behind the cards
    learners.cards_shown(db, 1001, [r.id for r in start.unread], START)  # she reads them
    after = checks.begin_check(db, 1001, START, random.Random(1), tz=TZ)  # their ✅ Check
    assert not after.cards_first and after.question is not None
    assert after.question.total == 3 and len(after.question.item.options) >= 2


def test_at_level_three_one_card_read_is_still_asked_at_once(
    db: Database, school_class: people.ClassInfo
) -> None:
    enrol_student(db, START, level=3)
    word = first_card_only(db)
    start = checks.begin_check(db, 1001, START, random.Random(1), tz=TZ)
    assert not start.cards_first and start.question is not None
    assert start.question.item.word_id == word


def test_a_lone_verb_is_asked_among_her_nouns_then_among_verbs_once_she_reads_one(
    db: Database, school_class: people.ClassInfo
) -> None:
    enrol_student(db, START, level=1)
    class_pack_in_review(db, START)
    pushed_verbs(db, "analyze")  # her only verb: no other verb to choose among
    start = checks.begin_check(db, 1001, START, random.Random(2), tz=TZ)
    assert not start.not_yet and start.question is not None
    assert start.question.item.answer == "analyze" and len(start.question.item.options) >= 2
    pushed_verbs(db, "compare")  # a second verb read: now a fair choice exists
    question = checks.start_check(db, 1001, START, random.Random(2), tz=TZ)
    assert question is not None
    assert sorted(question.item.options) == ["analyze", "compare"]


def test_from_level_three_the_lone_pushed_verb_is_asked_at_once(
    db: Database, school_class: people.ClassInfo
) -> None:
    enrol_student(db, START, level=3)
    class_pack_in_review(db, START)
    (verb,) = pushed_verbs(db, "analyze")
    start = checks.begin_check(db, 1001, START, random.Random(2), tz=TZ)
    assert not start.not_yet and start.question is not None
    assert start.question.item.word_id == verb
