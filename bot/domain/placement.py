"""A four-item self-placement that proposes a starting WIDA level (a teacher can change it).

The items are English assessment content, like pack words, so they stay in English for
every learner; only the instructions around them are localised prompts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class PlacementItem:
    question: str
    options: tuple[str, ...]
    correct: int


PLACEMENT: tuple[PlacementItem, ...] = (
    PlacementItem("📚 = ?", ("book", "tree", "run"), 0),
    PlacementItem("I ___ to school every day.", ("goes", "go", "going"), 1),
    PlacementItem("To compare two things means to ...",
                  ("find how they are alike and different", "draw them", "count them"), 0),
    PlacementItem("The data ___ our hypothesis, so we keep it.",
                  ("ignores", "invents", "supports"), 2),
)


def level_from_answers(answers: Sequence[int]) -> int:
    """Propose a level 1-5 from right (1) / wrong (0) answers; 6 is for a teacher to give."""
    score = sum(1 for a in answers if a)
    return min(5, score + 1)
