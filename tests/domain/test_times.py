"""Times typed in chat (/remind 16:30, /push ... at 8h15)."""

from __future__ import annotations

from datetime import time

import pytest

from bot.domain.times import parse_clock


@pytest.mark.parametrize(("text", "expected"), [
    ("16:30", time(16, 30)), ("7.05", time(7, 5)), ("8h15", time(8, 15)),
    ("25:00", None), ("8:5", None), ("", None), ("noon", None),
    ("4pm", time(16, 0)), ("4 pm", time(16, 0)), ("4:30 pm", time(16, 30)),
    ("4:30PM", time(16, 30)), ("7 a.m.", time(7, 0)), ("12am", time(0, 0)),
    ("12:15 pm", time(12, 15)), ("13pm", None), ("0am", None), ("4:75 pm", None),
    ("7A", None), ("10p", None),  # a class name's end ("Science 7A"), not a time
])
def test_typed_times_of_day(text: str, expected: time | None) -> None:
    assert parse_clock(text) == expected
