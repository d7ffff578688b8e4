"""/report shows how mastery is spread over the class: one strong student's 17 mastered words
(of the class's 21) read "50% mastered" while four of five students had mastered 0-3 (teacher
playtest M1)."""

from __future__ import annotations

from bot.presentation.i18n import Catalog
from bot.presentation.report_text import summary_text
from bot.store.reports import Cell, ClassMatrix, StudentRow, WordColumn

STAMP = "2026-09-14T15:00:00+00:00"
# name, words met, words mastered (the play-test's class on day 18)
CLASS = (("Lucia", 20, 17), ("Widlene", 7, 3), ("Amira", 6, 1), ("Hodan", 4, 0),
         ("Minh", 5, 0))


def _class() -> ClassMatrix:
    students = [StudentRow(i, name, "es", 3) for i, (name, _, _) in enumerate(CLASS, 1)]
    cells = {(i, w): Cell(i, w, 0.9, w < mastered, 4, 3, STAMP, 0)
             for i, (_, met, mastered) in enumerate(CLASS, 1) for w in range(met)}
    return ClassMatrix(students, [WordColumn(w, f"word{w}", "pack") for w in range(20)],
                       cells)


def test_the_report_says_how_many_students_have_mastered_a_word_and_the_median(
        catalog: Catalog) -> None:
    text = summary_text("Science 7B", _class(), catalog, "en")

    assert ("👥 Students with a word mastered: 3 of 5 · the median student has mastered "
            "17% of the words they met") in text.split("\n")


def test_no_spread_line_before_any_word_is_mastered(catalog: Catalog) -> None:
    matrix = _class()
    none_yet = ClassMatrix(matrix.students, matrix.words, {
        key: Cell(*key, 0.9, False, 4, 3, STAMP, 0) for key in matrix.cells})
    assert "👥" not in summary_text("Science 7B", none_yet, catalog, "en")
