"""/report names a student who still answers checks but has had no new word for
NO_NEW_WORD_SCHOOL_DAYS school days (teacher playtest: 18 days of old words only, flagged
nowhere), with the day of her last new word and what to do: /push."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlite_utils import Database

from bot.domain.mastery import new_mastery, record_answer
from bot.domain.scaffold import ItemType
from bot.presentation.i18n import Catalog
from bot.presentation.report_text import summary_text
from bot.services import class_reports
from bot.store import people
from bot.store import study as stored
from bot.store.packs import pack_words
from tests.clock import START
from tests.harness import TEACHER_ID, enrol_student


def _read_and_answer(db: Database, student_id: int, word_id: int, shown: datetime,
                     answered: list[datetime], right: bool = True) -> None:
    """Her card of the word shown at `shown`, then choice answers at `answered` (all right, or
    all wrong)."""
    state = stored.get_mastery(db, student_id, word_id) or new_mastery(word_id, shown)
    stored.save_mastery(db, student_id, word_id, state, shown)
    stored.mark_shown(db, student_id, [word_id], shown)
    for now in answered:
        state = record_answer(state, correct=right, exact=right, item_type=ItemType.CHOICE,
                              typed=False, now=now, local_day=now.date().isoformat())
        stored.save_mastery(db, student_id, word_id, state, now, answered=right)


def _report(db: Database, catalog: Catalog, today: datetime, lang: str = "en") -> str:
    found, matrix = class_reports.class_report(db, TEACHER_ID, None)
    return summary_text(found.name, matrix, catalog, lang, today=today.date())


def _school_days(start: datetime, days: int) -> list[datetime]:
    """Every weekday from `start` for `days` calendar days."""
    return [d for i in range(days) if (d := start + timedelta(days=i)).weekday() < 5]


def test_a_student_reviewing_old_words_for_18_days_is_named_with_her_last_new_word(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    enrol_student(db, START, 1001, "Ana", level=3)
    enrol_student(db, START, 1002, "Ben", level=3)
    words = [w.id for w in pack_words(db, "science.ecosystems")]
    today = START + timedelta(days=18)  # Monday 14 Sep -> Friday 2 Oct
    # Ana: three cards on day one, then every school day a review of them, nothing new
    for word in words[:3]:
        _read_and_answer(db, 1001, word, START, _school_days(START + timedelta(days=1), 18))
    # Ben: a new card every week, the latest three school days ago
    for week, word in enumerate(words[3:6]):
        shown = START + timedelta(days=7 * week + 2)
        _read_and_answer(db, 1002, word, shown, _school_days(shown + timedelta(days=1), 3))

    text = _report(db, catalog, today)

    assert ("🆕 No new word for 8+ school days, though still answering checks: "
            "Ana (last new word Mon 14 Sep). /push sends new words.") in text
    assert "Ben (last new word" not in text
    # named under 🆕, so not on track ("no line below applies", /report help)
    on_track = next(line for line in text.splitlines() if line.startswith("✅ On track"))
    assert "Ana" not in on_track and "Ben" in on_track


def test_no_new_word_line_waits_for_eight_school_days_not_calendar_days(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    """Seven school days (nine calendar days, a weekend between) is not yet a missed push
    cycle: no line; the eighth school day is."""
    enrol_student(db, START, 1001, "Ana", level=3)
    word = pack_words(db, "science.ecosystems")[0].id
    _read_and_answer(db, 1001, word, START, _school_days(START + timedelta(days=1), 11))

    assert "🆕" not in _report(db, catalog, START + timedelta(days=9))  # Wed: 7 school days
    assert "Ana (last new word Mon 14 Sep)" in _report(db, catalog, START + timedelta(days=10))


def test_an_inactive_student_is_not_also_told_to_need_new_words(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    enrol_student(db, START, 1001, "Ana", level=3)
    word = pack_words(db, "science.ecosystems")[0].id
    _read_and_answer(db, 1001, word, START, [START + timedelta(days=1)])

    text = _report(db, catalog, START + timedelta(days=18))

    assert "💤 Inactive for 3+ school days: Ana" in text and "🆕" not in text


def test_a_student_who_needs_help_is_not_also_told_to_need_new_words(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    """Missing every answer on her three words for 18 days: she is under 🆘, and pushing her
    more words is bad advice, so the 🆕 line leaves her off (playtest M4)."""
    enrol_student(db, START, 1001, "Ana", level=3)
    for word in [w.id for w in pack_words(db, "science.ecosystems")][:3]:
        _read_and_answer(db, 1001, word, START, _school_days(START + timedelta(days=1), 18),
                         right=False)

    text = _report(db, catalog, START + timedelta(days=18))

    assert "🆘 Needs help: Ana" in text and "🆕" not in text


def test_no_new_word_line_in_french_keeps_the_narrow_space(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    enrol_student(db, START, 1001, "Ana", level=3)
    word = pack_words(db, "science.ecosystems")[0].id
    _read_and_answer(db, 1001, word, START, _school_days(START + timedelta(days=1), 18))

    text = _report(db, catalog, START + timedelta(days=18), "fr")

    assert "Aucun mot nouveau depuis 8+ jours d'école" in text
    assert "exercices\u202f: Ana (dernier mot nouveau le" in text
