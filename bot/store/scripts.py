"""The script of Chinese each person reads (migration 0056): only people Puente keeps (a
student, a family member, a teacher) whom a Traditional phone or a tap told of; read into
memory once, so sending a message reads no store."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from sqlite_utils import Database

# Everyone Puente keeps, as store.erasures names them: nobody else has a script kept
_SOMEONE = ("SELECT id FROM students UNION SELECT id FROM teachers "
            "UNION SELECT telegram_id FROM families")
_WATCHES = itertools.count(1)  # a name per watch: each ScriptBook on a connection has its own


def all_scripts(db: Database) -> dict[int, str]:
    """Every stored script, by Telegram id (read at start-up)."""
    return {r[0]: r[1] for r in
            db.execute("SELECT telegram_id, script FROM chinese_scripts").fetchall()}


def keep_for_someone(db: Database, telegram_id: int, script: str) -> bool:
    """Store a person's script, replacing the one before, if the store keeps this person (one
    statement); False for a stranger, a deleted person writing again included: nothing is
    stored."""
    return db.execute(
        f"INSERT INTO chinese_scripts (telegram_id, script) SELECT ?, ? "
        f"WHERE ? IN ({_SOMEONE}) "
        "ON CONFLICT (telegram_id) DO UPDATE SET script = excluded.script",
        [telegram_id, script, telegram_id]).rowcount > 0


def forget_script(db: Database, telegram_id: int) -> None:
    """Delete a person's script (their deletion)."""
    db.execute("DELETE FROM chinese_scripts WHERE telegram_id = ?", [telegram_id])


def forget_nobodys(db: Database) -> None:
    """Delete the scripts of people the store no longer keeps: rows an older version stored
    for anyone who wrote from a Traditional phone (a deleted person writing again too)."""
    db.execute(f"DELETE FROM chinese_scripts WHERE telegram_id NOT IN ({_SOMEONE})")


def watch_forgotten(db: Database, forgotten: Callable[[int], None]) -> None:
    """Call `forgotten(telegram_id)` for every script row this connection deletes, whatever
    deletes it (/deleteme, a family member's last link ended, retention): a TEMP trigger,
    gone with the connection, so the store's schema is unchanged."""
    name = f"puente_script_forgotten_{next(_WATCHES)}"
    db.conn.create_function(name, 1, forgotten)
    db.execute(f"CREATE TEMP TRIGGER {name} AFTER DELETE ON main.chinese_scripts "
               f"BEGIN SELECT {name}(OLD.telegram_id); END")
