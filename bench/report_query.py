"""Benchmark: the teacher report of a class of 35 x 200 words over 1 M attempts.

Times the store query and the text (goal < 200 ms), then the whole /report through the real
Application on the offline Bot API: summary, heatmap PNG and CSV (goal < 500 ms, issue 9).

Run: python bench/report_query.py [STUDENTS]   (builds a temporary store, prints figures; no
asserts). STUDENTS (default 35) keeps the million answers and spreads them over that many
students. No student has a level, so each is taught as level 1 and /report also counts every
answer by kind of question (answer_kinds): the worst case of that count.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _quick import sized
from sqlite_utils import Database
from telegram import Update

from bot.app import build_application
from bot.config import Config
from bot.context import Services
from bot.demo.offline import OfflineBotAPI, UpdateFactory
from bot.presentation.i18n import Catalog
from bot.presentation.report_csv import csv_bytes
from bot.presentation.report_text import summary_text
from bot.services.packs import install_packs, load_packs
from bot.store import open_store, people
from bot.store.clock import stamp
from bot.store.reports import class_matrix

# Quick: 3 students, still more words than the shipped packs hold (the synthetic pack is built)
STUDENTS = sized(int(sys.argv[1]) if len(sys.argv) > 1 else 35, 3)
WORDS, ATTEMPTS = 200, sized(1_000_000, 600)
RUNS = sized(7, 1)
NOW = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)


def build(path: Path) -> int:
    """A store with one class of 35 students, 200 words each, 1 M attempts in all."""
    db = open_store(path)
    install_packs(db, load_packs().packs, NOW)
    word_ids = [r[0] for r in db.execute("SELECT id FROM words ORDER BY id").fetchall()]
    extra = WORDS - len(word_ids)  # the shipped packs hold 229 words; fewer: a synthetic pack
    if extra > 0:
        db.execute("INSERT INTO packs (id, title, subject, grade_min, grade_max, loaded_at) "
                   "VALUES ('bench.extra', 'Extra', 'general', 3, 8, ?)", [stamp(NOW)])
        for i in range(extra):
            db.execute("INSERT INTO words (pack_id, position, term, pos, tier, definition, "
                       "example) VALUES ('bench.extra', ?, ?, 'noun', 2, 'd', 'e')",
                       [i, f"word{i}"])
        word_ids = [r[0] for r in db.execute("SELECT id FROM words ORDER BY id").fetchall()]
    people.upsert_teacher(db, 1, "T", NOW)
    klass = people.create_class(db, 1, "Bench", "BENCHcode123", NOW + timedelta(days=9),
                                None, NOW)
    rng = random.Random(5)
    per_cell = -(-ATTEMPTS // (STUDENTS * WORDS))  # round up: at least 1 M in all
    with db.atomic():
        for s in range(STUDENTS):
            sid = 10_000 + s
            people.upsert_student(db, sid, f"Student{s:02d}", NOW)
            people.set_student_language(db, sid, rng.choice(["es", "ar", "vi", "zh"]))
            people.enroll(db, sid, klass.id, NOW)
            rows = []
            for wid in word_ids[:WORDS]:
                for a in range(per_cell):
                    rows.append((sid, wid, "choice", "es", rng.random() < 0.7,
                                 stamp(NOW - timedelta(minutes=a))))
                correct = sum(r[4] for r in rows[-per_cell:])
                db.execute("INSERT INTO mastery (student_id, word_id, p_known, card, due_at, "
                           "successes, attempts, correct, last_seen, updated_at) "
                           "VALUES (?, ?, ?, '{}', ?, ?, ?, ?, ?, ?)",
                           [sid, wid, rng.random(), stamp(NOW), correct, per_cell, correct,
                            stamp(NOW), stamp(NOW)])
            db.conn.executemany("INSERT INTO attempts (student_id, word_id, item_type, "
                                "prompt_lang, correct, answered_at) VALUES (?, ?, ?, ?, ?, ?)",
                                rows)
    db.execute("ANALYZE")
    return klass.id


def main() -> None:
    catalog = Catalog.load()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        started = time.perf_counter()
        class_id = build(path)
        print(f"built store: {time.perf_counter() - started:.1f} s")
        db = open_store(path)
        attempts = db.execute("SELECT count(*) FROM attempts").fetchone()[0]
        print(f"class: {STUDENTS} students x {WORDS} words, {attempts:,} attempts")
        timings = {"matrix query": [], "summary text": [], "csv": []}
        for _ in range(RUNS):
            t0 = time.perf_counter()
            matrix = class_matrix(db, class_id, tz=UTC)  # as /report: 🐢 answer days too
            t1 = time.perf_counter()
            summary_text("Bench", matrix, catalog, "en")
            t2 = time.perf_counter()
            csv_bytes(matrix)
            t3 = time.perf_counter()
            timings["matrix query"].append(t1 - t0)
            timings["summary text"].append(t2 - t1)
            timings["csv"].append(t3 - t2)
        for name, values in timings.items():
            print(f"{name:13} {spread(values)}")
        total = [sum(v) for v in zip(*timings.values(), strict=True)]
        print(f"{'report total':13} median {statistics.median(total) * 1000:6.1f} ms "
              "(goal < 200 ms)")
        whole = asyncio.run(whole_report(db, catalog))
        print(f"{'/report (app)':13} {spread(whole)}  (summary + heatmap + CSV through the "
              "Application; goal < 500 ms)")
        stalled_worst_case(db, class_id)


def spread(seconds: list[float]) -> str:
    """"min 1.0 ms  median 2.0 ms  max 3.0 ms" of some timings."""
    return (f"min {min(seconds) * 1000:6.1f} ms  median {statistics.median(seconds) * 1000:6.1f}"
            f" ms  max {max(seconds) * 1000:6.1f} ms")


def stalled_worst_case(db: Database, class_id: int) -> None:
    """Time the matrix when every student may be stalled: first answers a month back, no word
    in review, so "🐢 Stalled" reads each student's answers (all on one day here, so no early
    stop at four days: every answer of the class is read)."""
    db.execute("UPDATE mastery SET first_seen = ?, success_days = '[]', mastered_at = NULL",
               [stamp(NOW - timedelta(days=30))])
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        matrix = class_matrix(db, class_id, tz=UTC)
        timings.append(time.perf_counter() - started)
    read = sum(1 for days in matrix.answer_days.values() if days < 4)
    print(f"{'🐢 worst case':13} {spread(timings)}  (matrix query when all {read} students' "
          "answers are read for their answer days)")


async def whole_report(db: Database, catalog: Catalog, runs: int = RUNS) -> list[float]:
    """Time /report from a teacher's Update to the last Bot API call, on the offline API."""
    config = Config()
    services = Services(config, db, catalog, lambda: NOW, random.Random(1))
    api = OfflineBotAPI()
    app = build_application(services, request=api)
    await app.initialize()
    assert app.post_init is not None
    await app.post_init(app)
    factory = UpdateFactory()
    teacher = factory.user(1, "T", "en")
    timings = []
    for _ in range(runs):
        update = Update.de_json(factory.message(teacher, "/report"), app.bot)
        started = time.perf_counter()
        await app.process_update(update)
        timings.append(time.perf_counter() - started)
    methods = [c.method for c in api.calls[-3:]]
    assert methods == ["sendMessage", "sendPhoto", "sendDocument"], methods
    await app.shutdown()
    return timings


if __name__ == "__main__":
    main()
