"""Benchmark: how many words a level 1-2 letter-tile deal spells, over the shipped packs.

A deal spells the word and its decoys (tiles.choose_decoys: other words of her list whose
cards she read, not answered today nor asked earlier in the check). To a student who knows
her words' spellings and none of their meanings (the speller, bench/mastery_validity.py) a
right spelling is one choice among those words: a deal of two words is a coin toss, and runs
of such tosses "mastered" words (docs/newcomers.md, "The speller at level 1").

For every shipped pack and every word tiles can spell, ROUNDS random draws of the words she
could be dealt besides it (2 to 10 other words of the same pack, the few cards a level-1
newcomer has read and not answered today), each dealt as a question is (choose_decoys, then
tiles.deal with no other word on screen). Prints the share of deals spelling one word (no
decoy: practice), two (a coin toss), three and four or more, overall and by how many words
she could be dealt; and the tiles a deal holds (mean, share over 15: past three rows of five,
the keyboard then has rows of six).

Run: python bench/tile_deals.py [rounds] [seed]   (no asserts)
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _quick import sized

from bot.domain import tiles
from bot.services.packs import load_packs

POOLS = range(2, 11)  # other words of her pack she could be dealt: a level-1 newcomer's few
FIVE_A_ROW = 15  # tiles in three rows of five (keyboards.tile_row); more make rows of six


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else sized(30, 1)
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    began = time.perf_counter()
    rng = random.Random(seed)
    words: Counter[int] = Counter()  # words a deal spells (4: four or more) -> deals
    by_pool: dict[int, Counter[int]] = {n: Counter() for n in POOLS}
    dealt: list[int] = []
    packs = load_packs().packs
    for pack in packs:
        terms = [w.term for w in pack.words]
        for answer in (t for t in terms if tiles.tileable(t)):
            others = [t for t in terms if t != answer]
            for size in POOLS:
                for _ in range(rounds):
                    pool = rng.sample(others, min(size, len(others)))
                    decoys = tiles.choose_decoys(answer, pool)
                    spelled = min(1 + len(decoys), 4)
                    words[spelled] += 1
                    by_pool[size][spelled] += 1
                    dealt.append(len(tiles.deal(answer, (), rng.randrange(10**9), decoys)))
    total = sum(words.values())
    print(f"tile deals: {total} deals over {len(packs)} shipped packs ({rounds} draws a word "
          f"and pool size, seed {seed}) in {time.perf_counter() - began:.1f} s")
    print("  words a deal spells: " + ", ".join(
        f"{label} {words[n] / total:6.1%}" for n, label in
        ((1, "one (practice)"), (2, "two (a coin toss)"), (3, "three"), (4, "four or more"))))
    for size, counts in by_pool.items():
        part = sum(counts.values())
        print(f"  {size:>2} words she could be dealt: two-word deals {counts[2] / part:6.1%}, "
              f"one-word {counts[1] / part:6.1%}")
    print(f"  tiles a deal holds: mean {statistics.mean(dealt):.1f}, most {max(dealt)}, over "
          f"{FIVE_A_ROW} {sum(n > FIVE_A_ROW for n in dealt) / len(dealt):6.1%}")


if __name__ == "__main__":
    main()
