"""The outbox's leases: one sender per row, and every write committed at once."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlite_utils import Database

from bot.store import open_store, outbox
from bot.store.people import ClassInfo
from tests.clock import START


def test_claiming_rows_commits_so_a_crash_keeps_the_marks(tmp_path: Path) -> None:
    db = open_store(tmp_path / "p.db")
    row = outbox.enqueue(db, None, 7, "family-update", {"text": "hi"}, START, START)
    got = outbox.claim(db, [row], "a", START, START + timedelta(minutes=1))
    assert [r.id for r in got] == [row]
    assert not db.conn.in_transaction  # an open transaction would lose the marks on a crash
    outbox.mark_sent(db, row, START)
    other = open_store(tmp_path / "p.db")  # another process sees the mark at once
    assert other.execute("SELECT status FROM outbox").fetchone()[0] == "sent"


def test_a_leased_row_is_never_claimed_twice_until_its_lease_ends() -> None:
    db = open_store(None)
    row = outbox.enqueue(db, None, 7, "family-update", {"text": "hi"}, START, START)
    lease = START + timedelta(minutes=1)
    assert outbox.claim(db, [row], "a", START, lease)
    assert outbox.claim(db, [row], "b", START, lease) == []
    later = lease + timedelta(seconds=1)  # owner "a" died: after its lease, another may send
    assert outbox.claim(db, [row], "b", later, later + timedelta(minutes=1))


def test_cancelling_a_push_leaves_what_was_sent_and_what_a_deliverer_holds(
        db: Database, school_class: ClassInfo) -> None:
    push = outbox.create_push(db, school_class.id, school_class.teacher_id, "science.ecosystems",
                              [1], START, START)
    sent, held, _waiting = (outbox.enqueue(db, push, chat, "preview", {"text": "hi"}, START,
                                           START) for chat in (7, 8, 9))
    outbox.mark_sent(db, sent, START)
    assert outbox.claim(db, [held], "a", START, START + timedelta(minutes=1))
    assert outbox.cancel_push(db, push, START) == 1  # only chat 9's row: pending, unclaimed
    assert [r[0] for r in db.execute("SELECT id FROM outbox ORDER BY id")] == [sent, held]
    assert outbox.get_push(db, push) is not None  # it sent something: it stays a push
    assert outbox.cancel_push(db, push, START) is None  # nothing of it was waiting


def test_a_push_cancelled_before_anything_was_sent_is_gone(db: Database,
                                                          school_class: ClassInfo) -> None:
    push = outbox.create_push(db, school_class.id, school_class.teacher_id, "science.ecosystems",
                              [1], START, START)
    outbox.enqueue(db, push, 7, "preview", {"text": "hi"}, START, START)
    assert outbox.cancel_push(db, push, START) == 1
    assert outbox.get_push(db, push) is None and db["outbox"].count == 0
    assert outbox.words_sent_to_class(db, school_class.id) == set()


def test_a_push_booked_for_a_class_nobody_joined_waits_cancels_and_is_reported_when_due(
        db: Database, school_class: ClassInfo) -> None:
    later = START + timedelta(hours=18)
    push = outbox.create_push(db, school_class.id, school_class.teacher_id, "science.ecosystems",
                              [1], later, START)
    assert [w.push.id for w in outbox.waiting_pushes(db, school_class.teacher_id, START)] == [
        push]
    assert outbox.finished_unreported(db, START) == []  # not done before its time
    assert outbox.finished_unreported(db, later) == [(push, school_class.teacher_id)]
    assert outbox.waiting_pushes(db, school_class.teacher_id, later) == []
    assert outbox.cancel_push(db, push, later) is None  # due: nothing left to cancel
    assert outbox.cancel_push(db, push, START) == 0  # waiting, with no student yet
    assert outbox.get_push(db, push) is None


def test_an_awake_reader_gets_what_waits_for_quiet_hours_not_what_is_booked_later() -> None:
    """What waits for 07:00 in the chat of someone writing at 05:00 is due now, marked so
    the deliverer sends it in quiet hours; a message booked for 08:00, or another chat's,
    still waits."""
    db = open_store(None)
    morning = START + timedelta(hours=2)
    waiting = outbox.enqueue(db, None, 7, "answer", {"text": "a"}, morning, START)
    later = outbox.enqueue(db, None, 7, "announcement", {"text": "b"},
                           morning + timedelta(hours=1), START)
    other = outbox.enqueue(db, None, 8, "answer", {"text": "c"}, morning, START)
    assert outbox.bring_forward(db, 7, START, morning) == 1
    assert [row_id for row_id, _ in outbox.claimable(db, START, 10)] == [waiting]
    [row] = outbox.claim(db, [waiting], "me", START, START + timedelta(minutes=1))
    assert row.payload == {"text": "a", outbox.AWAKE: 1}
    still = {r[0] for r in db.execute("SELECT id FROM outbox WHERE not_before > ?",
                                       [START.isoformat()])}
    assert still == {later, other}
