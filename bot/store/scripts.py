"""The script of Chinese each person reads (migration 0056): only people a Traditional phone
or a tap told of; read into memory once, so sending a message reads no store."""

from __future__ import annotations

from sqlite_utils import Database


def all_scripts(db: Database) -> dict[int, str]:
    """Every stored script, by Telegram id (read at start-up)."""
    return {r[0]: r[1] for r in
            db.execute("SELECT telegram_id, script FROM chinese_scripts").fetchall()}


def keep_script(db: Database, telegram_id: int, script: str) -> None:
    """Store a person's script, replacing the one before."""
    db.execute("INSERT INTO chinese_scripts (telegram_id, script) VALUES (?, ?) "
               "ON CONFLICT (telegram_id) DO UPDATE SET script = excluded.script",
               [telegram_id, script])


def forget_script(db: Database, telegram_id: int) -> None:
    """Delete a person's script (their deletion)."""
    db.execute("DELETE FROM chinese_scripts WHERE telegram_id = ?", [telegram_id])
