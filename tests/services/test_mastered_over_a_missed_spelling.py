"""A word mastered with a missed spelling between its days right says so. A typed (or tiles)
miss on the deciding review keeps the days she recognised the word (mastery.record_answer),
and a right recall days later masters it; /student read "prey: mastered Mon 21 Sep (right on
Wed 16 Sep, Thu 17 Sep, Mon 21 Sep, the last a recall; earlier misses are learning)" although
the miss, Sat 19, came between the days right, and no miss came earlier."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from sqlite_utils import Database

from bot.domain.mastery import changed, new_mastery
from bot.domain.scaffold import ItemType
from bot.presentation.i18n import Catalog
from bot.presentation.report_csv import csv_bytes
from bot.presentation.report_student import student_lines
from bot.services import class_reports
from bot.store import people
from bot.store import study as stored
from bot.store.packs import pack_words
from tests.harness import TEACHER_ID, enrol_student


def _at(day: int, hour: int = 15) -> datetime:
    return datetime(2026, 9, day, hour, 0, tzinfo=UTC)


WED, THU, MON = _at(16), _at(17), _at(21)
SAT_NIGHT = _at(20, 2)  # 02:00 on Sunday: still Saturday's study day (it starts at 04:00)


def _prey(db: Database, answers: list[tuple[datetime, bool, ItemType]]) -> None:
    """Ana's (1001) answers on prey as the answer path keeps them: a miss before her first
    day right starts the run again; the typed miss on its deciding review keeps her days
    right; the last right answer masters it."""
    word_id = next(w.id for w in pack_words(db, "science.ecosystems") if w.word.term == "prey")
    state = new_mastery(word_id, answers[0][0])
    for when, right, item_type in answers:
        stored.record_attempt(db, 1001, word_id, item_type, "en", right, when)
        deciding_miss = not right and state.first_correct_at is not None
        if right:
            state = changed(state, success_days=state.success_days | {when.date().isoformat()},
                            first_correct_at=state.first_correct_at or when, misses_in_row=0)
        elif not deciding_miss:
            state = changed(state, success_days=frozenset(), first_correct_at=None,
                            misses_in_row=state.misses_in_row + 1)
        else:
            state = changed(state, misses_in_row=state.misses_in_row + 1)
        if (when, right, item_type) == answers[-1]:
            state = changed(state, mastered_at=when)
        stored.save_mastery(db, 1001, word_id, state, when, answered=right)


def _line(db: Database, catalog: Catalog, lang: str = "en") -> str:
    matrix = class_reports.class_report(db, TEACHER_ID, None)[1]
    return next(str(line) for line in student_lines(matrix, 1001, catalog, lang)
                if " prey:" in str(line))


RUN = [(WED, True, ItemType.CHOICE), (THU, True, ItemType.CHOICE),
       (SAT_NIGHT, False, ItemType.TYPED), (MON, True, ItemType.TYPED)]


def test_a_missed_spelling_between_the_days_right_is_named_with_its_day(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    enrol_student(db, _at(14))
    _prey(db, RUN)

    assert _line(db, catalog).endswith(
        "correct 3 of 4 over 6 days · mastered Mon 21 Sep (right on Wed 16 Sep, Thu 17 Sep, "
        "Mon 21 Sep, the last a recall; missed writing it Sat 19 Sep)")
    assert _line(db, catalog, "es").endswith(
        "dominada el lun 21 de septiembre (correcta el mié 16 de septiembre, jue 17 de "
        "septiembre, lun 21 de septiembre, la última recordada; falló al escribirla el sáb 19 "
        "de septiembre)")


def test_misses_before_the_run_are_still_called_earlier_beside_the_missed_spelling(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    enrol_student(db, _at(14))
    _prey(db, [(_at(14), False, ItemType.CHOICE), *RUN])

    assert _line(db, catalog).endswith(
        "mastered Mon 21 Sep (right on Wed 16 Sep, Thu 17 Sep, Mon 21 Sep, the last a recall; "
        "missed writing it Sat 19 Sep; earlier misses are learning)")


def test_misses_only_before_the_run_are_learning_and_name_no_day(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    enrol_student(db, _at(14))
    _prey(db, [(_at(14), False, ItemType.CHOICE), (WED, True, ItemType.CHOICE),
               (THU, True, ItemType.CHOICE), (MON, True, ItemType.TYPED)])

    assert _line(db, catalog).endswith(
        "mastered Mon 21 Sep (right on Wed 16 Sep, Thu 17 Sep, Mon 21 Sep, the last a recall; "
        "earlier misses are learning)")


def _csv_missed(db: Database) -> dict[str, str]:
    """The CSV's `mastered_missed_writing` of each of Ana's words, by word."""
    matrix = class_reports.class_report(db, TEACHER_ID, None)[1]
    rows = csv.DictReader(io.StringIO(csv_bytes(matrix).decode("utf-8-sig")))
    return {row["word"]: row["mastered_missed_writing"] for row in rows}


def test_the_csv_names_the_day_a_spelling_was_missed_as_student_does(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, _at(14))
    _prey(db, RUN)

    assert _csv_missed(db)["prey"] == "2026-09-19"  # Sunday 02:00 is Saturday's study day


def test_the_csv_names_no_day_for_misses_before_the_run(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, _at(14))
    _prey(db, [(_at(14), False, ItemType.CHOICE), (WED, True, ItemType.CHOICE),
               (THU, True, ItemType.CHOICE), (MON, True, ItemType.TYPED)])

    assert set(_csv_missed(db).values()) == {""}
