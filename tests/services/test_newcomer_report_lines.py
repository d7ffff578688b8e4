"""What a teacher reads of a newcomer's first days (playtest, Hodan, level 1): /student says
one thing of a word that needs help, and /report names the practice answers a child missed
today, which no count or status includes."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from bot.domain.mastery import new_mastery
from bot.domain.scaffold import ItemType
from bot.presentation.i18n import Catalog
from bot.presentation.report_student import student_lines
from bot.presentation.report_text import summary_text
from bot.services import checks, class_reports
from bot.store import people
from bot.store import study as stored
from bot.store.packs import pack_words
from bot.store.study import TILES_BIT
from tests.clock import START
from tests.harness import TEACHER_ID, answer_through, enrol_student, read_words

TZ = ZoneInfo("America/New_York")  # START, 15:00 UTC, is 11:00 there on a Monday


def _answer(db: Database, word_id: int, right: bool, listening: bool = False,
            misses_in_row: int = 0) -> None:
    """One counted answer on a word (the totals the reports read)."""
    state = stored.get_mastery(db, 1001, word_id) or new_mastery(word_id, START)
    stored.save_mastery(db, 1001, word_id, replace(state, misses_in_row=misses_in_row), START,
                        answered=right, listening=listening)


def _hodan(db: Database) -> dict[str, int]:
    """Hodan in the class at level 1, Somali; the class pack's word ids by term."""
    enrol_student(db, START, name="Hodan", lang="so", level=1)
    return {w.word.term: w.id for w in pack_words(db, "science.ecosystems")}


def test_a_word_needing_help_on_one_meaning_answer_says_the_misses_not_too_few(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    """Before: "⚠️ organism: 1 answer, too few to tell · 🔊 0 of 1 · needs help"."""
    words = _hodan(db)
    _answer(db, words["organism"], False)
    _answer(db, words["organism"], False, listening=True)
    _answer(db, words["habitat"], False, misses_in_row=3)  # stuck: two misses were practice
    _, matrix = class_reports.class_report(db, TEACHER_ID, None)
    lines = "\n".join(student_lines(matrix, 1001, catalog, "en"))
    assert "⚠️ organism: missed 2 of 2 (1 meaning, 1 listening) · needs help" in lines
    assert "⚠️ habitat: missed several times in a row · needs help" in lines
    assert "too few to tell" not in lines.split("🔊 Listening")[0]  # the words' lines
    somali = "\n".join(student_lines(matrix, 1001, catalog, "so"))
    assert "organism: 2 khalad ah 2 gudahood (1 macne, 1 dhageysi)" in somali


def test_a_tile_miss_is_called_letter_tiles_in_the_word_line_as_in_the_kinds_line(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    """Playtest (Paj, Hmong, level 1): "⚠️ ecosystem: missed 2 of 3 (1 meaning, 1 listening)"
    under "🔤 letter tiles 2/3": the one "meaning" miss was her spelling on letter tiles."""
    words = _hodan(db)
    ecosystem = words["ecosystem"]
    for kind, right, grading in ((ItemType.REVERSE, False, TILES_BIT),  # "abiahecos"
                                 (ItemType.POLL, True, None), (ItemType.LISTEN, False, None)):
        _answer(db, ecosystem, right, listening=kind is ItemType.LISTEN)
        stored.record_attempt(db, 1001, ecosystem, kind, "so", right, START, grading=grading)
    _, matrix = class_reports.class_report(db, TEACHER_ID, None)
    lines = "\n".join(student_lines(matrix, 1001, catalog, "en"))
    assert "⚠️ ecosystem: missed 2 of 3 (0 meaning, 1 letter tiles, 1 listening) · needs " \
        "help" in lines
    somali = "\n".join(student_lines(matrix, 1001, catalog, "so"))
    assert "ecosystem: 2 khalad ah 3 gudahood (0 macne, 1 xarfo la taabto, 1 dhageysi)" in somali


def test_one_meaning_answer_without_help_needed_is_still_too_few_to_tell(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    words = _hodan(db)
    _answer(db, words["organism"], False)
    _answer(db, words["organism"], True, listening=True)
    _, matrix = class_reports.class_report(db, TEACHER_ID, None)
    assert "organism: 1 answer, too few to tell · 🔊 1 of 1 · learning" in \
        "\n".join(student_lines(matrix, 1001, catalog, "en"))


def _first_check(db: Database, wrong: int) -> list[str]:
    """Hodan reads her cards and answers her first check at once, the first `wrong`
    questions wrong; the words she missed, in order."""
    read_words(db, START)
    missed: list[str] = []

    def right(question: checks.Question) -> bool:
        if len(missed) >= wrong or question.practice:
            return True
        missed.append(question.item.answer)
        return False

    answer_through(db, checks.start_check(db, 1001, START, random.Random(3), tz=TZ), START, TZ,
                   right)
    return missed


def _report(db: Database, catalog: Catalog, days: int = 0) -> str:
    now = START + timedelta(days=days, hours=5)  # 16:00 at school
    found, matrix = class_reports.class_report(db, TEACHER_ID, None, TZ, now=now)
    return summary_text(found.name, matrix, catalog, "en", now.astimezone(TZ).date(), tz=TZ)


def test_the_report_names_practice_answers_missed_today_and_counts_them_nowhere(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    """Before: day 1, two of her answers wrong, and "🆘 Needs help: none", nothing else."""
    enrol_student(db, START, name="Hodan", lang="so", level=1)
    missed = _first_check(db, wrong=2)
    total = db.execute("SELECT count(*) FROM attempts WHERE practice = 1").fetchone()[0]
    report = _report(db, catalog)
    assert "🆘 Needs help: none" in report  # practice is no evidence
    assert f"✏️ Practice today (not counted): Hodan missed 2 of {total} " \
        f"({', '.join(missed)})" in report
    assert "Practice today" not in _report(db, catalog, days=1)  # today's only


def test_no_practice_line_when_nothing_was_missed(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    enrol_student(db, START, name="Hodan", lang="so", level=1)
    _first_check(db, wrong=0)
    assert "Practice today" not in _report(db, catalog)
