"""A student who read his cards and has been gone since is listed as inactive, not only as
"reads the cards" (teacher playtest L1: Minh, absent three weeks, was never "💤")."""

from __future__ import annotations

from datetime import date

from bot.presentation.i18n import Catalog
from bot.presentation.report_text import summary_text
from bot.store.reports import Cell, ClassMatrix, StudentRow, WordColumn

READ = "2026-09-14T15:00:00+00:00"  # Monday 14 September


def _minh() -> ClassMatrix:
    cells = {(1, w): Cell(1, w, 0.15, False, 0, 0, None, 0, shown_at=READ) for w in range(5)}
    return ClassMatrix([StudentRow(1, "Minh", "vi", 3)],
                       [WordColumn(w, f"word{w}", "pack") for w in range(5)], cells)


def test_a_student_gone_since_reading_his_cards_is_listed_inactive(catalog: Catalog) -> None:
    text = summary_text("Science 7B", _minh(), catalog, "en", today=date(2026, 10, 2))
    assert "📖 Reads the cards, no check yet: Minh (5 cards, last Mon 14 Sep)" in text
    assert "💤 Inactive for 3+ school days: Minh (Mon 14 Sep)" in text


def test_a_student_who_read_his_cards_yesterday_is_not_inactive(catalog: Catalog) -> None:
    text = summary_text("Science 7B", _minh(), catalog, "en", today=date(2026, 9, 15))
    assert "💤" not in text
