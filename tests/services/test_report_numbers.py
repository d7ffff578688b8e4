"""The numbers a teacher reads in /roster, /student, /report and the CSV: a self-placed level is
labelled as such, "hardest words" and "needs help" follow one rule, a single answer is shown as
too few to tell, and the CSV names students without their Telegram ids (real store, real
prompts)."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from sqlite_utils import Database

from bot.domain import placement
from bot.domain.mastery import new_mastery
from bot.presentation.i18n import Catalog
from bot.presentation.report_csv import csv_bytes
from bot.presentation.report_student import student_lines
from bot.presentation.report_text import summary_text
from bot.presentation.views import level_text
from bot.services import class_reports, join, levels, teaching
from bot.store import people
from bot.store import study as stored
from bot.store.packs import pack_words
from tests.clock import START
from tests.harness import TEACHER_ID, enrol_student


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def _answer(db: Database, student_id: int, word_id: int, *right: bool) -> None:
    """Graded answers on one word, counted in the totals the reports read."""
    state = stored.get_mastery(db, student_id, word_id) or new_mastery(word_id, START)
    for number, answer in enumerate(right):
        stored.save_mastery(db, student_id, word_id, state, START + timedelta(minutes=number),
                            answered=answer)


def _self_place_with_i_dont_know(db: Database, student_id: int) -> int | None:
    join.open_placement(db, student_id)
    first = placement.PLACEMENT[0]
    return join.answer_placement(db, student_id, 0, len(first.options)).level  # 🤷


def test_a_self_placed_level_is_labelled_until_the_teacher_sets_it_with_level(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    enrol_student(db, START, 1001, "Mateo", level=None)
    assert _self_place_with_i_dont_know(db, 1001) == 1

    row, matrix = class_reports.student_report(db, TEACHER_ID, "Mateo")
    assert level_text(row.level, row.self_placed, catalog, "en") == \
        "level 1 (self-placed; /level sets it)"
    [listed] = teaching.roster(db, school_class.id)
    assert listed.self_placed and matrix.students[0].self_placed

    levels.set_level(db, TEACHER_ID, "Mateo", "2")
    row, _ = class_reports.student_report(db, TEACHER_ID, "Mateo")
    assert level_text(row.level, row.self_placed, catalog, "en") == "WIDA level 2"
    assert level_text(row.level, row.self_placed, catalog, "es") == "nivel WIDA 2"
    # the student's own placement, run again, never overrides the teacher's level
    people.set_level(db, 1001, None, 1, people.PLACEMENT)
    [listed] = teaching.roster(db, school_class.id)
    assert (listed.level, listed.self_placed) == (2, False)


def test_the_csv_says_who_set_each_level_and_holds_no_telegram_id(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START, 5550030, "Mateo", level=None)
    _self_place_with_i_dont_know(db, 5550030)
    enrol_student(db, START, 5550031, "Ana", level=4)
    enrol_student(db, START, 5550032, "Bo", level=None)  # no placement finished: no level
    words = pack_words(db, "science.ecosystems")
    for student in (5550030, 5550031, 5550032):
        _answer(db, student, words[0].id, True)
    _, matrix = class_reports.class_report(db, TEACHER_ID, None)
    data = csv_bytes(matrix)
    rows = _rows(data)
    by_name = {r["student"]: r for r in rows}
    assert (by_name["Mateo"]["wida_level"], by_name["Mateo"]["level_source"]) == \
        ("1", "self-placed")
    assert (by_name["Ana"]["wida_level"], by_name["Ana"]["level_source"]) == ("4", "teacher")
    assert (by_name["Bo"]["wida_level"], by_name["Bo"]["level_source"]) == ("", "")
    assert "student_id" not in rows[0]
    # each student's number from joining (as /roster shows it), rows by name
    assert [r["student"] for r in rows[::len(rows) // 3]] == ["Ana", "Bo", "Mateo"]
    assert [by_name[n]["roster_no"] for n in ("Ana", "Bo", "Mateo")] == ["2", "3", "1"]
    assert b"555003" not in data  # no Telegram id anywhere in the file


def test_hardest_words_and_needs_help_follow_one_rule(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    enrol_student(db, START, 1001, "Mateo", level=1)
    enrol_student(db, START, 1002, "Ana", level=3)
    words = {w.word.term: w.id for w in pack_words(db, "science.ecosystems")}
    _answer(db, 1001, words["predator"], False, False)       # 0 of 2: hard
    _answer(db, 1001, words["prey"], False, True, False)     # 1 of 3: hard
    _answer(db, 1001, words["habitat"], False)               # one answer: too few to tell
    _answer(db, 1002, words["community"], True, True)        # no error: never "hardest"
    _answer(db, 1002, words["energy"], True, True, False, True)  # 3 of 4: not hard
    found, matrix = class_reports.class_report(db, TEACHER_ID, None)

    text = summary_text(found.name, matrix, catalog, "en")

    # Mateo alone answered them: the same two words again under 🧗 read as a second finding
    # (playtest, a class of one), so 🧗 points up to 🆘, where they get their counts
    assert ("🆘 Needs help: Mateo (predator: correct 0 of 2 over 1 day; prey: correct 1 of 3 "
            "over 1 day)\n🧗 Hardest words: the words under 🆘 (only Mateo needs help with "
            "them)\n") in text
    assert text.count("predator") == 1 and text.count("prey") == 1
    assert "community" not in text and "habitat" not in text and "energy" not in text
    assert "✅ On track: Ana" in text


def test_one_answer_is_shown_as_too_few_to_tell_not_as_evidence(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    enrol_student(db, START, 1001, "Mateo", level=1)
    words = {w.word.term: w.id for w in pack_words(db, "science.ecosystems")}
    _answer(db, 1001, words["predator"], True)  # a one-in-three guess at level 1
    found, matrix = class_reports.class_report(db, TEACHER_ID, None)

    drill = "\n".join(student_lines(matrix, 1001, catalog, "en"))
    text = summary_text(found.name, matrix, catalog, "en")

    assert "predator: 1 answer, too few to tell · learning" in drill
    assert "correct 1 of 1" not in drill
    assert "✅ On track: none" in text
    assert text.endswith("\n🤔 Too few answers to tell yet (one counted answer a word so far): "
                         "Mateo (1 of 1 right)")  # the work shown, never judged


def test_the_csv_says_too_few_answers_at_one_answer_and_not_answered_at_none(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    enrol_student(db, START, 1001, "Mateo", level=1)
    enrol_student(db, START, 1002, "Ana", level=3)
    words = {w.word.term: w.id for w in pack_words(db, "science.ecosystems")}
    _answer(db, 1001, words["predator"], True)            # one lucky tap: no estimate
    _answer(db, 1001, words["prey"], True, False)         # two answers: evidence
    stored.save_mastery(db, 1001, words["habitat"], new_mastery(words["habitat"], START),
                        START)                            # previewed, never answered
    stored.mark_shown(db, 1001, [words["habitat"]], START)
    _, matrix = class_reports.class_report(db, TEACHER_ID, None)
    rows = {(r["student"], r["word"]): r for r in _rows(csv_bytes(matrix))}

    predator = rows["Mateo", "predator"]
    assert (predator["estimated_chance_knows_now"], predator["no_estimate_reason"],
            predator["attempts"]) == ("", "too few answers", "1")
    # No answer at all reads the same whether the card was seen (Mateo) or not (Ana)
    assert (rows["Mateo", "habitat"]["estimated_chance_knows_now"],
            rows["Mateo", "habitat"]["no_estimate_reason"]) == ("", "not answered")
    assert float(rows["Mateo", "prey"]["estimated_chance_knows_now"]) > 0
    assert (rows["Ana", "predator"]["estimated_chance_knows_now"],
            rows["Ana", "predator"]["no_estimate_reason"]) == ("", "not answered")
    assert rows["Ana", "predator"]["attempts"] == rows["Mateo", "habitat"]["attempts"] == "0"
    drill = "\n".join(student_lines(matrix, 1001, catalog, "en"))
    assert "predator: 1 answer, too few to tell" in drill  # the same rule, the same word


@pytest.mark.parametrize("right", [(True, False, False), (False,) * 5])
def test_after_a_first_check_with_one_answer_a_word_a_student_is_too_few_to_tell(
        db: Database, school_class: people.ClassInfo, catalog: Catalog,
        right: tuple[bool, ...]) -> None:
    """The playtest: "🆘 Needs help: Ana (correct 1 of 3; too few answers on any one word to
    say which)" after her very first check. One answer a word is no evidence, added up or not."""
    enrol_student(db, START, 1002, "Ana", level=1)
    enrol_student(db, START, 1003, "Bo", level=1)
    words = pack_words(db, "science.ecosystems")
    for word, answer in zip(words, right, strict=False):
        _answer(db, 1002, word.id, answer)
    _answer(db, 1003, words[0].id, True, True)  # two answers on one word: on track
    found, matrix = class_reports.class_report(db, TEACHER_ID, None)

    text = summary_text(found.name, matrix, catalog, "en")

    assert "🆘 Needs help: none" in text and "✅ On track: Bo" in text
    assert text.endswith("\n🤔 Too few answers to tell yet (one counted answer a word so far): "
                         f"Ana ({sum(right)} of {len(right)} right)")
    assert "🧗 Hardest words: none" in text


def test_a_class_of_one_lists_its_hard_words_once(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    # playtest (Yousef, the only student of Maths 8): the same words under 🆘 and again under 🧗
    enrol_student(db, START, 1001, "Yousef", level=3)
    words = {w.word.term: w.id for w in pack_words(db, "science.ecosystems")}
    _answer(db, 1001, words["predator"], False, False)
    _answer(db, 1001, words["prey"], False, True, False)
    found, matrix = class_reports.class_report(db, TEACHER_ID, None)
    text = summary_text(found.name, matrix, catalog, "ar")
    assert "Yousef (\u200f\u2068predator\u2069: \u20680\u2069 صحيحة من \u20682\u2069" in text
    assert text.count("predator") == 1  # with its counts, under 🆘 alone
    assert "🧗" in text and "الكلمات المذكورة تحت 🆘" in text
