"""Benchmark: when may Puente say a student mixes up two words? Random tappers and simulated
learners study through the real services (bench/mastery_validity.py's simulation: a real
in-memory store, a fixed clock, 30 school days), and at the end of each school week every
student's answers of the last 14 days are judged by two rules:

  2-tap rule    a pair is named when the student chose one word for the other twice
  shipped rule  three times AND a chance below 1/100 of doing so by tapping at random among
                the options offered (bot/domain/confusions.py)

Prints, per kind, the share of student-weeks (weeks the student answered a question with
options) in which some pair gets named, beside the figures measured when the rule was first
built (the anchors). Random tappers mix nothing up: every pair named for them is false. A
learner taps at random on a word she does not recall, so her named pairs are mostly chance too.

Run: python bench/confusions.py [students-per-kind] [seed] [language] [levels]
"""

from __future__ import annotations

import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _quick import sized
from mastery_validity import LEVELS, START, TZ, simulate

from bot.domain.confusions import Tap, mixed_up
from bot.services.confusions import taps_since

KINDS = ("guesser", "learner")
LABELS = {"guesser": "random tappers", "learner": "learners"}
# Measured when the rule was first built: (2-tap rule, shipped rule), % of student-weeks
ANCHORS = {"guesser": ("100 %", "2-4 %"), "learner": ("32 %", "0.4 %")}
WEEK = 5  # school days


def week_ends(days: list) -> list[datetime]:
    """The end (local midnight after) of each school week of the simulated term."""
    ends = [days[i] for i in range(WEEK - 1, len(days), WEEK)]
    return [datetime.combine(d + timedelta(days=1), datetime.min.time(), TZ) for d in ends]


def named(taps: list[Tap], at: datetime) -> tuple[bool, bool]:
    """(the 2-tap rule names a pair, the shipped rule names one) as of `at`."""
    return bool(mixed_up(taps, at, min_times=2, chance=1)), bool(mixed_up(taps, at))


def _share(count: int, weeks: int) -> float:
    return count / weeks if weeks else 0.0


def main() -> None:
    per_kind = int(sys.argv[1]) if len(sys.argv) > 1 else sized(60, 1)
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    language = sys.argv[3] if len(sys.argv) > 3 else "es"
    levels = tuple(int(n) for n in sys.argv[4].split(",")) if len(sys.argv) > 4 else LEVELS
    began = time.perf_counter()
    sim = simulate(per_kind, seed, language, levels, kinds=KINDS)
    taps = taps_since(sim.db, [s.id for s in sim.students], START - timedelta(days=1))
    ends = week_ends(sim.days)
    print(
        f"confusions: {per_kind} students per kind (seed {seed}, {language}, levels "
        f"{','.join(map(str, levels))}), {len(sim.days)} school days, {sim.answered} answers "
        f"through the study services, {len(ends)} weeks, in "
        f"{time.perf_counter() - began:.0f} s"
    )
    print("% of student-weeks in which a pair gets named")
    for kind in KINDS:
        weeks = loose = shipped = 0
        for student in (s for s in sim.students if s.kind == kind):
            mine = taps[student.id]
            for end in ends:
                if not any(end - timedelta(days=7) <= t.at < end for t in mine):
                    continue  # no question with options that week: nothing to judge
                weeks += 1
                two, rule = named(mine, end)
                loose += two
                shipped += rule
        anchor_two, anchor_rule = ANCHORS[kind]
        print(
            f"  {LABELS[kind]:<15} student-weeks {weeks:>4}  "
            f"2-tap rule {_share(loose, weeks):6.1%} (anchor {anchor_two})  "
            f"shipped rule {_share(shipped, weeks):6.1%} (anchor {anchor_rule})"
        )
    print(
        "goal: the shipped rule names a pair in few random tappers' weeks (every one is "
        "false) and in fewer learners' weeks than the 2-tap rule"
    )


if __name__ == "__main__":
    main()
