"""Benchmark: graded answers per second through the real Application, beside two anchors in
the same run: a bare python-telegram-bot echo bot (goal: a graded tap >= 50 % of its rate) and
a bare tap bot that only answers the tap and edits the message (the floor for any button bot:
two Bot API calls where the echo bot makes one); and the messages each graded answer costs
(goal <= ~1.3).

Both bots run on the same offline request layer (no network), so the figures compare what
each update costs Puente to process: parsing, grading, the store, rendering.

Each repeat enrols fresh students, who take ROUNDS checks a day apart and answer every item of
each (about four in five right): the taps are timed, a quiz poll or a typed answer is answered
untimed. Each round's tap rate is divided by the anchors' rates measured right after it, and
every rate is in CPU time (time.process_time), not wall-clock time, so other work on a busy
machine slows neither side of a ratio. Nothing here waits on I/O: CPU time is processing time.

Run: python bench/graded_answers.py   (prints figures; no asserts)
"""

from __future__ import annotations

import asyncio
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
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
from bot.presentation import callbacks
from bot.presentation.i18n import Catalog
from bot.services.packs import install_packs, load_packs
from bot.store import open_store, people, study

STUDENTS = 40
ROUNDS = 5  # checks per student, a day apart
REPEATS = 5  # fresh students each time
TOKEN = "123456:OFFLINE-demo-token"
NOW = datetime(2026, 9, 14, 15, 0, tzinfo=UTC)
NEXT = re.compile(r"\d[\u2068\u2069]*/[\u2068\u2069]*\d")  # Next ▶ n/N, isolates around numbers


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
    start = time.process_time()
    for update in updates:
        await app.process_update(update)
    elapsed = time.process_time() - start
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
    clock = Clock()
    api = OfflineBotAPI()
    app = build_application(Services(Config(), db, Catalog.load(), clock, random.Random(5)),
                            request=api)
    await app.initialize()
    return app, api, clock


def enrol(app: Application, repeat: int) -> list[int]:
    """A new class of STUDENTS level-3 students (button items: graded taps); their ids."""
    db = app.bot_data.services.db
    found = people.create_class(db, 9001, f"Science {repeat}", f"JOINcode_{repeat:03}",
                                NOW + timedelta(days=90), "science.ecosystems", NOW)
    ids = [10_000 * (repeat + 1) + n for n in range(STUDENTS)]
    for n, user_id in enumerate(ids):
        people.upsert_student(db, user_id, f"S{n}", NOW)
        people.set_student_language(db, user_id, ("es", "ar", "vi", "so")[n % 4])
        people.enroll(db, user_id, found.id, NOW)
        people.set_level(db, user_id, None, 3, "teacher")
    return ids


def sends(api: OfflineBotAPI, seen: int) -> int:
    """Messages (sent or edited: what counts against Telegram's limit) since call `seen`."""
    return sum(1 for c in api.calls[seen:] if c.method.startswith(("send", "edit")))


async def open_check(app: Application, api: OfflineBotAPI, factory: UpdateFactory,
                     user_id: int) -> None:
    """/check as a student does it: when it sends only the cards of words it has just unlocked
    (a check never asks about a card the student is still looking at), turn them to the last
    card and tap its ✅ Check."""
    user, seen = factory.user(user_id), len(api.calls)
    await app.process_update(Update.de_json(factory.message(user, "/check"), app.bot))
    if study.next_open_item(app.bot_data.services.db, user_id) is not None:
        return
    cards = [c for c in api.calls[seen:] if c.method == "sendMessage" and c.buttons]
    while cards:
        shown = cards[-1]
        turn = next((d for label, d in shown.buttons if NEXT.search(label)), None)
        tap = turn or next((d for _, d in shown.buttons if d == callbacks.CHECK), None)
        if tap is None:
            return
        message_id = int(shown.params.get("message_id") or shown.result_id or 1)
        seen = len(api.calls)
        await app.process_update(Update.de_json(factory.tap(user, tap, message_id), app.bot))
        if turn is None:
            return
        cards = [c for c in api.calls[seen:] if c.method == "editMessageText"]


@dataclass
class Round:
    taps: int = 0
    elapsed: float = 0.0
    tap_messages: int = 0  # sent or edited while a tap was processed
    answers: int = 0       # every graded answer: taps, quiz-poll votes, typed answers
    messages: int = 0      # sent or edited for all of them


async def one_round(app: Application, api: OfflineBotAPI, factory: UpdateFactory,
                    ids: list[int], step_rng: random.Random) -> Round:
    """Every student takes one whole check; only the taps are timed."""
    db = app.bot_data.services.db
    for user_id in ids:  # open a check for everyone (not timed)
        await open_check(app, api, factory, user_id)
    done = Round()
    while True:
        taps, others = [], []
        for user_id in ids:
            stored = study.next_open_item(db, user_id)
            if stored is None:
                continue
            item, user = stored.item, factory.user(user_id)
            right = step_rng.random() < 0.8
            if item.typed:
                others.append(factory.message(user, item.answer if right else "zzz"))
                continue
            index = item.options.index(item.answer)
            option = index if right else (index + 1) % len(item.options)
            if stored.poll_id:
                others.append(factory.poll_answer(user, stored.poll_id, option))
            else:
                taps.append(factory.tap(user, f"an:{stored.id}:{option}"))
        if not taps and not others:
            return done
        seen = len(api.calls)
        for update in others:
            await app.process_update(Update.de_json(update, app.bot))
        done.messages += sends(api, seen)
        batch = [Update.de_json(update, app.bot) for update in taps]
        seen = len(api.calls)
        start = time.process_time()
        for update in batch:
            await app.process_update(update)
        done.elapsed += time.process_time() - start
        done.tap_messages += sends(api, seen)
        done.messages += sends(api, seen)
        done.taps += len(batch)
        done.answers += len(batch) + len(others)


async def main() -> None:
    app, api, clock = await puente_app()
    factory = UpdateFactory()
    rng = random.Random(7)
    ratios, rates, echoes, bare, bare_ratios, tap_costs, answer_costs = ([] for _ in range(7))
    taps = 0
    for repeat in range(REPEATS):
        ids = enrol(app, repeat)
        clock.now = NOW
        for _ in range(ROUNDS):
            done = await one_round(app, api, factory, ids, rng)
            clock.now += timedelta(days=1)
            rate = done.taps / done.elapsed
            anchor = await echo_rate(max(done.taps, 50))
            floor = await bare_tap_rate(max(done.taps, 50))
            rates.append(rate)
            echoes.append(anchor)
            bare.append(floor)
            ratios.append(rate / anchor)
            bare_ratios.append(rate / floor)
            tap_costs.append(done.tap_messages / done.taps)
            answer_costs.append(done.messages / done.answers)
            taps += done.taps
    await app.shutdown()

    def line(name: str, values: list[float], fmt: str) -> str:
        return (f"{name:36} min {min(values):{fmt}}  median {statistics.median(values):{fmt}}"
                f"  max {max(values):{fmt}}")

    print(f"{REPEATS} x {ROUNDS} rounds: {REPEATS} classes of {STUDENTS} fresh level-3 students "
          f"take {ROUNDS} whole checks each ({taps} graded taps timed), each round beside a "
          "bare PTB echo bot and a bare tap bot")
    print(line("echo bot, updates/s", echoes, ".0f"))
    print(line("bare tap bot (answer + edit), /s", bare, ".0f"))
    print(line("Puente graded taps/s", rates, ".0f"))
    print(line("graded tap / echo (goal >= 0.50)", ratios, ".2f"))
    print(line("graded tap / bare tap bot", bare_ratios, ".2f"))
    print(line("messages per graded tap", tap_costs, ".2f"))
    print(line("messages per answer (polls, typed)", answer_costs, ".2f"))
    print(f"under Telegram's 30 messages/s: about {30 / statistics.median(tap_costs):.0f} graded "
          "taps/s for the whole bot")


if __name__ == "__main__":
    asyncio.run(main())
