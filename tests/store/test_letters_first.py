"""Migration 0050: a student's "letters first" mark (level 2's typed questions open on their
letter tiles), added to her row with everything in it kept; asked once, her answer taken once,
her teacher's choice over either; erased with her."""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from bot.domain.overrule import Graded
from bot.domain.tiles import LettersFirst
from bot.store import erase, people, schema, study
from tests.clock import START
from tests.harness import store_before

MIGRATION = "0050_letters_first"


def test_the_migration_keeps_every_student_and_starts_them_never_asked() -> None:
    db, _ = store_before(MIGRATION)
    db.execute("UPDATE students SET language = 'hmn', reminder_time = '16:00', "
               "typed_intro = 1 WHERE id = 1")

    schema.migrations.apply(db)

    student = people.get_student(db, 1)
    assert student is not None
    assert (student.first_name, student.language, student.reminder_time, student.typed_intro) \
        == ("Ana", "hmn", "16:00", True)
    assert student.letters_first is None  # never asked: she may be offered it


def test_the_offer_is_claimed_once_and_answered_once(db: Database) -> None:
    people.upsert_student(db, 1, "Ana", _now())
    assert people.claim_letters_offer(db, 1, LettersFirst.ASKED, after=0)
    assert not people.claim_letters_offer(db, 1, LettersFirst.ASKED, 0)  # asked once only
    assert people.answer_letters_offer(db, 1, LettersFirst.ASKED, LettersFirst.OFF)
    assert not people.answer_letters_offer(db, 1, LettersFirst.ASKED, LettersFirst.ON)
    assert _mark(db) == LettersFirst.OFF  # her No stands
    people.set_letters_first(db, 1, LettersFirst.ON)  # her teacher may still turn it on
    assert _mark(db) == LettersFirst.ON
    assert not people.claim_letters_offer(db, 1, LettersFirst.ASKED, 0)


def test_an_offer_never_made_takes_no_answer(db: Database) -> None:
    people.upsert_student(db, 1, "Ana", _now())
    assert not people.answer_letters_offer(db, 1, LettersFirst.ASKED, LettersFirst.ON)
    assert _mark(db) is None


def test_checks_with_typed_questions_spelled_with_tiles_are_counted_once_each(
        db: Database) -> None:
    people.upsert_student(db, 1, "Ana", _now())
    db.execute("INSERT INTO packs (id, title, subject, grade_min, grade_max, shared, "
               "loaded_at) VALUES ('p', 'P', 's', 1, 2, 1, 'x')")
    word = db.execute("INSERT INTO words (pack_id, position, term, pos, tier, definition, "
                      "example) VALUES ('p', 0, 'habitat', 'n', 2, 'd', 'e')").lastrowid
    tiles, typed = Graded(True, typed=True, tiles=True), Graded(True, typed=True)
    # (check, options, answered at, grading): two typed questions spelled with tiles in check
    # 1, one in check 2; a typed answer (check 3) and a choice spelled with tiles (check 4)
    # are no 🔤 on a typed question
    for check, options, at, graded in ((1, "[]", "t1", tiles), (1, "[]", "t2", tiles),
                                       (2, "[]", "t3", tiles), (3, "[]", "t4", typed),
                                       (4, '["habitat", "food"]', "t5", tiles)):
        db.execute("INSERT INTO check_items (check_id, student_id, word_id, item_type, "
                   "prompt_lang, options, prompt, answer, created_at, answered_at) "
                   "VALUES (?, 1, ?, 'typed', 'hmn', ?, 'q', 'habitat', 'x', ?)",
                   [check, word, options, at])
        db.execute("INSERT INTO attempts (student_id, word_id, item_type, prompt_lang, "
                   "correct, answered_at, grading) VALUES (1, ?, 'typed', 'hmn', 1, ?, ?)",
                   [word, at, graded.bits()])
    assert study.checks_with_typed_tiles(db, 1) == 2
    assert not people.claim_letters_offer(db, 1, LettersFirst.ASKED, after=3)  # 2 of 3
    assert people.claim_letters_offer(db, 1, LettersFirst.ASKED, after=2)


def test_the_mark_goes_with_her_row_when_she_is_erased(db: Database) -> None:
    people.upsert_student(db, 1, "Ana", _now())
    people.set_letters_first(db, 1, LettersFirst.ON)
    erase.erase_person(db, 1)
    assert db.execute("SELECT count(*) FROM students WHERE letters_first IS NOT NULL"
                      ).fetchone()[0] == 0


def _mark(db: Database) -> int | None:
    student = people.get_student(db, 1)
    assert student is not None
    return student.letters_first


def _now() -> datetime:
    return START
