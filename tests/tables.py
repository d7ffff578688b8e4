"""Walk every table of the store: which cells still name a person?"""

from __future__ import annotations

from sqlite_utils import Database


def cells_naming(db: Database, *needles: object) -> list[tuple[str, str, object]]:
    """Every (table, column, value) in any table of the store whose value contains a needle:
    a Telegram id (as a number, or inside JSON and text) or a name."""
    # _sqlite_migrations holds migration names and the times they ran: a time such as
    # "...10:20:01.2001" holds a test's id by chance (a flaky failure), never a person's data
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%' "
                                       "AND name != '_sqlite_migrations'").fetchall()]
    assert {"students", "teachers", "families", "outbox", "attempts"} <= set(tables)
    found = []
    for table in tables:
        columns = [r[1] for r in db.execute(f"PRAGMA table_info([{table}])").fetchall()]
        for row in db.execute(f"SELECT * FROM [{table}]").fetchall():
            for column, value in zip(columns, row, strict=True):
                if value is None or (table == "settings" and row[0] == "shipped_packs"):
                    continue  # the pack files' sha256: "…32002695…" held a test's id by chance
                text = value.decode("latin-1") if isinstance(value, bytes) else str(value)
                found += [(table, column, value) for n in needles if str(n) in text]
    return found
