"""Benchmark: graded answers per second through the real Application, beside two anchors in
the same run: a bare python-telegram-bot echo bot (goal: a graded tap >= 50 % of its rate) and
a bare tap bot that only answers the tap and edits the message (the floor for any button bot:
two Bot API calls where the echo bot makes one); and the messages each graded answer costs
(goal <= ~1.3).

Both bots run on the same offline request layer (no network), so the figures compare what
each update costs Puente to process: parsing, grading, the store, rendering.

Run: python bench/graded_answers.py   (prints figures; no asserts)
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from telegram import Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    BaseHandler,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.app import build_application
from bot.config import Config
from bot.context import Services
from bot.demo.offline import OfflineBotAPI, UpdateFactory
from bot.presentation.i18n import Catalog
from bot.services.packs import install_packs, load_packs
from bot.store import open_store, people, study

STUDENTS = 40
ROUNDS = 5
REPEATS = 5
TOKEN = "123456:OFFLINE-demo-token"
NOW = datetime(2026, 9, 14, 15, 0, tzinfo=UTC)


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Say back what the user said: the anchor."""
    if update.effective_message and update.effective_message.text:
        await update.effective_message.reply_text(update.effective_message.text)


async def tap_back(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Acknowledge a tap and edit its message: the least any button bot must do."""
    query = update.callback_query
    if query is not None:
        await query.answer()
        await query.edit_message_text(f"You tapped {query.data}")


async def anchor_rate(handler: BaseHandler, update_for: Callable[[UpdateFactory, int], dict],
                      count: int) -> float:
    """Updates per second a bare python-telegram-bot Application handles with one handler."""
    api = OfflineBotAPI()
    app = ApplicationBuilder().token(TOKEN).request(api).get_updates_request(api).build()
    app.add_handler(handler)
    await app.initialize()
    factory = UpdateFactory()
    updates = [Update.de_json(update_for(factory, n), app.bot) for n in range(count)]
    start = time.perf_counter()
    for update in updates:
        await app.process_update(update)
    elapsed = time.perf_counter() - start
    await app.shutdown()
    return count / elapsed


async def bare_tap_rate(count: int) -> float:
    """Taps per second a bare bot that answers the tap and edits the message handles."""
    return await anchor_rate(CallbackQueryHandler(tap_back), lambda factory, n: factory.tap(
        factory.user(1000 + n % STUDENTS), f"an:{n}:1"), count)


async def echo_rate(count: int) -> float:
    """Updates per second a bare echo bot handles."""
    return await anchor_rate(MessageHandler(filters.TEXT, echo), lambda factory, n:
                             factory.message(factory.user(1000 + n % STUDENTS), "hello"), count)


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


async def puente_app() -> tuple[Application, OfflineBotAPI, Clock]:
    db = open_store(None)
    install_packs(db, load_packs().packs, NOW)
    people.upsert_teacher(db, 9001, "Rivera", NOW)
    found = people.create_class(db, 9001, "Science 7B", "JOINcode_123", NOW + timedelta(days=90),
                                "science.ecosystems", NOW)
    for n in range(STUDENTS):
        people.upsert_student(db, 1000 + n, f"S{n}", NOW)
        people.set_student_language(db, 1000 + n, ("es", "ar", "vi", "so")[n % 4])
        people.enroll(db, 1000 + n, found.id, NOW)
        people.set_level(db, 1000 + n, None, 3, "teacher")  # button items: graded taps
    clock = Clock()
    api = OfflineBotAPI()
    app = build_application(Services(Config(), db, Catalog.load(), clock, random.Random(5)),
                            request=api)
    await app.initialize()
    return app, api, clock


async def graded_taps(app: Application, api: OfflineBotAPI, clock: Clock,
                      factory: UpdateFactory) -> tuple[float, int, int, float]:
    """(taps per second, taps, messages sent for them, messages per tap)."""
    db = app.bot_data.services.db
    for n in range(STUDENTS):  # open a check for everyone (not timed)
        await app.process_update(Update.de_json(
            factory.message(factory.user(1000 + n), "/check"), app.bot))
    elapsed = taps = 0.0
    messages = 0
    while True:
        batch = []
        for n in range(STUDENTS):
            stored = study.next_open_item(db, 1000 + n)
            if stored is None or stored.item.typed or stored.poll_id:
                continue
            index = stored.item.options.index(stored.item.answer)
            batch.append(Update.de_json(factory.tap(factory.user(1000 + n),
                                                    f"an:{stored.id}:{index}"), app.bot))
        if not batch:
            break
        seen = len(api.calls)
        start = time.perf_counter()
        for update in batch:
            await app.process_update(update)
        elapsed += time.perf_counter() - start
        taps += len(batch)
        messages += sum(1 for c in api.calls[seen:] if c.method.startswith(("send", "edit")))
    clock.now += timedelta(days=1)
    return taps / elapsed, int(taps), messages, messages / max(taps, 1)


async def main() -> None:
    app, api, clock = await puente_app()
    factory = UpdateFactory()
    ratios, rates, echoes, costs, bare, bare_ratios = [], [], [], [], [], []
    for _ in range(REPEATS):
        for _ in range(ROUNDS):
            rate, taps, _, cost = await graded_taps(app, api, clock, factory)
            anchor = await echo_rate(max(taps, 50))
            floor = await bare_tap_rate(max(taps, 50))
            bare.append(floor)
            bare_ratios.append(rate / floor)
            rates.append(rate)
            echoes.append(anchor)
            ratios.append(rate / anchor)
            costs.append(cost)
    await app.shutdown()

    def line(name: str, values: list[float], fmt: str) -> str:
        return (f"{name:34} min {min(values):{fmt}}  median {statistics.median(values):{fmt}}"
                f"  max {max(values):{fmt}}")

    print(f"{len(rates)} runs of graded taps ({STUDENTS} students, level 3), each beside a bare "
          "PTB echo bot")
    print(line("echo bot, updates/s", echoes, ".0f"))
    print(line("bare tap bot (answer + edit), /s", bare, ".0f"))
    print(line("Puente graded taps/s", rates, ".0f"))
    print(line("graded tap / echo (goal >= 0.50)", ratios, ".2f"))
    print(line("graded tap / bare tap bot", bare_ratios, ".2f"))
    print(line("messages per graded tap", costs, ".2f"))
    print(f"under Telegram's 30 messages/s: about {30 / statistics.median(costs):.0f} graded "
          "taps/s for the whole bot")


if __name__ == "__main__":
    asyncio.run(main())
