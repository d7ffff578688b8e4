"""A playtest teacher read "🆘 Needs help: Thiago (analyze, constitution: correct 1 of 3 over
7 days)" in /report and, for the same student, "⚠️ analyze: missed 6 of 6 (5 meaning, 1
listening)" and "⚠️ constitution: missed 3 of 4 (2 meaning, 1 listening)" in /student. One
figure after two words read as both words' count, and it was the class's answers on its
meaning alone, where /student counts her misses, listening too. Each word now gets its own
count under 🆘, the very words /student gives it."""

from __future__ import annotations

from bot.presentation.i18n import Catalog
from bot.presentation.report_student import student_lines
from bot.presentation.report_text import summary_text
from bot.store.reports import Cell, ClassMatrix, StudentRow, WordColumn

MON = "2026-09-14T15:00:00+00:00"  # Monday 14 September
SUN_20 = "2026-09-20T15:00:00+00:00"  # 7 days later
WORDS = [WordColumn(0, "analyze", "social.civics", 0),
         WordColumn(1, "constitution", "social.civics", 1)]


def thiago_and_olga() -> ClassMatrix:
    """Thiago: analyze missed 6 times (one a listening answer), constitution right once of 4
    (one a listening miss), alone to answer it; Olga right on analyze on two days."""
    students = [StudentRow(1, "Thiago", "pt", 2, number=1, joined_at=MON),
                StudentRow(2, "Olga", "ru", 3, number=2, joined_at=MON)]
    cells = {(1, 0): Cell(1, 0, 0.05, False, 6, 0, SUN_20, 6, first_seen=MON, listened=1,
                          shown_at=MON),
             (1, 1): Cell(1, 1, 0.1, False, 4, 1, SUN_20, 3, first_seen=MON, listened=1,
                          shown_at=MON),
             (2, 0): Cell(2, 0, 0.9, False, 2, 2, SUN_20, 0, first_seen=MON, days_right=2,
                          shown_at=MON)}
    return ClassMatrix(students, WORDS, cells)


def test_each_word_under_needs_help_has_the_count_student_gives_it(catalog: Catalog) -> None:
    matrix = thiago_and_olga()
    report = str(summary_text("Civics 8", matrix, catalog, "en"))
    drill = "\n".join(str(line) for line in student_lines(matrix, 1, catalog, "en"))

    analyze = "analyze: missed 6 of 6 (5 meaning, 1 listening)"
    constitution = "constitution: missed 3 of 4 (2 meaning, 1 listening)"
    assert analyze in drill and constitution in drill
    assert f"🆘 Needs help: Thiago ({analyze}; {constitution})" in report
    assert "correct 1 of 3" not in report  # the meaning-only figure /student never shows
