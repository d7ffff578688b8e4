"""/daysoff Fri 2 Oct: the ways a teacher types a day."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.typed_days import parse_day

TODAY = date(2026, 9, 14)  # a Monday


@pytest.mark.parametrize(("typed", "day"), [
    ("Fri 2 Oct", date(2026, 10, 2)),
    ("friday 2 october", date(2026, 10, 2)),
    ("2 Oct", date(2026, 10, 2)),
    ("Oct 2", date(2026, 10, 2)),
    ("Fri, Oct 2", date(2026, 10, 2)),
    ("2026-10-02", date(2026, 10, 2)),
    ("tomorrow", date(2026, 9, 15)),
    ("Today", date(2026, 9, 14)),
    ("5 Jan", date(2027, 1, 5)),  # the coming January, not the past one
    ("2 Sep", date(2026, 9, 2)),  # just gone: the caller refuses it kindly
    ("2 Oct 2027", date(2027, 10, 2)),
])
def test_a_typed_day_is_read(typed: str, day: date) -> None:
    assert parse_day(typed, TODAY) == day


@pytest.mark.parametrize("typed", ["Mon 2 Oct", "31 Sep", "soon", "2", "Oct", "2026-13-01",
                                   "2 Oct and 3 Oct", ""])
def test_what_names_no_day_is_none(typed: str) -> None:
    assert parse_day(typed, TODAY) is None
