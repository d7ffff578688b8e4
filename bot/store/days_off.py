"""Days off teachers set in Puente (migration 0044): on top of config.toml's holidays."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlite_utils import Database

from bot.store.clock import stamp


@dataclass(frozen=True)
class DayOff:
    """A stored day off, and the first name of the teacher who set it (None: they left)."""

    day: date
    set_by: str | None


def all_days_off(db: Database) -> frozenset[date]:
    """Every stored day off (read once at start-up and after each change)."""
    return frozenset(date.fromisoformat(r[0]) for r in
                     db.execute("SELECT day FROM days_off").fetchall())


def days_off_from(db: Database, first: date) -> list[DayOff]:
    """The stored days off from `first` on, soonest first, with who set each."""
    rows = db.execute("SELECT d.day, t.first_name FROM days_off d LEFT JOIN teachers t "
                      "ON t.id = d.set_by WHERE d.day >= ? ORDER BY d.day",
                      [first.isoformat()]).fetchall()
    return [DayOff(date.fromisoformat(r[0]), r[1]) for r in rows]


def add_day_off(db: Database, day: date, teacher_id: int, now: datetime) -> bool:
    """Store a day off; False when it already was one (the first setter is kept)."""
    cursor = db.execute("INSERT OR IGNORE INTO days_off (day, set_by, set_at) VALUES (?, ?, ?)",
                        [day.isoformat(), teacher_id, stamp(now)])
    return cursor.rowcount == 1


def remove_day_off(db: Database, day: date) -> bool:
    """Forget a stored day off; False when it was not one."""
    return db.execute("DELETE FROM days_off WHERE day = ?", [day.isoformat()]).rowcount == 1
