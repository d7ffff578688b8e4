"""What does it take to fake a knowledge estimate of 0.99? It took two lucky answers: a run
since the last miss that guessing rarely gives let the model's estimate through, over a word's
whole record (teacher playtest: Lucía's evaluate read 0.93 with 1 of 2 right; Widlene, a
guesser, read 0.99 on prey, 2 of 4 right). The bound now holds over all the word's counted
answers unless the run since the last miss came on 3 school days or more."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from sqlite_utils import Database

from bot.domain.mastery import new_mastery, record_answer
from bot.domain.scaffold import ItemType
from bot.domain.word_status import shown_estimate
from bot.presentation.report_csv import csv_bytes
from bot.services import class_reports
from bot.store import people
from bot.store import study as stored
from bot.store.packs import pack_words
from bot.store.reports import Cell
from tests.clock import START
from tests.harness import TEACHER_ID, enrol_student


def _answer(db: Database, student_id: int, word: str, answers: str, item_type: ItemType,
            choices: int | None = None) -> float:
    """Answers a day apart ("W" wrong, "R" right) on one word; the model's own estimate."""
    word_id = next(w.id for w in pack_words(db, "science.ecosystems") if w.word.term == word)
    state = new_mastery(word_id, START)
    for day, answer in enumerate(answers):
        now = START + timedelta(days=day + 1)
        state = record_answer(state, correct=answer == "R", exact=True, item_type=item_type,
                              typed=item_type is ItemType.TYPED, now=now,
                              local_day=now.date().isoformat(), choices=choices)
        stored.save_mastery(db, student_id, word_id, state, now, answered=answer == "R")
    return state.p_known


def _estimates(db: Database) -> dict[tuple[str, str], str]:
    _, matrix = class_reports.class_report(db, TEACHER_ID, None)
    rows = csv.DictReader(io.StringIO(csv_bytes(matrix).decode("utf-8-sig")))
    return {(r["student"].split(" #")[0], r["word"]): r["estimated_chance_knows_now"]
            for r in rows}


def test_one_typed_right_answer_after_a_miss_is_not_shown_as_knowing_the_word(
        db: Database, school_class: people.ClassInfo) -> None:
    """Lucía: missed, then typed right once. A typed guess is rare (0.02, twice over with the
    miss's fresh try: 0.04), which let the model's 0.93 through; one answer is one day."""
    enrol_student(db, START, 1001, "Lucía", level=4)
    model = _answer(db, 1001, "habitat", "WR", ItemType.TYPED)

    assert model > 0.9
    assert float(_estimates(db)["Lucía", "habitat"]) <= 0.25  # 1 of 2 beyond chance


def test_two_lucky_taps_after_two_misses_read_no_more_than_a_quarter(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START, 1002, "Widlene", lang="ht", level=1)
    _answer(db, 1002, "habitat", "WWRR", ItemType.REVERSE, choices=6)

    assert float(_estimates(db)["Widlene", "habitat"]) <= 0.25


def test_real_review_words_keep_the_models_estimate(
        db: Database, school_class: people.ClassInfo) -> None:
    """Right on every answer (no bound: all beyond chance), or missed once and then right on
    three school days in a row: a run guessing gives 1 in 64, tried twice."""
    enrol_student(db, START, 1001, "Lucía", level=4)
    right = _answer(db, 1001, "habitat", "RR", ItemType.REVERSE)
    learned = _answer(db, 1001, "predator", "WRRR", ItemType.REVERSE)
    shown = _estimates(db)

    assert float(shown["Lucía", "habitat"]) == round(right, 2) > 0.5
    assert float(shown["Lucía", "predator"]) == round(learned, 2) > 0.8


def test_a_student_answering_near_chance_gets_no_credit_for_a_lucky_run() -> None:
    """Three right taps among six options on three days after two misses: guessing gives that
    run 1 in 216, tried three times; for a student whose answers look like guessing now it is
    still what her taps give often enough over a week, so the bound over all answers holds."""
    lucky = Cell(1, 0, 0.99, False, 5, 3, "2026-09-18T15:00:00+00:00", 0, days_right=3,
                 luck=1 / 216)
    assert lucky.estimate == 0.99
    assert round(Cell(**{**lucky.__dict__, "near_chance": True}).estimate, 2) == 0.4


def test_a_mastered_word_keeps_its_estimate_whatever_the_record() -> None:
    assert shown_estimate(0.97, 3, 6, mastered=True, near_chance=True) == 0.97
