"""The durable outbox: one row per message to send, so a restart resumes without resending."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from bot.store.clock import parse, stamp


@dataclass(frozen=True)
class OutboxRow:
    id: int
    push_id: int | None
    chat_id: int
    kind: str
    payload: dict[str, Any]
    tries: int


def enqueue(db: Database, push_id: int | None, chat_id: int, kind: str,
            payload: dict[str, Any], not_before: datetime, now: datetime) -> int:
    """Add one message to send (call inside the transaction that decides to send it)."""
    cursor = db.execute(
        "INSERT INTO outbox (push_id, chat_id, kind, payload, not_before, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [push_id, chat_id, kind, json.dumps(payload, ensure_ascii=False), stamp(not_before),
         stamp(now)])
    return cursor.lastrowid or 0


def set_rows(db: Database, row_id: int, rows: list[list[list[str]]]) -> None:
    """Give a queued message its buttons, made once its row id is known (a 🔊 under it
    names the row, whose payload holds what it says)."""
    db.execute("UPDATE outbox SET payload = json_set(payload, '$.rows', json(?)) WHERE id = ?",
               [json.dumps(rows, ensure_ascii=False), row_id])


def set_reading(db: Database, row_id: int, reading: dict[str, Any],
                rows: list[list[list[str]]]) -> None:
    """Keep what a queued message's 🔊 reads aloud, with that 🔊 as its buttons."""
    db.execute("UPDATE outbox SET payload = json_set(payload, '$.spoken', json(?), "
               "'$.rows', json(?)) WHERE id = ?",
               [json.dumps(reading, ensure_ascii=False), json.dumps(rows, ensure_ascii=False),
                row_id])


def payload_for(db: Database, row_id: int, chat_id: int) -> dict[str, Any] | None:
    """A queued or sent message's payload, only for the chat it went to (button data is
    forgeable); None when there is none (erased, or someone else's)."""
    row = db.execute("SELECT payload FROM outbox WHERE id = ? AND chat_id = ?",
                     [row_id, chat_id]).fetchone()
    return None if row is None else dict(json.loads(row[0]))


_COLUMNS = "id, push_id, chat_id, kind, payload, tries"
# A payload's mark that its reader wrote in quiet hours, so it need not wait for their end
AWAKE = "awake"


def _row(r: tuple[Any, ...]) -> OutboxRow:
    return OutboxRow(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5])


def claimable(db: Database, now: datetime, limit: int) -> list[tuple[int, int]]:
    """(row id, chat id) of due, unleased rows that are first in line for their chat and push.

    A student's parts of one preview go out in order; a row waiting or failing in one chat
    never holds back any other chat. A message of no push booked for later and never tried
    (a family member's language note, held while they may change their mind) holds back
    nothing: the family's messages to the teacher do not wait behind it.
    """
    rows = db.execute(
        "SELECT o.id, o.chat_id FROM outbox o WHERE o.status = 'pending' "
        "AND o.not_before <= :now AND (o.lease_until IS NULL OR o.lease_until <= :now) "
        "AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.chat_id = o.chat_id "
        "AND p.status = 'pending' AND p.push_id IS o.push_id AND p.id < o.id "
        "AND NOT (p.push_id IS NULL AND p.attempted_at IS NULL AND p.not_before > :now)) "
        "ORDER BY o.id LIMIT :limit", {"now": stamp(now), "limit": limit}).fetchall()
    return [(r[0], r[1]) for r in rows]


def claim(db: Database, row_ids: list[int], owner: str, now: datetime,
          lease_until: datetime) -> list[OutboxRow]:
    """Lease rows to `owner` in one statement; return those it got (others may hold some)."""
    if not row_ids:
        return []
    marks = ", ".join("?" for _ in row_ids)
    # An UPDATE ... RETURNING reads like a query, so sqlite-utils would leave its implicit
    # transaction open (and every later write inside it, uncommitted): commit it explicitly.
    with db.atomic():
        rows = db.execute(
            f"UPDATE outbox SET lease_owner = ?, lease_until = ?, attempted_at = ? "
            f"WHERE id IN ({marks}) AND status = 'pending' "
            f"AND (lease_until IS NULL OR lease_until <= ?) RETURNING {_COLUMNS}",
            [owner, stamp(lease_until), stamp(now), *row_ids, stamp(now)]).fetchall()
    return sorted((_row(r) for r in rows), key=lambda row: row.id)


def release_leases(db: Database) -> int:
    """Free every lease: only safe when no other deliverer can be running (start-up)."""
    cursor = db.execute("UPDATE outbox SET lease_owner = NULL, lease_until = NULL "
                        "WHERE status = 'pending' AND lease_owner IS NOT NULL")
    return cursor.rowcount


def interrupted_sends(db: Database) -> int:
    """Pending rows whose send began but was never marked: the at-least-once window."""
    return db.execute("SELECT count(*) FROM outbox WHERE status = 'pending' "
                      "AND attempted_at IS NOT NULL AND lease_owner IS NOT NULL").fetchone()[0]


def release(db: Database, row_id: int, owner: str, not_before: datetime | None = None) -> None:
    """Give a row back untouched (e.g. Telegram said "slow down"): no try is counted."""
    db.execute("UPDATE outbox SET lease_owner = NULL, lease_until = NULL, "
               "not_before = coalesce(?, not_before) WHERE id = ? AND lease_owner = ?",
               [stamp(not_before) if not_before else None, row_id, owner])


def pending_count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM outbox WHERE status = 'pending'").fetchone()[0]


def next_due(db: Database) -> datetime | None:
    """When the earliest pending row becomes due (None when nothing is pending)."""
    row = db.execute("SELECT min(not_before) FROM outbox WHERE status = 'pending'").fetchone()
    return datetime.fromisoformat(row[0]) if row and row[0] else None


def mark_sent(db: Database, row_id: int, now: datetime) -> None:
    db.execute("UPDATE outbox SET status = 'sent', sent_at = ?, tries = tries + 1, "
               "lease_owner = NULL, lease_until = NULL WHERE id = ?", [stamp(now), row_id])


def forget_text_before(db: Database, cutoff: datetime) -> int:
    """Empty the text, and what its 🔊 reads, of every finished message (sent, or never to be:
    blocked, failed) sent or given up before `cutoff`; the row keeps who, what kind and when.
    Return how many were emptied."""
    return db.execute(
        "UPDATE outbox SET payload = json_set(json_remove(payload, '$.spoken'), '$.text', '') "
        "WHERE status != 'pending' AND coalesce(sent_at, created_at) < ? AND "
        "(coalesce(json_extract(payload, '$.text'), '') != '' "
        "OR json_extract(payload, '$.spoken') IS NOT NULL)", [stamp(cutoff)]).rowcount


def mark_blocked(db: Database, chat_id: int, error: str) -> int:
    """Skip every pending message to a user who blocked the bot; return how many."""
    cursor = db.execute("UPDATE outbox SET status = 'blocked', last_error = ? "
                        "WHERE chat_id = ? AND status = 'pending'", [error[:200], chat_id])
    return cursor.rowcount


def retry_later(db: Database, row_id: int, error: str, not_before: datetime,
                max_tries: int) -> bool:
    """Count a failed try and free the row; give up (status 'failed') after `max_tries`.

    Returns True when the row has now failed for good.
    """
    db.execute("UPDATE outbox SET tries = tries + 1, last_error = ?, not_before = ?, "
               "lease_owner = NULL, lease_until = NULL, "
               "status = CASE WHEN tries + 1 >= ? THEN 'failed' ELSE 'pending' END "
               "WHERE id = ?", [error[:200], stamp(not_before), max_tries, row_id])
    row = db.execute("SELECT status FROM outbox WHERE id = ?", [row_id]).fetchone()
    return bool(row and row[0] == "failed")


def drop_unsent(db: Database, row_id: int) -> bool:
    """Delete a row that must never go out (its reader was unlinked since it was queued):
    nothing is kept for someone it will never reach, not even their chat id; False when it
    was no longer pending."""
    return db.execute("DELETE FROM outbox WHERE id = ? AND status = 'pending'",
                      [row_id]).rowcount == 1


def postpone(db: Database, row_id: int, not_before: datetime) -> None:
    db.execute("UPDATE outbox SET not_before = ?, lease_owner = NULL, lease_until = NULL "
               "WHERE id = ?", [stamp(not_before), row_id])


def bring_forward(db: Database, chat_id: int, now: datetime, until: datetime) -> int:
    """Make due now, marked AWAKE, the pending rows to one chat that wait for a moment after
    `now` and no later than `until` (the end of tonight's quiet hours); return how many."""
    return db.execute(
        f"UPDATE outbox SET not_before = :now, payload = json_set(payload, '$.{AWAKE}', 1) "
        "WHERE chat_id = :chat AND status = 'pending' "
        "AND lease_owner IS NULL AND not_before > :now AND not_before <= :until",
        {"now": stamp(now), "until": stamp(until), "chat": chat_id}).rowcount


def push_counts(db: Database, push_id: int) -> Counter[str]:
    """Students of one push by outcome: 'sent' (every part arrived), 'blocked', 'failed'."""
    rows = db.execute(
        "SELECT CASE WHEN sum(status = 'blocked') > 0 THEN 'blocked' "
        "WHEN sum(status = 'failed') > 0 THEN 'failed' "
        "WHEN sum(status = 'pending') > 0 THEN 'pending' ELSE 'sent' END AS outcome, "
        "chat_id FROM outbox WHERE push_id = ? GROUP BY chat_id", [push_id]).fetchall()
    return Counter(outcome for outcome, _ in rows)


def push_failed_chats(db: Database, push_id: int) -> list[int]:
    """Chats of one push with a message that failed for good."""
    rows = db.execute("SELECT DISTINCT chat_id FROM outbox WHERE push_id = ? "
                      "AND status = 'failed' ORDER BY chat_id", [push_id]).fetchall()
    return [r[0] for r in rows]


def finished_unreported(db: Database, now: datetime) -> list[tuple[int, int]]:
    """(push id, teacher id) of pushes due by `now` with nothing pending that the teacher has
    not heard of (a push booked for later to a class nobody has joined yet has nothing
    pending either: it is done only when its time comes)."""
    rows = db.execute(
        "SELECT p.id, p.teacher_id FROM pushes p WHERE p.reported_at IS NULL "
        "AND p.send_at <= ? AND NOT EXISTS "
        "(SELECT 1 FROM outbox o WHERE o.push_id = p.id AND o.status = 'pending')",
        [stamp(now)]).fetchall()
    return [(r[0], r[1]) for r in rows]


def mark_reported(db: Database, push_id: int, now: datetime) -> bool:
    cursor = db.execute("UPDATE pushes SET reported_at = ? WHERE id = ? AND reported_at IS NULL",
                        [stamp(now), push_id])
    return cursor.rowcount == 1


def create_push(db: Database, class_id: int, teacher_id: int, pack_id: str,
                word_ids: list[int], send_at: datetime, now: datetime,
                reported: bool = False) -> int:
    """A push row (`reported`: one that sends nothing now, so there is nothing to report)."""
    cursor = db.execute(
        "INSERT INTO pushes (class_id, teacher_id, pack_id, word_ids, send_at, created_at, "
        "reported_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [class_id, teacher_id, pack_id, json.dumps(word_ids), stamp(send_at), stamp(now),
         stamp(now) if reported else None])
    return cursor.lastrowid or 0


@dataclass(frozen=True)
class Push:
    id: int
    class_id: int
    teacher_id: int
    pack_id: str
    word_ids: list[int]
    send_at: datetime
    kept: bool = False  # kept for joiners (pushed before anyone joined): pushes_to_learn only


PUSH_COLUMNS = "p.id, p.class_id, p.teacher_id, p.pack_id, p.word_ids, p.send_at"


def _push(row: tuple[Any, ...]) -> Push:
    """A push from the first six columns of a row selected with PUSH_COLUMNS."""
    return Push(row[0], row[1], row[2], row[3], [int(i) for i in json.loads(row[4])],
                parse(row[5]))


def get_push(db: Database, push_id: int) -> Push | None:
    row = db.execute(f"SELECT {PUSH_COLUMNS} FROM pushes p WHERE p.id = ?",
                     [push_id]).fetchone()
    return None if row is None else _push(row)


def pushes_to(db: Database, class_ids: list[int]) -> list[Push]:
    """Every push to these classes, the most recently due first."""
    marks = ", ".join("?" * len(class_ids))
    rows = db.execute(f"SELECT {PUSH_COLUMNS} FROM pushes p WHERE p.class_id IN ({marks}) "
                      "ORDER BY p.send_at DESC, p.id DESC",
                      list(class_ids)).fetchall() if class_ids else []
    return [_push(r) for r in rows]


# A push kept for joiners: made before anyone now in its class had joined (nobody had: its
# words are what those who join start with; NULL: nobody is in it now), and sent to nobody
# who has left it since: a class whose students all left kept every push it had been sent,
# so a new joiner started with the whole year's words, oldest first, as "kept for joiners".
_KEPT_SQL = ("p.created_at < coalesce((SELECT min(e.joined_at) FROM enrollments e "
             "WHERE e.class_id = p.class_id), '9999') AND NOT EXISTS (SELECT 1 FROM outbox o "
             "WHERE o.push_id = p.id AND o.chat_id NOT IN (SELECT e.student_id FROM "
             "enrollments e WHERE e.class_id = p.class_id))")


def pushes_to_learn(db: Database, class_ids: list[int]) -> list[Push]:
    """Every push to these classes in the order a student meets their words: those kept for
    joiners first, in the order they were pushed (the unit's first words first), then the
    others, the most recently due first (what the class studies now). One statement."""
    marks = ", ".join("?" * len(class_ids))
    rows = db.execute(f"SELECT {PUSH_COLUMNS}, {_KEPT_SQL} FROM pushes p "
                      f"WHERE p.class_id IN ({marks}) ORDER BY p.send_at DESC, p.id DESC",
                      list(class_ids)).fetchall() if class_ids else []
    kept = sorted((r for r in rows if r[6]), key=lambda r: r[0])
    return [*(replace(_push(r), kept=True) for r in kept), *(_push(r) for r in rows if not r[6])]


def kept_for_joiners(db: Database, class_id: int, now: datetime) -> list[Push]:
    """The pushes to a class kept for joiners and due by now, in the order they were
    pushed."""
    rows = db.execute(f"SELECT {PUSH_COLUMNS} FROM pushes p WHERE p.class_id = ? "
                      f"AND p.send_at <= ? AND {_KEPT_SQL} ORDER BY p.id",
                      [class_id, stamp(now)]).fetchall()
    return [_push(r) for r in rows]


@dataclass(frozen=True)
class WaitingPush:
    """A push with messages not sent yet, and how many students they are for."""

    push: Push
    students: int
    booked_by: str  # the first name of the teacher who booked it


def waiting_pushes(db: Database, teacher_id: int, now: datetime) -> list[WaitingPush]:
    """The pushes still waiting to the classes a teacher teaches (owner or co-teacher),
    whoever booked them, the soonest due first: those with messages pending, and those booked
    for later with no message yet (nobody had joined the class: it goes to whoever joins
    before it is due; not one every student already had that day, kept only for "send
    again"). Co-teachers share the class, so one must see what the other booked before
    pushing the same words again."""
    rows = db.execute(
        f"SELECT {PUSH_COLUMNS}, count(DISTINCT o.chat_id), t.first_name "
        "FROM pushes p LEFT JOIN outbox o ON o.push_id = p.id AND o.status = 'pending' "
        "JOIN teachers t ON t.id = p.teacher_id "
        "WHERE (p.teacher_id = :teacher OR p.class_id IN "
        "(SELECT id FROM classes WHERE teacher_id = :teacher UNION "
        "SELECT class_id FROM class_teachers WHERE teacher_id = :teacher)) "
        "AND (o.id IS NOT NULL OR (p.send_at > :now AND p.reported_at IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM outbox x WHERE x.push_id = p.id))) "
        "GROUP BY p.id ORDER BY p.send_at, p.id",
        {"teacher": teacher_id, "now": stamp(now)}).fetchall()
    return [WaitingPush(_push(r), r[6], r[7]) for r in rows]


def cancel_push(db: Database, push_id: int, now: datetime) -> int | None:
    """Delete a push's messages still pending that no deliverer has claimed, in one
    transaction, and the push itself when nothing of it is left (so it never counts as sent,
    nor reaches a student who joins later); return how many students lost a message: 0 for a
    push booked for later that had no message yet (nobody had joined), None when nothing of
    the push was waiting. A claimed row may be on its way to Telegram: it is left to finish."""
    with db.atomic():  # a DELETE ... RETURNING reads like a query: keep it in the transaction
        chats = {r[0] for r in db.execute(
            "DELETE FROM outbox WHERE push_id = ? AND status = 'pending' "
            "AND lease_owner IS NULL RETURNING chat_id", [push_id]).fetchall()}
        if db.execute("SELECT 1 FROM outbox WHERE push_id = ? LIMIT 1", [push_id]).fetchone():
            return len(chats) or None
        gone = db.execute("DELETE FROM pushes WHERE id = ? AND (? OR send_at > ?)",
                          [push_id, bool(chats), stamp(now)]).rowcount
    return len(chats) if gone else None


def hand_over_reports(db: Database, class_id: int, from_id: int, to_id: int) -> int:
    """Give the class's creator `to_id` the reports still owed to a co-teacher taken off it
    (how a push of his went is its students' news: he no longer sees them); how many."""
    return db.execute("UPDATE pushes SET teacher_id = ? WHERE class_id = ? AND teacher_id = ? "
                      "AND reported_at IS NULL", [to_id, class_id, from_id]).rowcount


def take_back(db: Database, push_id: int) -> bool:
    """Delete every message of a push, in the caller's transaction, when none of them has
    begun (all pending, none ever leased: none is or may be on its way to Telegram); return
    False and change nothing otherwise. The guard is in the DELETE itself, and what is left
    is checked after it, so a deliverer claiming a row meanwhile makes this return False."""
    db.execute("DELETE FROM outbox WHERE push_id = ? AND status = 'pending' "
               "AND lease_owner IS NULL AND attempted_at IS NULL", [push_id])
    return db.execute("SELECT 1 FROM outbox WHERE push_id = ? LIMIT 1",
                      [push_id]).fetchone() is None


def set_push_words(db: Database, push_id: int, word_ids: list[int]) -> None:
    """A push's words, when another push has joined it; its teacher hears of it when sent."""
    db.execute("UPDATE pushes SET word_ids = ?, reported_at = NULL WHERE id = ?",
               [json.dumps(word_ids), push_id])


def push_chats(db: Database, push_id: int) -> set[int]:
    """Every chat one push has a message for (queued, sent, blocked or failed)."""
    rows = db.execute("SELECT DISTINCT chat_id FROM outbox WHERE push_id = ?", [push_id])
    return {r[0] for r in rows.fetchall()}


def pushed_cards(db: Database, push_id: int, chat_id: int) -> list[int]:
    """Word ids of the cards one push's preview brought this chat, in card order: those its
    messages showed (levels 4-6), or every card of a one-card-a-message preview (levels 1-3,
    turned with Next; its row shows the first); none when it had no preview for the chat, or
    its messages were purged."""
    rows = db.execute("SELECT payload FROM outbox WHERE push_id = ? AND chat_id = ? "
                      "AND kind = 'preview' ORDER BY id", [push_id, chat_id]).fetchall()
    shown = (int(i) for (payload,) in rows for i in _cards(json.loads(payload)))
    return list(dict.fromkeys(shown))


def _cards(payload: dict[str, Any]) -> list[int]:
    """The cards one preview row brings (a row queued before rows named their words: those it
    shows)."""
    if "preview" in payload:
        return payload.get("words") or payload.get("shows", [])
    return payload.get("shows", [])


def preview_push(db: Database, chat_id: int, preview_id: int) -> int | None:
    """The push whose outbox row sent this one-card preview to this chat (None: a preview a
    handler sent, for /words or /check)."""
    row = db.execute("SELECT push_id FROM outbox WHERE chat_id = ? AND kind = 'preview' "
                     "AND json_extract(payload, '$.preview') = ? LIMIT 1",
                     [chat_id, preview_id]).fetchone()
    return None if row is None else row[0]


def report_again(db: Database, push_id: int) -> None:
    """The push sends more: its teacher hears again when that is done."""
    db.execute("UPDATE pushes SET reported_at = NULL WHERE id = ?", [push_id])


def words_pushed_between(db: Database, start: datetime, end: datetime) -> dict[int, set[int]]:
    """Word ids each chat was pushed (queued or sent, not blocked or failed) by pushes due in
    [start, end): what a student already has that day. A row names the words it brings her
    ("words": a push's words she did not have yet); rows queued before that, every word."""
    rows = db.execute(
        "SELECT DISTINCT o.chat_id, p.id, coalesce(json_extract(o.payload, '$.words'), "
        "p.word_ids) FROM pushes p JOIN outbox o ON o.push_id = p.id "
        "WHERE p.send_at >= ? AND p.send_at < ? AND o.status IN ('pending', 'sent')",
        [stamp(start), stamp(end)]).fetchall()
    pushed: dict[int, set[int]] = {}
    for chat_id, _, ids in rows:
        pushed.setdefault(chat_id, set()).update(int(i) for i in json.loads(ids))
    return pushed


def words_sent_to_class(db: Database, class_id: int) -> set[int]:
    """Every word id any push has sent to a class."""
    rows = db.execute("SELECT word_ids FROM pushes WHERE class_id = ?", [class_id]).fetchall()
    return {int(i) for (ids,) in rows for i in json.loads(ids)}
