"""`puente student ...`: a parent's deletion request or a records request, without SQL."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.store.files import refuse_existing, require_store, write_private


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `student` command group."""
    student = sub.add_parser("student", help="find one student, export or erase their data")
    verbs = student.add_subparsers(dest="verb", metavar="VERB", required=True)
    find = verbs.add_parser("find", help="list students whose first name contains NAME, with "
                            "their classes and the id the other commands take")
    find.add_argument("name", metavar="NAME")
    find.set_defaults(func=find_command)
    export = verbs.add_parser("export", help="everything stored about one student, as JSON "
                              "a school can hand to their parent: other people by role, words "
                              "by name (to --out FILE, readable by you only, or to the screen)")
    export.add_argument("student_id", type=int, metavar="ID")
    export.add_argument("--out", type=Path, metavar="FILE")
    export.add_argument("--raw", action="store_true",
                        help="the store's rows as they are, with every Telegram id and link "
                        "code: for the administrator, not for handing over")
    export.add_argument("--force", action="store_true",
                        help="write over FILE if it already exists (refused otherwise)")
    export.set_defaults(func=export_command)
    delete = verbs.add_parser("delete", help="erase one student as their own /deleteme does "
                              "(their families and teachers are told)")
    delete.add_argument("student_id", type=int, metavar="ID")
    delete.add_argument("--yes", action="store_true", help="do not ask to confirm")
    delete.set_defaults(func=delete_command)


def _open(args: argparse.Namespace):
    from bot.store import open_store  # on use: see run_cmd

    require_store(args.settings.store_path)  # a typo in the path must not create a store
    return open_store(args.settings.store_path)


def find_command(args: argparse.Namespace) -> int:
    """Print the matching students: id, first name, language, classes."""
    from bot.services import records

    if not args.name.strip():  # '' matches every name: a roster of the whole school
        print("puente: give part of a first name to look for (NAME must not be empty)",
              file=sys.stderr)
        return 2
    db = _open(args)
    try:
        found = records.find(db, args.name)
    finally:
        db.close()
    if not found:
        print(f"no student's first name contains {args.name!r}")
        return 1
    for who in found:
        classes = ", ".join(who.classes) or "(in no class)"
        print(f"{who.student_id}\t{who.first_name}\t{who.language or '-'}\t{classes}")
    return 0


def export_command(args: argparse.Namespace) -> int:
    """Write everything stored about one student as JSON, private to this user."""
    from bot.services import records, records_response

    # Before the store is read: a file that exists is refused as `report --csv` refuses it
    # (one line, exit 2, --force to write over it), never half-way through
    refuse_existing([args.out], args.force)
    db = _open(args)
    try:
        if args.raw:
            document = {"student_id": args.student_id,
                        "tables": records.export(db, args.student_id)}
        else:
            document = records_response.response(db, args.student_id, args.clock())
    finally:
        db.close()
    record = document["tables"]
    text = json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n"
    if args.out is None:
        sys.stdout.write(text)
        return 0
    # A child's whole record: readable by this user only (a file written over becomes so too)
    write_private(args.out, text.encode("utf-8"), overwrite=args.force)
    rows = sum(len(rows) for rows in record.values())
    kind = "raw rows (not for handing over: they hold other people's Telegram ids)" \
        if args.raw else "records"
    print(f"wrote {rows} {kind} about student {args.student_id} to {args.out} (mode 0600)")
    return 0


def delete_command(args: argparse.Namespace) -> int:
    """Erase one student after a confirmation (or --yes); the notes go out on the next run."""
    from bot.presentation.goodbyes import goodbyes
    from bot.presentation.i18n import Catalog
    from bot.services import membership, records

    db = _open(args)
    try:
        found = records.export(db, args.student_id)["students"][0]
        if not args.yes:
            try:
                answer = input(f"Erase everything about {found['first_name']} (id "
                               f"{args.student_id})? This cannot be undone. Type yes: ")
            except EOFError:
                answer = ""
            if answer.strip().lower() != "yes":
                print("nothing was deleted")
                return 1
        now = args.clock()
        # Said as the administrator's erasure on request: the child did not delete anything
        notes = goodbyes(db, Catalog.load(), args.student_id, now,
                         lambda who: membership.known_language(db, who) or "en", by_admin=True)
        records.delete_student(db, args.student_id, notes, now)
    finally:
        db.close()
    print(f"erased student {args.student_id}; {len(notes)} note(s) to their families and "
          "teachers wait in the outbox for the next `puente run`")
    return 0
