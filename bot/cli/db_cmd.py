"""`puente db ...`: create, upgrade and back up the mastery store."""

from __future__ import annotations

import argparse
import sys

from bot.store.files import StoreLock, backup, check_integrity


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `db` command group."""
    db = sub.add_parser("db", help="create, upgrade or back up the mastery store")
    verbs = db.add_subparsers(dest="verb", metavar="VERB", required=True)
    verbs.add_parser("migrate", help="apply pending schema migrations and load shipped packs"
                     ).set_defaults(func=migrate_store)
    copy = verbs.add_parser("backup", help="copy the store consistently (safe while puente "
                            "runs) to a new file, or a dated file in a folder")
    # A string, not a Path: a trailing slash ("backups/") says a folder is meant.
    copy.add_argument("path", metavar="PATH", help="a new file, or a folder (end it with /)")
    copy.add_argument("--mkdir", action="store_true",
                      help="create the folder PATH (readable by this user only) if missing")
    copy.set_defaults(func=backup_store)


def migrate_store(args: argparse.Namespace) -> int:
    """Apply migrations and (re)load the shipped packs, with the bot stopped."""
    from bot.services.packs import install_packs, load_packs, pack_folders  # on use: run_cmd
    from bot.store import migrate, open_store
    from bot.store.erase import reapply_erasures

    path = args.settings.store_path
    with StoreLock(path):  # a running bot must not see its schema change underneath it
        check_integrity(path)
        db = open_store(path, apply_migrations=False)
        try:
            applied = migrate(db)
            print(f"{path}: {len(applied)} migration(s) applied; schema up to date")
            again = reapply_erasures(db)  # a backup restored over the store brings them back
            print(f"{again} erased person(s) found again (a restored backup) and erased again")
            result = load_packs(pack_folders(args.settings.packs.extra_dirs))
            count = install_packs(db, result.packs, args.clock())
        finally:
            db.close()
    print(f"{count} packs loaded into the store")
    for problem in result.problems:
        print(f"skipped: {problem}")
    if result.problems:  # the rest is done; an upgrade script must still notice
        print(f"puente: {len(result.problems)} pack problem(s): fix the files above and run "
              "`puente db migrate` again", file=sys.stderr)
        return 2
    return 0


def backup_store(args: argparse.Namespace) -> int:
    """Write a consistent copy of the store with SQLite's backup API."""
    done = backup(args.settings.store_path, args.path, args.clock(), make_folder=args.mkdir)
    print(f"backed up {args.settings.store_path} to {done.path} ({done.tables} tables, "
          f"{done.size / 1024:.0f} KiB, integrity ok)")
    return 0
