"""Benchmark: start-up time (process start to its first getUpdates) and idle memory (RSS after
the start-up settles) of `puente run`, beside a bare python-telegram-bot echo bot started the
same way against the same Bot API stand-in, repeated.

Each command first starts once untimed: Puente creates its store and loads the shipped packs
(a first start, not a restart), and both fill a bytecode cache in a temporary folder, whatever
PYTHONDONTWRITEBYTECODE says, so they start from compiled bytecode as an installed wheel does
(pip compiles it at install). --no-bytecode-cache compiles every module at every start instead.

Goals: start-up < 1 s, idle RSS < 120 MB.
Run: python bench/footprint.py [--repeats 5] [--no-bytecode-cache]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _quick import sized  # noqa: E402

from bot.standin import StandIn  # noqa: E402  (after the path is set, as in the other benches)
from tests.live import TOKEN, write_config  # noqa: E402

SETTLE = 5.0  # seconds after the first getUpdates before reading RSS (background loading done)


def cpu_seconds(pid: int) -> float:
    """CPU time the process has used so far, all its threads (less swayed by a busy machine
    than the wall clock, which is what a restart costs)."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            total += int((task / "schedstat").read_text().split()[0])  # nanoseconds on a CPU
        except (OSError, ValueError, IndexError):
            continue  # the thread has just ended
    return total / 1e9


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def measure(command: list[str], folder: Path, standin: StandIn, *,
                  bytecode: Path | None, settle: float = SETTLE
                  ) -> tuple[float, float, float]:
    """(seconds to the first getUpdates, CPU seconds by then, idle RSS in MB) of one process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for name in ("TELEGRAM_BOT_TOKEN", "PUENTE_CONFIG", "PUENTE_STORE_PATH",
                 "PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX"):
        env.pop(name, None)
    if bytecode is None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        env["PYTHONPYCACHEPREFIX"] = str(bytecode)
    polls = standin.stats.requests["getUpdates"]
    started = time.monotonic()
    log = (folder / "bench.log").open("ab")
    process = await asyncio.create_subprocess_exec(
        *command, cwd=folder, env=env, stdout=log, stderr=log)
    try:
        # Poll every 5 ms: the stand-in's own wait_for wakes on sends, not on getUpdates, and
        # would round start-up to its 0.25 s tick.
        while standin.stats.requests["getUpdates"] <= polls:
            if time.monotonic() - started > 60 or process.returncode is not None:
                raise RuntimeError(f"{command[1]} did not reach getUpdates")
            await asyncio.sleep(0.005)
        startup = time.monotonic() - started
        cpu = cpu_seconds(process.pid)
        await asyncio.sleep(settle)
        return startup, cpu, rss_mb(process.pid)
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        await process.wait()
        log.close()


def spread(values: list[float], fmt: str) -> str:
    return (f"min {min(values):{fmt}}  median {statistics.median(values):{fmt}}  "
            f"max {max(values):{fmt}}")


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=sized(5, 1))
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="compile every module at every start (PYTHONDONTWRITEBYTECODE=1)")
    args = parser.parse_args()
    results: dict[str, list[tuple[float, float, float]]] = {"echo bot": [], "puente run": []}
    async with StandIn() as standin:
        folder = Path(tempfile.mkdtemp(prefix="puente-footprint-"))
        config = write_config(folder, standin)
        commands = {
            "echo bot": [sys.executable, str(ROOT / "bench" / "echo_bot.py"), TOKEN,
                         standin.base_url],
            "puente run": [sys.executable, "-m", "bot", "--config", str(config), "run"],
        }
        bytecode = None if args.no_bytecode_cache else folder / "pycache"
        for command in commands.values():  # untimed: a new store; the bytecode cache
            await measure(command, folder, standin, bytecode=bytecode, settle=0)
        for _ in range(args.repeats):  # interleaved, so both see the same machine load
            for name, command in commands.items():
                results[name].append(await measure(command, folder, standin,
                                                   bytecode=bytecode))
    print(f"{args.repeats} starts each, interleaved, "
          f"{'compiling every module' if bytecode is None else 'from cached bytecode'}; "
          f"RSS read {SETTLE:.0f} s after the first getUpdates")
    for name, runs in results.items():
        print(f"{name:11} start-up {spread([r[0] for r in runs], '.2f')} s   "
              f"RSS {spread([r[2] for r in runs], '.0f')} MB")
        print(f"{'':11} CPU by then {spread([r[1] for r in runs], '.2f')} s")
    echo, puente = results["echo bot"], results["puente run"]
    ratio = [p[0] / e[0] for p, e in zip(puente, echo, strict=True)]
    extra = [p[2] - e[2] for p, e in zip(puente, echo, strict=True)]
    print(f"puente / echo start-up   {spread(ratio, '.1f')} x")
    print(f"puente - echo RSS        {spread(extra, '.0f')} MB")


if __name__ == "__main__":
    asyncio.run(main())
