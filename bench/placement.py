"""Benchmark: where does placement put simulated students, with the child's questions and with
a teenager's (bot/domain/placement.py: PLACEMENT, TEEN_PLACEMENT)?

Each simulated student runs the real rule (`next_question`, `score`, `level_from_answers`):
right on every band she knows (or, with a slip rate, one tap in ten a guess there too),
guessing on the rest. How she guesses:
  random   taps any of the four options (docs/newcomers.md's table)
  thing    on a picture question ("📚 = ?") taps one of the options that name a thing (a
           picture shows a thing, not an action or a colour); elsewhere any option
  longest  taps the longest option, among equally long ones any (a cue a test-wise student
           uses); elsewhere the same
A set whose picture words a `thing` or `longest` guesser passes more often is easier to guess
than the other: its distractors give the answer away.

A cognate reader (Davi, 13, Portuguese, WIDA 3; and a Tagalog reader like him) knows bands
1-2 and, above them, every question whose answer his language gives away through cognates
(`PlacementItem.cognate_in`: "obtain" is "obter"), and guesses the rest. Placed at level 5 he
gets English-first cards he cannot read well.

Prints, per set, guesser and student, where she is placed (shares of the runs) and how many
questions she answers on average; "placed low" (knows band 1, one tap in ten a guess: placed
at level 1) and "guesser placed at level 2+" are the figures docs/newcomers.md quotes.

Run: python bench/placement.py [runs] [seed]   (default 10,000 runs a student, seed 1)
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _quick import sized

from bot.domain.placement import (
    PLACEMENT,
    TEEN_PLACEMENT,
    PlacementItem,
    level_from_answers,
    next_question,
    score,
)

# The part of speech a picture guesser reads each picture option as (every picture option of
# both sets; a word that is also a noun, "drink", counts as a thing: the guesser's best case
# is not the point, the answer's company is)
THINGS = {"tree", "book", "chair", "apple", "bread", "phone", "drink", "cup", "key"}
NOT_THINGS = {"run", "blue", "sing", "green", "brown", "sit", "red"}

Guess = Callable[[PlacementItem, random.Random], int]


def random_guess(item: PlacementItem, rng: random.Random) -> int:
    return rng.randrange(len(item.options))


def thing_guess(item: PlacementItem, rng: random.Random) -> int:
    if not item.question.endswith(" = ?"):
        return random_guess(item, rng)
    assert set(item.options) <= THINGS | NOT_THINGS, item.options  # a new word: classify it
    return rng.choice([i for i, option in enumerate(item.options) if option in THINGS])


def longest_guess(item: PlacementItem, rng: random.Random) -> int:
    longest = max(len(option) for option in item.options)
    return rng.choice([i for i, option in enumerate(item.options) if len(option) == longest])


GUESSERS: dict[str, Guess] = {"random": random_guess, "thing": thing_guess,
                              "longest": longest_guess}
# (who, knows up to band, slip rate, home language whose cognates he reads; "" none)
STUDENTS: tuple[tuple[str, int, float, str], ...] = (
    ("nothing (guesses everything)", 0, 0.0, ""),
    ("band 1 (everyday words)", 1, 0.0, ""),
    ("band 1, one tap in ten a guess", 1, 0.1, ""),
    ("bands 1-2", 2, 0.0, ""),
    ("bands 1-3", 3, 0.0, ""),
    ("everything", 4, 0.0, ""),
    ("everything, one tap in ten a guess", 4, 0.1, ""),
    ("cognate reader, pt (bands 1-2)", 2, 0.0, "pt"),
    ("cognate reader, tl (bands 1-2)", 2, 0.0, "tl"),
)
COGNATE_READERS = ("pt", "tl")


def run(items: Sequence[PlacementItem], knows: int, slip: float, guess: Guess,
        rng: random.Random, lang: str = "") -> tuple[int, int]:
    """One simulated placement: (the level proposed, the questions answered)."""
    answers: list[int] = []
    while (number := next_question(answers)) is not None:
        item = items[number]
        reads = item.band <= knows or lang in item.cognate_in
        known = reads and (slip == 0 or rng.random() >= slip)
        option = item.correct if known else guess(item, rng)
        answers.append(score(number, option, items))
    return level_from_answers(answers), len(answers)


def placed(items: Sequence[PlacementItem], knows: int, slip: float, guess: Guess, runs: int,
           seed: int, lang: str = "") -> tuple[Counter[int], float]:
    """Where `runs` students are placed (a count a level) and the questions they answer."""
    rng = random.Random(seed)
    levels: Counter[int] = Counter()
    asked = 0
    for _ in range(runs):
        level, questions = run(items, knows, slip, guess, rng, lang)
        levels[level] += 1
        asked += questions
    return levels, asked / runs


def shares(levels: Counter[int], runs: int) -> str:
    return ", ".join(f"{level}: {100 * n / runs:.1f} %" for level, n in sorted(levels.items()))


def at_least(levels: Counter[int], level: int, runs: int) -> str:
    """The share of the runs placed at `level` or above."""
    return f"{100 * sum(n for placed, n in levels.items() if placed >= level) / runs:.1f} %"


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else sized(10_000, 200)
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    sets = {"child (📚, 🍎)": PLACEMENT, "teen (📱, 🔑)": TEEN_PLACEMENT}
    print(f"{runs} runs a student, seed {seed}; placed at level: share of the runs")
    for guesser, guess in GUESSERS.items():
        for name, items in sets.items():
            print(f"\n{name}, {guesser} guesser")
            found: dict[tuple[int, float, str], tuple[Counter[int], float]] = {}
            for who, knows, slip, lang in STUDENTS:
                levels, mean = found[knows, slip, lang] = placed(items, knows, slip, guess,
                                                                 runs, seed, lang)
                print(f"  {who:36} {shares(levels, runs):48} questions {mean:.1f}")
            low, up = found[1, 0.1, ""][0], found[0, 0.0, ""][0]
            print(f"  placed low (band 1, slips): {100 * low[1] / runs:.1f} %; guesser placed "
                  f"at level 2+: {100 * (runs - up[1]) / runs:.1f} %")
            high = ", ".join(f"{lang} {at_least(found[2, 0.0, lang][0], 5, runs)}"
                             for lang in COGNATE_READERS)
            print(f"  cognate reader placed at level 5: {high}; level-5 reader placed at 4+: "
                  f"{at_least(found[4, 0.0, ''][0], 4, runs)}, one tap in ten a guess "
                  f"{at_least(found[4, 0.1, ''][0], 4, runs)}")


if __name__ == "__main__":
    main()
