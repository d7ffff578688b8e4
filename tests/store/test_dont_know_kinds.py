"""A 🤷 is counted as the question she saw: over letter tiles a tiles answer (never typed), at
a listening question a listening one. The 🤷 "at most questions to write the word" rule reads
the questions to write alone: listening is recognition of the spoken word, not writing."""

from __future__ import annotations

from sqlite_utils import Database

from bot.domain.answer_kinds import AnswerKind, KindCount
from bot.domain.mastery import new_mastery
from bot.domain.overrule import Graded
from bot.domain.scaffold import ItemType
from bot.services import class_reports
from bot.store import people
from bot.store import study as stored
from bot.store.packs import pack_words
from tests.clock import START
from tests.harness import TEACHER_ID, enrol_student


def _shrug(db: Database, word_id: int, kind: ItemType, graded: Graded) -> None:
    """One counted 🤷 on a word (a miss in the totals the reports read, and its attempt)."""
    state = stored.get_mastery(db, 1001, word_id) or new_mastery(word_id, START)
    stored.save_mastery(db, 1001, word_id, state, START, answered=False,
                        listening=kind is ItemType.LISTEN)
    stored.record_attempt(db, 1001, word_id, kind, "so", False, START, grading=graded.bits(),
                          dont_know=True)


def _hodan(db: Database) -> list[int]:
    enrol_student(db, START, name="Hodan", lang="so", level=1)
    return [w.id for w in pack_words(db, "science.ecosystems")][:3]


def test_a_dont_know_over_tiles_counts_as_tiles_and_a_typed_one_as_typed(
        db: Database, school_class: people.ClassInfo) -> None:
    words = _hodan(db)
    _shrug(db, words[0], ItemType.TYPED, Graded(False, typed=True, on_tiles=True))
    _shrug(db, words[1], ItemType.TYPED, Graded(False, typed=True))
    _, matrix = class_reports.class_report(db, TEACHER_ID, None)
    assert matrix.kinds[1001] == {AnswerKind.TILES: KindCount(0, 1),
                                  AnswerKind.TYPED: KindCount(0, 1)}
    assert [matrix.cells[1001, w].tiled for w in words[:2]] == [1, 0]


def test_listening_dont_knows_count_in_their_words_but_name_no_one_for_writing(
        db: Database, school_class: people.ClassInfo) -> None:
    words = _hodan(db)
    for word_id in words:  # three 🤷 at listening: none at a question to write
        _shrug(db, word_id, ItemType.LISTEN, Graded(False, 4))
    _, matrix = class_reports.class_report(db, TEACHER_ID, None)
    cells = [matrix.cells[1001, w] for w in words]
    assert [(c.listened_dont_know, c.dont_know) for c in cells] == [(1, 0)] * 3
    assert 1001 not in matrix.typed  # not "🤷 at most questions to write the word"
    for word_id in words:  # three at questions to write: she is
        _shrug(db, word_id, ItemType.TYPED, Graded(False, typed=True, on_tiles=True))
    _, matrix = class_reports.class_report(db, TEACHER_ID, None)
    assert matrix.typed[1001].skips_typed and matrix.typed[1001].typed == 3
