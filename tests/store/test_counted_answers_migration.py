"""Migration 0049: a typed miss a teacher counted as right, taken out of every total by the
count when it was typed just after a wrong tap showed the word's meaning ("correct 3 of 8"
read "3 of 7", re-playtest), is put back among the counted answers; a practice miss counted
(the day its card was read, "Practice again") stays practice."""

from __future__ import annotations

from sqlite_utils import Database

from bot.domain.overrule import Graded
from bot.store import schema
from tests.harness import store_before

MIGRATION = "0049_counted_answers_back_in_totals"


def _counted(db: Database, word_id: int, graded: Graded, practice: int) -> None:
    db.execute("INSERT INTO attempts (student_id, word_id, item_type, prompt_lang, correct, "
               "answered_at, practice, grading, overruled_at) "
               "VALUES (1, ?, 'typed', 'zh', 1, 'x', ?, ?, 'y')",
               [word_id, practice, graded.bits()])


def _totals(db: Database, word_id: int) -> tuple[int, int]:
    return db.execute("SELECT practised, practised_right FROM mastery WHERE word_id = ?",
                      [word_id]).fetchone()


def test_a_count_that_took_a_miss_out_of_the_totals_is_put_back() -> None:
    db, words = store_before(MIGRATION)
    revealed, card_day = words[:2]
    _counted(db, revealed, Graded(False, revealed=True, typed=True), practice=1)  # the bug
    _counted(db, card_day, Graded(False, card_today=True, typed=True), practice=1)  # right
    for word in (revealed, card_day):
        db.execute("INSERT INTO mastery (student_id, word_id, p_known, card, due_at, "
                   "updated_at, attempts, correct, practised, practised_right) "
                   "VALUES (1, ?, 0.2, '{}', 'x', 'x', 8, 3, 2, 1)", [word])

    schema.migrations.apply(db)

    assert _totals(db, revealed) == (1, 0)  # "correct 3 of 8" again, not "3 of 7"
    assert _totals(db, card_day) == (2, 1)  # a practice miss counted stays practice
    assert db.execute("SELECT word_id, practice FROM attempts ORDER BY word_id").fetchall() \
        == [(revealed, 0), (card_day, 1)]
