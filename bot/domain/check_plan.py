"""A check planned so that a right tap can count, and (levels 1-2) writing stays light.

A right tap counts only the options a student who does not know the word could not rule out
(`evidence.counted_choices`). Among look-alikes (16 of the ecosystem pack's 20 words are
cognates in Haitian Creole), a word's live options are the few other words she cannot read
through her own language, and once those are answered earlier that day none is left: the tap is
practice, no success day, so the word never moves on (playtest 16: "food web" right 9 times,
counted twice). The plan predicts each tap's count with the rule her answer will be judged by,
and asks a tap that could only be practice another way when one counts: a tap of another kind,
or with options chosen so some are live; else, for a word not first read today, typed. The
words with the fewest live options are asked first, while those options are still live, and
the words whose cards were first read today last (a right answer there is practice anyway).

A newcomer writes at most MAX_TYPED English words in a check, never two in a row when a tap can
go between (a typed question shows no options, so moving it later costs no tap its evidence).
A deciding review past the cap waits: it stays ready and comes first in her next check. So does
a tap that only typing could count once the cap is reached: asked anyway, her right answer was
practice, "✅" for her and nothing for her teacher (playtest 17: "food chain" after "prey" and
"food web", the only words she does not read as Creole, were answered in the same check). In her
next check it is written, or, on a later day, tapped among live options.

From level 3 on writing is an ordinary question (typed recall, a typed gap at levels 5-6), so
there is no cap and nothing waits: a tap that could only be practice is asked with a live
option where one exists, else written. A level-4 student given five words had her check end on
the fifth as four options whose other three she had answered minutes before, on four days: her
right tap was practice every time, and her teacher read "needs help" for the word she knew best
(teacher playtest, Lucía). The order is build_check's, deciding reviews first
(check_building.deciding_first): only the taps that could not count change.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace

from bot.domain import item_rules as rules
from bot.domain.checks import Item, WordRef
from bot.domain.cognates import fold
from bot.domain.evidence import OptionWords, counted_choices
from bot.domain.item_building import build_item
from bot.domain.scaffold import ItemType, Scaffold, WidaLevel

# Writing an English word from memory is the hardest thing a check asks a newcomer, and her
# hardest question five times in a row made a Monday after a weekend all typing (playtest 16).
# Two keeps a word to write beside the taps she can do, and still asks two deciding reviews a
# check, so a weekend's reviews are written within a day or two.
MAX_TYPED = 2
# The tap kinds a practice tap is asked again as, in this order after its own kind
TAP_KINDS = (ItemType.CLOZE, ItemType.CHOICE, ItemType.REVERSE, ItemType.LISTEN)


@dataclass(frozen=True)
class Asker:
    """What asking one student needs: the words options come from, and who she is."""

    pool: Sequence[WordRef]
    index: OptionWords          # the word behind each option, for the pool and her language
    scaffold: Scaffold
    seen: frozenset[int] | None = None  # words whose cards she has read (options at 1-2)
    hears: bool = False
    # cards first read today: a right answer is practice anyway (mastery.card_shown_today),
    # so such a tap is asked as it is, never typed for its count's sake
    new_today: frozenset[int] = frozenset()
    # word id -> graded answers so far: which kind and sentence its turn asks (variety)
    turns: Mapping[int, int] = field(default_factory=dict)
    # word id -> the prompts its last questions showed (check_items.last_prompts)
    last: Mapping[int, tuple[str, ...]] = field(default_factory=dict)

    @property
    def lang(self) -> str:
        return self.index.lang

    @property
    def newcomer(self) -> bool:
        """Levels 1-2: writing an English word is her hardest question, so it is capped
        (MAX_TYPED) and spread between taps; from level 3 on it is an ordinary question."""
        return self.scaffold.level <= WidaLevel.EMERGING

    @functools.cached_property
    def refs(self) -> dict[int, WordRef]:
        return {r.id: r for r in self.pool}

    def counted(self, item: Item, met: Collection[str]) -> int | None:
        """What a right answer would count as chosen among (evidence.counted_choices)."""
        ref = self.refs.get(item.word_id)
        return counted_choices(item, self.index.of(item, ref.pack_id if ref else ""),
                               self.lang, met)


@dataclass(frozen=True)
class Plan:
    """A check's questions in the order asked, and what the plan could not do."""

    items: tuple[Item, ...]
    # words past MAX_TYPED, her next check's: typed deciding reviews, and taps only typing
    # could count
    waiting: tuple[int, ...] = ()
    practice: int = 0  # taps whose right answer can only be practice (no way that counts)


def fewest_live_first(targets: Sequence[WordRef], pool: Sequence[WordRef], lang: str,
                      seen: frozenset[int] | None, met: frozenset[int],
                      first: Collection[int] = (), last: Collection[int] = ()
                      ) -> list[WordRef]:
    """The targets in the order to ask them: `first` (deciding reviews) as they come, then
    the words with the fewest live options (words of their part of speech and pack she has
    read, not met today, not read through her own language unless the word is) before the
    others, and
    `last` (cards first read today: a right answer there is practice, whatever its options)
    after them, so their answers rule out no option of a word that could count."""
    def live(target: WordRef) -> int:
        looks = not rules.reads_as_home_word(target.word, lang)
        return sum(1 for ref in pool if ref.id != target.id and ref.id not in met
                   and (seen is None or ref.id in seen) and ref.word.pos == target.word.pos
                   and ref.pack_id == target.pack_id
                   and not (looks and rules.reads_as_home_word(ref.word, lang)))
    return sorted(targets, key=lambda t: (t.id not in first, t.id in last,
                                          0 if t.id in first else live(t)))


def plan_check(deciding: Sequence[Item], rest: Sequence[Item], asker: Asker,
               met: Collection[str], answered: frozenset[int], rng: random.Random,
               waited: Sequence[int] = ()) -> Plan:
    """Plan a check: its deciding reviews (`deciding`, recall items) and the other questions
    (`rest`), with `met` (folded terms) and `answered` (ids) the words answered earlier today.
    A tap that could only be practice is asked a way that counts, when one exists. Levels
    1-2: tap deciding reviews first, then the typed ones (at most MAX_TYPED, those that waited
    longest first: `waited`, word ids; the rest wait), a tap between two typed questions where
    one can go; a tap only typing could count waits once the cap is reached. Levels 3+: the
    deciding reviews, then the rest, as given; any word may be written."""
    if not asker.newcomer:
        order, waiting, budget = [*deciding, *rest], [], len(deciding) + len(rest)
    else:
        rank = {word: index for index, word in enumerate(waited)}
        typed = sorted((i for i in deciding if i.typed),
                       key=lambda i: rank.get(i.word_id, len(rank)))
        kept, waiting = typed[:MAX_TYPED], typed[MAX_TYPED:]
        order = [*(i for i in deciding if not i.typed), *_alternate(kept, rest)]
        budget = MAX_TYPED - len(kept)
    met_now, avoid = set(met), set(answered)
    planned: list[Item] = []
    practice = 0
    for item in order:
        # (a word whose card was read today is practice, whatever its options: as it is)
        if (not item.typed and item.word_id not in asker.new_today
                and asker.counted(item, met_now) == 1):
            item, capped = _counted_way(item, asker, met_now, frozenset(avoid), rng,
                                        budget > 0)
            budget -= item.typed
            if capped:  # only writing would count: it waits, and rules out no option
                waiting.append(item)
                continue
            practice += not item.typed and asker.counted(item, met_now) == 1
        planned.append(item)
        if (ref := asker.refs.get(item.word_id)) is not None:
            met_now.add(fold(ref.word.term))
        avoid.add(item.word_id)
    return Plan(tuple(_one_poll_first(spread(planned) if asker.newcomer else planned)),
                tuple(i.word_id for i in waiting), practice)


def _counted_way(item: Item, asker: Asker, met: Collection[str], avoid: frozenset[int],
                 rng: random.Random, may_type: bool) -> tuple[Item, bool]:
    """The item asked so a right answer counts: a tap with a live option (its own kind first,
    options she could rule out offered last; from level 3 on, a kind the level writes, a typed
    gap), else typed when `may_type`; else the item as it was. The flag: typing would have
    counted, but `may_type` said no (the cap)."""
    target = asker.refs.get(item.word_id)
    if target is None:
        return item, False
    for kind in dict.fromkeys([item.item_type, *TAP_KINDS]):
        if kind is ItemType.POLL:
            kind = ItemType.CHOICE  # one poll a check, and only first: asked as buttons
        tap = build_item(target, asker.pool, kind, asker.lang, asker.scaffold, rng, asker.seen,
                         asker.hears, avoid=avoid, turn=asker.turns.get(target.id, 0),
                         last=asker.last.get(target.id, ()))
        if (tap.typed and not asker.newcomer) or (asker.counted(tap, met) or 0) > 1:
            return tap, False  # (from level 3 on, a typed gap or word is an ordinary question)
    if not may_type:
        return item, True
    typed = build_item(target, asker.pool, ItemType.TYPED, asker.lang, asker.scaffold, rng,
                       asker.seen, asker.hears, avoid=avoid, turn=asker.turns.get(target.id, 0),
                       last=asker.last.get(target.id, ()))
    if not typed.typed:  # its one typed prompt was its last question's (a word with no
        # picture has only her language's definition): written again, it still counts
        typed = build_item(target, asker.pool, ItemType.TYPED, asker.lang, asker.scaffold,
                           rng, asker.seen, asker.hears, avoid=avoid,
                           turn=asker.turns.get(target.id, 0))
    return (typed, False) if typed.typed else (item, False)


def _alternate(typed: Sequence[Item], taps: Sequence[Item]) -> list[Item]:
    """Typed questions first, each but the last followed by a tap while taps are left."""
    out: list[Item] = []
    waiting = list(taps)
    for index, item in enumerate(typed):
        out.append(item)
        if index < len(typed) - 1 and waiting:
            out.append(waiting.pop(0))
    return [*out, *waiting]


def spread(items: Sequence[Item]) -> list[Item]:
    """No two typed questions in a row while a tap comes later: a typed question waits for
    the next tap, and comes right after it. Typed questions keep their order and only ever
    move later, so no tap's options lose a live word (a word counts as met only once it is
    answered)."""
    out: list[Item] = []
    waiting: list[Item] = []
    taps_left = sum(not i.typed for i in items)
    for item in items:
        if item.typed and out and out[-1].typed and taps_left:
            waiting.append(item)
            continue
        out.append(item)
        if not item.typed:
            taps_left -= 1
            if waiting:
                out.append(waiting.pop(0))
    return [*out, *waiting]


def _one_poll_first(items: Sequence[Item]) -> list[Item]:
    """A quiz poll only as the check's first question (check_building.poll_first): any other
    is asked as the same question with buttons."""
    return [replace(i, item_type=ItemType.CHOICE)
            if index and i.item_type is ItemType.POLL else i for index, i in enumerate(items)]
