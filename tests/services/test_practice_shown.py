"""Her best student looked as if she did nothing (grade-3 playtest): Jean was right 13 times
of 14 over three checks, most of it practice (the day each card was first read), and /report
said "🤔 Too few answers to tell yet: Jean (1 of 1 right)". The practice is shown beside the
counted answers, never added into them: a count a teacher trusts stays what it was."""

from __future__ import annotations

from datetime import timedelta

from sqlite_utils import Database

from bot.domain.mastery import new_mastery
from bot.presentation.i18n import Catalog
from bot.presentation.report_text import summary_text
from bot.services import class_reports
from bot.store import people
from bot.store import study as stored
from bot.store.packs import pack_words
from tests.clock import START
from tests.harness import TEACHER_ID, enrol_student

JEAN, BO = 1001, 1002


def _answers(db: Database, student_id: int, word_id: int, *right: bool,
             practice: bool = False) -> None:
    state = stored.get_mastery(db, student_id, word_id) or new_mastery(word_id, START)
    for number, answer in enumerate(right):
        stored.save_mastery(db, student_id, word_id, state, START + timedelta(minutes=number),
                            answered=answer, practice=practice)


def test_practice_is_shown_beside_too_few_counted_answers_never_added_in(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    enrol_student(db, START, JEAN, "Jean", level=2)
    words = [w.id for w in pack_words(db, "science.ecosystems")]
    for n, word in enumerate(words[:6]):  # 13 practice answers, one missed
        _answers(db, JEAN, word, *([True, True] if n else [True, False, True]), practice=True)
    _answers(db, JEAN, words[0], True)  # the one counted answer so far
    found, matrix = class_reports.class_report(db, TEACHER_ID, None)

    text = str(summary_text(found.name, matrix, catalog, "en"))

    assert ("🤔 Too few answers to tell yet (one counted answer a word so far): Jean (1 of 1 "
            "right · ✏️ practice: 12 of 13 right)") in text
    assert "counted answers start when a word comes back on a later school day" in text
    assert "✅ On track: none" in text  # practice is no evidence: no verdict from it


def test_a_student_with_practice_only_shows_what_she_got_right(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    enrol_student(db, START, JEAN, "Jean", level=2)
    words = [w.id for w in pack_words(db, "science.ecosystems")]
    _answers(db, JEAN, words[0], True, False, True, practice=True)
    found, matrix = class_reports.class_report(db, TEACHER_ID, None)

    text = str(summary_text(found.name, matrix, catalog, "en"))

    assert "(those answers are not counted; counting starts the next school day): Jean (2 of " \
        "3 right)" in text


def test_too_few_without_practice_reads_as_before(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    enrol_student(db, START, BO, "Bo", level=2)
    _answers(db, BO, pack_words(db, "science.ecosystems")[0].id, True)
    found, matrix = class_reports.class_report(db, TEACHER_ID, None)

    text = str(summary_text(found.name, matrix, catalog, "en"))

    assert text.endswith(": Bo (1 of 1 right)")
    assert "✏️" not in text
