"""Benchmark: classes answering checks together, through the real `puente run`, over real HTTP,
against the Bot API stand-in that behaves like Telegram (30 messages/s bot-wide, 429 above it),
beside a bare python-telegram-bot echo bot under the same people in the same run.

The question it answers: when students really answer at once, what do they wait for, and how
much of the machine does it take? bench/graded_answers.py measures a graded tap's processing
cost offline (its goal: >= 0.5 x an echo bot's rate); this bench measures what that cost means
where the limit is Telegram's 30 messages a second.

Each run seeds classes of level 3-4 students (choices, typed answers and polls; no letter
tiles) into a real store, starts `puente run`, and lets every student, from a start spread over
a few seconds, send /check, turn the cards and answer every question, reading each screen for
THINK seconds (uniform) before the next tap, vote or typed word, then /check again. For WINDOW
seconds it counts the graded answers, what each waited from its tap to the bot's reply (the
edit or message that Telegram showed next in that chat), every message and edit the bot made,
the 429s it provoked, and the CPU time `puente run` used (/proc). Then the same number of
people, with the same reading time, talk to the echo bot (each message echoed back), measured
the same way: the anchor for waiting and for CPU, over the same HTTP and stand-in.

Run: python bench/class_answers.py [--students 30 150 300] [--repeats 3]
(about 2 x WINDOW seconds a class size a repeat; prints figures; no asserts)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _quick import QUICK, sized

from bot.standin import Person, StandIn
from tests.live import TOKEN, seed_class, start_puente

ROOT = Path(__file__).resolve().parents[1]
TEACHER, FIRST = 9100, 100_000
THINK = (2.0, 6.0)  # seconds a student reads a screen before acting (uniform)
WINDOW = 8.0 if QUICK else 60.0  # measured seconds, after every student has started
STEP_WITHIN = 20.0  # a reply slower than this is counted as lost
TYPED = ("habitat", "predator", "energy", "producer", "consumer", "decomposer")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Tally:
    """What one run counted inside its window."""

    waits: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    lost: int = 0
    messages: int = 0  # sends and edits the bot made in the window
    too_many: int = 0
    cpu: float = 0.0  # seconds of CPU the bot process used in the window

    def updates(self) -> int:
        """Everything the people did in the window, graded or not (each one update)."""
        return sum(len(waits) for waits in self.waits.values())

    def graded(self) -> list[float]:
        return [w for kind in ("tap", "poll", "typed") for w in self.waits[kind]]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


class Chats:
    """Wakes each person's coroutine when the bot writes to their chat (one reader of the
    stand-in's log for all, so a hundred students do not each rescan every message)."""

    def __init__(self, standin: StandIn) -> None:
        self.standin = standin
        self.read = 0
        self.ids: dict[int, list[int]] = defaultdict(list)  # chat -> message ids, oldest first
        self.last_write: dict[int, float] = {}  # chat -> when the bot last wrote to it
        self.events: dict[int, asyncio.Event] = defaultdict(asyncio.Event)

    async def follow(self) -> None:
        world = self.standin.world
        while True:
            await world.wait_for(lambda: len(world.log) > self.read, float("inf"))
            for sent in world.log[self.read:]:
                if sent.message_id not in self.ids[sent.chat_id]:
                    self.ids[sent.chat_id].append(sent.message_id)
                self.last_write[sent.chat_id] = sent.at
                self.events[sent.chat_id].set()
            self.read = len(world.log)

    async def written(self, chat: int, until: float) -> bool:
        """Wait for the bot's next write to the chat (False: none by `until`, monotonic)."""
        self.events[chat].clear()
        try:
            await asyncio.wait_for(self.events[chat].wait(), max(0.0, until - time.monotonic()))
        except TimeoutError:
            return False
        return True

    def screen(self, chat: int) -> list[dict]:
        """The bot's messages in the chat as the person sees them now, oldest first."""
        messages = self.standin.world.messages
        return [messages[(chat, m)] for m in self.ids[chat] if (chat, m) in messages]


def _data(message: dict) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return [b.get("callback_data") or "" for row in rows for b in row]


def _shown(message: dict) -> str:
    return message.get("text") or message.get("caption") or ""


def next_action(screen: list[dict], done: set[str]) -> tuple[str, dict] | None:
    """What a student does next on this screen, newest message first: answer a question,
    else turn a card, else (a check's end) ask for the next check."""
    for message in reversed(screen):
        state = json.dumps([message["message_id"], _shown(message), _data(message)])
        if state in done:
            continue
        data = _data(message)
        kind = None
        if "poll" in message and not message["poll"].get("is_closed"):
            kind = "poll"
        elif any(d.startswith("an:") for d in data):
            kind = "tap"
        elif any(d.startswith(("cd:", "ck")) for d in data):
            kind = "turn"
        elif "Type the" in _shown(message):
            kind = "typed"
        elif "Check finished" in _shown(message):
            kind = "check"
        if kind is not None:
            done.add(state)
            return kind, message
    return None


async def student(person: Person, chats: Chats, tally: Tally, window: tuple[float, float],
                  rng: random.Random) -> None:
    """Check after check until the window ends. What she waits for after each action is the
    next thing she can act on (after /check, her first card, which "read your cards first"
    opens); the waits of actions inside the window are kept."""
    chat, done, typed = person.id, set[str](), 0
    await asyncio.sleep(rng.uniform(0, THINK[1]))
    kind, at = "check", chats.standin.world.now()
    person.say("/check")
    while True:
        until, found, written = time.monotonic() + STEP_WITHIN, None, False
        while found is None:
            if not await chats.written(chat, until):
                break
            written = True
            found = next_action(chats.screen(chat), done)
        inside = window[0] <= at < window[1]
        if found is None:
            tally.lost += inside and not written  # else: nothing due, she is done for today
            return
        if inside:
            tally.waits[kind].append(chats.last_write[chat] - at)
        await asyncio.sleep(rng.uniform(*THINK))
        if chats.standin.world.now() >= window[1]:
            return
        kind, message = found
        at = chats.standin.world.now()
        if kind == "poll":
            person.vote(str(message["poll"]["id"]), rng.randrange(len(message["poll"]["options"])))
        elif kind == "tap":
            person.tap(rng.choice([d for d in _data(message) if d.startswith("an:")]),
                       message["message_id"])
        elif kind == "turn":
            data = _data(message)
            turn = next((d for d in data if d.startswith("ck")), None) or max(
                (d for d in data if d.startswith("cd:")), key=lambda d: int(d.split(":")[2]))
            person.tap(turn, message["message_id"])
        elif kind == "typed":
            person.say(TYPED[typed % len(TYPED)])
            typed += 1
        else:
            person.say("/check")


async def talker(person: Person, chats: Chats, tally: Tally, window: tuple[float, float],
                 rng: random.Random) -> None:
    """The echo bot's user: a message, the echo, THINK seconds of reading, again."""
    await asyncio.sleep(rng.uniform(0, THINK[1]))
    count = 0
    while chats.standin.world.now() < window[1]:
        at = chats.standin.world.now()
        person.say(f"hello {count}")
        count += 1
        replied = await chats.written(person.id, time.monotonic() + STEP_WITHIN)
        inside = window[0] <= at < window[1]
        if not replied:
            tally.lost += inside
            return
        if inside:
            tally.waits["echo"].append(chats.last_write[person.id] - at)
        await asyncio.sleep(rng.uniform(*THINK))


async def measure(standin: StandIn, pid: int, people: list[Person], act: object,
                  seed: int) -> Tally:
    """Let everyone act from a spread start; count what happens in the window."""
    chats, tally, rng = Chats(standin), Tally(), random.Random(seed)
    follower = asyncio.create_task(chats.follow())
    start = standin.world.now() + THINK[1]  # everyone has started by then
    window = (start, start + WINDOW)
    tasks = [asyncio.create_task(act(p, chats, tally, window, random.Random(rng.random())))
             for p in people]
    await asyncio.sleep(max(0.0, window[0] - standin.world.now()))
    cpu, log, too_many = cpu_seconds(pid), len(standin.world.log), standin.stats.too_many_requests
    await asyncio.sleep(WINDOW)
    tally.cpu = cpu_seconds(pid) - cpu
    tally.messages = len(standin.world.log) - log
    tally.too_many = standin.stats.too_many_requests - too_many
    await asyncio.gather(*tasks)
    follower.cancel()
    return tally


async def puente_run(students: int, seed: int) -> Tally:
    from bot.store import open_store, people

    folder = Path(tempfile.mkdtemp(prefix="puente-class-"))
    async with StandIn() as standin:
        ids = seed_class(folder / "puente.db", students, FIRST, TEACHER)
        db = open_store(folder / "puente.db")
        for n, student_id in enumerate(ids):  # levels 3-4: no letter tiles, no listening
            people.set_level(db, student_id, None, 3 + n % 2, "teacher")
        db.close()
        persons = [standin.user(i, f"S{i}", ("es", "ar", "vi", "so")[n % 4])
                   for n, i in enumerate(ids)]
        puente = await start_puente(folder, standin)
        try:
            return await measure(standin, puente.process.pid, persons, student, seed)
        finally:
            await puente.stop()


async def echo_run(people_count: int, seed: int) -> Tally:
    folder = Path(tempfile.mkdtemp(prefix="puente-echo-"))
    async with StandIn() as standin:
        persons = [standin.user(FIRST + n, "E", "en") for n in range(people_count)]
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        log = (folder / "echo.log").open("wb")
        process = await asyncio.create_subprocess_exec(
            sys.executable, str(ROOT / "bench" / "echo_bot.py"), TOKEN, standin.base_url,
            cwd=folder, env=env, stdout=log, stderr=log)
        try:
            await standin.wait_for(lambda: standin.stats.requests["getUpdates"] > 0, 30,
                                   "the echo bot polling")
            return await measure(standin, process.pid, persons, talker, seed)
        finally:
            process.send_signal(signal.SIGTERM)
            await process.wait()
            log.close()


def spread(values: list[float], fmt: str, unit: str = "") -> str:
    if not values:
        return "none"
    return (f"min {min(values):{fmt}}{unit}  median {statistics.median(values):{fmt}}{unit}  "
            f"max {max(values):{fmt}}{unit}")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, nargs="+", default=[sized(30, 6), 150, 300]
                        if not QUICK else [6])
    parser.add_argument("--repeats", type=int, default=sized(3, 1))
    args = parser.parse_args()
    print(f"Students reading {THINK[0]:g}-{THINK[1]:g} s a screen, measured for {WINDOW:g} s "
          f"a run, {args.repeats} run(s) a size; Telegram's ceiling is 30 messages/s")
    for size in args.students:
        runs = []
        for repeat in range(args.repeats):  # interleaved: both see the same machine load
            runs.append((await puente_run(size, repeat), await echo_run(size, repeat)))
        print(f"\n{size} students answering together")
        graded = [len(p.graded()) / WINDOW for p, _ in runs]
        print(f"  graded answers/s       {spread(graded, '.1f')}")
        print(f"  bot messages/s         {spread([p.messages / WINDOW for p, _ in runs], '.1f')}"
              "  (sends and edits; Telegram: 30/s)")
        print(f"  429s provoked          {[p.too_many for p, _ in runs]}   "
              f"replies lost {[p.lost for p, _ in runs]}")
        for quantile, name in ((0.5, "median"), (0.95, "95th pct")):
            waits = [percentile(p.graded(), quantile) * 1000 for p, _ in runs]
            anchors = [percentile(e.waits["echo"], quantile) * 1000 for _, e in runs]
            print(f"  wait for feedback {name:8} {spread(waits, '.0f', ' ms')}   "
                  f"echo bot {spread(anchors, '.0f', ' ms')}")
        for kind in ("tap", "typed", "poll", "turn", "check"):
            waits = [w * 1000 for p, _ in runs for w in p.waits[kind]]
            if waits:
                print(f"    {kind:6} {len(waits):5} answers   median "
                      f"{statistics.median(waits):.0f} ms   95th pct "
                      f"{percentile(waits, 0.95):.0f} ms")
        share = [p.cpu / WINDOW for p, _ in runs]
        echo_share = [e.cpu / WINDOW for _, e in runs]
        print(f"  puente run CPU         {spread(share, '.1%')} of one core   "
              f"echo bot {spread(echo_share, '.1%')}")
        per = [p.cpu / max(1, p.updates()) * 1000 for p, _ in runs]
        echo_per = [e.cpu / max(1, e.updates()) * 1000 for _, e in runs]
        print(f"  CPU per update         {spread(per, '.2f', ' ms')}   echo bot per echo "
              f"{spread(echo_per, '.2f', ' ms')}")
        ratio = [e.cpu / max(1, e.updates()) / (p.cpu / max(1, p.updates()))
                 for p, e in runs if p.cpu and e.cpu]
        print(f"  update rate / echo     {spread(ratio, '.2f')}  (CPU, over HTTP: taps, votes, "
              "typed words, card turns, /check)")

if __name__ == "__main__":
    asyncio.run(main())
