"""The daily reminders a student was sent, kept as sent outbox rows of kind `reminder` (no
text, no name: the row only says when), so the reminder job can tell how many went
unanswered and back off, and /report can say so. Nothing on the answer path reads or writes
them: a reminder counts as answered once an answer, a card read or a check opened comes after
it. A student's deletion clears them with every outbox row to their chat (erase.py)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta

from sqlite_utils import Database

from bot.store.clock import parse, stamp

KIND = "reminder"
# Only the last weeks' reminders are read: through the outbox's (status, not_before) index,
# never a scan of every message ever sent. A backed-off student gets one every few school
# days, so this window always holds enough of them to keep the back-off on.
WINDOW = timedelta(days=30)

# The student's latest sign of life: an answer (practice too), a card first read, or a check
# opened (its questions stored: /check, or ✅ under a card), answered or not. A student who sent
# /check every day and never answered (a Listen button, a typed question with only 🤷 under
# it) had his reminders slowed as if he ignored them (playtest): he came, and could not answer.
# (SQLite's max of values is NULL when one is: each is made '' first.)
_LAST_ACTIVE = ("max(coalesce((SELECT max(answered_at) FROM attempts "
                "WHERE student_id = o.chat_id), ''), coalesce((SELECT max(shown_at) "
                "FROM mastery WHERE student_id = o.chat_id), ''), coalesce((SELECT "
                "max(created_at) FROM check_items WHERE student_id = o.chat_id), ''))")
_RECENT = "o.status = 'sent' AND o.not_before >= ? AND o.kind = ?"


def record_sent(db: Database, student_id: int, now: datetime) -> None:
    """Remember that a reminder reached the student just now."""
    db.execute("INSERT INTO outbox (push_id, chat_id, kind, payload, status, not_before, "
               "created_at, sent_at) VALUES (NULL, ?, ?, '{}', 'sent', ?, ?, ?)",
               [student_id, KIND, stamp(now), stamp(now), stamp(now)])


def unanswered(db: Database, student_id: int, now: datetime) -> list[datetime]:
    """The reminders sent to the student (in the last WINDOW) since their last answer or card
    read, newest first."""
    rows = db.execute(f"SELECT o.not_before FROM outbox o WHERE {_RECENT} AND o.chat_id = ? "
                      f"AND o.not_before > {_LAST_ACTIVE} ORDER BY o.not_before DESC",
                      [stamp(now - WINDOW), KIND, student_id]).fetchall()
    return [parse(r[0]) for r in rows]


def unanswered_counts(db: Database, student_ids: Collection[int], now: datetime
                      ) -> dict[int, int]:
    """How many reminders (in the last WINDOW) each of these students was sent since their
    last answer or card read; students with none are left out. One query for a /report."""
    if not student_ids:
        return {}
    marks = ",".join("?" * len(student_ids))
    rows = db.execute(f"SELECT o.chat_id, count(*) FROM outbox o WHERE {_RECENT} "
                      f"AND o.chat_id IN ({marks}) AND o.not_before > {_LAST_ACTIVE} "
                      "GROUP BY o.chat_id",
                      [stamp(now - WINDOW), KIND, *sorted(student_ids)]).fetchall()
    return {r[0]: r[1] for r in rows}
