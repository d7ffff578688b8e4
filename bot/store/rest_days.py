"""The school days a student had nothing to do (no word ready, no card waiting), kept as sent
outbox rows of kind `rest-day` (no text: the row only says which day), as reminder_log keeps
reminders. /progress bridges them in the streak: a fast student who finished every word her
teacher pushed read "✅ All done for now" on six school days, and her streak fell from 14 to
3 (playtest, WIDA 5). The reminder jobs note them for every enrolled student, reminded or
not (/remind off lost the skip, once). A student's deletion clears them with every outbox row
to their chat (erase.py). Nothing on the answer path reads or writes them."""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from sqlite_utils import Database

from bot.store.clock import parse, stamp

KIND = "rest-day"


def record(db: Database, student_id: int, now: datetime, tz: tzinfo) -> None:
    """Remember that the student had nothing to do on today's school day (once a day)."""
    day = now.astimezone(tz).date()
    if day in days(db, student_id, tz, day):
        return
    db.execute("INSERT INTO outbox (push_id, chat_id, kind, payload, status, not_before, "
               "created_at, sent_at) VALUES (NULL, ?, ?, '{}', 'sent', ?, ?, ?)",
               [student_id, KIND, stamp(now), stamp(now), stamp(now)])


def days(db: Database, student_id: int, tz: tzinfo, since: date | None = None
         ) -> frozenset[date]:
    """The school's days on which the student had nothing to do (from `since`, when given)."""
    rows = db.execute("SELECT not_before FROM outbox WHERE chat_id = ? AND kind = ? "
                      "AND status = 'sent'", [student_id, KIND]).fetchall()
    found = (parse(r[0]).astimezone(tz).date() for r in rows)
    return frozenset(d for d in found if since is None or d >= since)
