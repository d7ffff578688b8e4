"""Each graded answer keeps whether it was "I don't know" (migration 0055): a flag, no text.
Answers kept before it are unknown (NULL) and count as no 🤷 in every report."""

from __future__ import annotations

from bot.domain.scaffold import ItemType
from bot.store import schema, study
from bot.store.schema.registry import run_sql
from tests.clock import START
from tests.harness import store_before

MIGRATION = "0055_dont_know_attempts"


def test_an_answer_before_the_migration_is_unknown_and_new_ones_say_yes_or_no() -> None:
    db, words = store_before(MIGRATION)
    run_sql(db, "INSERT INTO attempts (student_id, word_id, item_type, prompt_lang, correct, "
                f"answered_at) VALUES (1, {words[0]}, 'typed', 'es', 0, '2026-09-14T10:00')")
    schema.migrations.apply(db)
    study.record_attempt(db, 1, words[1], ItemType.TYPED, "es", False, START, dont_know=True)
    study.record_attempt(db, 1, words[2], ItemType.TYPED, "es", False, START)
    assert [r[0] for r in db.execute("SELECT dont_know FROM attempts ORDER BY id")] == [
        None, 1, 0]

