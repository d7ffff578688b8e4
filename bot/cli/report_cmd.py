"""`puente report` and `puente dashboard`: the mastery store for teachers, from the terminal."""

from __future__ import annotations

import argparse
import contextlib
import importlib.metadata
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.domain.word_status import MIN_ANSWERS, STUCK_MISSES
from bot.store.class_words import class_words_cte
from bot.store.files import check_integrity, refuse_existing, require_store, write_private
from bot.store.people import TAUGHT_LEVEL_VALUE
from bot.store.study import COUNTED_ANSWERS, COUNTED_RIGHT

if TYPE_CHECKING:
    from bot.store.records import ListedClass


def register(sub: argparse._SubParsersAction) -> None:
    """Add `report` and `dashboard`."""
    report = sub.add_parser("report", help="a class report: summary, CSV and heatmap PNG")
    # Two teachers may each have a "Science 7B" (or an "ESL 1" in every school): an id or a
    # teacher's first name picks one, and a name that fits several lists them with their ids
    report.add_argument("--class", dest="class_name", metavar="NAME", help="class name")
    report.add_argument("--class-id", type=int, metavar="ID",
                        help="the class with this id (an ambiguous --class lists the ids)")
    report.add_argument("--teacher", metavar="NAME",
                        help="the class taught by the teacher with this first name")
    report.add_argument("--csv", type=Path, help="write one row per student x word here")
    report.add_argument("--mixed-up-csv", type=Path,
                        help="write one row per student x pair of words mixed up here")
    report.add_argument("--png", type=Path, help="write the mastery heatmap here")
    report.add_argument("--force", action="store_true",
                        help="write over files that already exist (refused otherwise)")
    report.add_argument("--days", type=int, metavar="N",
                        help="the heatmap shows the words practised in the last N days "
                        "(default: as /report's chart)")
    report.set_defaults(func=report_command)
    dash = sub.add_parser("dashboard", help="browse the store read-only with Datasette "
                          f"(pip install {DATASETTE_PIN})")
    dash.add_argument("--host", default="127.0.0.1",
                      help="address to listen on (default 127.0.0.1: this computer only)")
    dash.add_argument("--port", type=int, default=8001)
    dash.set_defaults(func=dashboard_command)


def report_command(args: argparse.Namespace) -> int:
    """Print a class summary and write the CSV / PNG asked for."""
    from bot.presentation.i18n import Catalog  # on use: see run_cmd
    from bot.presentation.report_csv import csv_bytes, mix_ups_csv
    from bot.presentation.report_heatmap import HEATMAP_DAYS, heatmap_png, nothing_recent
    from bot.presentation.report_text import summary_text
    from bot.presentation.views import plain_text
    from bot.services import confusions, days_off, records
    from bot.store import open_store
    from bot.store.reports import class_matrix

    refuse_existing([args.csv, args.mixed_up_csv, args.png], args.force)
    require_store(args.settings.store_path)
    check_integrity(args.settings.store_path)  # refuse a damaged store as `puente run` does
    db = open_store(args.settings.store_path)
    try:
        chosen = records.pick_class(db, args.class_name, args.class_id, args.teacher)
    except records.ClassNotChosenError as exc:
        print(f"puente: {exc}", file=sys.stderr)
        for line in class_table(exc.candidates):
            print(f"  {line}", file=sys.stderr)
        return 1
    class_id, name = chosen.class_id, chosen.name
    school = days_off.with_stored(db, args.settings).school  # the days off set in Puente too
    matrix = class_matrix(db, class_id, tz=school.timezone, holidays=school.holidays,
                          now=args.clock())
    today = args.clock().astimezone(school.timezone).date()  # inactivity: in school days
    catalog = Catalog.load()
    print(plain_text(summary_text(name, matrix, catalog, "en", today, school.holidays,
                                  tz=school.timezone)))
    if args.csv:
        write_private(args.csv, csv_bytes(matrix, school.timezone), overwrite=args.force)
        print(f"wrote {args.csv}")
    if args.mixed_up_csv:
        _, mix_ups = confusions.class_mix_ups(db, [s.id for s in matrix.students], args.clock())
        write_private(args.mixed_up_csv, mix_ups_csv(matrix, mix_ups), overwrite=args.force)
        print(f"wrote {args.mixed_up_csv}")
    if args.png and not (matrix.words and matrix.students):
        print(f"no answers in {name} yet, so no heatmap was written")
    elif args.png:
        days = HEATMAP_DAYS if args.days is None else max(1, args.days)
        last = nothing_recent(matrix, today, school.timezone, days)
        if last is not None:  # student rows, no word column: say why, and how to see more
            print(f"no word practised in {name} in the last {days} days (last practice "
                  f"{last.isoformat()}): the heatmap has no word columns; --days "
                  f"{(today - last).days + 1} charts back to it")
        write_private(args.png, heatmap_png(name, matrix, today, catalog, school.timezone,
                                            days=days, holidays=school.holidays),
                      overwrite=args.force)
        print(f"wrote {args.png}")
    return 0


def class_table(classes: Sequence[ListedClass]) -> list[str]:
    """Classes as a small table an administrator picks an id from (a first line of headings;
    "(no classes yet)" for none)."""
    if not classes:
        return ["(no classes yet)"]
    rows = [("ID", "CLASS", "TEACHERS", "STUDENTS")] + [
        (str(c.class_id), c.name, ", ".join(c.teachers), str(c.students)) for c in classes]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return [f"{r[0].rjust(widths[0])}  {r[1].ljust(widths[1])}  {r[2].ljust(widths[2])}  "
            f"{r[3]}" for r in rows]


# Students by name and the roster number /roster shows (two Anas), never a Telegram id; a
# class's rows count only its own words (its pack's and those pushed to it), as /report does.
_CLASS_WORDS = f"WITH {class_words_cte('SELECT id FROM classes')} "
CANNED = {
    "needs_help": {
        "title": "Students who keep missing a word",
        "sql": _CLASS_WORDS +
               "SELECT c.name AS class, t.first_name AS teacher, s.first_name AS student, "
               f"e.roster_no, w.term AS word, m.misses_in_row, {COUNTED_ANSWERS} AS attempts, "
               f"{COUNTED_RIGHT} AS correct FROM mastery m "
               "JOIN students s ON s.id = m.student_id JOIN words w ON w.id = m.word_id "
               "JOIN enrollments e ON e.student_id = s.id JOIN classes c ON c.id = e.class_id "
               "JOIN teachers t ON t.id = c.teacher_id "
               "JOIN class_words cw ON cw.class_id = c.id AND cw.word_id = m.word_id "
               f"WHERE m.misses_in_row >= {STUCK_MISSES} "
               "ORDER BY c.name, c.id, s.first_name, e.roster_no"},
    "hardest_words": {
        "title": f"Words most often wrong: at least half wrong, at least {MIN_ANSWERS} "
                 "answers, the whole store's answers pooled (/report counts students)",
        "sql": f"SELECT w.pack_id, w.term, sum({COUNTED_RIGHT}) * 1.0 / "
               f"sum({COUNTED_ANSWERS}) AS right_share, sum({COUNTED_ANSWERS}) AS attempts "
               "FROM mastery m JOIN words w ON w.id = m.word_id "
               f"WHERE {COUNTED_ANSWERS} > 0 GROUP BY w.id "
               f"HAVING sum({COUNTED_ANSWERS}) >= {MIN_ANSWERS} "
               f"AND sum({COUNTED_RIGHT}) * 2 <= sum({COUNTED_ANSWERS}) "
               "ORDER BY right_share, attempts DESC LIMIT 50"},
    "class_mastery": {
        "title": "Mastery per student and class",
        "sql": _CLASS_WORDS +
               "SELECT c.name AS class, t.first_name AS teacher, s.first_name AS student, "
               "e.roster_no, s.language, "
               f"e.wida_level, e.level_source, {TAUGHT_LEVEL_VALUE} AS taught_level, "
               "sum(m.mastered_at IS NOT NULL) AS mastered, "
               "count(m.word_id) AS started "
               "FROM enrollments e JOIN classes c ON c.id = e.class_id "
               "JOIN students s ON s.id = e.student_id JOIN teachers t ON t.id = c.teacher_id "
               "LEFT JOIN mastery m "
               "ON m.student_id = s.id AND m.word_id IN "
               "(SELECT word_id FROM class_words WHERE class_id = c.id) GROUP BY c.id, s.id "
               "ORDER BY c.name, c.id, s.first_name, e.roster_no"},
}


# The Datasette versions whose metadata "allow" blocks hide the tables holding Telegram ids
# (checked against Datasette 0.65.5: those tables and free SQL answer 403, the canned reports
# 200); pyproject's [dashboard] extra says the same.
DATASETTE_PIN = "'datasette>=0.64,<1'"


def supported_datasette(version: str) -> bool:
    """Whether a Datasette version keeps the dashboard's privacy rules (0.64 up to 1.0, which
    moved them; a 1.0 alpha counts as 1.0)."""
    numbers = re.findall(r"\d+", version)[:2]
    major, minor = (int(n) for n in [*numbers, "0", "0"][:2])
    return major == 0 and minor >= 64


def _installed_datasette() -> str | None:
    """The Datasette version installed beside this Python (None: none, or one elsewhere on
    PATH, which cannot be asked without running it)."""
    if not (Path(sys.executable).parent / "datasette").is_file():
        return None
    try:
        return importlib.metadata.version("datasette")
    except importlib.metadata.PackageNotFoundError:
        return None


def _datasette() -> str | None:
    """Datasette installed beside this Python (cron and systemd leave its bin/ off PATH), else
    the one on PATH."""
    beside = Path(sys.executable).parent / "datasette"
    return str(beside) if beside.is_file() else shutil.which("datasette")


LOOPBACK = ("127.0.0.1", "localhost", "::1")


def dashboard_metadata(store: Path) -> dict[str, Any]:
    """Datasette's metadata: the canned reports only. Every table holding a Telegram id is
    refused, and so is arbitrary SQL (which could select those ids), as the CSV leaves them
    out; the rest (packs, words) stays browsable."""
    from bot.store import open_store
    from bot.store.records import tables_naming_people

    db = open_store(store, apply_migrations=False)
    try:
        hidden = tables_naming_people(db)
    finally:
        db.close()
    return {"title": "Puente mastery store",
            "databases": {store.stem: {"queries": CANNED, "allow_sql": False,
                                       "tables": {t: {"allow": False} for t in hidden}}}}


class _StoppedError(Exception):
    """SIGTERM arrived while the dashboard ran."""


def serve(command: list[str]) -> int:
    """Run Datasette in its own process group and end the whole group when puente is stopped
    (SIGTERM, Ctrl+C): a Datasette left behind kept serving children's data, with no login,
    to whoever could reach it (its parent then PID 1)."""
    pending: list[int] = []  # a SIGTERM while Datasette starts, before `proc` exists

    def stopped(signum: int, frame: object) -> None:
        # Raised inside Popen, it left a started Datasette untracked, serving on (a loaded
        # machine sent the signal there): noted then, raised once the process is known
        if not pending and started:
            raise _StoppedError(signum)
        pending.append(signum)

    started = False
    previous = signal.signal(signal.SIGTERM, stopped)
    proc = subprocess.Popen(command, start_new_session=True)
    try:
        started = True
        if pending:
            raise _StoppedError(pending[0])
        return proc.wait()
    except (KeyboardInterrupt, _StoppedError) as exc:
        _stop_group(proc)
        return 130 if isinstance(exc, KeyboardInterrupt) else 143
    finally:
        signal.signal(signal.SIGTERM, previous)


def _stop_group(proc: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def dashboard_command(args: argparse.Namespace) -> int:
    """Serve the store read-only with Datasette and canned report queries."""
    datasette = _datasette()
    if datasette is None:
        # Said for this very Python: right for a wheel, a checkout and a virtual environment.
        print(f"puente: the dashboard needs Datasette: install it with `{sys.executable} -m pip "
              f"install {DATASETTE_PIN}` (from a checkout: pip install -e '.[dashboard]')",
              file=sys.stderr)
        return 2
    found = _installed_datasette()
    if found is not None and not supported_datasette(found):
        # Datasette 1.0 reads "allow" blocks from its own config file, not the metadata: the
        # tables holding Telegram ids would be served. Refuse rather than serve them.
        print(f"puente: Datasette {found} does not read the dashboard's privacy rules; install "
              f"`{sys.executable} -m pip install {DATASETTE_PIN}`", file=sys.stderr)
        return 2
    store = Path(args.settings.store_path)
    require_store(store)
    if args.host not in LOOPBACK:
        print(f"WARNING: the dashboard has no login. Listening on {args.host} lets anyone who "
              f"can reach this computer on port {args.port} read every class's names and "
              "progress. Use the default 127.0.0.1 (and an SSH tunnel) unless this network "
              "is only yours.", file=sys.stderr)
    with tempfile.TemporaryDirectory() as folder:  # removed when the dashboard stops
        metadata = Path(folder) / "metadata.json"
        metadata.write_text(json.dumps(dashboard_metadata(store)), encoding="utf-8")
        command = [datasette, *dashboard_arguments(store, metadata, args.host, args.port)]
        started = args.clock().astimezone(args.settings.school.timezone)
        print(f"Serving {store} read-only on http://{args.host}:{args.port}/ (Ctrl+C stops)")
        print(f"data as of {started:%Y-%m-%d %H:%M} ({started.tzinfo}), read live as /report "
              "reads it: reload a page for the newest answers")
        return serve(command)


# Datasette 0.64-0.65 settings. Its "Download SQLite DB" link (and GET /puente.db) handed out
# the whole file, the hidden tables too: off. Free SQL is refused per database in the
# metadata already; refused here for every database as well, so one rule missing is not a leak.
LOCKED_SETTINGS = {"allow_download": "off", "default_allow_sql": "off"}


def dashboard_arguments(store: Path, metadata: Path, host: str, port: int) -> list[str]:
    """`datasette serve` for the store: read-only (SQLite's mode=ro, which reads the running
    bot's write-ahead log; -i, immutable, skipped it and showed fewer answers than /report),
    with the metadata's rules, no download and no free SQL."""
    settings = [part for name, value in LOCKED_SETTINGS.items()
                for part in ("--setting", name, value)]
    return ["serve", str(store), "--metadata", str(metadata), *settings,
            "--host", host, "--port", str(port)]
