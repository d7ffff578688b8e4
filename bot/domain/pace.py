"""Pace: when a student who is done for today may take on more new words than her level's set.

A level's set (Scaffold.words_per_set) is how many words a student learns at once; a slot opens
as a word reaches "reviewing". A fast mid-level student who read her cards and answered every
word right in the same day's check then had nothing to do but read "✅ All done for now" until
the next day (playtest M3-M5, WIDA 3-5). She is offered one more set instead, when:

- she is caught up: every word she is learning has been answered, its last answer right, and
  none is ready to be asked again today (a check would ask nothing);
- she is past the newcomer levels (levels 1-2 are told they are done for the day, by design);
- she would not be learning more than two sets at once (MAX_SETS): more words a day is
  practice she chose, not a flood.

Pure: `now` and the school's zone are passed in.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, tzinfo

from bot.domain.mastery import MasteryState, WordMastery, is_due

MAX_SETS = 2            # a fast student learns at most this many sets at once
FIRST_FAST_LEVEL = 3    # from Developing on: newcomers keep one set a day


def caught_up(active: Iterable[WordMastery], now: datetime, tz: tzinfo) -> bool:
    """Every word being learned was answered, right the last time, and none is ready again
    today: nothing a check would ask, nothing missed to go back to."""
    words = list(active)
    return bool(words) and all(
        s.previewed and s.state is MasteryState.LEARNING and s.misses_in_row == 0
        and not is_due(s, now, tz) for s in words)


def extra_slots(level: int | None, per_set: int, active: list[WordMastery], now: datetime,
                tz: tzinfo) -> int:
    """How many words beyond her set a caught-up student may start now (0: none)."""
    if level is None or level < FIRST_FAST_LEVEL or not caught_up(active, now, tz):
        return 0
    return max(0, min(per_set, MAX_SETS * per_set - len(active)))
