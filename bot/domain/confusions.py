"""Which two words a student mixes up: she tapped word B when asked word A (or A for B) often
enough, and more often than tapping at random among the options she was offered would.

A wrong tap on its own says little: a student guessing among four options taps each wrong one
a quarter of the time, so "chose B for A twice" names a pair in nearly every guesser's week
(bench/confusions.py). A pair is named only when it was chosen MIN_TIMES or more within WINDOW
and the chance of choosing it that often by tapping uniformly at random among the options each
question offered is below CHANCE. The chance is the upper tail of the number of such taps over
every question that offered the pair (A asked with B among its options, or B with A), each of
which a random tapper answers with the other word with probability 1 / options offered: a
binomial tail when every question offered the same number of options (Poisson-binomial else).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.domain.checks import Grade, Item, WordRef

MIN_TIMES = 3  # taps of the other word, in either direction
WINDOW = timedelta(days=14)  # counted over the last two weeks
CHANCE = 1 / 100  # named only when random tapping does this rarely


@dataclass(frozen=True)
class Tap:
    """One answered question with options: the word asked, the words its options offered
    (pack words only), how many options there were, and the wrong word chosen (None: right,
    a 🤷, or an option that is no pack word)."""

    asked: int
    offered: frozenset[int]
    options: int
    chosen: int | None
    at: datetime


@dataclass(frozen=True)
class Pair:
    """Two words a student mixes up (`first` < `second`, word ids), how many times she chose
    one for the other within the window, over how many questions offered both, and how likely
    that many is for a random tapper."""

    first: int
    second: int
    times: int
    offered: int
    chance: float

    @property
    def words(self) -> tuple[int, int]:
        return self.first, self.second


def chosen_word(item: Item, grade: Grade, words: Sequence[WordRef | None]) -> int | None:
    """The pack word behind a wrong tapped option (`words`: the word behind each option), None
    for a right answer, a typed one, a 🤷 or an option that is no pack word."""
    if grade.correct or item.typed or grade.chosen is None or grade.chosen not in item.options:
        return None
    index = item.options.index(grade.chosen)
    ref = words[index] if index < len(words) else None
    return ref.id if ref is not None and ref.id != item.word_id else None


def tail_chance(times: int, odds: Sequence[float]) -> float:
    """P(at least `times` successes) over independent trials with these success odds (the
    Poisson-binomial tail; the binomial tail when the odds are all the same)."""
    if times <= 0:
        return 1.0
    if times > len(odds):
        return 0.0
    exactly = [1.0] + [0.0] * len(odds)  # exactly[k]: P(k successes so far)
    for n, p in enumerate(odds, start=1):
        for k in range(n, 0, -1):
            exactly[k] = exactly[k] * (1 - p) + exactly[k - 1] * p
        exactly[0] *= 1 - p
    return min(1.0, sum(exactly[times:]))


def _key(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def _recent(taps: Iterable[Tap], now: datetime, window: timedelta) -> list[Tap]:
    return [t for t in taps if now - window <= t.at <= now]


def _offers(tap: Tap, asked: int, other: int) -> bool:
    """The question asked `asked` with `other` among its options (a chosen word was offered,
    even when the options' words were looked up otherwise since)."""
    return tap.asked == asked and (other in tap.offered or tap.chosen == other)


def chosen_counts(
    taps: Iterable[Tap], now: datetime, window: timedelta = WINDOW
) -> dict[tuple[int, int], int]:
    """How many times, within the window, each unordered pair was chosen one for the other."""
    counts: dict[tuple[int, int], int] = {}
    for tap in _recent(taps, now, window):
        if tap.chosen is not None and tap.chosen != tap.asked:
            key = _key(tap.asked, tap.chosen)
            counts[key] = counts.get(key, 0) + 1
    return counts


def mixed_up(
    taps: Iterable[Tap],
    now: datetime,
    *,
    min_times: int = MIN_TIMES,
    chance: float = CHANCE,
    window: timedelta = WINDOW,
) -> list[Pair]:
    """The pairs this student mixes up as of `now`, most often chosen first (then least likely
    by chance): chosen `min_times` or more within `window`, with a chance below `chance` under
    uniform random tapping. `chance` 1 keeps the count rule alone (the bench's 2-tap rule)."""
    recent = _recent(taps, now, window)
    counts = chosen_counts(recent, now, window)
    pairs = []
    for (a, b), times in counts.items():
        if times < min_times:
            continue
        odds = [
            1 / t.options
            for t in recent
            if t.options > 0 and (_offers(t, a, b) or _offers(t, b, a))
        ]
        p = tail_chance(times, odds)
        if p < chance or chance >= 1:
            pairs.append(Pair(a, b, times, len(odds), p))
    return sorted(pairs, key=lambda p: (-p.times, p.chance, p.first, p.second))


def class_pairs(
    by_student: Iterable[Sequence[Pair]], top: int = 3
) -> list[tuple[tuple[int, int], int]]:
    """The pairs most students of a class mix up: ((first, second), students), the `top` most
    shared first (ties: the pair with the lower word ids, stable across reports)."""
    students: dict[tuple[int, int], int] = {}
    for pairs in by_student:
        for key in {p.words for p in pairs}:
            students[key] = students.get(key, 0) + 1
    ranked = sorted(students.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[:top]
