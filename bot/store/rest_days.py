"""The school days a student had nothing to do (no word ready, no card waiting), kept as sent
outbox rows of kind `rest-day` (no text: the row only says which day), as reminder_log keeps
reminders. /progress bridges them in the streak: a fast student who finished every word her
teacher pushed read "✅ All done for now" on six school days, and her streak fell from 14 to
3 (playtest, WIDA 5). The reminder jobs note them for every enrolled student, reminded or
not (/remind off lost the skip, once). Nor is such a day one of silence: /report's "💤
Inactive" and the teacher's "🔇" note skip it (teacher playtest: "🏁 Minh has finished every
word you pushed", then, after three school days of "✅ All done for now", "🔇 Minh has not
answered ... A quick word with Minh?"). A student's deletion clears them with every outbox
row to their chat (erase.py). Nothing on the answer path reads or writes them."""

from __future__ import annotations

import json
from collections.abc import Collection
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


def days_of_many(db: Database, student_ids: Collection[int], tz: tzinfo
                 ) -> dict[int, frozenset[date]]:
    """Each student's days with nothing to do, for those with any: one query (a class's
    /report, the quiet note), for no school day of silence (💤, 🔇)."""
    if not student_ids:
        return {}
    rows = db.execute("SELECT chat_id, not_before FROM outbox WHERE kind = ? AND status = 'sent' "
                      "AND chat_id IN (SELECT value FROM json_each(?))",
                      [KIND, json.dumps(sorted(set(student_ids)))]).fetchall()
    found: dict[int, set[date]] = {}
    for student_id, at in rows:
        found.setdefault(student_id, set()).add(parse(at).astimezone(tz).date())
    return {s: frozenset(found_days) for s, found_days in found.items()}


def days(db: Database, student_id: int, tz: tzinfo, since: date | None = None
         ) -> frozenset[date]:
    """The school's days on which the student had nothing to do (from `since`, when given)."""
    rows = db.execute("SELECT not_before FROM outbox WHERE chat_id = ? AND kind = ? "
                      "AND status = 'sent'", [student_id, KIND]).fetchall()
    found = (parse(r[0]).astimezone(tz).date() for r in rows)
    return frozenset(d for d in found if since is None or d >= since)
