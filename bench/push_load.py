"""Benchmark: a 1,000-student push through the real `puente run`, over real HTTP, against the
Bot API stand-in that behaves like Telegram (30 messages/s bot-wide, 429 above it).

Per run it prints the previews' rate beside Telegram's 30 messages/s ceiling, duplicates,
students missed, 429s the bot provoked, and how long another user waited for /help sent 2 s
into the push. Scenarios: per-chat bursts allowed (Telegram's usual behaviour), per-chat
bursts refused (1 message/s per chat from the first), and 50 ms of API latency.

Run: python bench/push_load.py [--students 1000] [--repeats 3]   (about a minute a run)
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _quick import sized

from bot.standin import StandIn, StandInConfig
from bot.standin.limits import LimitConfig
from tests.live import seed_class, start_puente, write_config

TEACHER, FIRST, BYSTANDER = 9100, 100_000, 99_999
SCENARIOS = {
    "bursts allowed": StandInConfig(),
    "bursts refused": StandInConfig(limits=LimitConfig(chat_burst=1)),
    "50 ms latency": StandInConfig(latency_ms=50),
}


@dataclass
class Run:
    rate: float
    duplicates: int
    missed: int
    too_many: int
    help_wait: float


async def one_run(config: StandInConfig, students: int) -> Run:
    folder = Path(tempfile.mkdtemp(prefix="puente-push-"))
    async with StandIn(config) as standin:
        write_config(folder, standin)
        ids = seed_class(folder / "puente.db", students, FIRST, TEACHER)
        teacher = standin.user(TEACHER, "Rivera", "en")
        bystander = standin.user(BYSTANDER, "Bo", "en")
        for student in ids:
            standin.user(student, "S", "es")
        puente = await start_puente(folder, standin)
        try:
            await standin.quiet(1.0, within=60)
            before_429 = standin.stats.too_many_requests
            teacher.say("/push science.ecosystems habitat")
            await asyncio.sleep(2.0)
            asked = time.monotonic()
            bystander.say("/help")
            await bystander.wait_for("/", 120)
            help_wait = time.monotonic() - asked
            await teacher.wait_for("Push finished", 30 + students / 10)
            previews = [s for s in standin.sent() if "📘" in s.text]
            per_chat = Counter(s.chat_id for s in previews)
            times = sorted(s.at for s in previews)
            rate = (len(times) - 1) / (times[-1] - times[0]) if len(times) > 1 else 0.0
            return Run(rate, sum(c - 1 for c in per_chat.values()),
                       sum(1 for i in ids if i not in per_chat),
                       standin.stats.too_many_requests - before_429, help_wait)
        finally:
            await puente.stop()


def spread(values: list[float], fmt: str) -> str:
    return (f"min {min(values):{fmt}}  median {statistics.median(values):{fmt}}  "
            f"max {max(values):{fmt}}")


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=sized(1000, 20))
    parser.add_argument("--repeats", type=int, default=sized(3, 1))
    parser.add_argument("--scenario", choices=list(SCENARIOS), action="append")
    args = parser.parse_args()
    print(f"{args.students}-student push, {args.repeats} runs a scenario; Telegram's ceiling "
          "is 30 messages/s")
    for name in args.scenario or list(SCENARIOS):
        runs = [await one_run(SCENARIOS[name], args.students) for _ in range(args.repeats)]
        rates = [r.rate for r in runs]
        print(f"\n{name}")
        print(f"  previews/s          {spread(rates, '.1f')}")
        print(f"  share of 30/s       {spread([r / 30 for r in rates], '.0%')}")
        print(f"  duplicates          {[r.duplicates for r in runs]}")
        print(f"  students missed     {[r.missed for r in runs]}")
        print(f"  429s provoked       {[r.too_many for r in runs]}")
        print(f"  /help answered in   {spread([r.help_wait for r in runs], '.2f')} s")


if __name__ == "__main__":
    asyncio.run(main())
