"""Every benchmark in bench/ still runs.

Each bench runs once as a subprocess (`python bench/NAME.py`, so an import error fails too) on
its tiny workload (PUENTE_BENCH_QUICK=1, bench/_quick.py) and must exit 0 and print its labelled
figures. Nothing here checks a figure's value: speed goals live in the benchmarks and the
README, never in a timed test. A bench added to bench/ without an entry in BENCHES fails
`test_every_bench_has_a_smoke_run`, so none goes unrun.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
TIMEOUT = 240  # seconds; a quick run takes 2-25 s on a loaded 2-core machine


@dataclass(frozen=True)
class Smoke:
    """How to run one bench tiny, and the labels (regular expressions) its output must hold."""

    expect: tuple[str, ...]
    argv: tuple[str, ...] = ()
    live: bool = False  # starts `puente run` as a subprocess over HTTP (the `live` marker)


# Benches not run in full, and why:
# - echo_bot is not a benchmark but the bare bot footprint.py starts beside `puente run`: here
#   it is only imported (its code loads, main() is not called); footprint runs it for real.
# - mutation_score reads `mutmut results`; `mutmut run` takes hours, so this runs the script
#   on whatever results the checkout holds (usually none: the "all" row with zeros). It still
#   checks that the script loads and that mutmut answers the command it parses.
# - class_answers, footprint and push_load start `puente run` over HTTP, so they are `live`:
#   CI runs them, the fast suite (-m "not live") does not.
BENCHES: dict[str, Smoke] = {
    "announce": Smoke((r"announcement to \d+ families in 8 languages", r"engine calls: \d+",
                       r"delivered: \d+ sent")),
    "cache_bound": Smoke((r"graded tap / echo, CPU time", r"reads \+ end \+ render free")),
    "class_answers": Smoke((r"graded answers/s", r"wait for feedback median .*echo bot",
                             r"puente run CPU .* of one core"), live=True),
    "confusions": Smoke((r"[1-9]\d* answers through the study services",
                         r"random tappers .*2-tap rule .*\(anchor 100 %\) .*shipped rule",
                         r"learners .*2-tap rule .*\(anchor 32 %\) .*shipped rule")),
    "echo_bot": Smoke((), argv=("-c", "import runpy; runpy.run_path('bench/echo_bot.py')")),
    "footprint": Smoke((r"echo bot +start-up", r"puente run +start-up",
                        r"puente / echo start-up"), live=True),
    "graded_answers": Smoke((r"Puente graded taps/s", r"graded tap / echo",
                             r"SQLite alone [\d.]+ ms \([\d.]+ statements, replayed")),
    "item_audit": Smoke((r"items built +\d+", r"give-aways +\d+")),
    "language_detection": Smoke((r"detect_language", r"langdetect alone",
                                 r"accuracy when sure")),
    # At least one answer: a run where no check is ever asked measures nothing (this bench
    # printed 0 answers for weeks after cards had to be shown before a check asks them).
    "listen_message": Smoke((r"ht: \d+ parts, \d+ words: clip [\d.]+ s",
                             r"vi: .* made in median [\d.]+ s")),
    "mastery_validity": Smoke((r"[1-9]\d* answers through the study services",
                               r"guesser .* false mastery", r"learner .* false mastery",
                               r"nightowl .* false mastery", r"revealer .* false mastery",
                               r"speller .* false mastery")),
    "mutation_score": Smoke((r"module +killed +timeout +survived", r"(?m)^all ")),
    "pack_upload": Smoke((r"anchor: a bare echo update", r"\d+ words: upload CPU",
                          r"longest stall")),
    "placement": Smoke((r"child \(📚, 🍎\), random guesser", r"teen \(📱, 🔑\), longest guesser",
                        r"placed low \(band 1, slips\): [\d.]+ %; guesser placed at level 2\+")),
    "preview_rows": Smoke((r"push of 3 words to 24 students", r"level 6: ")),
    # One scenario of three: the others differ only in the stand-in's settings (built at import)
    "push_load": Smoke((r"previews/s", r"students missed", r"/help answered in"), live=True,
                       argv=("bench/push_load.py", "--scenario", "bursts allowed")),
    "stalled": Smoke((r"learners \(\d+\): first word in review",
                      r"threshold 4 answer days: names \d+ of \d+ learners")),
    "report_query": Smoke((r"matrix query +min .* median", r"/report \(app\) +min .* median",
                           r"🐢 worst case +min .* median .* max")),
    "speech": Smoke((r"synthesis \+ encode", r"cache hits", r"uploads \(new clips\) +\d+",
                     r"sent by remembered file_id")),
    "tile_deals": Smoke((r"tile deals: [1-9]\d* deals over \d+ shipped packs",
                         r"two \(a coin toss\) +[\d.]+%", r"tiles a deal holds: mean")),
    "translate_push": Smoke((r"first push: +\d+ engine calls", r"second push: +\d+ engine calls",
                             r"translation memory hit")),
    "typed_grading": Smoke((r"held-out rows", r"same verdict as the table", r"time per answer")),
}


def bench_names() -> set[str]:
    """The benches in bench/ (helpers such as _quick.py start with an underscore)."""
    return {path.stem for path in BENCH.glob("*.py") if not path.name.startswith("_")}


def run_quick(name: str, smoke: Smoke) -> subprocess.CompletedProcess[str]:
    """Run one bench tiny, from the checkout, on this checkout's code."""
    env = dict(os.environ, PUENTE_BENCH_QUICK="1", PYTHONPATH=str(ROOT))
    argv = [sys.executable, *(smoke.argv or (f"bench/{name}.py",))]
    # its own process group: a bench that runs itself again (cache_bound, one process a
    # step) is stopped whole on a timeout, not left running for the rest of the suite
    with subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, start_new_session=True) as bench:
        try:
            out, err = bench.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(bench.pid, signal.SIGKILL)
            bench.communicate()
            raise
    return subprocess.CompletedProcess(argv, bench.returncode, out, err)


def test_every_bench_has_a_smoke_run() -> None:
    missing = sorted(bench_names() - BENCHES.keys())
    assert not missing, (
        f"bench/{missing[0]}.py has no smoke run: add it to BENCHES in tests/test_benches.py "
        "with the labels its output prints, and make its workload tiny under "
        "PUENTE_BENCH_QUICK=1 (bench/_quick.py)")
    gone = sorted(BENCHES.keys() - bench_names())
    assert not gone, f"BENCHES names bench/{gone[0]}.py, which is not there any more"


@pytest.mark.parametrize("name", [
    pytest.param(name, marks=[pytest.mark.live] if smoke.live else [])
    for name, smoke in BENCHES.items()])
def test_bench_runs_to_its_figures(name: str) -> None:
    smoke = BENCHES[name]
    done = run_quick(name, smoke)
    output = f"--- stdout\n{done.stdout[-3000:]}\n--- stderr\n{done.stderr[-3000:]}"
    code = done.returncode
    assert code == 0, f"bench/{name}.py exited {code}\n{output}"
    for label in smoke.expect:
        assert re.search(label, done.stdout), f"bench/{name}.py never printed {label!r}\n{output}"
