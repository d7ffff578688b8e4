"""Benchmark typed grading on the graded table: precision, recall, verdicts, time per answer.

Usage: python bench/typed_grading.py [table.tsv] [-v]
(default: tests/data/typed_grading.tsv; -v lists every row whose verdict differs from the table)

"Accepted" means marked right (exact or typo forgiven). Precision: of the answers accepted, the
share a fair teacher would accept. Recall: of the answers a fair teacher would accept, the share
accepted. Home-language rows are scored apart: the right outcome there is "write it in English"
(this word's gloss, praised as the student's word), and for other text that is not English
(another script, or what the language detector is sure of) a plain "please write the English
word"; an English answer must never get either.
"""

from __future__ import annotations

import csv
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _quick import sized

from bot.domain.english_spelling import preload
from bot.domain.typed_answers import RETRY, Verdict, grade, own_terms, pack_terms
from bot.services.packs import load_packs

DEFAULT_TABLE = Path(__file__).resolve().parents[1] / "tests" / "data" / "typed_grading.tsv"
ACCEPTED = {Verdict.EXACT, Verdict.TYPO_FORGIVEN}


def main(argv: list[str]) -> None:
    paths = [a for a in argv if not a.startswith("-")]
    table = Path(paths[0]) if paths else DEFAULT_TABLE
    with table.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    rows = rows[::sized(1, 20)]  # quick: every 20th row, tuned and held-out alike
    words = [word for pack in load_packs().packs for word in pack.words]
    started = time.perf_counter()
    preload()
    print(f"English word list loaded once in {(time.perf_counter() - started) * 1000:.0f} ms")
    graded, timings = [], []
    by_term = {word.term: word for word in words}
    for row in rows:
        lang = row["lang"] or None
        terms, _ = pack_terms(words, lang)
        word = by_term.get(row["expected"])  # its own gloss and false friend, as the bot passes
        own, false_friends = own_terms(word, lang) if word else ([], [])
        for _ in range(2):  # the second run times a warm grader (word lists of `lang` loaded)
            started = time.perf_counter()
            verdict = grade(row["typed"], row["expected"], home_terms=own, lang=lang,
                            other_terms=terms, false_friends=false_friends)
            elapsed = time.perf_counter() - started
        timings.append(elapsed)
        graded.append((row, verdict.kind))
        if "-v" in argv and verdict.kind.value != row["verdict"]:
            print(f"  {row['expected']!r:18} <- {row['typed']!r:22} {row['lang'] or '-':4}"
                  f" table {row['verdict']:20} got {verdict.kind.value}")
    held_out = [(r, v) for r, v in graded if r["note"].startswith("held-out")]
    tuned = [(r, v) for r, v in graded if not r["note"].startswith("held-out")]
    for title, part in (("all rows", graded), ("rows the rules were tuned on", tuned),
                        ("held-out rows (written after tuning)", held_out)):
        if part:
            report(f"{title}: {len(part)} answers from {table.name}", part)
    print(f"time per answer (warm): median {statistics.median(timings) * 1e6:.0f} us,"
          f" max {max(timings) * 1e6:.0f} us")


def report(title: str, graded: list[tuple[dict[str, str], Verdict]]) -> None:
    """Print precision, recall and the verdicts per category for graded rows."""
    confusion = Counter((Verdict(row["verdict"]), got) for row, got in graded)

    def count(wants: set[Verdict], gots: set[Verdict]) -> int:
        return sum(n for (w, g), n in confusion.items() if w in wants and g in gots)

    everything, home = set(Verdict), {Verdict.HOME_LANGUAGE_WORD}
    foreign = {Verdict.NOT_ENGLISH}
    rest = everything - ACCEPTED
    true_accept, false_accept = count(ACCEPTED, ACCEPTED), count(rest, ACCEPTED)
    should_accept = count(ACCEPTED, everything)
    typos = count({Verdict.TYPO_FORGIVEN}, ACCEPTED), count({Verdict.TYPO_FORGIVEN}, everything)
    print(f"\n== {title}")
    for want in Verdict:
        got = {g.value: n for (w, g), n in confusion.items() if w is want}
        if got:
            print(f"  {want.value:20} {sum(got.values()):4}: "
                  + ", ".join(f"{g} {n}" for g, n in sorted(got.items(), key=lambda i: -i[1])))
    print(f"  accepted: precision {true_accept / max(1, true_accept + false_accept):.3f}"
          f" ({false_accept} accepted that should not be), recall"
          f" {true_accept / max(1, should_accept):.3f} ({should_accept - true_accept} of"
          f" {should_accept} right answers refused)")
    print(f"  misspellings forgiven: {typos[0]}/{typos[1]} = {typos[0] / max(1, typos[1]):.3f}")
    print(f"  home-language words told 'write it in English': {count(home, home)}/"
          f"{count(home, everything)}; other answers told so: {count(everything - home, home)}")
    print(f"  not-English text asked again in English: {count(foreign, foreign)}/"
          f"{count(foreign, everything)}; English answers asked so:"
          f" {count(everything - RETRY, RETRY)}")
    print(f"  same verdict as the table: {count_same(confusion)}/{len(graded)}")


def count_same(confusion: Counter[tuple[Verdict, Verdict]]) -> int:
    return sum(n for (want, got), n in confusion.items() if want is got)


if __name__ == "__main__":
    main(sys.argv[1:])
