"""The mastery store: migrations, transactions, cascading deletes."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from bot.domain.packs import Word
from bot.domain.scaffold import ItemType
from bot.services.packs import load_packs
from bot.store import migrate, open_store, study
from bot.store.class_words import CLASS_WORDS, scope
from bot.store.packs import pack_words, save_pack
from tests.clock import START
from tests.harness import store_before


def test_migrations_run_twice_are_a_no_op(tmp_path: Path) -> None:
    db = open_store(tmp_path / "puente.db")
    schema = db.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    assert migrate(db) == []
    assert db.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == schema
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_failed_multi_row_write_leaves_nothing_behind() -> None:
    db = open_store(None)
    pack = load_packs().packs[0]
    bad_word = replace(pack.words[1], term=None)  # type: ignore[arg-type]
    broken = replace(pack, words=(pack.words[0], bad_word, *pack.words[2:]))
    with pytest.raises(Exception, match="NOT NULL"):
        save_pack(db, broken, START)
    assert db["packs"].count == 0
    assert db["words"].count == 0


def test_reloading_a_pack_keeps_word_ids_stable(db: Database) -> None:
    pack = load_packs().packs[0]
    before = {w.word.term: w.id for w in pack_words(db, pack.id)}
    edited = replace(pack, words=(replace(pack.words[0], definition="New words."),
                                  *pack.words[1:]))
    save_pack(db, edited, START)
    after = pack_words(db, pack.id)
    assert {w.word.term: w.id for w in after} == before
    assert after[0].word.definition == "New words."
    assert isinstance(after[0].word, Word)


def test_report_queries_have_indexes(db: Database) -> None:
    plan = db.execute("EXPLAIN QUERY PLAN SELECT * FROM attempts WHERE student_id = 1 "
                      "AND word_id = 2").fetchall()
    assert "idx_attempts_student_word" in str(plan)


def test_reading_a_check_uses_an_index_not_every_item_ever_sent(db: Database) -> None:
    # A graded answer reads its check; a scan of check_items grows with every check ever taken.
    plan = str(db.execute("EXPLAIN QUERY PLAN SELECT * FROM check_items WHERE check_id = "
                          "(SELECT check_id FROM check_items WHERE id = 1) ORDER BY id"
                          ).fetchall())
    assert "idx_check_items_check" in plan
    assert "SCAN check_items" not in plan


def class_words_plan(db: Database) -> str:
    return str(db.execute(f"EXPLAIN QUERY PLAN WITH {CLASS_WORDS} SELECT * FROM class_words",
                          scope([1])).fetchall())


def test_a_class_view_reads_its_pushes_by_index_not_every_push_ever_made(db: Database) -> None:
    # /report, /roster and the daily alert read the words pushed to a class; a scan of pushes
    # grows with every push any teacher ever made.
    plan = class_words_plan(db)
    assert "SEARCH p USING INDEX idx_pushes_class (class_id=?)" in plan
    assert "SCAN p'" not in plan


def test_a_store_from_before_gets_the_pushes_index_when_migrated() -> None:
    db, _ = store_before("0019_pushes_by_class")
    assert "SCAN p'" in class_words_plan(db)
    assert migrate(db)[:1] == ["0019_pushes_by_class"]  # and any migration added since
    assert "SEARCH p USING INDEX idx_pushes_class (class_id=?)" in class_words_plan(db)


def test_a_store_from_before_retired_words_keeps_answers_through_a_smaller_pack() -> None:
    db, word_ids = store_before("0020_retired_words")
    db.execute("INSERT INTO mastery (student_id, word_id, p_known, card, due_at, attempts, "
               "updated_at) VALUES (1, ?, 0.5, '{}', 'x', 2, 'x')", [word_ids[-1]])
    assert migrate(db)[:2] == ["0020_retired_words", "0021_mastery_luck"]
    pack = load_packs().packs[0]
    save_pack(db, replace(pack, words=pack.words[:-1]), START)
    assert db.execute("SELECT attempts FROM mastery WHERE word_id = ?", [word_ids[-1]]
                      ).fetchall() == [(2,)]


def test_an_estimate_stuck_at_one_by_a_missed_practice_starts_again_when_migrated() -> None:
    db, word_ids = store_before("0022_practice_estimate")
    rows = [(word_ids[0], 1.0, None), (word_ids[1], 0.97, None), (word_ids[2], 1.0, "x")]
    for word, p_known, mastered in rows:
        db.execute("INSERT INTO mastery (student_id, word_id, p_known, card, due_at, attempts, "
                   "misses_in_row, mastered_at, updated_at) VALUES (1, ?, ?, '{}', 'x', 3, 3, ?, "
                   "'x')", [word, p_known, mastered])
    assert migrate(db)[:1] == ["0022_practice_estimate"]  # and any migration added since
    assert db.execute("SELECT p_known FROM mastery ORDER BY word_id").fetchall() == [
        (0.15,), (0.97,), (1.0,)]  # the prior; a mastered word keeps its record


def test_practice_answers_kept_from_before_are_marked_and_left_out_when_migrated() -> None:
    db, word_ids = store_before("0025_practice_answers")
    word, other = word_ids[:2]
    answers = [  # (word, practice item?, item type, correct, answered at)
        (word, False, "listen", 0, "2026-09-14T15:00:00+00:00"),
        (word, False, "choice", 0, "2026-09-15T15:00:00+00:00"),
        (word, True, "listen", 1, "2026-09-15T15:01:00+00:00"),  # "Practice again", right
        (other, False, "choice", 1, "2026-09-15T15:01:00+00:00"),  # same moment, no practice
    ]
    for word_id, practice, kind, correct, at in answers:
        db.execute("INSERT INTO check_items (student_id, word_id, item_type, prompt_lang, "
                   "prompt, answer, created_at, answered_at, correct, practice) VALUES "
                   "(1, ?, ?, 'so', 'p', 'a', ?, ?, ?, ?)",
                   [word_id, kind, at, at, correct, int(practice)])
        db.execute("INSERT INTO attempts (student_id, word_id, item_type, prompt_lang, correct, "
                   "answered_at) VALUES (1, ?, ?, 'so', ?, ?)", [word_id, kind, correct, at])
    for word_id, attempts, correct, listened, right in ((word, 3, 1, 2, 1), (other, 1, 1, 0, 0)):
        db.execute("INSERT INTO mastery (student_id, word_id, p_known, card, due_at, attempts, "
                   "correct, listened, listened_right, updated_at) VALUES "
                   "(1, ?, 0.3, '{}', 'x', ?, ?, ?, ?, 'x')",
                   [word_id, attempts, correct, listened, right])
    assert migrate(db)[:1] == ["0025_practice_answers"]  # and any migration added since
    assert db.execute("SELECT word_id, practice FROM attempts ORDER BY id").fetchall() == [
        (word, 0), (word, 0), (word, 1), (other, 0)]
    assert db.execute(
        "SELECT word_id, attempts - practised, correct - practised_right, listened, "
        "listened_right FROM mastery ORDER BY word_id").fetchall() == [
        (word, 2, 0, 1, 0), (other, 1, 1, 0, 0)]  # what a teacher counts: 0 of 2


def test_practice_answers_are_not_the_recent_answers_a_level_is_suggested_by(
        db: Database) -> None:
    db.execute("INSERT INTO students (id, first_name, created_at) VALUES (1, 'Ana', 'x')")
    word = pack_words(db, "science.ecosystems")[0].id
    for minute in range(8):  # a miss, then "Practice again" right, four times
        study.record_attempt(db, 1, word, ItemType.CHOICE, "so", minute % 2 == 1,
                             START + timedelta(minutes=minute), practice=minute % 2 == 1)
    assert study.recent_answers(db, 1, 10) == [False] * 4


def test_a_student_from_before_the_typed_intro_is_told_once_after_migration() -> None:
    """0031_typed_intro: a student who was in the store before gets the one-time line before
    her first typed question, once (the claim is the store's, so two answers at once cannot
    both show it)."""
    db, _ = store_before("0031_typed_intro")
    assert migrate(db)[:1] == ["0031_typed_intro"]
    assert [study.claim_typed_intro(db, 1) for _ in range(3)] == [True, False, False]
    assert study.claim_typed_intro(db, 2) is False  # no such student: nothing to tell


def test_a_stamp_is_the_moment_it_is_given_each_time() -> None:
    """The last stamp is kept for the same moment (an answer stamps `now` several times);
    any other moment, even an equal one in another zone, is stamped anew."""
    from datetime import UTC, datetime, timedelta, timezone

    from bot.store.clock import stamp

    now = datetime(2026, 9, 14, 15, 0, 7, 900, tzinfo=UTC)
    assert stamp(now) == stamp(now) == "2026-09-14T15:00:07+00:00"
    later = now + timedelta(seconds=1)
    assert stamp(later) == "2026-09-14T15:00:08+00:00"
    assert stamp(now.astimezone(timezone(timedelta(hours=-5)))) == "2026-09-14T15:00:07+00:00"
    with pytest.raises(ValueError):
        stamp(now.replace(tzinfo=None))
