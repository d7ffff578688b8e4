"""Migration 0032 (poll message): a check item remembers the message showing its quiz poll, so
the poll can be closed after a restart; an item sent as a poll before it knows none."""

from __future__ import annotations

from bot.domain.checks import Item
from bot.domain.scaffold import ItemType
from bot.store import check_items, schema
from tests.clock import START
from tests.harness import store_before


def test_a_polls_message_is_read_with_its_item_and_an_older_poll_has_none() -> None:
    db, words = store_before("0032_poll_message")
    db.execute("INSERT INTO check_items (student_id, word_id, item_type, prompt_lang, options, "
               "answer, prompt, created_at, poll_id) VALUES (1, ?, 'poll', 'es', '[\"a\", "
               "\"b\"]', 'a', 'p', ?, 'old-poll')", [words[0], START.isoformat()])

    schema.migrations.apply(db)

    older = check_items.item_by_poll(db, "old-poll")
    assert older is not None and older.poll_message is None
    item = Item(words[1], ItemType.POLL, "p", ("a", "b"), "a")
    [item_id] = check_items.save_items(db, 1, "es", [item], START)
    assert check_items.next_open_item(db, 1).poll_message is None  # not sent yet
    check_items.set_poll(db, item_id, "new-poll", 4321)
    for read in (check_items.get_item(db, item_id), check_items.item_by_poll(db, "new-poll"),
                 check_items.next_open_item(db, 1),
                 check_items.read_check(db, item_id).item(item_id)):
        assert read is not None and (read.poll_id, read.poll_message) == ("new-poll", 4321)
