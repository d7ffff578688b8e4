"""Migration 0036: a teacher's first message to a family member is a thread row flagged
`started`; an announcement remembers its first words and the messages that carried it, so a
reply to one finds it, until retention or the teacher's /deleteme forgets it."""

from __future__ import annotations

from datetime import timedelta

from sqlite_utils import Database

from bot.store import people, schema, threads
from tests.clock import START
from tests.harness import store_before


def _store_with_announcement() -> tuple[Database, int]:
    db, _ = store_before("0036_started_messages_and_announcement_replies")
    people.upsert_teacher(db, 9, "Rivera", START)
    found = people.create_class(db, 9, "Science", "CODE_12345", START + timedelta(days=9),
                                None, START)
    db.execute("INSERT INTO thread_messages (student_id, teacher_id, asker_id, asker_role, "
               "direction, language, created_at) VALUES (1, 9, 2001, 'family', 'answer', 'es', ?)",
               [START.isoformat()])
    schema.migrations.apply(db)
    announcement = threads.add_announcement(db, found.id, 9, "Field trip on Friday", {}, START)
    return db, announcement


def test_older_answers_are_not_started_and_a_started_one_is() -> None:
    db, _ = _store_with_announcement()
    started = threads.add_started(db, 1, 9, 2001, "es", START)
    rows = {m.id: m.started for m in threads.thread(db, 1)}
    assert rows[started] is True and list(rows.values()).count(False) == 1


def test_a_delivered_announcement_is_found_by_its_message_until_forgotten() -> None:
    db, announcement = _store_with_announcement()
    threads.add_announcement_message(db, 2001, 77, announcement)
    assert threads.announced(db, 2001, 77) is None  # not sent: never a draft's text
    threads.close_announcement(db, announcement, START, "Field trip…")
    found = threads.announced(db, 2001, 77)
    assert found is not None and (found.teacher_id, found.beginning) == (9, "Field trip…")
    assert threads.announced(db, 2002, 77) is None  # another chat's message 77
    threads.purge_before(db, START + timedelta(days=1))
    assert threads.announced(db, 2001, 77) is None
    assert db.execute("SELECT count(*) FROM announcement_messages").fetchone()[0] == 0
