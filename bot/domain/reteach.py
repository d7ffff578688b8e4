"""Re-teaching a word a learner keeps missing: an easier item, and when to tell the teacher."""

from __future__ import annotations

import random
from dataclasses import replace

from bot.domain.checks import Item
from bot.domain.scaffold import ItemType

RETEACH_AFTER = 2        # misses in a row on one word before its card comes back, L1-first
EASIER_OPTIONS = 2       # the easier item: the answer and one other word
LEVEL_WINDOW = 10        # recent answers read when deciding whether to suggest a lower level
LEVEL_SHARE = 0.4        # right less often than this over the window: suggest one level down


def needs_reteach(misses_in_row: int) -> bool:
    """True exactly when a word has just been missed RETEACH_AFTER times in a row."""
    return misses_in_row == RETEACH_AFTER


def easier(item: Item, rng: random.Random) -> Item:
    """The same question with two options: the answer and one distractor.

    A quiz poll comes back as buttons: the easier item follows a tap, and a poll there would
    be a second message for that answer (checks ask their poll first or not at all)."""
    others = [o for o in item.options if o != item.answer]
    if not others:
        return item
    options = [item.answer, rng.choice(others)][:EASIER_OPTIONS]
    rng.shuffle(options)
    kind = ItemType.CHOICE if item.item_type is ItemType.POLL else item.item_type
    return replace(item, options=tuple(options), item_type=kind)


def suggested_level(level: int | None, recent: list[bool]) -> int | None:
    """One level down when a student keeps missing (a full window, mostly wrong), else None."""
    if level is None or level <= 1 or len(recent) < LEVEL_WINDOW:
        return None
    window = recent[:LEVEL_WINDOW]
    return level - 1 if sum(window) / len(window) < LEVEL_SHARE else None
