"""Oral checks: which questions, their numbered buttons and the options as the voice says
them (every option alike, in button order)."""

from __future__ import annotations

import random

import pytest

from bot.domain.check_building import build_check
from bot.domain.checks import Item, WordRef
from bot.domain.packs import Gloss, Word
from bot.domain.read_aloud import applies, numbered, spoken_options
from bot.domain.scaffold import ItemType, Scaffold, oral_scaffold_for, scaffold_for

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


SUPPORT = WordRef(1, Word("support", "verb", 2, "To back up an idea with facts.",
                          "Facts support a claim.",
                          glosses={"es": Gloss("apoyar", "dar respaldo a una idea",
                                               false_friend="soportar")},
                          cloze="Facts ___ a claim."), "general.verbs")
VERBS = [WordRef(i, Word(t, "verb", 2, f"To do a kind of thinking number {i}.", f"We {t} it.",
                         glosses={"es": Gloss(f"palabra{i}", f"una forma de pensar {i}")},
                         cloze=f"We {t} it."), "general.verbs")
         for i, t in enumerate(["analyze", "compare", "predict", "explain", "infer"], start=2)]


def kinds_asked(scaffold: Scaffold) -> set[tuple[ItemType, bool]]:
    """Every (kind, asks its meaning) a month of level checks on these words asks."""
    asked = set()
    for seed in range(60):
        for found in build_check([SUPPORT, *VERBS], [SUPPORT, *VERBS], "es", scaffold,
                                 random.Random(seed)):
            asked.add((found.item_type, found.asks_meaning))
    return asked


@pytest.mark.parametrize("level", [1, 2, None])
def test_a_student_who_cannot_read_yet_is_never_asked_to_read(level: int | None) -> None:
    """A quiz poll's English options, a gap sentence and a false friend's meaning question
    (options written in Spanish) are read to nobody: her oral checks leave them out."""
    written = {(ItemType.POLL, False), (ItemType.CHOICE, True), (ItemType.CLOZE, False)}
    readers = kinds_asked(scaffold_for(level))
    assert written - {(ItemType.CLOZE, False)} <= readers  # what her classmates are asked
    if level == 2:
        assert (ItemType.CLOZE, False) in readers
    assert kinds_asked(oral_scaffold_for(level)).isdisjoint(written)
    assert oral_scaffold_for(level).level == scaffold_for(level).level


def test_oral_checks_change_nothing_from_level_3() -> None:
    assert oral_scaffold_for(3) is scaffold_for(3)
