"""Per-user throttles: a sliding window of events, then a pause. Pure: `now` is passed in."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta


@dataclass
class Throttle:
    """Count `limit` events per `window` for each key; the event that reaches the limit starts
    a pause, and nothing more is allowed until it ends.

    Keys are Telegram user ids; the state lives in memory only (a restart forgives everyone),
    and a key whose events have all aged out is forgotten, so memory stays small.
    """

    limit: int = 5
    window: timedelta = timedelta(minutes=1)
    pause: timedelta = timedelta(minutes=1)
    max_keys: int = 10_000  # beyond this many users tracked, idle ones are forgotten
    _events: dict[int, deque[datetime]] = field(default_factory=dict, repr=False)
    _paused_until: dict[int, datetime] = field(default_factory=dict, repr=False)

    def wait(self, key: int, now: datetime) -> timedelta:
        """How long this key must still wait (zero when it may go ahead)."""
        until = self._paused_until.get(key)
        if until is None:
            return timedelta(0)
        if until <= now:
            del self._paused_until[key]
            return timedelta(0)
        return until - now

    def hit(self, key: int, now: datetime) -> bool:
        """Count one event; return True when it reaches the limit and so starts a pause."""
        if key not in self._events and len(self._events) >= self.max_keys:
            self.forget_idle(now)
        events = self._events.setdefault(key, deque())
        while events and events[0] <= now - self.window:
            events.popleft()
        events.append(now)
        if len(events) < self.limit:
            return False
        self._paused_until[key] = now + self.pause
        events.clear()
        return True

    def forget_idle(self, now: datetime) -> None:
        """Drop keys with no recent events and no pause (call now and then)."""
        for key in [k for k, ev in self._events.items() if not ev or ev[-1] <= now - self.window]:
            del self._events[key]
        for key in [k for k, until in self._paused_until.items() if until <= now]:
            del self._paused_until[key]
