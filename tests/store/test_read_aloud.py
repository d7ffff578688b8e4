"""Migration 0052: a student's oral checks (/readaloud), one switch on her row: off for every
student a store had, read with her row where study reads it, and erased with her."""

from __future__ import annotations

from sqlite_utils import Database

from bot.store import erase, people, schema
from tests.clock import START
from tests.harness import store_before

MIGRATION = "0052_reads_aloud"


def test_the_migration_keeps_every_student_and_starts_them_reading() -> None:
    db, _ = store_before(MIGRATION)
    db.execute("UPDATE students SET language = 'hmn', letters_first = 1 WHERE id = 1")

    schema.migrations.apply(db)

    student = people.get_student(db, 1)
    assert student is not None
    assert (student.first_name, student.language, student.letters_first) == ("Ana", "hmn", 1)
    assert not student.reads_aloud  # off until her teacher turns it on


def test_the_switch_is_read_with_her_row_and_among_her_class(db: Database) -> None:
    for student_id, name in ((1, "Nkauj"), (2, "Paj")):
        people.upsert_student(db, student_id, name, START)
    people.set_reads_aloud(db, 1, True)
    assert people.student_with_classes(db, 1)[0].reads_aloud
    assert people.reading_aloud(db, [1, 2]) == {1}
    people.set_reads_aloud(db, 1, False)
    assert people.reading_aloud(db, [1, 2]) == frozenset()
    assert people.reading_aloud(db, []) == frozenset()


def test_the_switch_goes_with_her_row_when_she_is_erased(db: Database) -> None:
    people.upsert_student(db, 1, "Nkauj", START)
    people.set_reads_aloud(db, 1, True)
    erase.erase_person(db, 1, (), START)
    assert people.reading_aloud(db, [1]) == frozenset()
    assert db.execute("SELECT count(*) FROM students").fetchone()[0] == 0
