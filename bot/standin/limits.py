"""Telegram's flood limits: ~30 messages/s bot-wide, per-chat pacing, 20/min in groups."""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field


@dataclass(frozen=True)
class LimitConfig:
    """How strict the stand-in is; `None` turns a limit off."""

    bot_per_second: int | None = 30
    chat_per_second: float | None = 1.0  # private chats: sustained rate ...
    chat_burst: int = 20                  # ... after a short burst (1 refuses every burst)
    group_per_minute: int | None = 20


class SlidingWindow:
    """At most `limit` events in any `period` seconds."""

    def __init__(self, limit: int, period: float) -> None:
        self.limit, self.period = limit, period
        self.events: deque[float] = deque()

    def wait(self, now: float) -> float:
        """Seconds until one more event fits (0 when it fits now)."""
        while self.events and self.events[0] <= now - self.period:
            self.events.popleft()
        if len(self.events) < self.limit:
            return 0.0
        return self.events[0] + self.period - now

    def add(self, now: float) -> None:
        self.events.append(now)


class TokenBucket:
    """A burst of `capacity` events, refilled at `rate` per second."""

    def __init__(self, rate: float, capacity: int, now: float) -> None:
        self.rate, self.capacity = rate, max(1, capacity)
        self.tokens, self.at = float(self.capacity), now

    def wait(self, now: float) -> float:
        """Seconds until one more event fits (0 when it fits now)."""
        self.tokens = min(self.capacity, self.tokens + (now - self.at) * self.rate)
        self.at = now
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate

    def add(self, now: float) -> None:
        self.tokens -= 1


@dataclass
class FloodControl:
    """Decide whether a message may go now; if not, Telegram's whole-second retry_after."""

    config: LimitConfig = field(default_factory=LimitConfig)
    _bot: SlidingWindow | None = None
    _chats: dict[int, SlidingWindow | TokenBucket] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.config.bot_per_second is not None:
            self._bot = SlidingWindow(self.config.bot_per_second, 1.0)

    def check(self, chat_id: int, now: float) -> int | None:
        """Count a message to `chat_id` and return None, or refuse it with seconds to wait."""
        limits = [w for w in (self._bot, self._chat(chat_id, now)) if w is not None]
        wait = max((w.wait(now) for w in limits), default=0.0)
        if wait > 0:
            return max(1, math.ceil(wait))
        for window in limits:
            window.add(now)
        return None

    def _chat(self, chat_id: int, now: float) -> SlidingWindow | TokenBucket | None:
        if chat_id not in self._chats:
            if chat_id < 0:
                if self.config.group_per_minute is None:
                    return None
                self._chats[chat_id] = SlidingWindow(self.config.group_per_minute, 60.0)
            else:
                if self.config.chat_per_second is None:
                    return None
                self._chats[chat_id] = TokenBucket(self.config.chat_per_second,
                                                   self.config.chat_burst, now)
        return self._chats[chat_id]
