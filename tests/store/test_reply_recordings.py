"""The ready-made replies' recordings (migration 0053): one a class, reply and language, the
newer replacing it; found for a student by a teacher of one of the student's classes only; gone
with the teacher whose voice it is (an erasure), even from a reply still queued."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from bot.store import erase, members, outbox, people, recordings, reply_recordings
from tests.clock import START
from tests.harness import TEACHER_ID, enrol_student

pytestmark = pytest.mark.usefixtures("school_class")  # Ms. Rivera's Science 7B (class 1)
AIDE, OTHER, PAJ = 9005, 9006, 1004


def test_a_newer_note_replaces_and_the_students_teacher_finds_it(db: Database) -> None:
    enrol_student(db, START, PAJ, "Paj", "hmn", 1)
    reply_recordings.save_reply_recording(db, 1, "call", "hmn", "f1", 5, TEACHER_ID, START)
    reply_recordings.save_reply_recording(db, 1, "call", "hmn", "f2", 6, TEACHER_ID, START)
    reply_recordings.save_reply_recording(db, 1, "well", "so", "f3", 4, TEACHER_ID, START)
    found = reply_recordings.replies_for_student(db, TEACHER_ID, PAJ, "hmn")
    assert {r: (f.file_id, f.seconds) for r, f in found.items()} == {"call": ("f2", 6)}
    people.upsert_teacher(db, OTHER, "Diaz", START)  # teaches none of Paj's classes
    assert reply_recordings.replies_for_student(db, OTHER, PAJ, "hmn") == {}
    assert reply_recordings.delete_reply_recording(db, 1, "call", "hmn")
    assert reply_recordings.class_replies_recorded(db, 1, "hmn") == set()


def test_an_aides_recording_serves_the_class_and_goes_with_the_aide(db: Database) -> None:
    enrol_student(db, START, PAJ, "Paj", "hmn", 1)
    people.upsert_teacher(db, AIDE, "Mai", START)
    members.add_co_teacher(db, 1, AIDE, START)
    reply_recordings.save_reply_recording(db, 1, "sick", "hmn", "mai-1", 5, AIDE, START)
    assert set(reply_recordings.replies_for_student(db, TEACHER_ID, PAJ, "hmn")) == {"sick"}
    queued = outbox.enqueue(db, None, 2001, "answer", {"text": "x", "voice": "mai-1"}, START,
                            START)
    erase.erase_person(db, AIDE)
    assert db.execute("SELECT count(*) FROM reply_recordings").fetchone()[0] == 0
    payload = db.execute("SELECT payload FROM outbox WHERE id = ?", [queued]).fetchone()[0]
    assert "mai-1" not in payload  # the reply still queued goes as text alone


def test_an_erased_teachers_replies_go_at_once(db: Database) -> None:
    reply_recordings.save_reply_recording(db, 1, "call", "hmn", "f1", 5, TEACHER_ID, START)
    erase.erase_person(db, TEACHER_ID)
    assert db.execute("SELECT count(*) FROM reply_recordings").fetchone()[0] == 0


def test_a_prompt_asks_for_a_word_or_a_reply(db: Database) -> None:
    recordings.remember_prompt(db, recordings.Prompt(TEACHER_ID, 10, 1, None, "hmn", "call"),
                               START)
    found = recordings.prompt_for(db, TEACHER_ID, None)
    assert found is not None and (found.word_id, found.reply) == (None, "call")
