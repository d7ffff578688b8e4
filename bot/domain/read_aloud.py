"""Oral checks for a student who cannot read yet (her teacher's /readaloud): at levels 1-2 a
question whose options are English words (choice, reverse, listen; never typed) numbers its
buttons ("1 · ecosystem") and reads them aloud in English, in button order, each said the
same way ("one: ecosystem. two: habitat."), as a teacher checks a child who cannot read:
every option is heard once, at one pace, so hearing them tells her no more than seeing them
tells a reader. The buttons' data stay as they are, so grading does not change."""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.checks import Item
from bot.domain.scaffold import ItemType

# the kinds whose options are English words a reader would read (a typed question has none;
# a gap sentence's options, and a quiz poll's, are for readers: Telegram shows the poll)
ORAL_KINDS = (ItemType.CHOICE, ItemType.REVERSE, ItemType.LISTEN)
# how a number is said in the English note; options are never more than six
SPOKEN_NUMBERS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
SEPARATOR = " · "  # between a button's number and its word


def applies(item: Item, level: int | None, reads_aloud: bool) -> bool:
    """Whether this question is checked orally: her teacher turned it on, she is at level 1-2
    (or has no level yet), and its options are English words to hear."""
    return reads_aloud and (level is None or level <= 2) and item.item_type in ORAL_KINDS \
        and not item.asks_meaning and not item.typed and bool(item.options)


def numbered(labels: Sequence[str]) -> list[str]:
    """The buttons' labels with their numbers, in button order: "1 · ecosystem"."""
    return [f"{index}{SEPARATOR}{label}" for index, label in enumerate(labels, start=1)]


def spoken_options(options: Sequence[str]) -> str:
    """The options as the English voice reads them, in button order, each said alike:
    "one: ecosystem. two: habitat." (a number past ten said as its digits)."""
    return " ".join(f"{_said(index)}: {option}." for index, option in enumerate(options))


def _said(index: int) -> str:
    return SPOKEN_NUMBERS[index] if index < len(SPOKEN_NUMBERS) else str(index + 1)
