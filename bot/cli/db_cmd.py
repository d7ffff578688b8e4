"""`puente db ...`: create or upgrade the mastery store."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from bot.services.packs import install_packs, load_packs
from bot.store import migrate, open_store


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `db` command group."""
    db = sub.add_parser("db", help="create or upgrade the mastery store")
    verbs = db.add_subparsers(dest="verb", metavar="VERB", required=True)
    verbs.add_parser("migrate", help="apply pending schema migrations and load shipped packs"
                     ).set_defaults(func=migrate_store)


def migrate_store(args: argparse.Namespace) -> int:
    """Apply migrations and (re)load the shipped packs."""
    path = args.settings.store_path
    db = open_store(path, apply_migrations=False)
    applied = migrate(db)
    print(f"{path}: {len(applied)} migration(s) applied; schema up to date")
    result = load_packs()
    count = install_packs(db, result.packs, datetime.now(UTC))
    print(f"{count} packs loaded into the store")
    for problem in result.problems:
        print(f"skipped: {problem}")
    db.close()
    return 0
