"""Migration 0033 (chosen word): a wrong tap keeps the pack word chosen, read back with the
answered questions; answers from before it, and right ones, have none."""

from __future__ import annotations

from datetime import timedelta

from bot.domain.checks import Item
from bot.domain.scaffold import ItemType
from bot.store import check_items, schema
from bot.store.taps import answered_taps
from tests.clock import START
from tests.harness import store_before


def test_a_wrong_taps_word_is_read_back_and_older_answers_have_none() -> None:
    db, words = store_before("0033_chosen_word")
    db.execute(
        "INSERT INTO check_items (student_id, word_id, item_type, prompt_lang, options, "
        "answer, prompt, created_at, answered_at, correct) VALUES (1, ?, 'choice', 'es', "
        "'[\"a\", \"b\"]', 'a', 'p', ?, ?, 0)",
        [words[0], START.isoformat(), START.isoformat()],
    )

    schema.migrations.apply(db)

    later = START + timedelta(hours=1)
    item = Item(words[1], ItemType.CHOICE, "p", ("x", "y", "z"), "x")
    typed = Item(words[1], ItemType.TYPED, "p", (), "x")
    wrong, right, unanswered, written = check_items.save_items(
        db, 1, "es", [item, item, item, typed], later
    )
    check_items.close_item(db, wrong, False, later, words[2])
    check_items.close_item(db, right, True, later)
    check_items.close_item(db, written, False, later)
    read = answered_taps(db, [1], START)
    assert [(t.item.word_id, t.chosen_word_id) for t in read] == [
        (words[0], None),
        (words[1], words[2]),
        (words[1], None),
    ]  # no open or typed item
    assert read[1].item.options == ("x", "y", "z") and read[1].answered_at == later
    assert answered_taps(db, [1], later + timedelta(seconds=1)) == []
    assert unanswered not in (wrong, right)
