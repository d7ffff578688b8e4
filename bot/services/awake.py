"""A family member who writes to Puente in the school's quiet hours is awake: what waits for
those hours to end in their chat (the teacher's answer, an update) goes now.

Quiet hours keep a message from waking someone at night. Maricel's father works nights and
reads Puente at 5-6 a.m.: the teacher's 21:00 answer to his question waited until 07:00,
while he sent /now at 05:00 and saw nothing of it, and at 07:00, asleep by then, its
notification would wake him (playtest, Civics 10)."""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from bot.config import SchoolConfig
from bot.services.pushes import next_allowed
from bot.store import outbox


def in_quiet_hours(now: datetime, school: SchoolConfig) -> bool:
    """Whether `now` falls in the school's quiet hours."""
    return next_allowed(now, school) > now


def writes_at_night(db: Database, chat_id: int, now: datetime, school: SchoolConfig) -> int:
    """Send now what waits in this chat for quiet hours to end, when `now` is in them (the
    reader is writing, so awake); return how many messages became due (0 outside them)."""
    if not in_quiet_hours(now, school):
        return 0
    return outbox.bring_forward(db, chat_id, now, next_allowed(now, school))
