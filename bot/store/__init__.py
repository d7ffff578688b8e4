"""The mastery store: the only package that speaks SQL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from bot.store.files import check_folder, create_private
from bot.store.schema import adopt_renamed, migrations

__all__ = ["Database", "migrate", "open_store"]


def open_store(path: Path | str | None = None, *, apply_migrations: bool = True) -> Database:
    """Open (creating if needed) the store at `path`, or in memory when None, and migrate it."""
    if path is None:
        conn = sqlite3.connect(":memory:", check_same_thread=False)
    else:
        check_folder(Path(path))  # else SQLite's "unable to open database file" says nothing
        create_private(Path(path))  # before SQLite creates it with the umask's mode
        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=10)
    # No sqlite-utils plugins: nothing installed beside Puente may change its connection,
    # and looking for them scans every installed package's entry points at each start.
    db = Database(conn, execute_plugins=False)
    db.execute("PRAGMA foreign_keys = ON")
    # Deleting a row overwrites it: /deleteme leaves no name in the file's free space.
    db.execute("PRAGMA secure_delete = ON")
    if path is not None:
        db.enable_wal()
        db.execute("PRAGMA synchronous = NORMAL")
    if apply_migrations:
        migrate(db)
    return db


def migrate(db: Database) -> list[str]:
    """Apply pending migrations; return the names applied (empty when up to date)."""
    adopt_renamed(db)  # first, so a store from before the renumbering re-runs nothing
    pending = [m.name for m in migrations.pending(db)]
    migrations.apply(db)
    return pending
