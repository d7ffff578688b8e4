"""Oral checks: which questions, their numbered buttons and the options as the voice says
them (every option alike, in button order)."""

from __future__ import annotations

import pytest

from bot.domain.checks import Item
from bot.domain.read_aloud import applies, numbered, spoken_options
from bot.domain.scaffold import ItemType

OPTIONS = ("ecosystem", "habitat", "producer")


def item(kind: ItemType, options: tuple[str, ...] = OPTIONS, asks_meaning: bool = False) -> Item:
    return Item(1, kind, "prompt", options, "habitat", asks_meaning)


def test_the_buttons_are_numbered_in_order() -> None:
    assert numbered(OPTIONS) == ["1 · ecosystem", "2 · habitat", "3 · producer"]


def test_every_option_is_said_once_the_same_way_in_button_order() -> None:
    assert spoken_options(OPTIONS) == "one: ecosystem. two: habitat. three: producer."
    assert spoken_options(tuple("abcdefghijk")) == (
        "one: a. two: b. three: c. four: d. five: e. six: f. seven: g. eight: h. nine: i. "
        "ten: j. 11: k.")


@pytest.mark.parametrize(("question", "level", "on", "oral"), [
    (item(ItemType.CHOICE), 1, True, True),
    (item(ItemType.REVERSE), 2, True, True),
    (item(ItemType.LISTEN), None, True, True),  # no level yet: the most support
    (item(ItemType.CHOICE), 1, False, False),  # her teacher did not turn it on
    (item(ItemType.CHOICE), 3, True, False),  # level 3 reads
    (item(ItemType.TYPED, ()), 1, True, False),  # nothing to number
    (item(ItemType.CHOICE, asks_meaning=True), 1, True, False),  # her language's options
    (item(ItemType.CLOZE), 1, True, False),
    (item(ItemType.POLL), 1, True, False),  # Telegram shows a quiz poll
])
def test_which_questions_are_checked_orally(question: Item, level: int | None, on: bool,
                                            oral: bool) -> None:
    assert applies(question, level, on) is oral
