"""Listening answers ("hear the word, choose it") are recognition: the teacher sees them apart
from a word's meaning answers, on a line of their own in /student and /report, beside each
word in /student, and in two CSV columns, when there are any."""

from __future__ import annotations

import csv
import io
import random
from dataclasses import replace
from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from bot.domain.mastery import new_mastery
from bot.domain.scaffold import ItemType
from bot.presentation.charts import TOO_FEW
from bot.presentation.i18n import Catalog
from bot.presentation.report_csv import csv_bytes
from bot.presentation.report_heatmap import shade
from bot.presentation.report_student import student_lines
from bot.presentation.report_text import summary_text
from bot.services import checks, class_reports
from bot.store import open_store, people, schema
from bot.store import study as stored
from bot.store.packs import pack_words
from tests.clock import START
from tests.harness import TEACHER_ID, answer_through, enrol_student, read_words, store_before

TZ = ZoneInfo("America/New_York")
LISTENING = "🔊 Listening (hear the word, choose it; recognition, not meaning)"


def _answer(db: Database, word_id: int, *right: bool, listening: bool = False,
            student_id: int = 1001) -> None:
    """Graded answers on one word, counted in the totals the reports read."""
    state = stored.get_mastery(db, student_id, word_id) or new_mastery(word_id, START)
    for number, answer in enumerate(right):
        stored.save_mastery(db, student_id, word_id, state, START + timedelta(minutes=number),
                            answered=answer, listening=listening)


def test_a_listening_answer_is_counted_apart_as_the_student_gives_it(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START, level=1)
    read_words(db, START)
    counted = ("SELECT count(*), sum(correct) FROM attempts WHERE item_type = ? AND "
               "practice = 0")
    for seed in range(40):  # a check a day until a few listening items came up, as given
        if db.execute(counted, [str(ItemType.LISTEN)]).fetchone()[0] >= 3:
            break
        now = START + timedelta(days=seed)
        question = checks.start_check(db, 1001, now, random.Random(seed), hears=True, tz=TZ)
        answer_through(db, question, now, TZ, lambda _, seed=seed: seed % 3 != 0)
    # (a right answer that was practice, the answer alone left, is in no teacher's count)
    listen = db.execute(counted, [str(ItemType.LISTEN)]).fetchone()
    assert listen[0] >= 3
    _, matrix = class_reports.class_report(db, TEACHER_ID, None)
    cells = matrix.cells.values()
    assert (sum(c.listened for c in cells), sum(c.listened_right for c in cells)) == listen
    assert sum(c.attempts for c in cells) > listen[0]  # the totals hold every answer


def test_student_and_report_show_listening_on_one_line_only_when_there_is_some(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    enrol_student(db, START, 1001, "Mateo", level=1)
    enrol_student(db, START, 1002, "Ana", level=4)
    words = {w.word.term: w.id for w in pack_words(db, "science.ecosystems")}
    _answer(db, words["predator"], True, False, True)
    _answer(db, words["predator"], True, True, listening=True)
    _answer(db, words["prey"], False, listening=True)
    _answer(db, words["habitat"], True, True, student_id=1002)
    found, matrix = class_reports.class_report(db, TEACHER_ID, None)

    mateo = student_lines(matrix, 1001, catalog, "en")
    assert mateo[-1] == f"{LISTENING}: correct 2 of 3"
    assert sum(LISTENING in line for line in mateo) == 1
    # a word's count is its meaning answers, its listening answers apart (as /report's rule)
    assert "predator: correct 2 of 3 over 1 day · 🔊 2 of 2 · " in "\n".join(mateo)
    assert not any("🔊" in line for line in student_lines(matrix, 1002, catalog, "en"))
    assert f"{LISTENING}: correct 2 of 3" in summary_text(found.name, matrix, catalog, "en")
    spanish = "\n".join(student_lines(matrix, 1001, catalog, "es"))
    assert "🔊 Escucha (oír la palabra y elegirla; reconocimiento, no significado): " \
        "aciertos: 2 de 3" in spanish


def test_one_listening_answer_is_too_few_to_tell(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    enrol_student(db, START, 1001, "Mateo", level=1)
    words = {w.word.term: w.id for w in pack_words(db, "science.ecosystems")}
    _answer(db, words["predator"], True, True)
    _answer(db, words["prey"], True, listening=True)
    _, matrix = class_reports.class_report(db, TEACHER_ID, None)
    assert student_lines(matrix, 1001, catalog, "en")[-1] == \
        f"{LISTENING}: 1 answer, too few to tell"


def test_a_class_without_listening_answers_gets_no_listening_line(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    enrol_student(db, START, 1001, "Mateo", level=3)
    words = pack_words(db, "science.ecosystems")
    _answer(db, words[0].id, True, False)
    found, matrix = class_reports.class_report(db, TEACHER_ID, None)
    assert "🔊" not in summary_text(found.name, matrix, catalog, "en")


def test_the_csv_has_listening_columns_apart_from_attempts(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START, 1001, "Mateo", level=1)
    enrol_student(db, START, 1002, "Ana", level=1)
    words = {w.word.term: w.id for w in pack_words(db, "science.ecosystems")}
    _answer(db, words["predator"], True, False)
    _answer(db, words["predator"], True, listening=True)
    _, matrix = class_reports.class_report(db, TEACHER_ID, None)
    rows = {r["student"]: r for r in csv.DictReader(io.StringIO(
        csv_bytes(matrix).decode("utf-8-sig")))}
    mateo, ana = rows["Mateo"], rows["Ana"]
    assert (mateo["attempts"], mateo["correct"]) == ("2", "1")  # on its meaning
    assert (mateo["listening_attempts"], mateo["listening_correct"]) == ("1", "1")
    assert (ana["listening_attempts"], ana["listening_correct"]) == ("0", "0")  # not met


def test_the_migration_counts_listening_answers_already_given() -> None:
    db, words = store_before("0013_listening_totals")
    word = words[0]
    db.execute("INSERT INTO mastery (student_id, word_id, p_known, card, due_at, updated_at, "
               "attempts, correct) VALUES (1, ?, 0.5, '{}', 'x', 'x', 4, 3)", [word])
    for kind, correct in (("listen", 1), ("listen", 0), ("listen", 1), ("choice", 1)):
        db.execute("INSERT INTO attempts (student_id, word_id, item_type, prompt_lang, correct, "
                   "answered_at) VALUES (1, ?, ?, 'es', ?, 'x')", [word, kind, correct])
    schema.migrations.apply(db)
    assert db.execute("SELECT listened, listened_right FROM mastery").fetchone() == (3, 2)
    assert open_store(None).execute("SELECT listened FROM mastery").fetchall() == []


def test_a_right_listening_tap_lifts_no_estimate_in_the_csv_or_the_heatmap(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    # teacher playtest: a random guesser's "area: correct 1 of 5 · 🔊 1 of 1" read 0.88 (green);
    # Pao's "angle: 1 answer, too few to tell · 🔊 1 of 1" read 0.73 in the CSV
    enrol_student(db, START, 1001, "Pao", level=1)
    enrol_student(db, START, 1002, "Guess", level=1)
    words = {w.word.term: w.id for w in pack_words(db, "science.ecosystems")}
    for student, right in ((1001, (True,)), (1002, (True, False, False, False, False))):
        state = replace(new_mastery(words["predator"], START), p_known=0.88)
        stored.save_mastery(db, student, words["predator"], state, START)
        _answer(db, words["predator"], *right, student_id=student)
        _answer(db, words["predator"], True, listening=True, student_id=student)
    _, matrix = class_reports.class_report(db, TEACHER_ID, None)
    rows = {r["student"]: r for r in csv.DictReader(io.StringIO(
        csv_bytes(matrix).decode("utf-8-sig"))) if r["word"] == "predator"}
    # as /student says it
    assert (rows["Pao"]["estimated_chance_knows_now"],
            rows["Pao"]["no_estimate_reason"]) == ("", "too few answers")
    assert rows["Guess"]["estimated_chance_knows_now"] == "0.00"  # 1 of 5 is what guessing gives
    pao = matrix.cells[(1001, words["predator"])]
    assert "predator: 1 answer, too few to tell · 🔊 1 of 1" in "\n".join(
        student_lines(matrix, 1001, catalog, "en"))
    assert shade(pao) == TOO_FEW
