"""The recordings store (migration 0051): one voice note a word and language, the newer
replacing it, read from memory after the first read, and gone with the teacher whose voice it
is (an erasure) and with the word."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from bot.store import erase, people, recordings
from bot.store.packs import pack_words
from tests.clock import START
from tests.harness import TEACHER_ID

pytestmark = pytest.mark.usefixtures("school_class")  # Ms. Rivera's Science 7B
AIDE = 9005  # a bilingual aide, added as co-teacher


def test_a_newer_note_replaces_the_word_and_language_and_names_who_said_it(
        db: Database) -> None:
    word = pack_words(db, "science.ecosystems")[0].id
    people.upsert_teacher(db, AIDE, "Mai", START)
    recordings.save_recording(db, word, "hmn", "line", "f1", 5, TEACHER_ID, START)
    recordings.save_recording(db, word, "hmn", "line", "f2", 7, AIDE, START)
    recordings.save_recording(db, word, "so", "sadar", "f3", 4, TEACHER_ID, START)
    found = recordings.recording(db, word, "hmn")
    assert found is not None and (found.file_id, found.seconds, found.recorder_name) == (
        "f2", 7, "Mai")
    recordings.forget_recordings(db)  # read again from the table: the same
    assert recordings.recording(db, word, "hmn") == found
    assert recordings.recorded_words(db, [word, word + 1], "so") == {word}


def test_an_erased_teachers_voice_goes_at_once(db: Database) -> None:
    word = pack_words(db, "science.ecosystems")[0].id
    people.upsert_teacher(db, AIDE, "Mai", START)
    recordings.save_recording(db, word, "hmn", "line", "f1", 5, AIDE, START)
    recordings.load_recordings(db)
    erase.erase_person(db, AIDE)
    assert recordings.recording(db, word, "hmn") is None
    assert db.execute("SELECT count(*) FROM word_recordings").fetchone()[0] == 0


def test_a_prompt_is_found_by_its_message_or_as_the_newest_and_closed(db: Database) -> None:
    word = pack_words(db, "science.ecosystems")[0].id
    for message_id in (10, 12):
        recordings.remember_prompt(db, recordings.Prompt(TEACHER_ID, message_id, 1, word,
                                                         "hmn"), START)
    assert recordings.prompt_for(db, TEACHER_ID, 10).message_id == 10
    assert recordings.prompt_for(db, TEACHER_ID, None).message_id == 12
    recordings.close_prompts(db, TEACHER_ID, 12)
    assert recordings.prompt_for(db, TEACHER_ID, None).message_id == 10
    recordings.close_prompts(db, TEACHER_ID)
    assert recordings.prompt_for(db, TEACHER_ID, 10) is None
