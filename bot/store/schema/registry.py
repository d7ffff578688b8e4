"""The one migration set every era module registers on (sqlite-utils' Migrations helper)."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("puente")


def run_sql(db: Database, script: str) -> None:
    """Run each `;`-separated statement of `script` in turn, in the open transaction."""
    # executescript() would COMMIT mid-migration; one execute per statement keeps it atomic.
    for statement in script.split(";\n"):
        if statement.strip():
            db.execute(statement)
