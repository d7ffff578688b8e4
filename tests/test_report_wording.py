"""What Mr. Okafor's /report and CSV say (teacher playtest, grade 7 science, levels 3-6): who
has done nothing since joining, near the top; a mastered count of student-words, with its rule;
a "none" under hardest words that says what would qualify; "still new, not asked yet"; and a
CSV column saying what a word still needs to be mastered."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date

from bot.presentation.i18n import Catalog
from bot.presentation.report_csv import csv_bytes
from bot.presentation.report_student import student_lines
from bot.presentation.report_text import summary_text
from bot.store.reports import Cell, ClassMatrix, StudentRow, WordColumn

MON = "2026-09-14T15:00:00+00:00"  # Monday 14 September, 11:00 in New York
WED = "2026-09-16T15:00:00+00:00"
TUE_22 = "2026-09-22T15:00:00+00:00"  # the day before the report
WORDS = [WordColumn(w, term, "science.matter", w) for w, term in
         enumerate(("matter", "mass", "volume", "density"))]


def right(student: int, word: int, days: int, last: str = TUE_22) -> Cell:
    """A word answered right once a day on `days` days (four-option taps), not mastered."""
    return Cell(student, word, 0.999, False, days, days, last, 0, first_seen=MON,
                days_right=days, shown_at=MON, luck=0.25 ** days)


def okafor_class() -> ClassMatrix:
    """Dmitri right on two days on matter and mass (two more cards unopened), Marisol 0 of 4
    on matter and right on mass, Ana right on matter, and Minh who joined Monday and did
    nothing (3 reminders unanswered)."""
    students = [StudentRow(1, "Dmitri", "ru", 6, number=1, joined_at=MON),
                StudentRow(2, "Marisol", "tl", 4, number=2, joined_at=MON),
                StudentRow(3, "Ana", "es", 4, number=3, joined_at=MON),
                StudentRow(4, "Minh", "vi", 3, number=4, joined_at=MON)]
    cells = {(1, 0): right(1, 0, 2), (1, 1): right(1, 1, 2),
             (2, 0): Cell(2, 0, 0.02, False, 4, 0, TUE_22, 4, first_seen=MON, shown_at=MON),
             (2, 1): right(2, 1, 2), (3, 0): right(3, 0, 2),
             (3, 1): Cell(3, 1, 0.99, True, 3, 3, TUE_22, 0, first_seen=MON, days_right=3,
                          shown_at=MON)}
    return ClassMatrix(students, WORDS[:2], cells, unopened={1: WORDS[2:]},
                       reminders_ignored={4: 3})


def report(catalog: Catalog, lang: str = "en", today: date = date(2026, 9, 23)) -> str:
    return str(summary_text("Science 7", okafor_class(), catalog, lang, today=today))


def test_a_student_who_did_nothing_since_joining_is_named_on_the_second_line(
        catalog: Catalog) -> None:
    lines = report(catalog).split("\n")
    assert lines[1] == ("🚫 Nothing done since joining (no card opened, no answer): Minh "
                        "(joined Mon 14 Sep, 7 school days ago) 🔕 after 3 reminders with no "
                        "answer, reminded only every 3 school days")
    assert lines[2].startswith("✅ On track:")
    assert "Not started" not in report(catalog)
    joined_today = report(catalog, today=date(2026, 9, 14))
    assert "Nothing done since joining" not in joined_today  # minutes in: no alarm yet
    assert "🆕 Joined recently (nothing expected before their first full school day): Minh" \
        in joined_today
    assert "Nothing done since joining (no card opened, no answer): Minh (joined Mon 14 Sep, " \
        "1 school day ago)" in report(catalog, today=date(2026, 9, 15))


def test_mastered_counts_every_students_words_together_and_who_waits(
        catalog: Catalog) -> None:
    """"student-words" confused a playtest teacher: the line says it plainly, and the rule
    that explains why so few is in /report help, not under every report."""
    text = report(catalog)
    assert ("🏅 Words mastered, all students together: 1 of the 6 they have opened · 4 more "
            "waiting for their last review") in text
    assert "student-words" not in text and "Mastered means" not in text


def test_no_hardest_word_says_what_would_make_one(catalog: Catalog) -> None:
    """Marisol needs help with matter (0 of 4) and her classmates have it right: one student's
    word is hers, under 🆘, and "none" says why it is not the class's."""
    text = report(catalog)
    assert "🆘 Needs help: Marisol (matter)" in text
    assert ("🧗 Hardest words: none (a word is listed when 2+ students, or everyone who "
            "answered it, need help with it; one student's words are under 🆘)") in text
    assert ": ninguna (una palabra aparece cuando 2+ estudiantes" in report(catalog, "es")


def test_on_track_counts_new_words_not_asked_yet(catalog: Catalog) -> None:
    """Marisol, under 🆘 for matter, is not on track too: On track is "no line below
    applies" (/report help); she was on both lines."""
    assert ("✅ On track: Dmitri, Ana (words still new, not asked yet: Dmitri 2)"
            in report(catalog))


def test_the_csv_names_each_home_language_beside_its_code_in_a_last_column() -> None:
    """A teacher read "so" and "hmn" in the CSV as typos: `language_name` says the language,
    and every column before it keeps its place."""
    rows = list(csv.DictReader(io.StringIO(csv_bytes(okafor_class()).decode("utf-8-sig"))))
    assert list(rows[0])[:3] == ["student", "roster_no", "language"]
    assert list(rows[0])[19] == "language_name"  # later columns come after it
    named = {(r["language"], r["language_name"]) for r in rows}
    assert ("vi", "Vietnamese") in named and ("es", "Spanish") in named


def test_the_csv_says_what_a_word_still_needs_to_be_mastered() -> None:
    """Dmitri's 1.00 beside mastered 0 read as a contradiction: the new last column says what
    is missing, and the columns before it keep their place."""
    rows = list(csv.DictReader(io.StringIO(csv_bytes(okafor_class()).decode("utf-8-sig"))))
    assert list(rows[0])[17:19] == ["practice_answers", "needs_to_master"]  # later ones after
    dmitri = next(r for r in rows if r["student"] == "Dmitri" and r["word"] == "matter")
    assert (dmitri["estimated_chance_knows_now"], dmitri["mastered"]) == ("1.00", "0")
    assert dmitri["needs_to_master"] == "right on 1 more day: a recall on its review"
    marisol = next(r for r in rows if r["student"] == "Marisol" and r["word"] == "matter")
    assert marisol["needs_to_master"] == "right on 3 days, the last a recall on its review"
    ana = next(r for r in rows if r["student"] == "Ana" and r["word"] == "mass")
    assert ana["mastered"] == "1" and ana["needs_to_master"] == ""
    unopened = next(r for r in rows if r["student"] == "Dmitri" and r["word"] == "volume")
    assert unopened["needs_to_master"] == "right on 3 days, the last a recall on its review"


def test_the_csv_counts_the_days_a_run_that_could_be_guesses_still_needs() -> None:
    """Hodan (level 2) was right on a quiz poll and a gap sentence after one miss: the CSV
    said "right on 1 more day: a recall on its review", and Monday's right recall (four
    options) left her run a 1-in-80 guess, so the word stayed in review. Two more days is the
    truth at her level's deciding review; a level-5 student, who types it, needs the one."""
    hodan = Cell(1, 0, 0.9, False, 3, 2, TUE_22, 0, first_seen=MON, days_right=2,
                 shown_at=MON, luck=0.25 * 0.2, misses=1)
    matrix = ClassMatrix([StudentRow(1, "Hodan", "so", 2, number=1, joined_at=MON, taught=2),
                          StudentRow(2, "Ana", "es", 5, number=2, joined_at=MON, taught=5)],
                         WORDS[:1], {(1, 0): hodan, (2, 0): replace(hodan, student_id=2)})
    rows = list(csv.DictReader(io.StringIO(csv_bytes(matrix).decode("utf-8-sig"))))
    needs = {r["student"]: r["needs_to_master"] for r in rows}
    assert needs == {
        "Hodan": "right on 2 more days, the last a recall on its review: its right answers so "
                 "far could still be guesses",
        "Ana": "right on 1 more day: a recall on its review"}


def test_a_word_right_in_practice_more_than_missed_says_so_instead_of_needs_help(
        catalog: Catalog) -> None:
    """Lucía (level 4, right 9 times in 10): prey's right taps were practice, only her two
    misses counted, and /report put her under 🆘 while her /student line said "practice"."""
    lucia = StudentRow(1, "Lucía", "es", 4, number=1, joined_at=MON)
    prey = Cell(1, 0, 0.9, False, 4, 2, TUE_22, 0, first_seen=MON, days_right=1,
                shown_at=MON, practised=6, practised_right=6)
    matrix = ClassMatrix([lucia], WORDS[:1], {(1, 0): prey})
    text = str(summary_text("Science 7", matrix, catalog, "en", today=date(2026, 9, 23)))
    assert "🆘 Needs help: none" in text and "✅ On track: Lucía" in text
    (line, *_) = student_lines(matrix, 1, catalog, "en")
    assert line == ("📖 matter: correct 2 of 4 over 9 days · ✏️ right 6× in practice, not "
                    "counted yet · learning")
    struggling = replace(prey, practised=2, practised_right=2)  # card day, Practice again
    assert student_lines(replace(matrix, cells={(1, 0): struggling}), 1, catalog,
                         "en")[0].endswith("· needs help")


def test_a_listening_miss_that_decides_needs_help_is_counted_in_the_line(
        catalog: Catalog) -> None:
    """"area: correct 1 of 2 · 🔊 0 of 1 · needs help" beside "angle: correct 1 of 2 ·
    learning": the hidden listening miss decided. The line counts it."""
    pao = StudentRow(1, "Pao", "es", 1, number=1, joined_at=MON)
    area = Cell(1, 0, 0.3, False, 3, 1, TUE_22, 1, first_seen=MON, listened=1, shown_at=MON)
    angle = Cell(1, 1, 0.3, False, 2, 1, TUE_22, 1, first_seen=MON, shown_at=MON)
    matrix = ClassMatrix([pao], WORDS[:2], {(1, 0): area, (1, 1): angle})
    lines = [str(line) for line in student_lines(matrix, 1, catalog, "en")]
    assert "matter: missed 2 of 3 (1 meaning, 1 listening) · needs help" in lines[0]
    assert "mass: correct 1 of 2 over 9 days · learning" in lines[1]
