"""Benchmark: graded answers per second through the real Application, beside three anchors in
the same run: a bare python-telegram-bot echo bot (goal: a graded tap >= 50 % of its rate); a
bare tap bot that answers the tap and edits the message with python-telegram-bot's usual
methods (two Bot API calls where the echo bot makes one); and a hand-written durable grader
(BareGrader: the domain's scheduling and the store's three writes, nothing read, its two calls
made without building objects), the floor a graded tap could reach. Also the messages each
graded answer costs (goal <= ~1.3).

All of them run on the same offline request layer (no network), so the figures compare what
each update costs to process: parsing, grading, the store, rendering.

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
import sqlite3
import statistics
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _quick import sized
from sqlite_utils import Database
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
from bot.domain.mastery import WordMastery, new_mastery, record_answer
from bot.domain.scaffold import ItemType
from bot.presentation import callbacks
from bot.presentation.i18n import Catalog
from bot.services.packs import install_packs, load_packs
from bot.store import check_items, open_store, packs, people, study

# Quick: enough students and a second day that some student misses a word three times in a
# row, so a check's end alerts the teacher (the class-words query, named SQL parameters)
STUDENTS = sized(40, 10)
ROUNDS = sized(5, 2)  # checks per student, a day apart
REPEATS = sized(5, 1)  # fresh students each time
ANCHOR_FACTOR = 3  # anchor updates run after each batch, per graded tap in it
WARM_UP = sized(300, 10)
TOKEN = "123456:OFFLINE-demo-token"
NOW = datetime(2026, 9, 14, 15, 0, tzinfo=UTC)
# The hand-written grader's tap answer goes through do_api_request, which advises the typed
# method through the warnings machinery; ignored, as it always was (Puente's app ignored it)
warnings.filterwarnings("ignore", message=r"Please use 'Bot\.answerCallbackQuery'")
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


class Anchor:
    """A bare python-telegram-bot Application with one handler, built once and warmed up, so
    each round times it in the same state as Puente's long-running one (a fresh Application's
    first hundred updates run about a third slower, which flattered Puente's ratio)."""

    def __init__(self, handler: BaseHandler,
                 update_for: Callable[[UpdateFactory, int], dict],
                 prepare: Callable[[int, int], None] | None = None) -> None:
        self.api = OfflineBotAPI()
        self.app = ApplicationBuilder().token(TOKEN).request(self.api).get_updates_request(
            self.api).build()
        self.app.add_handler(handler)
        self.update_for = update_for
        self.prepare = prepare  # (updates sent so far, count): untimed set-up for a run
        self.factory = UpdateFactory()
        self.sent = 0

    async def start(self) -> None:
        await self.app.initialize()
        await self.run(WARM_UP)

    async def run(self, count: int) -> float:
        """CPU seconds `count` updates take."""
        if self.prepare:
            self.prepare(self.sent, count)
        updates = [Update.de_json(self.update_for(self.factory, self.sent + n), self.app.bot)
                   for n in range(count)]
        self.sent += count
        start = time.process_time()
        for update in updates:
            await self.app.process_update(update)
        elapsed = time.process_time() - start
        self.api.calls.clear()  # keep memory flat: nothing reads them
        return elapsed

    async def rate(self, count: int) -> float:
        """Updates per CPU-second over `count` updates."""
        return count / await self.run(count)


class BareGrader:
    """A hand-written durable grader: the least a graded tap that Puente would accept can cost.

    Per tap it answers the tap, folds the answer into the word's mastery (knowledge tracing and
    FSRS, the domain's own record_answer), writes the store's three writes in one transaction
    (close the item, save the mastery, keep the attempt; the store's own functions) and edits
    the message into a two-language feedback line and the next question. It reads nothing:
    the student, the item, its check and the word's state are taken as known (held in memory),
    and it never renders a check's end. So it is a floor, not a rival: the distance from it to
    Puente is what the reads, the general rendering and the check bookkeeping cost."""

    FEEDBACK = ("✅ <b>Right!</b> {term} = {gloss}\n✅ <b>¡Correcto!</b> {term} = {gloss}"
                "\n\n<b>2/5</b> Which English word means <b>{prompt}</b>?")
    OPTIONS = ("analyze", "compare", "predict", "infer")

    def __init__(self) -> None:
        self.db = open_store(None)
        install_packs(self.db, load_packs().packs, NOW)
        self.words = [w.id for w in packs.pack_words(self.db, "science.ecosystems")][:20]
        for n in range(STUDENTS):
            people.upsert_student(self.db, 1000 + n, f"S{n}", NOW)
        self.states: dict[tuple[int, int], WordMastery] = {}

    def open_items(self, first: int, count: int) -> None:
        """Store the check items the next `count` taps answer (ids first + 1 ...), untimed."""
        self.db["check_items"].insert_all(  # type: ignore[union-attr]
            {"id": first + n + 1, "check_id": first + n + 1, "student_id": 1000 + (first + n)
             % STUDENTS, "word_id": self.words[(first + n + 1) % 20], "item_type": "choice",
             "prompt_lang": "es", "options": '["analyze", "compare", "predict", "infer"]',
             "answer": "compare", "prompt": "comparar", "asks_meaning": 1,
             "created_at": "2026-09-14T15:00:00+00:00"} for n in range(count))

    async def tap(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None or query.data is None or query.message is None:
            return
        bot = query.get_bot()
        await bot.do_api_request("answerCallbackQuery", api_kwargs={"callback_query_id": query.id})
        _, item_id, option = query.data.split(":")
        student, word = query.from_user.id, self.words[int(item_id) % 20]
        correct = option == "1"
        state = self.states.get((student, word)) or new_mastery(word, NOW)
        updated = record_answer(state, correct=correct, exact=correct,
                                item_type=ItemType.CHOICE, typed=False, now=NOW,
                                local_day="2026-09-14")
        self.states[student, word] = updated
        with self.db.atomic():
            check_items.close_item(self.db, int(item_id), correct, NOW)
            study.save_mastery(self.db, student, word, updated, NOW, answered=correct)
            study.record_attempt(self.db, student, word, ItemType.CHOICE, "es", correct, NOW)
        keyboard = {"inline_keyboard": [[{"text": o, "callback_data": f"an:{item_id}:{n}"}
                                         for n, o in enumerate(self.OPTIONS)]]}
        await bot.do_api_request("editMessageText", api_kwargs={
            "chat_id": query.message.chat.id, "message_id": query.message.message_id,
            "text": self.FEEDBACK.format(term="compare", gloss="comparar", prompt="analizar"),
            "parse_mode": "HTML", "reply_markup": keyboard})


def bare_grader() -> Anchor:
    """The hand-written durable grader, as an anchor; its items are stored before each run."""
    grader = BareGrader()
    return Anchor(CallbackQueryHandler(grader.tap), lambda factory, n: factory.tap(
        factory.user(1000 + n % STUDENTS), f"an:{n + 1}:{1 if n % 5 else 0}"), grader.open_items)


def echo_bot() -> Anchor:
    """A bare echo bot: the anchor."""
    return Anchor(MessageHandler(filters.TEXT, echo), lambda factory, n:
                  factory.message(factory.user(1000 + n % STUDENTS), "hello"))


def bare_tap_bot() -> Anchor:
    """A bare bot that answers each tap and edits the tapped message."""
    return Anchor(CallbackQueryHandler(tap_back), lambda factory, n: factory.tap(
        factory.user(1000 + n % STUDENTS), f"an:{n}:1"))


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
    if check_items.next_open_item(app.bot_data.services.db, user_id) is not None:
        return
    cards = [c for c in api.calls[seen:] if c.method == "sendMessage" and c.buttons]
    while cards:
        shown = cards[-1]
        turn = next((d for label, d in shown.buttons  # ◀ Back n/N opens with its arrow
                     if NEXT.search(label) and not label.startswith(("◀", "▶"))), None)
        tap = turn or next((d for _, d in shown.buttons if d == callbacks.CHECK), None)
        if tap is None:
            return
        message_id = int(shown.params.get("message_id") or shown.result_id or 1)
        seen = len(api.calls)
        await app.process_update(Update.de_json(factory.tap(user, tap, message_id), app.bot))
        if turn is None:
            return
        cards = [c for c in api.calls[seen:] if c.method == "editMessageText"]


class StoreWork:
    """Every SQLite statement the graded taps of a round run, with its parameters, replayed
    alone on a copy of the store as it was before them: what the store itself costs a tap,
    apart from all Python (the floor any durable grader pays on top of the bare tap bot).
    The copy is taken right before each batch of taps (before_round): taken before a round's
    checks were opened, the replayed reads found no rows and the writes changed none, and
    SQLite's share read 0.18 ms, too low."""

    TRANSACTION = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")

    def __init__(self, db: Database) -> None:
        self.db = db
        self.statements: list[tuple[str, list | dict]] = []
        self.copy = sqlite3.connect(":memory:")

    def before_round(self) -> None:
        self.copy.close()
        self.copy = sqlite3.connect(":memory:")
        self.db.conn.backup(self.copy)
        self.statements.clear()

    @contextmanager
    def recording(self) -> Iterator[None]:
        execute = self.db.execute

        def recorded(sql: str, parameters: object = None) -> sqlite3.Cursor:
            # named parameters (a dict) are kept as they are: a list would hold only their names
            kept = parameters if isinstance(parameters, dict) else \
                list(parameters or [])  # type: ignore[call-overload]
            self.statements.append((sql, kept))
            return execute(sql, parameters)

        def traced(sql: str) -> None:  # transactions are opened on the connection directly
            if sql.startswith(self.TRANSACTION):
                self.statements.append((sql, []))

        self.db.execute = recorded  # type: ignore[method-assign]
        self.db.conn.set_trace_callback(traced)
        try:
            yield
        finally:
            del self.db.execute
            self.db.conn.set_trace_callback(None)

    def replay(self) -> float:
        """CPU seconds the recorded statements take alone."""
        start = time.process_time()
        for sql, parameters in self.statements:
            self.copy.execute(sql, parameters).fetchall()
        return time.process_time() - start


@dataclass
class Round:
    taps: int = 0
    elapsed: float = 0.0
    tap_messages: int = 0  # sent or edited while a tap was processed
    answers: int = 0       # every graded answer: taps, quiz-poll votes, typed answers
    messages: int = 0      # sent or edited for all of them
    echo_elapsed: float = 0.0  # the same number of echo updates, run right after each batch
    bare_elapsed: float = 0.0  # ... and of bare taps: both sides see the machine alike
    floor_elapsed: float = 0.0  # ... and of the hand-written durable grader
    store_elapsed: float = 0.0  # the taps' statements replayed alone (StoreWork)
    statements: int = 0         # ... how many


async def one_round(app: Application, api: OfflineBotAPI, factory: UpdateFactory,
                    ids: list[int], step_rng: random.Random,
                    anchors: tuple[Anchor, Anchor, Anchor] | None = None,
                    work: StoreWork | None = None) -> Round:
    """Every student takes one whole check; only the taps are timed."""
    db = app.bot_data.services.db
    for user_id in ids:  # open a check for everyone (not timed)
        await open_check(app, api, factory, user_id)
    done = Round()
    while True:
        taps, others = [], []
        for user_id in ids:
            stored = check_items.next_open_item(db, user_id)
            if stored is None:
                continue
            item, user = stored.item, factory.user(user_id)
            right = step_rng.random() < 0.8
            if item.typed:
                # a wrong word unlike her last one: the same text at once is a copy of it, set
                # aside (sent_twice.py), and this clock does not move within a round
                wrong = "zzz" if stored.id % 2 else "qqq"
                others.append(factory.message(user, item.answer if right else wrong))
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
        if work:  # the store as this batch finds it: its checks open, earlier answers in
            work.before_round()
        start = time.process_time()
        with work.recording() if work else nullcontext():
            for update in batch:
                await app.process_update(update)
        done.elapsed += time.process_time() - start
        if work:
            done.store_elapsed += work.replay()
            done.statements += len(work.statements)
        if anchors:  # paired with this batch, so a busy moment weighs on both sides alike
            done.echo_elapsed += await anchors[0].run(len(batch) * ANCHOR_FACTOR)
            done.bare_elapsed += await anchors[1].run(len(batch) * ANCHOR_FACTOR)
            done.floor_elapsed += await anchors[2].run(len(batch) * ANCHOR_FACTOR)
        done.tap_messages += sends(api, seen)
        done.messages += sends(api, seen)
        done.taps += len(batch)
        done.answers += len(batch) + len(others)


async def main() -> None:
    app, api, clock = await puente_app()
    anchors = echo_bot(), bare_tap_bot(), bare_grader()
    for anchor in anchors:
        await anchor.start()
    factory = UpdateFactory()
    rng = random.Random(7)
    ratios, rates, echoes, bare, bare_ratios, tap_costs, answer_costs, floors, floor_ratios = (
        [] for _ in range(9))
    taps = 0
    for repeat in range(REPEATS):
        ids = enrol(app, repeat)
        clock.now = NOW
        for _ in range(ROUNDS):
            done = await one_round(app, api, factory, ids, rng, anchors)
            clock.now += timedelta(days=1)
            rate = done.taps / done.elapsed
            anchor = done.taps * ANCHOR_FACTOR / done.echo_elapsed
            tap_floor = done.taps * ANCHOR_FACTOR / done.bare_elapsed
            grader = done.taps * ANCHOR_FACTOR / done.floor_elapsed
            rates.append(rate)
            echoes.append(anchor)
            bare.append(tap_floor)
            floors.append(grader)
            ratios.append(rate / anchor)
            bare_ratios.append(rate / tap_floor)
            floor_ratios.append(grader / anchor)
            tap_costs.append(done.tap_messages / done.taps)
            answer_costs.append(done.messages / done.answers)
            taps += done.taps

    # One more class, its statements recorded (which slows its taps a little: not timed above)
    work, store_seconds, store_taps, statements = StoreWork(app.bot_data.services.db), 0.0, 0, 0
    ids = enrol(app, REPEATS)
    clock.now = NOW
    for _ in range(ROUNDS):
        done = await one_round(app, api, factory, ids, rng, work=work)
        clock.now += timedelta(days=1)
        store_seconds += done.store_elapsed
        store_taps += done.taps
        statements += done.statements
    await app.shutdown()
    store_ms = 1000 * store_seconds / store_taps
    echo_ms, bare_ms = 1000 / statistics.median(echoes), 1000 / statistics.median(bare)
    floor_ms = 1000 / statistics.median(floors)
    tap_ms = 1000 / statistics.median(rates)

    def line(name: str, values: list[float], fmt: str) -> str:
        return (f"{name:36} min {min(values):{fmt}}  median {statistics.median(values):{fmt}}"
                f"  max {max(values):{fmt}}")

    print(f"{REPEATS} x {ROUNDS} rounds: {REPEATS} classes of {STUDENTS} fresh level-3 students "
          f"take {ROUNDS} whole checks each ({taps} graded taps timed); after each batch of taps, "
          f"{ANCHOR_FACTOR}x as many updates of a warmed-up bare PTB echo bot, bare tap bot and "
          "hand-written durable grader")
    print(line("echo bot, updates/s", echoes, ".0f"))
    print(line("bare tap bot (answer + edit), /s", bare, ".0f"))
    print(line("hand-written durable grader, /s", floors, ".0f"))
    print(line("Puente graded taps/s", rates, ".0f"))
    print(line("graded tap / echo (goal >= 0.50)", ratios, ".2f"))
    print(line("graded tap / bare tap bot", bare_ratios, ".2f"))
    print(line("hand-written grader / echo", floor_ratios, ".2f"))
    print(line("messages per graded tap", tap_costs, ".2f"))
    print(line("messages per answer (polls, typed)", answer_costs, ".2f"))
    print(f"under Telegram's 30 messages/s: about {30 / statistics.median(tap_costs):.0f} graded "
          "taps/s for the whole bot")
    print(f"where a tap's CPU goes (medians): {tap_ms:.3f} ms = bare tap bot {bare_ms:.3f} ms "
          f"+ SQLite alone {store_ms:.3f} ms ({statements / store_taps:.1f} statements, replayed "
          f"on a copy) + Puente's Python {tap_ms - bare_ms - store_ms:.3f} ms")
    print(f"the goal (0.5 x echo) is {2 * echo_ms:.3f} ms a tap; the hand-written durable grader "
          f"takes {floor_ms:.3f} ms, so the goal leaves {2 * echo_ms - floor_ms:.3f} ms for what "
          f"it skips (reading the student, the item, its check and the word's state; rendering "
          f"from the catalogue; a check's end), against {tap_ms - floor_ms:.3f} ms today")


if __name__ == "__main__":
    asyncio.run(main())
