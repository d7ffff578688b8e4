"""A check asks each word once: one ready word is one question (not the same word three times),
and a short check says why and when more words come."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from bot.domain.mastery import new_mastery
from bot.services import answers, checks, progress, readiness, reminders
from bot.store import check_items, people
from bot.store import study as stored
from bot.store.packs import pack_words
from tests.clock import START
from tests.harness import enrol_student, read_words

TZ = ZoneInfo("America/New_York")


def in_review(db: Database, word_ids: list[int], due: timedelta) -> None:
    """These words are being reviewed: right on two days, their next review `due` from START."""
    for word_id in word_ids:
        state = stored.get_mastery(db, 1001, word_id) or new_mastery(word_id, START)
        stored.save_mastery(db, 1001, word_id, replace(
            state, success_days=frozenset({"2026-09-01", "2026-09-02"}), answered=True,
            due_at=START + due, first_correct_at=START - timedelta(days=10)), START)


def ready_only(db: Database, ready: int, due: timedelta = timedelta(days=2),
               whole_pack: bool = False) -> list[int]:
    """Preview the first set; leave `ready` words to practise, the others in review (with
    `whole_pack`, every other word of the pack too, so no new word can unlock)."""
    shown = [w.id for w in read_words(db, START)]
    others = [w.id for w in pack_words(db, "science.ecosystems")] if whole_pack else shown
    in_review(db, [w for w in others if w not in shown[:ready]], due)
    return shown[:ready]


def answer_all(db: Database, question: checks.Question | None) -> list[answers.Feedback]:
    """Answer every question right, as a tap (or the typed word); return the feedback."""
    out = []
    while question is not None:
        item = question.item
        if item.typed:
            feedback = answers.answer_typed(db, 1001, item.answer, START, TZ)
            assert isinstance(feedback, answers.Feedback)
        else:
            feedback = answers.answer_choice(db, 1001, question.item_id,
                                             item.options.index(item.answer), START, TZ)
        out.append(feedback)
        question = feedback.next_question
    return out


@pytest.mark.parametrize("level", [1, 3, 5])
def test_a_single_ready_word_is_one_question_not_three(
        db: Database, school_class: people.ClassInfo, level: int) -> None:
    enrol_student(db, START, level=level)
    (word,) = ready_only(db, 1)
    question = checks.start_check(db, 1001, START, random.Random(1), hears=True)
    assert question is not None and (question.number, question.total) == (1, 1)
    feedback = answer_all(db, question)
    assert [f.word_id for f in feedback] == [word]
    assert feedback[-1].score == (1, 1)
    assert db["attempts"].count == 1


def test_two_ready_words_are_two_questions_each_asked_once(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START, level=2)
    words = ready_only(db, 2)
    for seed in range(10):  # checks left unanswered: the same two words stay ready
        question = checks.start_check(db, 1001, START, random.Random(seed), hears=True)
        assert question is not None
        check = check_items.read_check(db, question.item_id)
        assert check is not None
        asked = [found.item.word_id for row in check.rows
                 if (found := check.item(row["id"])) is not None]
        assert sorted(asked) == sorted(words)


def test_a_due_review_alone_is_still_asked(db: Database,
                                           school_class: people.ClassInfo) -> None:
    # Never zero questions while a word is due: the one due review is the whole check.
    enrol_student(db, START, level=3)
    (word,) = ready_only(db, 1, whole_pack=True)
    in_review(db, [word], due=-timedelta(hours=1))  # no word is learning: one review is due
    start = checks.begin_check(db, 1001, START, random.Random(2), tz=TZ)
    assert start.unread == [] and start.question is not None
    assert start.question.total == 1 and start.question.item.word_id == word


def test_a_short_check_says_when_the_next_review_comes(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START, level=3)
    ready_only(db, 1, due=timedelta(days=2), whole_pack=True)
    start = checks.begin_check(db, 1001, START, random.Random(3), tz=TZ)
    assert start.unread == [] and start.question is not None
    wednesday = readiness.BackOn(START.date() + timedelta(days=2), in_days=2)
    assert start.short == checks.ShortCheck(new_cards=False, back=wednesday)


def test_a_short_check_after_new_cards_asks_none_of_them_and_says_they_come_next(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START, level=3)
    (word,) = ready_only(db, 1)
    start = checks.begin_check(db, 1001, START, random.Random(4), tz=TZ)
    assert len(start.unread) == 4  # four slots opened: their cards come first
    assert start.question is not None and start.question.total == 1
    assert start.question.item.word_id == word
    assert start.short is not None and start.short.new_cards


def test_a_full_check_says_nothing_about_its_length(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START, level=3)
    ready_only(db, 3, whole_pack=True)
    start = checks.begin_check(db, 1001, START, random.Random(5), tz=TZ)
    assert start.question is not None and start.question.total == 3
    assert start.short is None


def test_practice_again_still_follows_two_misses_on_a_one_word_check(
        db: Database, school_class: people.ClassInfo) -> None:
    # Re-teaching's easier item is outside the numbered questions: the one word may come back.
    enrol_student(db, START, level=1)
    (word,) = ready_only(db, 1, whole_pack=True)
    for day in range(2):  # two checks on two days, one miss each: two misses in a row
        now = START + timedelta(days=day)
        question = checks.start_check(db, 1001, now, random.Random(6), tz=TZ)
        assert question is not None and question.total == 1
        item = question.item
        wrong = (item.options.index(item.answer) + 1) % len(item.options)
        feedback = answers.answer_choice(db, 1001, question.item_id, wrong, now, TZ)
    assert feedback.reteach is not None and feedback.reteach.id == word
    again = feedback.next_question
    assert again is not None and again.practice and again.item.word_id == word
    assert (again.number, again.total) == (1, 1)  # the check did not grow
    last = answers.answer_choice(db, 1001, again.item_id, again.item.options.index(
        again.item.answer), now, TZ)
    assert last.score == (0, 1)  # practice is outside the score
    # ... and it is not evidence: the card and the answer were shown just before it
    state = stored.get_mastery(db, 1001, word)
    assert state is not None and state.successes == 0 and not state.success_days


def test_a_review_held_for_the_retention_gap_is_due_nowhere_until_a_check_can_ask_it(
        db: Database, school_class: people.ClassInfo) -> None:
    # A reminder ("Words to review: 1. Tap /check") must never lead to a check with nothing
    # to ask: the reminder, /progress and /check count due words one way.
    enrol_student(db, START, level=3)
    (word,) = ready_only(db, 1, due=timedelta(days=30), whole_pack=True)
    state = stored.get_mastery(db, 1001, word)
    assert state is not None
    stored.save_mastery(db, 1001, word, replace(  # right on two days, the first one yesterday
        state, success_days=frozenset({"2026-09-13", "2026-09-14"}), answered=True,
        due_at=START - timedelta(hours=1), first_correct_at=START - timedelta(days=1)), START)
    assert reminders.due_reviews(db, 1001, START, TZ).ready == 0
    assert progress.progress(db, 1001, START, TZ).due == 0
    assert checks.begin_check(db, 1001, START, random.Random(7), tz=TZ).question is None
    later = START + timedelta(days=2)  # three days after the first right answer
    assert reminders.due_reviews(db, 1001, later, TZ).ready == 1
    assert progress.progress(db, 1001, later, TZ).due == 1
    start = checks.begin_check(db, 1001, later, random.Random(7), tz=TZ)
    assert start.question is not None and start.question.item.word_id == word
