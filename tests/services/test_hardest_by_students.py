"""/report's "🧗 Hardest words" counts students, not answers: one stuck student answering a word
18 times made it the class's hardest while her classmates were mostly right (teacher playtest
M2); a word two students need help with is the one to re-teach to the class."""

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

HODAN, LUCIA, AMIRA, WIDLENE = 1001, 1002, 1003, 1004


def _answer(db: Database, student_id: int, word_id: int, right: int, total: int) -> None:
    """`right` answers of `total` on one word (right ones first), in the reports' totals."""
    state = stored.get_mastery(db, student_id, word_id) or new_mastery(word_id, START)
    for number in range(total):
        stored.save_mastery(db, student_id, word_id, state, START + timedelta(minutes=number),
                            answered=number < right)


def _hardest_line(db: Database, catalog: Catalog) -> tuple[str, str]:
    found, matrix = class_reports.class_report(db, TEACHER_ID, None)
    lines = summary_text(found.name, matrix, catalog, "en").split("\n")
    return (next(line for line in lines if line.startswith("🧗")),
            next(line for line in lines if line.startswith("🆘")))


def test_one_stuck_student_does_not_make_a_word_the_class_hardest(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    for student_id, name in ((HODAN, "Hodan"), (LUCIA, "Lucia"), (AMIRA, "Amira"),
                             (WIDLENE, "Widlene")):
        enrol_student(db, START, student_id, name, level=2)
    words = {w.word.term: w.id for w in pack_words(db, "science.ecosystems")}
    _answer(db, HODAN, words["organism"], 0, 18)  # 18 of the class's 31 answers, all wrong
    for student_id, right, total in ((LUCIA, 4, 4), (AMIRA, 3, 5), (WIDLENE, 3, 4)):
        _answer(db, student_id, words["organism"], right, total)
    for student_id, right, total in ((LUCIA, 4, 4), (AMIRA, 1, 4), (WIDLENE, 1, 3)):
        _answer(db, student_id, words["predator"], right, total)

    hardest, needs_help = _hardest_line(db, catalog)

    assert "Hodan (organism)" in needs_help  # she is named where her help is
    assert "organism" not in hardest  # 10 of 31 right, but 1 of 4 students
    assert hardest == ("🧗 Hardest words: predator: correct 6 of 11 over 1 day "
                       "(needs help: 2 of 3 students)")
