"""Times of day as people type them in chat."""

from __future__ import annotations

import re
from datetime import time

_TYPED_TIME = re.compile(r"^([01]?\d|2[0-3])[:.h]([0-5]\d)$")
# "4pm", "4 pm", "4:30 pm", "4.30p.m.", "12am": a 12-hour clock with am/pm spelled out. A
# bare "a" or "p" is no time: "7A" ends many a class name ("/push ... to Science 7A" booked
# a push for 07:00 to a class called "Science", playtest 12)
_TWELVE_HOUR = re.compile(r"^(1[0-2]|0?[1-9])(?:[:.h]([0-5]\d))?\s*([ap])\.?\s*m\.?$")


def parse_clock(text: str) -> time | None:
    """Read "16:30", "7.05", "8h15", "4pm" or "4:30 pm" as a time of day; None otherwise."""
    typed = " ".join(text.strip().lower().split())
    match = _TYPED_TIME.match(typed)
    if match:
        return time(int(match[1]), int(match[2]))
    match = _TWELVE_HOUR.match(typed)
    if match is None:
        return None
    hour = int(match[1]) % 12 + (12 if match[3] == "p" else 0)
    return time(hour, int(match[2] or 0))
