"""A word's checks are not the same question again: a student who could pass by remembering a
sentence's shape, or the card she just read, shows nothing about the word (mid-level playtest:
the same definition asked in check after check)."""

from __future__ import annotations

import itertools
import random
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from bot.services import answers, checks
from bot.store import people
from bot.store.packs import words_by_id
from tests.clock import START
from tests.harness import enrol_student, read_words

TZ = ZoneInfo("America/New_York")


def study_days(db: Database, days: int, user_id: int = 1001, misses: bool = False,
               practice: bool = False) -> dict[int, list[str]]:
    """She reads her cards, then does one check a day, every answer right (`misses`: every
    other numbered one wrong, which brings "Practice again" between checks): the prompts each
    word was asked with, in order ("Practice again" left out unless `practice`: then its
    prompts are kept too, marked with a leading "practice: ")."""
    asked: dict[int, list[str]] = {}
    now = START
    read_words(db, now, user_id)
    rng = random.Random(3)
    for _ in range(days):
        now += timedelta(days=1)
        question = checks.start_check(db, user_id, now, rng, tz=TZ)
        while question is not None:
            item = question.item
            if practice or not question.practice:
                mark = "practice: " if question.practice else ""
                asked.setdefault(item.word_id, []).append(mark + item.prompt)
            wrong = misses and not question.practice and question.number % 2 == 0
            if item.typed:
                feedback = answers.answer_typed(db, user_id, "idk" if wrong else item.answer,
                                                now, TZ)
            else:
                right = item.options.index(item.answer)
                feedback = answers.answer_choice(db, user_id, question.item_id,
                                                 (right + wrong) % len(item.options), now, TZ)
            question = feedback.next_question if feedback is not None else None
    return asked


@pytest.mark.parametrize(("level", "misses"), [(3, False), (4, False), (3, True), (4, True)])
def test_a_word_asked_in_three_checks_or_more_is_not_asked_the_same_way_each_time(
        db: Database, school_class: people.ClassInfo, level: int, misses: bool) -> None:
    enrol_student(db, START, level=level)
    asked = study_days(db, 30, misses=misses)
    # (every answer right: a word is mastered on its third check, now that no tap of hers is
    # practice for its options' sake, check_plan)
    often = {w: p[:4] for w, p in asked.items() if len(p) >= 3}
    assert often  # several words came back three times or more
    for prompts in often.values():
        assert len(set(prompts)) >= 2
        # and no check asks it exactly as the check before did
        assert all(a != b for a, b in itertools.pairwise(prompts))


@pytest.mark.parametrize("level", [3, 4])
def test_a_practice_again_question_is_not_the_next_checks_question_on_its_word(
        db: Database, school_class: people.ClassInfo, level: int) -> None:
    # playtest: "habitat" was missed, "Practice again" asked its definition, and the next
    # day's check asked the very same sentence: answered from the screen of the day before
    enrol_student(db, START, level=level)
    asked = study_days(db, 30, misses=True, practice=True)
    followed = [(a, b) for prompts in asked.values() for a, b in itertools.pairwise(prompts)
                if a.startswith("practice: ") and not b.startswith("practice: ")]
    assert len(followed) >= 3  # "Practice again" came between checks, often
    assert all(a.removeprefix("practice: ") != b for a, b in followed)


@pytest.mark.parametrize("level", [3, 4, 5])
def test_the_first_check_on_a_word_never_shows_a_sentence_of_its_card(
        db: Database, school_class: people.ClassInfo, level: int) -> None:
    enrol_student(db, START, level=level)
    asked = study_days(db, 1)
    words = {w.id: w.word for w in words_by_id(db, list(asked))}
    assert asked
    for word_id, prompts in asked.items():
        word = words[word_id]
        # every shipped word has a definition the card does not show (`simple`)
        assert prompts[0] not in (word.definition, word.example)
