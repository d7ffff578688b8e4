"""Read rows as dicts without sqlite-utils' per-query SAVEPOINT/RELEASE (hot paths only)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database

Row = sqlite3.Row | dict[str, Any]  # a row read by column name, either way


def all_rows(db: Database, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """Every row of a SELECT, as dicts."""
    cursor = db.execute(sql, list(params))
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, values, strict=True)) for values in cursor.fetchall()]


def one_row(db: Database, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
    """The first row of a SELECT as a dict, or None."""
    cursor = db.execute(sql, list(params))
    values = cursor.fetchone()
    if values is None:
        return None
    return dict(zip([c[0] for c in cursor.description], values, strict=True))


def rows_by_name(db: Database, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
    """Every row of a SELECT, each read by column name (`row["id"]`) without a dict built per
    row: the reads of a graded tap (a check's items, the student, her words), where building
    the dicts cost more than SQLite took to find the rows. No `.get`: see `column`."""
    cursor = db.execute(sql, list(params))
    cursor.row_factory = sqlite3.Row
    return cursor.fetchall()


def column(row: Row, name: str) -> Any:
    """A column that a store from before its migration lacks (None then), from either kind
    of row."""
    try:
        return row[name]
    except (KeyError, IndexError):
        return None
