"""Migration 0015 (cards shown): which words of an existing store count as seen. A word answered
was shown; so was one in no stored preview (levels 4-6 show every card) or one that opened a
preview; a word never answered that waits on a later card of a one-card-a-message preview was
never shown, so the next /check shows its card first instead of asking it."""

from __future__ import annotations

import json

from bot.store import schema
from tests.harness import store_before


def test_existing_words_count_as_shown_unless_they_wait_on_an_unopened_card() -> None:
    db, words = store_before("0015_cards_shown")
    answered, first, later, bundled = words[:4]
    for word, attempts in ((answered, 2), (first, 0), (later, 0), (bundled, 0)):
        db.execute("INSERT INTO mastery (student_id, word_id, p_known, card, due_at, "
                   "updated_at, attempts, first_seen) VALUES (1, ?, 0.2, '{}', 'x', 'u', ?, ?)",
                   [word, attempts, "f" if attempts else None])
    db.execute("INSERT INTO previews (student_id, word_ids, created_at) VALUES (1, ?, 'x')",
               [json.dumps([first, later, answered])])

    schema.migrations.apply(db)

    shown = dict(db.execute("SELECT word_id, shown_at FROM mastery").fetchall())
    assert shown == {answered: "f", first: "u", later: None, bundled: "u"}
