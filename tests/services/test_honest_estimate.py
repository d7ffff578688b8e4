"""The knowledge estimate a teacher reads (the CSV's `estimated_chance_knows_now`, the
heatmap's colour) cannot be faked by a few lucky taps: a newcomer right 6 times of 16 (what
tapping at random among three options gives) is not "sure", while a student who was wrong for
days and is now right every time still reads as knowing the word (teacher playtest, H2)."""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import timedelta

from PIL import Image
from sqlite_utils import Database

from bot.domain.mastery import new_mastery, record_answer
from bot.domain.scaffold import ItemType
from bot.presentation import heatmap
from bot.presentation.report_csv import csv_bytes
from bot.presentation.report_heatmap import heatmap_png
from bot.services import class_reports
from bot.store import people
from bot.store import study as stored
from bot.store.packs import pack_words
from tests.clock import START
from tests.harness import TEACHER_ID, enrol_student

# 10 wrong, 6 right, the last three right in a row: chance-level taps with a lucky end
LUCKY_GUESSER = "WWRWWRWWWRWWWRRR"
LATE_LEARNER = "WWWWWWWWWWRRRRRR"  # wrong for ten days, then right six days running


def _answer(db: Database, student_id: int, word_id: int, answers: str) -> float:
    """Choice answers a day apart ("W" wrong, "R" right); the model's own estimate after them."""
    state = new_mastery(word_id, START)
    for day, answer in enumerate(answers):
        now = START + timedelta(days=day + 1)
        state = record_answer(state, correct=answer == "R", exact=True,
                              item_type=ItemType.CHOICE, typed=False, now=now,
                              local_day=now.date().isoformat())
        stored.save_mastery(db, student_id, word_id, state, now, answered=answer == "R")
    return state.p_known


def _estimates(db: Database) -> dict[str, str]:
    _, matrix = class_reports.class_report(db, TEACHER_ID, None)
    rows = csv.DictReader(io.StringIO(csv_bytes(matrix).decode("utf-8-sig")))
    return {r["student"]: r["estimated_chance_knows_now"] for r in rows if r["word"] == "habitat"}


def _colours(db: Database) -> Counter[tuple[int, int, int]]:
    found, matrix = class_reports.class_report(db, TEACHER_ID, None)
    image = Image.open(io.BytesIO(heatmap_png(found.name, matrix))).convert("RGB")
    return Counter({c: n for n, c in image.getcolors(image.width * image.height) or []})


def _habitat(db: Database) -> int:
    return next(w.id for w in pack_words(db, "science.ecosystems") if w.word.term == "habitat")


def test_a_newcomer_right_6_of_16_is_not_shown_as_sure(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START, 1001, "Hodan", level=1)
    model = _answer(db, 1001, _habitat(db), LUCKY_GUESSER)
    shown = float(_estimates(db)["Hodan"])
    colours = _colours(db)

    assert model > 0.9  # knowledge tracing alone called it known after three lucky taps
    assert shown <= 0.1  # 6 of 16 is hardly above guessing among three
    assert heatmap.colour(model) not in colours  # her cell is not painted dark green
    _, matrix = class_reports.class_report(db, TEACHER_ID, None)
    painted = heatmap.colour(next(iter(matrix.cells.values())).estimate)
    red, green, _ = painted
    assert colours[painted] >= (heatmap.CELL_W - 2) * (heatmap.CELL_H - 2)  # her cell
    assert red > green  # the "not yet" end of the scale


def test_a_student_now_right_every_time_still_reads_as_knowing_the_word(
        db: Database, school_class: people.ClassInfo) -> None:
    """Ten misses then six right in a row: guessing gives that run about once in 4,000 tries,
    so the early misses do not hold her estimate down."""
    enrol_student(db, START, 1002, "Lucia", level=3)
    model = _answer(db, 1002, _habitat(db), LATE_LEARNER)

    assert float(_estimates(db)["Lucia"]) == round(model, 2) > 0.9
    assert heatmap.colour(model) in _colours(db)


# Every column the CSV had before the heatmap told mastered words apart: none moved, one renamed
# (`knowledge_estimate`: a principal read its 1.00 as "100 % mastered")
OLD_CSV_COLUMNS = ["student", "roster_no", "language", "wida_level", "level_source", "pack",
                   "word", "estimated_chance_knows_now", "mastered", "attempts", "correct",
                   "last_seen", "listening_attempts", "listening_correct", "card", "status",
                   "retired", "practice_answers", "needs_to_master"]


def test_two_typed_right_answers_in_one_day_read_high_but_are_not_painted_mastered(
        db: Database, school_class: people.ClassInfo) -> None:
    """Teacher playtest: typed right twice on one day, the model says 1.00, the same dark green
    as a word recalled on a review days later. Now only mastery is green; the CSV keeps its
    columns and their values, `mastered` and `status` beside the number."""
    enrol_student(db, START, 1003, "Minh", lang="vi", level=5)
    state = new_mastery(_habitat(db), START)
    for minutes in (0, 20):
        now = START + timedelta(days=1, minutes=minutes)
        state = record_answer(state, correct=True, exact=True, item_type=ItemType.TYPED,
                              typed=True, now=now, local_day=now.date().isoformat())
        stored.save_mastery(db, 1003, _habitat(db), state, now, answered=True)
    _, matrix = class_reports.class_report(db, TEACHER_ID, None)
    colours = _colours(db)
    text = csv_bytes(matrix).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    row = dict(zip(rows[0], next(r for r in rows if "habitat" in r), strict=True))

    assert rows[0][:len(OLD_CSV_COLUMNS)] == OLD_CSV_COLUMNS  # new columns come after
    assert (row["estimated_chance_knows_now"], row["mastered"], row["attempts"], row["correct"],
            row["status"], row["needs_to_master"]) == (
        "1.00", "0", "2", "2", "learning", "right on 2 more days, the last a recall on its review")
    assert heatmap.MASTERED_GREEN not in colours and heatmap.colour(state.p_known) in colours
    red, green, _ = heatmap.colour(state.p_known)
    assert red > green  # light yellow, at the top of the "not mastered yet" scale
