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


Columns = dict[str, int]  # each column's position in a row read by `rows_by_position`


def rows_by_position(db: Database, sql: str, params: Sequence[Any] = ()
                     ) -> tuple[list[sqlite3.Row], Columns]:
    """Every row of a SELECT, with each column's position by name, found once per query:
    the reads of a graded tap take a column by position (`row[at["p_known"]]`). A
    sqlite3.Row finds a name by comparing it, case-insensitively, with each column's in turn:
    over a mastery row's 27 columns, reading by position saves 2.2 % of a graded tap's
    instructions (callgrind, bench/graded_answers.py's taps). The rows are still
    sqlite3.Rows, so a caller outside the hot path may read them by name."""
    cursor = db.execute(sql, list(params))
    cursor.row_factory = sqlite3.Row
    rows = cursor.fetchall()
    at: Columns = {}
    for index, described in enumerate(cursor.description):
        at.setdefault(described[0], index)  # a name twice: the first, as sqlite3.Row reads it
    return rows, at


def at_position(row: sqlite3.Row, at: Columns, name: str) -> Any:
    """A column that a store from before its migration lacks (None then), read by position."""
    index = at.get(name)
    return None if index is None else row[index]


def column(row: Row, name: str) -> Any:
    """A column that a store from before its migration lacks (None then), from either kind
    of row."""
    try:
        return row[name]
    except (KeyError, IndexError):
        return None
