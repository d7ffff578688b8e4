"""Item audit: build every check item of every shipped pack for every home language and level,
and count give-aways by rule (the figures behind `puente packs audit`)."""

from __future__ import annotations

import statistics
import time

from _quick import sized

from bot.domain.language import SUPPORTED_UI
from bot.domain.variety import same_definition_words, single_sentence_words
from bot.services.packs import audit_packs, load_packs

REPEATS = sized(3, 1)


def main() -> None:
    packs = load_packs().packs
    langs = [c for c in SUPPORTED_UI if c != "en"]
    langs = langs[:sized(len(langs), 1)]  # quick: every pack and level, one home language
    timings, report = [], None
    for _ in range(REPEATS):
        start = time.perf_counter()
        report = audit_packs(packs, langs)
        timings.append(time.perf_counter() - start)
    assert report is not None
    words = sum(len(p.words) for p in packs)
    print(f"packs {len(packs)}, words {words}, languages {len(langs)}, levels 6, item types 5 "
          "(+ listening at levels 1-2)")
    print(f"items built      {report.items}")
    print("built as         " + ", ".join(f"{k} {v}" for k, v in sorted(report.by_type.items())))
    print(f"give-aways       {report.total}")
    print(f"listening        {report.listening_asked} asked, {report.by_type['listen']} built "
          f"as listening, {report.listening_giveaways} give-aways")
    print(f"practice only    {report.practice_only} (levels 1-2: no other word of the answer's "
          "part of speech seen yet)")
    print(f"English to read  {report.english_sentences} (levels 1-2: a long gap sentence or an "
          "English definition as the question)")
    single = [w.term for p in packs for w in single_sentence_words(p.words)]
    print(f"one gap sentence {len(single)} of {words} words (each gap check shows it again; "
          f"cloze = [\"...\", \"...\"] adds more)" + (f", e.g. {', '.join(single[:4])}"
                                                       if single else ""))
    same = [w.term for p in packs for w in same_definition_words(p.words)]
    print(f"simple = definition {len(same)} of {words} words (checks have one definition to "
          "ask, the newcomer no simpler one)" + (f": {', '.join(same)}" if same else ""))
    for rule, count in report.giveaways.most_common():
        print(f"  {count:6}  {rule}   e.g. {report.examples[rule]}")
    per_item = [t / report.items * 1e6 for t in timings]
    print(f"time per item    min {min(per_item):.0f} us, median "
          f"{statistics.median(per_item):.0f} us, max {max(per_item):.0f} us "
          f"({REPEATS} runs)")


if __name__ == "__main__":
    main()
