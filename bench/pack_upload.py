"""Benchmark: a teacher uploads a .csv pack of 40, 400 and 2,000 words (the 256 KB limit holds
about 2,500) through the real Application; meanwhile another user's updates wait on the
event loop. Printed beside each: the anchor, a bare python-telegram-bot echo update's CPU time
in the same run, and the 2 s in which another user must be answered (issue 12).

- upload CPU: the whole upload (parse, save, glosses, the give-away audit), CPU seconds;
- longest stall: the longest the event loop could not run anything else meanwhile (a 10 ms
  ticker's worst lateness), wall-clock.

Before the audit was bounded and moved to a thread, a 400-word upload took 14 s of CPU, all of
it on the event loop: every other user waited that long.

Run: python bench/pack_upload.py   (prints figures; no asserts)
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _quick import sized
from telegram import Update
from telegram.ext import ApplicationBuilder, MessageHandler, filters

from bot.app import build_application
from bot.config import Config
from bot.context import Services
from bot.demo.offline import OfflineBotAPI, UpdateFactory
from bot.presentation.i18n import Catalog
from bot.services.packs import install_packs, load_packs
from bot.store import open_store, people

TEACHER = 9001
SIZES = (40, sized(400, 60), sized(2000, 80))
REPEATS = sized(3, 1)
HEADER = "term,pos,tier,definition,example,cloze\n"


def pack_csv(words: int) -> bytes:
    """A valid pack of made-up words of several lengths, each with a cloze sentence."""
    rows = [f"{'ab' * (1 + n % 5)}word{n},noun,{1 + n % 3},A meaning for entry {n}.,"
            f"The {'ab' * (1 + n % 5)}word{n} is here.,We saw a {'ab' * (1 + n % 5)}word{n} today."
            for n in range(words)]
    return (HEADER + "\n".join(rows) + "\n").encode()


async def echo_cost(updates: int = 300) -> float:
    """CPU seconds per update of a bare echo bot (the anchor)."""
    api = OfflineBotAPI()
    app = ApplicationBuilder().token("1:x").request(api).get_updates_request(api).build()

    async def echo(update: Update, _: object) -> None:
        if update.effective_message and update.effective_message.text:
            await update.effective_message.reply_text(update.effective_message.text)

    app.add_handler(MessageHandler(filters.TEXT, echo))
    await app.initialize()
    factory = UpdateFactory()
    batch = [Update.de_json(factory.message(factory.user(5), "hi"), app.bot)
             for _ in range(updates)]
    start = time.process_time()
    for update in batch:
        await app.process_update(update)
    return (time.process_time() - start) / updates


async def one_upload(words: int) -> tuple[float, float]:
    """(CPU seconds of the upload, longest event-loop stall in seconds) for a fresh store."""
    db = open_store(None)
    now = datetime.now(UTC)
    install_packs(db, load_packs().packs, now)
    people.upsert_teacher(db, TEACHER, "Rivera", now)
    people.create_class(db, TEACHER, "Science", "JOINcode_1", now + timedelta(days=90),
                        "science.ecosystems", now)
    api = OfflineBotAPI()
    app = build_application(Services(Config(), db, Catalog.load(), lambda: now,
                                     random.Random(1)), request=api)
    await app.initialize()
    factory = UpdateFactory()
    content = pack_csv(words)
    api.uploads["f1"] = content
    update = Update.de_json(factory.document(factory.user(TEACHER, "Rivera", "en"), "f1",
                                             f"Words {words}.csv", len(content)), app.bot)
    stall, running = 0.0, True

    async def ticker() -> None:
        nonlocal stall
        while running:
            start = time.monotonic()
            await asyncio.sleep(0.01)
            stall = max(stall, time.monotonic() - start - 0.01)

    tick = asyncio.create_task(ticker())
    await asyncio.sleep(0.02)
    start = time.process_time()
    await app.process_update(update)
    cpu = time.process_time() - start
    running = False
    await tick
    assert any("ready with" in c.text for c in api.calls), "the upload was refused"
    await app.shutdown()
    return cpu, stall


async def main() -> None:
    anchor = await echo_cost()
    print(f"anchor: a bare echo update costs {anchor * 1e3:.3f} ms of CPU; another user must "
          "be answered within 2 s")
    for words in SIZES:
        runs = [await one_upload(words) for _ in range(REPEATS)]
        cpus, stalls = [r[0] for r in runs], [r[1] for r in runs]
        print(f"{words:>5} words: upload CPU min {min(cpus):.2f} / median "
              f"{statistics.median(cpus):.2f} / max {max(cpus):.2f} s "
              f"({statistics.median(cpus) / anchor:,.0f} echo updates); longest stall "
              f"min {min(stalls):.2f} / median {statistics.median(stalls):.2f} / max "
              f"{max(stalls):.2f} s ({statistics.median(stalls) / 2:.2f} of the 2 s)")


if __name__ == "__main__":
    asyncio.run(main())
