"""Times typed in chat (/remind 16:30, /push ... at 8h15)."""

from __future__ import annotations

from datetime import time

import pytest

from bot.domain.times import parse_clock


@pytest.mark.parametrize(("text", "expected"), [
    ("16:30", time(16, 30)), ("7.05", time(7, 5)), ("8h15", time(8, 15)),
    ("25:00", None), ("8:5", None), ("", None), ("noon", None),
])
def test_typed_times_of_day(text: str, expected: time | None) -> None:
    assert parse_clock(text) == expected
