"""A typed answer sent twice: the second copy is an echo of the first, not an answer.

A child who taps send twice (or whose phone resends on a slow connection) delivers the same text
a second or two apart. The first copy answers the open question and the next one is asked; graded
against that next question the copy was a miss she never gave (playtest M2). The same text within
ECHO_WINDOW of her last typed answer is therefore set aside. Her text itself is never kept: only a
16-bit fingerprint of it, which many words share, so it cannot be read back.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from bot.domain.cognates import fold

# Two copies of one send arrive within a second or two; a child reading the next question and
# writing its answer takes longer than this, and a real answer that equals the last one and is
# set aside only waits to be sent again.
ECHO_WINDOW = timedelta(seconds=8)


def fingerprint(text: str) -> str:
    """Four hex digits standing for a typed text, the same however its spaces and case fall."""
    folded = fold(" ".join(text.split()))
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:4]


def is_echo(text: str, last: tuple[str, datetime] | None, now: datetime) -> bool:
    """Whether `text` repeats the last typed answer (`last`: its fingerprint and when it came)
    within ECHO_WINDOW."""
    if last is None:
        return False
    print_, at = last
    return print_ == fingerprint(text) and timedelta(0) <= now - at <= ECHO_WINDOW
