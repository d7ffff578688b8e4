"""The outbox's leases: one sender per row, and every write committed at once."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from bot.store import open_store, outbox
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
