"""Per-module mutation scores from mutmut's results (a benchmark: it prints, it never fails).

Run from the folder where `mutmut run` ran (the checkout, or a copy of it):

    mutmut run --max-children 2          # [tool.mutmut] in pyproject.toml: bot/domain
    python bench/mutation_score.py       # killed / survived / timeout / no tests per module

The score is killed (timeouts count as killed, as mutmut counts them) over the mutants that were
checked; "no tests" mutants count as survivors, "not checked" ones (a run cut short) are left
out and listed, so a partial run says how partial it is.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter, defaultdict

STATES = ("killed", "timeout", "survived", "no tests", "suspicious", "skipped", "not checked")


def results() -> list[tuple[str, str]]:
    """(mutant name, state) for every mutant mutmut knows about."""
    out = subprocess.run([sys.executable, "-m", "mutmut", "results", "--all", "true"],
                         capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines():
        name, _, state = line.strip().rpartition(": ")
        if name and state in STATES:
            rows.append((name, state))
    return rows


def module_of(name: str) -> str:
    return name.split(".x_")[0].split(".xǁ")[0]


def main() -> None:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for name, state in results():
        counts[module_of(name)][state] += 1
    total: Counter[str] = Counter()
    print(f"{'module':34} {'killed':>6} {'timeout':>7} {'survived':>8} {'no tests':>8} "
          f"{'unchecked':>9} {'score':>6}")
    for module, c in sorted(counts.items()):
        total.update(c)
        print(_row(module, c))
    print(_row("all", total))


def _row(module: str, c: Counter[str]) -> str:
    killed = c["killed"] + c["timeout"]
    checked = killed + c["survived"] + c["no tests"] + c["suspicious"]
    score = f"{100 * killed / checked:5.1f}%" if checked else "    -"
    return (f"{module:34} {c['killed']:6} {c['timeout']:7} {c['survived']:8} {c['no tests']:8} "
            f"{c['not checked']:9} {score:>6}")


if __name__ == "__main__":
    main()
