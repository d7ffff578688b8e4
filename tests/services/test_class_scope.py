"""Each class's views count only that class's words (its pack's and those pushed to it): a
student in two classes never brings one class's words into the other's /roster, /report,
heatmap, CSV, /student or daily alert, so a teacher sees only their own class (real store,
real prompts). Carlos is in Ms. Rivera's Science 7B and Mr. Okafor's Math 6 (two_classes)."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from bot.domain.mastery import new_mastery
from bot.presentation.class_views import roster_text, student_text
from bot.presentation.i18n import Catalog
from bot.presentation.report_csv import csv_bytes
from bot.presentation.report_heatmap import heatmap_rows, recent_words
from bot.presentation.report_text import summary_text
from bot.presentation.views import plain_text
from bot.services import class_reports, daily_alerts, teaching
from bot.store import outbox, people
from bot.store import study as stored
from bot.store.packs import pack_words
from tests.clock import START
from tests.harness import MASTERED, MATH_TEACHER_ID, NONE_HARDEST, TEACHER_ID, two_classes

TODAY = START.date()
TZ = ZoneInfo("America/New_York")


def _roster(db: Database, found: people.ClassInfo, catalog: Catalog) -> str:
    return plain_text(roster_text(found.name, teaching.roster(db, found.id), catalog, "en"))


def _report(db: Database, teacher_id: int, name: str, catalog: Catalog) -> str:
    found, matrix = class_reports.class_report(db, teacher_id, name)
    return plain_text(summary_text(found.name, matrix, catalog, "en", TODAY))


def _csv_rows(db: Database, teacher_id: int, name: str) -> list[tuple[str, str, str]]:
    _, matrix = class_reports.class_report(db, teacher_id, name)
    rows = csv.DictReader(io.StringIO(csv_bytes(matrix).decode("utf-8-sig")))
    return [(r["student"], r["pack"], r["word"]) for r in rows]


def _student(db: Database, teacher_id: int, catalog: Catalog) -> str:
    row, matrix = class_reports.student_report(db, teacher_id, "Carlos")
    return plain_text(student_text("Carlos", row, matrix, catalog, "en", None, None))


def test_the_math_teacher_sees_no_science_word_in_roster_or_report(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    math = two_classes(db, START)
    assert _roster(db, math, catalog) == (
        "Math 6: 2 students\n"
        "Carlos #1 - Spanish, WIDA level 3: 📚 No words yet\n"
        "Layla #2 - Arabic, WIDA level 2: 🆕 Opened, not answered yet: 4")
    assert _report(db, MATH_TEACHER_ID, "Math 6", catalog) == (
        "Math 6: 2 students, 4 words (4 not answered by anyone yet)\n"
        "✅ On track: none\n"
        "🆘 Needs help: none\n"
        f"🧗 Hardest words: {NONE_HARDEST}\n"
        f"{MASTERED.format(0, 4, 0)}\n"
        "🆕 Joined recently (nothing expected before their first full school day): Carlos\n"
        "📖 Reads the cards, no check yet: Layla (4 cards, last Mon 14 Sep)")


def test_the_math_heatmap_and_csv_hold_no_science_word(
        db: Database, school_class: people.ClassInfo) -> None:
    two_classes(db, START)
    _, matrix = class_reports.class_report(db, MATH_TEACHER_ID, "Math 6")
    assert recent_words(matrix, TODAY) == []  # nothing answered in math: no heatmap columns
    rows = _csv_rows(db, MATH_TEACHER_ID, "Math 6")
    assert {pack for _, pack, _ in rows} == {"math.number-operations"}
    assert [word for who, _, word in rows if who == "Layla"] == [
        "addition", "subtraction", "multiplication", "division"]


def test_the_science_teacher_sees_science_alone_and_not_a_math_only_student(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    two_classes(db, START)
    assert _roster(db, school_class, catalog) == (
        "Science 7B: 1 student\n"
        "Carlos #1 - Spanish, WIDA level 3: 🔁 Reviewing: 3")
    assert _report(db, TEACHER_ID, "Science 7B", catalog) == (
        "Science 7B: 1 student, 3 words\n"
        "✅ On track: Carlos\n"
        "🆘 Needs help: none\n"
        f"🧗 Hardest words: {NONE_HARDEST}\n"
        f"{MASTERED.format(0, 3, 3)}")
    _, matrix = class_reports.class_report(db, TEACHER_ID, "Science 7B")
    assert [w.term for w in recent_words(matrix, TODAY)] == ["ecosystem", "organism", "habitat"]
    assert heatmap_rows(matrix) == ["Carlos"]  # the heatmap: Carlos x three ecosystem words
    assert _csv_rows(db, TEACHER_ID, "Science 7B") == [
        ("Carlos", "science.ecosystems", word) for word in ("ecosystem", "organism", "habitat")]


def test_student_shows_only_the_words_of_the_asking_teachers_classes(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    two_classes(db, START)
    # no word of Math 6 yet: said, never a header alone (and none of Science 7B's words)
    assert _student(db, MATH_TEACHER_ID, catalog) == (
        "Carlos - Spanish, WIDA level 3\n📚 No words yet")
    assert _student(db, TEACHER_ID, catalog) == (
        "Carlos - Spanish, WIDA level 3\n"
        "🔁 ecosystem: correct 3 of 3 over 1 day · reviewing\n"
        "🔁 habitat: correct 3 of 3 over 1 day · reviewing\n"
        "🔁 organism: correct 3 of 3 over 1 day · reviewing")


def test_a_word_pushed_to_a_class_counts_there_and_a_word_of_both_counts_in_both(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    math = two_classes(db, START)
    ecosystem = pack_words(db, "science.ecosystems")[0]
    outbox.create_push(db, math.id, MATH_TEACHER_ID, "science.ecosystems", [ecosystem.id],
                       START, START)  # Mr. Okafor pushes "ecosystem" to Math 6
    assert _roster(db, math, catalog).splitlines()[1] == \
        "Carlos #1 - Spanish, WIDA level 3: 🔁 Reviewing: 1"
    assert ("Carlos", "science.ecosystems", "ecosystem") in _csv_rows(db, MATH_TEACHER_ID,
                                                                      "Math 6")
    assert not {"organism", "habitat"} & {w for _, _, w in _csv_rows(db, MATH_TEACHER_ID,
                                                                       "Math 6")}
    assert _roster(db, school_class, catalog).splitlines()[1] == \
        "Carlos #1 - Spanish, WIDA level 3: 🔁 Reviewing: 3"  # still Science's too


def test_the_daily_alert_names_a_stuck_word_only_to_the_teacher_of_its_class(
        db: Database, school_class: people.ClassInfo) -> None:
    math = two_classes(db, START)
    science, maths = pack_words(db, "science.ecosystems"), pack_words(db, "math.number-operations")
    for word in (science[0], maths[0], science[1]):
        state = stored.get_mastery(db, 1003, word.id) or new_mastery(word.id, START)
        stored.save_mastery(db, 1003, word.id, replace(state, misses_in_row=3), START,
                            answered=False)
    alert = daily_alerts.daily_alert(db, 1003, START, TZ)
    assert alert is not None
    assert alert.teachers == {TEACHER_ID: ["ecosystem", "organism"],
                              MATH_TEACHER_ID: ["addition"]}
    outbox.create_push(db, math.id, MATH_TEACHER_ID, "science.ecosystems", [science[2].id],
                       START, START)  # "habitat", pushed to Math 6: a word of both classes
    state = stored.get_mastery(db, 1003, science[2].id)
    assert state is not None
    stored.save_mastery(db, 1003, science[2].id, replace(state, misses_in_row=3), START,
                        answered=False)
    tomorrow = daily_alerts.daily_alert(db, 1003, START + timedelta(days=1), TZ)
    assert tomorrow is not None and tomorrow.teachers == {
        TEACHER_ID: ["habitat"], MATH_TEACHER_ID: ["habitat"]}  # both teachers hear of it
