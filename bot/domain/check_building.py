"""Build a whole formative check from words: one item a word, the level's item types in turn,
a quiz poll first (one item: bot/domain/item_building.py)."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import replace

from bot.domain.checks import MAX_CHECK, MIN_OPTIONS, Item, WordRef
from bot.domain.item_building import build_item
from bot.domain.scaffold import ItemType, Scaffold, WidaLevel
from bot.domain.variety import item_kinds


def fewest_options(scaffold: Scaffold) -> int:
    """The fewest options a check question offers at this level: MIN_OPTIONS where the word
    can be written instead (levels 3+), else two (levels 1-2 choose; check_plan asks a tap
    that could only be practice another way where one counts)."""
    return MIN_OPTIONS if scaffold.level > WidaLevel.EMERGING else 2


def build_check(targets: Sequence[WordRef], pool: Sequence[WordRef], lang: str,
                scaffold: Scaffold, rng: random.Random, size: int = MAX_CHECK,
                seen: frozenset[int] | None = None, hears: bool = False,
                avoid: frozenset[int] = frozenset(),
                turns: Mapping[int, int] | None = None,
                last: Mapping[int, tuple[str, ...]] | None = None) -> list[Item]:
    """Build a short check, one item per word (at most `size`, never more than MAX_CHECK),
    rotating the level's item types (and, at levels 1-2 with a voice, "hear the word, choose
    it"). With `turns` (word id -> graded answers so far) each word's kind, definition and
    gap sentence step on from its last check's, never to `last` (word id -> its last
    question's prompt) where it has another (variety), so no check repeats the last one's
    question word for word; without `turns`, the rotation starts at random.

    A word is asked once: a second question on it in the same check is answered from memory of
    the first, which is not evidence. With fewer words the check is shorter (re-teaching's
    "Practice again" items are added later, outside the numbered questions). A word asked
    earlier in the check, or in `avoid` (answered earlier today), is an option only when no
    other fair one is left: its answer was shown, so she can rule it out. From level 3 on a
    question offers at least MIN_OPTIONS options, else the word is written (`fewest_options`,
    `written`)."""
    chosen = list({t.id: t for t in targets}.values())[:max(1, min(MAX_CHECK, size))]
    if not chosen:
        return []
    kinds = list(scaffold.item_types)
    if hears and scaffold.listening:  # without a voice the rotation is exactly as before
        kinds.append(ItemType.LISTEN)
    offset = rng.randrange(len(kinds))
    steps = {t.id: (turns or {}).get(t.id, 0) for t in chosen}
    turned_kinds = item_kinds(kinds, [(t.id, steps[t.id]) for t in chosen])
    items = []
    for index, target in enumerate(chosen):
        turn = steps[target.id]
        kind = kinds[(index + offset) % len(kinds)] if turns is None else turned_kinds[index]
        if kind is ItemType.POLL and any(i.item_type is ItemType.POLL for i in items):
            kind = ItemType.CHOICE  # a poll is a message of its own: one per check
        items.append(build_item(target, pool, kind, lang, scaffold, rng, seen, hears,
                                avoid=avoid, turn=turn, last=(last or {}).get(target.id, ()),
                                min_options=fewest_options(scaffold)))
        avoid |= {target.id}
    return poll_first(items)


def poll_first(items: Sequence[Item]) -> list[Item]:
    """The check's quiz poll, if any, first; any other poll as the same question with buttons.

    A poll cannot be edited into the message a student just tapped: asked after a tap it
    would cost a second message per answer. First, it is the check's opening message; every
    later item is shown by editing the tapped message in place. (A fallback from another
    type can build a second poll; a poll and a choice ask the same question.)"""
    polls = [i for i in items if i.item_type is ItemType.POLL]
    rest = [replace(i, item_type=ItemType.CHOICE) if i.item_type is ItemType.POLL else i
            for i in items if i is not (polls[0] if polls else None)]
    return [polls[0], *rest] if polls else rest


def deciding_first(deciding: Sequence[Item], rest: Sequence[Item]) -> list[Item]:
    """A check's deciding reviews (recalls that could master their word) before its other
    questions: asked later, an option could be ruled out because its word was answered a
    moment before, and the recall would count for less. A quiz poll among the rest is asked
    as buttons (a poll can only open a check: `poll_first`)."""
    if not deciding:
        return list(rest)
    return [*deciding, *(replace(i, item_type=ItemType.CHOICE)
                         if i.item_type is ItemType.POLL else i for i in rest)]


def hold_back(items: Sequence[Item], scaffold: Scaffold) -> tuple[list[Item], list[Item]]:
    """Split `build_check`'s items into those to ask now and those a level 1-2 student would
    have to type: at these levels a check types a word only when no fair options exist (too
    few words seen to choose among), and typing an English word from memory is not a
    newcomer's task. A held-back word waits for a check where she has seen more words."""
    if scaffold.level > WidaLevel.EMERGING:
        return list(items), []
    return [i for i in items if not i.typed], [i for i in items if i.typed]
