"""Migration 0034 (thread written): each thread message keeps the language it was written in,
and each answer whether it went as a machine translation; a message from before keeps none."""

from __future__ import annotations

from bot.store import schema, threads
from tests.clock import START
from tests.harness import store_before


def test_a_message_keeps_its_language_and_an_older_one_reads_as_not_known() -> None:
    db, _ = store_before("0034_thread_written")
    db.execute("INSERT INTO teachers (id, first_name, created_at) VALUES (9, 'T', 'x')")
    db.execute(
        "INSERT INTO thread_messages (student_id, teacher_id, asker_id, asker_role, "
        "direction, language, created_at) VALUES (1, 9, 2, 'family', 'ask', 'es', ?)",
        [START.isoformat()],
    )

    schema.migrations.apply(db)

    [older] = threads.thread(db, 1)
    assert (older.written, older.machine) == (None, None)  # /thread says nothing of either
    threads.set_relay(db, older.id, 77)
    asked = threads.relayed(db, 9, 77)
    assert asked is not None
    threads.add_answer(db, asked, START, written="en", machine=True)
    threads.add_ask(db, 1, 9, 2, "family", "es", None, START, written="vi")
    _, answer, newer = threads.thread(db, 1)
    assert (answer.written, answer.machine, answer.language) == ("en", True, "es")
    assert (newer.written, newer.machine) == ("vi", None)
