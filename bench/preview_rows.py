"""Benchmark: outbox rows (messages) a push queues per student, by WIDA level, for a mixed class.

Each row is one sendMessage the deliverer paces under Telegram's 30 messages/s, so rows per
student is what a push costs. A class of 24: levels 1-6, four students each, in Spanish,
Arabic, Somali and Chinese; a push of 3 and of 5 ecosystems words. Next and ◀ taps later are
edits of the one card message, made by the student at their own pace, not by the push.

Run: python bench/preview_rows.py
"""

from __future__ import annotations

import random
import sys
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.config import Config
from bot.context import Services
from bot.delivery.enqueue import enqueue_push
from bot.presentation.i18n import Catalog
from bot.services import join, pushes
from bot.services.packs import install_shipped_packs
from bot.store import open_store, people

NOW = datetime(2026, 9, 14, 15, 0, tzinfo=UTC)  # a school afternoon: no quiet-hours delay
TEACHER, LANGS = 9001, ("es", "ar", "so", "zh")
PUSHES = {3: "habitat, food chain, predator",
          5: "habitat, food chain, predator, prey, producer"}


def rows_per_level(words: int) -> dict[int, list[int]]:
    """Push `words` words to a fresh mixed class; outbox rows of each student, by level."""
    db = open_store(None)
    install_shipped_packs(db, NOW)
    people.upsert_teacher(db, TEACHER, "Rivera", NOW)
    people.create_class(db, TEACHER, "Science 7B", "JOINcode_123", NOW + timedelta(days=90),
                        "science.ecosystems", NOW)
    level_of = {}
    for n in range(24):
        student, level = 5000 + n, n % 6 + 1
        join.join_class(db, student, f"S{n}", "JOINcode_123", LANGS[n // 6], NOW)
        join.confirm_language(db, student, LANGS[n // 6])
        people.set_level(db, student, None, level, "teacher")
        level_of[student] = level
    services = Services(Config(), db, Catalog.load(), lambda: NOW, random.Random(1))
    plan = pushes.plan_push(db, Config().school, TEACHER, ["science.ecosystems",
                                                           *PUSHES[words].split()], NOW)
    enqueue_push(services, TEACHER, plan)
    by_level: dict[int, list[int]] = defaultdict(list)
    for chat_id, count in db.execute("SELECT chat_id, count(*) FROM outbox GROUP BY chat_id"):
        by_level[level_of[chat_id]].append(count)
    return by_level


def main() -> None:
    for words in PUSHES:
        by_level = rows_per_level(words)
        total = sum(sum(counts) for counts in by_level.values())
        print(f"push of {words} words to 24 students: {total} messages, "
              f"{total / 24:.2f} a student")
        for level in sorted(by_level):
            counts = by_level[level]
            print(f"  level {level}: {sum(counts) / len(counts):.2f} a student ({counts})")


if __name__ == "__main__":
    main()
