"""Benchmark typed grading on the graded table: precision, recall, verdicts, time per answer.

Usage: python bench/typed_grading.py [table.tsv] [-v]
(default: tests/data/typed_grading.tsv; -v lists every row whose verdict differs from the table)

"Accepted" means marked right (exact or typo forgiven). Precision: of the answers accepted, the
share a fair teacher would accept. Recall: of the answers a fair teacher would accept, the share
accepted. Home-language rows are scored apart: the right outcome there is "write it in English".
"""

from __future__ import annotations

import csv
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.domain.packs import parse_pack
from bot.domain.typed_answers import Verdict, grade, preload
from bot.paths import PACKS_DIR

DEFAULT_TABLE = Path(__file__).resolve().parents[1] / "tests" / "data" / "typed_grading.tsv"
ACCEPTED = {Verdict.EXACT, Verdict.TYPO_FORGIVEN}


def vocabulary() -> tuple[list[str], dict[str, list[str]]]:
    """Every shipped pack term, and every curated gloss by language."""
    terms: list[str] = []
    glosses: dict[str, list[str]] = defaultdict(list)
    for path in sorted(PACKS_DIR.rglob("*.toml")):
        for word in parse_pack(path.read_text(encoding="utf-8"), str(path)).words:
            terms.append(word.term)
            for lang, gloss in word.glosses.items():
                glosses[lang].append(gloss.term)
    return terms, glosses


def main(argv: list[str]) -> None:
    paths = [a for a in argv if not a.startswith("-")]
    table = Path(paths[0]) if paths else DEFAULT_TABLE
    with table.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    terms, glosses = vocabulary()
    started = time.perf_counter()
    preload()
    load = time.perf_counter() - started

    confusion: Counter[tuple[str, str]] = Counter()
    timings: list[float] = []
    for row in rows:
        lang = row["lang"] or None
        for _ in range(2):  # the second run times a warm grader (word lists of `lang` loaded)
            started = time.perf_counter()
            verdict = grade(row["typed"], row["expected"], home_terms=glosses.get(lang or "", ()),
                            lang=lang, other_terms=terms)
            elapsed = time.perf_counter() - started
        timings.append(elapsed)
        want = Verdict(row["verdict"])
        confusion[want.value, verdict.kind.value] += 1
        if "-v" in argv and verdict.kind is not want:
            print(f"  {row['expected']!r:18} <- {row['typed']!r:22} {row['lang'] or '-':4}"
                  f" table {want.value:20} got {verdict.kind.value}")

    def count(wants: set[Verdict], gots: set[Verdict]) -> int:
        return sum(n for (w, g), n in confusion.items()
                   if Verdict(w) in wants and Verdict(g) in gots)

    rest = set(Verdict) - ACCEPTED
    true_accept, false_accept = count(ACCEPTED, ACCEPTED), count(rest, ACCEPTED)
    should_accept = count(ACCEPTED, set(Verdict))
    home = {Verdict.HOME_LANGUAGE_WORD}
    print(f"table: {table} ({len(rows)} answers)")
    print("per category (table verdict: graded as ...):")
    for want in Verdict:
        got = {g: n for (w, g), n in confusion.items() if w == want.value}
        print(f"  {want.value:20} {sum(got.values()):4}  "
              + ", ".join(f"{g} {n}" for g, n in sorted(got.items(), key=lambda i: -i[1])))
    print(f"accepted: precision {true_accept / max(1, true_accept + false_accept):.3f}"
          f" ({false_accept} accepted that should not be),"
          f" recall {true_accept / max(1, should_accept):.3f}"
          f" ({should_accept - true_accept} of {should_accept} right answers refused)")
    typos = count({Verdict.TYPO_FORGIVEN}, ACCEPTED), count({Verdict.TYPO_FORGIVEN}, set(Verdict))
    print(f"misspellings forgiven: {typos[0]}/{typos[1]} = {typos[0] / max(1, typos[1]):.3f}")
    print(f"home-language words answered 'write it in English':"
          f" {count(home, home)}/{count(home, set(Verdict))};"
          f" other answers given that reply by mistake: {count(set(Verdict) - home, home)}")
    agree = sum(n for (w, g), n in confusion.items() if w == g)
    print(f"same verdict as the table: {agree}/{len(rows)}")
    print(f"time: word list load {load * 1000:.0f} ms once; per answer median "
          f"{statistics.median(timings) * 1e6:.0f} us, max {max(timings) * 1e6:.0f} us")


if __name__ == "__main__":
    main(sys.argv[1:])
