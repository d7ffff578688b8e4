"""When a teacher may accept a counted answer for the whole class (overrule.may_accept_for_class):
never another word of the packs, nor an answer with no letter; a synonym with no letter in
common with the word may be accepted (the teacher reads both on the button)."""

from __future__ import annotations

import pytest

from bot.domain.overrule import Graded, may_accept_for_class

PACK = ["habitat", "producer", "consumer", "prey", "predator"]


@pytest.mark.parametrize(("typed", "term", "allowed"), [
    ("natural home", "habitat", True),
    ("quick", "fast", True),           # a synonym sharing no letter
    ("Producer.", "habitat", False),   # another pack word, as answer_key folds it
    ("PREDATOR", "prey", False),
    ("?!", "habitat", False),          # no letter: nothing to accept
])
def test_which_answers_may_be_accepted_for_the_class(typed: str, term: str,
                                                      allowed: bool) -> None:
    assert may_accept_for_class(typed, term, PACK) is allowed


def test_the_accepted_mark_survives_the_grading_bits_with_the_options_counted() -> None:
    graded = Graded(True, choices=4, typed=True, accepted=True)
    assert Graded.from_bits(graded.bits()) == graded
    assert not Graded.from_bits(Graded(True, choices=4).bits()).accepted


def test_every_grading_flag_and_the_options_counted_survive_the_store_together() -> None:
    """Tiles (bit 128) and a class's acceptance (above the options counted) landed at once:
    neither may read as the other, nor shift the options counted."""
    for tiles in (False, True):
        for accepted in (False, True):
            for choices in (None, 2, 6):
                graded = Graded(True, choices, typed=True, tiles=tiles, accepted=accepted)
                assert Graded.from_bits(graded.bits()) == graded
