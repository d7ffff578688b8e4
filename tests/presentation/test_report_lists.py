"""A /report list reads with its language's own commas: an Arabic-reading teacher read "Ana (4
صحيحة من 5), Samir (…)" and "…كلمات; الردود" with Latin punctuation (playtest of today's
changes), and Chinese lists names with 、."""

from __future__ import annotations

from bot.presentation.report_summary import HelpNeeded
from bot.presentation.report_text import help_text


def test_a_students_hard_words_are_listed_with_her_teachers_commas() -> None:
    samir = HelpNeeded("Samir", ["habitat", "predator"])
    assert help_text(samir, lang="ar") == "Samir (habitat، predator)"
    assert help_text(samir, lang="zh") == "Samir (habitat、predator)"
    assert help_text(samir) == "Samir (habitat, predator)"
    # each word with its own counts, whose commas are its own: the words apart with ؛ and ；
    counted = {"habitat": "habitat: 1, 2", "predator": "predator: 3"}
    assert help_text(samir, counted, "ar") == "Samir (habitat: 1, 2؛ predator: 3)"
    assert help_text(samir, counted, "zh") == "Samir (habitat: 1, 2；predator: 3)"
    assert help_text(samir, counted, "es") == "Samir (habitat: 1, 2; predator: 3)"
