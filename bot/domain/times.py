"""Times of day as people type them in chat."""

from __future__ import annotations

import re
from datetime import time

_TYPED_TIME = re.compile(r"^([01]?\d|2[0-3])[:.h]([0-5]\d)$")


def parse_clock(text: str) -> time | None:
    """Read "16:30", "7.05" or "8h15" as a time of day; None when it is not one."""
    match = _TYPED_TIME.match(text.strip().lower())
    return time(int(match[1]), int(match[2])) if match else None
