"""Re-teaching: the second miss in a row brings an easier item; a lower level is suggested when
most recent answers are wrong."""

from __future__ import annotations

import random

from bot.domain.checks import Item
from bot.domain.reteach import LEVEL_WINDOW, easier, needs_reteach, suggested_level
from bot.domain.scaffold import ItemType

ITEM = Item(1, ItemType.REVERSE, "hábitat", ("habitat", "predator", "prey", "energy"),
            "habitat")


def test_the_second_miss_in_a_row_and_only_it_re_teaches() -> None:
    assert [needs_reteach(n) for n in range(4)] == [False, False, True, False]


def test_the_easier_item_has_the_answer_and_one_other_option() -> None:
    for seed in range(10):
        item = easier(ITEM, random.Random(seed))
        assert len(item.options) == 2 and "habitat" in item.options
        assert item.prompt == ITEM.prompt and item.answer == ITEM.answer
    assert {easier(ITEM, random.Random(s)).options.index("habitat") for s in range(20)} == {0, 1}


def test_a_typed_item_has_nothing_to_shorten() -> None:
    typed = Item(1, ItemType.TYPED, "A place where an animal lives", (), "habitat")
    assert easier(typed, random.Random(1)) == typed


def test_a_lower_level_is_suggested_only_after_a_full_window_of_mostly_misses() -> None:
    misses = [False] * LEVEL_WINDOW
    assert suggested_level(3, misses) == 2
    assert suggested_level(3, misses[:-1]) is None  # too few answers to judge
    assert suggested_level(1, misses) is None       # nothing lower than Entering
    assert suggested_level(None, misses) is None
    assert suggested_level(3, [True] * 5 + [False] * 5) is None  # half right is not stuck


def test_a_missed_poll_comes_back_as_buttons_with_the_same_question() -> None:
    # The easier item follows a tap, where a poll would be a second message for one answer.
    poll = Item(1, ItemType.POLL, "Where an animal lives", ("habitat", "prey", "energy"),
                "habitat")
    item = easier(poll, random.Random(3))
    assert item.item_type is ItemType.CHOICE
    assert (item.prompt, item.answer, len(item.options)) == (poll.prompt, poll.answer, 2)
