"""Benchmark primary-language detection on short student messages against langdetect alone.

Usage: python bench/language_detection.py [messages.tsv] [-v]
(default: bench/data/short_messages.tsv, the held-out set; -v lists the wrong-when-sure rows)

Rows are `lang<TAB>text`. `und` marks a message no one could assign a language to ("ok", emoji):
the right answer there is "unsure". Rows in a language no n-gram profile covers (ht, hmn) are
never the detector's sure answer; they count against its coverage and overall accuracy.

A third row measures the one-tap guess a new student is asked to confirm (`Detection.guess`):
the sure answer, else a language told by its everyday words alone (ht, hmn) clearly ahead.
Then, per language, how often the sure answer and the one-tap guess are right, and how often a
word-listed language (ht, hmn) is guessed for a message in another language (must stay ~0).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from bot.domain.language import WORD_LISTED, detect_language, preload_detection

DEFAULT_DATA = Path(__file__).parent / "data" / "short_messages.tsv"
PROFILE_TO_CODE = {"zh-cn": "zh", "zh-tw": "zh"}


@dataclass(frozen=True)
class Result:
    """What one detector answered for every message, and how long each answer took."""

    name: str
    predictions: list[str | None]
    millis: list[float]


def load(path: Path) -> list[tuple[str, str]]:
    """Read (lang, text) rows, skipping the header and blank lines."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            lang, text = line.split("\t", 1)
            rows.append((lang, text))
    return rows


def langdetect_alone() -> Callable[[str], str | None]:
    """Return langdetect's seeded top language, mapped to catalogue codes (None if it can't)."""
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)

    def detect(text: str) -> str | None:
        detector = factory.create()
        detector.append(text)
        try:
            top = detector.get_probabilities()[0].lang
        except (LangDetectException, IndexError):
            return None
        return PROFILE_TO_CODE.get(top, top)

    return detect


def run(name: str, detect: Callable[[str], str | None], texts: list[str]) -> Result:
    """Time a detector on every text (profiles are loaded beforehand, outside the timing)."""
    predictions, millis = [], []
    for text in texts:
        start = time.perf_counter()
        predictions.append(detect(text))
        millis.append((time.perf_counter() - start) * 1000)
    return Result(name, predictions, millis)


def report(result: Result, rows: list[tuple[str, str]], verbose: bool) -> None:
    """Print the figures for one detector."""
    expected = [None if lang == "und" else lang for lang, _ in rows]
    sure = [i for i, predicted in enumerate(result.predictions) if predicted is not None]
    wrong = [i for i in sure if result.predictions[i] != expected[i]]
    correct = sum(p == e for p, e in zip(result.predictions, expected, strict=True))
    p95 = statistics.quantiles(result.millis, n=20)[-1]
    print(f"\n{result.name}")
    print(f"  coverage (sure)      {len(sure) / len(rows):7.1%}  ({len(sure)}/{len(rows)})")
    print(f"  accuracy when sure   {(len(sure) - len(wrong)) / max(len(sure), 1):7.1%}")
    print(f"  wrong when sure      {len(wrong):7d}")
    print(f"  overall accuracy     {correct / len(rows):7.1%}")
    print(f"  mean ms / message    {statistics.fmean(result.millis):7.3f}")
    print(f"  p95 ms / message     {p95:7.3f}")
    for i in wrong if verbose else ():
        print(f"    {rows[i][0]} -> {result.predictions[i]}: {rows[i][1]}")


def per_language(rows: list[tuple[str, str]], sure: Result, guess: Result) -> None:
    """Print, per language, the share of its messages the sure answer and the guess get right,
    and the guesses of a word-listed language (ht, hmn) on messages in another language."""
    print("\nper language      rows   sure right   one-tap guess right")
    for lang in sorted({lang for lang, _ in rows}):
        index = [i for i, (label, _) in enumerate(rows) if label == lang]
        want = None if lang == "und" else lang
        right = [sum(result.predictions[i] == want for i in index) for result in (sure, guess)]
        print(f"  {lang:6} {len(index):11d} {right[0] / len(index):12.0%} "
              f"{right[1] / len(index):21.0%}")
    for listed in sorted(WORD_LISTED):
        false = [i for i, (label, _) in enumerate(rows)
                 if label != listed and listed in (sure.predictions[i], guess.predictions[i])]
        print(f"  {listed} guessed for another language's message: {len(false)}"
              + "".join(f"\n    {rows[i][0]}: {rows[i][1]}" for i in false))


def main(argv: list[str]) -> None:
    """Load the messages, run both detectors and print their figures."""
    paths = [arg for arg in argv if not arg.startswith("-")]
    rows = load(Path(paths[0]) if paths else DEFAULT_DATA)
    labels = [lang for lang, _ in rows]
    texts = [text for _, text in rows]
    languages = sorted(set(labels) - {"und"})
    print(f"messages   {len(rows)}")
    print(f"languages  {len(languages)}: {' '.join(languages)}")
    print(f"no language (und, unsure expected)  {labels.count('und')}")
    preload_detection()
    ours = run("detect_language", lambda text: detect_language(text).lang, texts)
    guess = run("one-tap guess (detect_language, then Detection.guess)",
                lambda text: detect_language(text).guess, texts)
    alone = run("langdetect alone (seeded, top language)", langdetect_alone(), texts)
    for result in (ours, guess, alone):
        report(result, rows, verbose="-v" in argv)
    per_language(rows, ours, guess)


if __name__ == "__main__":
    main(sys.argv[1:])
