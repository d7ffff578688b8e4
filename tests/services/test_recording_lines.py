"""Which words /record asks first in a language no voice speaks: those the class's students
of that language have (their cards, or pushed to the class), then the class's others, which
are optional (bot/services/recordings.py, bot/services/recording_flow.py)."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from bot.services import learners, recording_flow, recordings
from bot.store import outbox
from bot.store.packs import pack_words
from tests.clock import START
from tests.harness import TEACHER_ID, enrol_student

pytestmark = pytest.mark.usefixtures("school_class")  # Ms. Rivera's Science 7B
HODAN, PAJ = 1006, 1004


def test_words_pushed_to_the_class_come_first_and_another_languages_cards_do_not_count(
        db: Database) -> None:
    enrol_student(db, START, HODAN, "Hodan", "so", 1)
    enrol_student(db, START, PAJ, "Paj", "hmn", 1)
    every = [i.word_id for i in recordings.lines(db, 1, "so")]
    pushed, pajs = every[-2:], every[0]
    outbox.create_push(db, 1, TEACHER_ID, "science.ecosystems", pushed, START, START)
    learners.introduce_ids(db, PAJ, [pajs], START)  # a card of Paj's, who reads Hmong
    somali = recordings.lines(db, 1, "so")
    assert [i.word_id for i in somali if i.needed] == pushed
    assert [i.word_id for i in somali][:2] == pushed  # asked first, though last in the pack
    ask = recording_flow.start(db, TEACHER_ID, "so", recordings.WORDS)
    assert isinstance(ask, recordings.Ask)
    assert (ask.word_id, ask.done, ask.total, ask.more) == (pushed[0], 0, 2, len(every) - 2)
    assert [i.word_id for i in recordings.lines(db, 1, "hmn") if i.needed] == [pajs, *pushed]


def test_a_push_counts_only_where_a_student_reads_the_language(db: Database) -> None:
    enrol_student(db, START, PAJ, "Paj", "hmn", 1)
    word = pack_words(db, "science.ecosystems")[3].id
    outbox.create_push(db, 1, TEACHER_ID, "science.ecosystems", [word], START, START)
    # no Somali student: a Somali family's replies aside, every Somali word counts, as before
    assert all(i.needed for i in recordings.lines(db, 1, "so"))
    assert [i.word_id for i in recordings.lines(db, 1, "hmn") if i.needed] == [word]
