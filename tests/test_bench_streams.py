"""bench/mastery_validity.py compares code before and after a change seed by seed: a change
that does not touch what a student learns must not move its figures.

With one random stream a student, a commit that only put /words's new cards first (the same
cards, read in another order) handed every later draw to another event, and seed 1's learners
went from 529 to 514 mastered words by reshuffling alone; day-granular readiness was blamed.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

import pytest

from bot.services import learners

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.fixture
def validity(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """The bench module, imported as it imports its helpers (bench/ on the path)."""
    monkeypatch.syspath_prepend(str(BENCH))
    return importlib.import_module("mastery_validity")


def short_term(validity: ModuleType) -> dict[str, object]:
    """Four learners (levels 1-4) over eight school days: a few cards unlock each day."""
    return validity.run(4, 3, kinds=("learner",), levels=(1, 2, 3, 4), school_days=8)


def test_reading_the_same_cards_in_another_order_moves_no_simulated_figure(
        validity: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    before = short_term(validity)
    current, unlock = learners.current_words, learners.unlock
    monkeypatch.setattr(learners, "current_words", lambda *a, **k: current(*a, **k)[::-1])
    monkeypatch.setattr(learners, "unlock", lambda *a, **k: unlock(*a, **k)[::-1])
    assert short_term(validity) == before


def test_a_students_study_days_do_not_depend_on_what_her_checks_ask(
        validity: ModuleType) -> None:
    # Her plan (days, hours, checks a day) is its own stream: however many draws her checks
    # and answers take, she studies on the same days
    one = validity.Student(1, "learner", 2, validity.random.Random(1), seed="0.5")
    other = validity.Student(1, "learner", 2, validity.random.Random(1), seed="0.5")
    for word_id in range(40):  # the other answers many more questions first
        other.mind(word_id).random()
        other.rng.random()
        other.checker.random()
    assert [one.studies_on(d) for d in range(30)] == [other.studies_on(d) for d in range(30)]
