"""Quick mode for the benchmarks: `PUENTE_BENCH_QUICK=1 python bench/NAME.py` runs a bench on a
tiny workload (fewer students, repeats, rounds), so tests/test_benches.py can check that every
bench still runs to its figures. It changes only how much work a bench does, never what it
measures, and its figures then mean nothing: quote only a full run's.

Not a benchmark itself (the leading underscore keeps it out of the smoke test's bench list).
"""

from __future__ import annotations

import os
import sys

QUICK = os.environ.get("PUENTE_BENCH_QUICK", "") not in ("", "0")
if QUICK:
    print("PUENTE_BENCH_QUICK: a tiny workload; these figures are not measurements",
          file=sys.stderr)


def sized(full: int, quick: int) -> int:
    """`full` for a real run, `quick` under PUENTE_BENCH_QUICK=1."""
    return quick if QUICK else full
