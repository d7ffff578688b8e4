"""Migration 0016: a word answered before first answers were kept (0007) gets its first answer
from the answers themselves, so "correct N of M over D day(s)" counts the days from the first
answer, not "over 1 day(s)" for answers a week apart."""

from __future__ import annotations

from datetime import timedelta

from sqlite_utils import Database

from bot.store import schema
from bot.store.clock import stamp
from tests.clock import START
from tests.harness import store_before

MONDAY, NEXT_WEDNESDAY = stamp(START), stamp(START + timedelta(days=9))


def _answers(db: Database, word_id: int, *stamps: str) -> None:
    for at in stamps:
        db.execute("INSERT INTO attempts (student_id, word_id, item_type, prompt_lang, correct, "
                   "answered_at) VALUES (1, ?, 'choice', 'es', 0, ?)", [word_id, at])


def _first_answers(db: Database) -> dict[int, str | None]:
    return dict(db.execute("SELECT word_id, first_seen FROM mastery").fetchall())


def test_answers_from_before_first_answers_were_kept_count_from_the_first() -> None:
    db, words = store_before("0016_first_answers_backfilled")
    _answers(db, words[0], MONDAY, NEXT_WEDNESDAY)
    # answered before 0007: it added first_seen empty, and /student read "over 1 day(s)"
    db.execute("INSERT INTO mastery (student_id, word_id, p_known, card, due_at, updated_at, "
               "attempts, correct, last_seen) VALUES (1, ?, 0.2, '{}', 'x', 'x', 2, 0, ?)",
               [words[0], NEXT_WEDNESDAY])

    schema.migrations.apply(db)

    assert _first_answers(db) == {words[0]: MONDAY}


def test_a_first_answer_kept_after_earlier_answers_moves_back_to_the_first() -> None:
    db, words = store_before("0016_first_answers_backfilled")
    late, right, unanswered = words[:3]
    _answers(db, late, MONDAY, NEXT_WEDNESDAY)  # Monday's answer came before 0007
    _answers(db, right, MONDAY, NEXT_WEDNESDAY)
    for word, first, attempts in ((late, NEXT_WEDNESDAY, 2), (right, MONDAY, 2),
                                  (unanswered, None, 0)):
        db.execute("INSERT INTO mastery (student_id, word_id, p_known, card, due_at, "
                   "updated_at, attempts, first_seen) VALUES (1, ?, 0.2, '{}', 'x', 'x', ?, ?)",
                   [word, attempts, first])

    schema.migrations.apply(db)

    assert _first_answers(db) == {late: MONDAY, right: MONDAY, unanswered: None}
