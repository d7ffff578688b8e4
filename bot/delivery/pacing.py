"""Pace every Bot API call that makes a message under Telegram's bot-wide limit.

Telegram allows about 30 messages a second per bot and answers 429 with `retry_after` above it.
A token bucket lets a burst through at start (aiolimiter's bucket let ~59 through in the first
second); this pacer instead spaces calls evenly, one slot every 1/rate seconds, so a window of
any second holds at most `rate` calls. Replies to what a user just did ("interactive") and
outbox sends ("bulk") share the slots, first asked first sent, but the outbox keeps only a few
calls waiting at a time, so an interactive reply never queues behind a whole push.

A 429 does not say whether the bot or one chat went too fast. Telegram's per-chat limits (a
burst to one student, 20 a minute in a group) are far more common than the bot-wide one under
this pacing, so a 429 first pauses only its chat; 429s from two chats within a second mean the
bot as a whole is too fast, and then every send waits.
"""

from __future__ import annotations

import asyncio
import bisect
import itertools
import logging
import time
import warnings
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

log = logging.getLogger(__name__)

# Calls that put a message in a chat count against Telegram's limits; answers to button taps,
# getUpdates and setup calls do not.
PACED_PREFIXES = ("send", "edit", "copy", "forward", "stop")
BULK = {"bulk": True}
FORGET_AFTER = 5_000  # chats remembered before those quiet for a minute are forgotten


def retry_seconds(exc: RetryAfter) -> float:
    """RetryAfter.retry_after is an int today and a timedelta in a later release."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        wait = exc.retry_after
    return wait.total_seconds() if isinstance(wait, timedelta) else float(wait)


@dataclass(eq=False)
class _Waiter:
    """A send waiting for a slot."""

    ticket: int  # in order of asking: the smallest goes first
    go: asyncio.Event = field(default_factory=asyncio.Event)


class Pacer:
    """Let sends start at most `rate` in any one second, never in a bunch, in the order they
    were asked for; remember when each chat last got a message.

    When more sends wait than a second holds, the one that asked first goes first. Left to
    whichever waiter asyncio woke first, a newcomer often passed those already waiting: above
    Telegram's limit (300 students answering at once, bench/class_answers.py) 10-13 students a
    minute got no reply for 20 s. Only the first in the queue sleeps for the slot and wakes the
    next when it goes: one wake-up a slot, not one for each waiter.
    """

    def __init__(self, rate: float = 29.0, clock: Callable[[], float] = time.monotonic,
                 window: float = 1.0) -> None:
        self.window = window
        # No two sends closer than this: the busiest second still spreads over 80 % of it.
        self.min_gap = 0.8 * window / rate
        self._clock = clock
        self._recent: deque[float] = deque(maxlen=max(1, int(rate)))
        self._paused_until = 0.0
        self._chat_paused_until: dict[int, float] = {}
        self._last_to_chat: dict[int, float] = {}
        self._last_refusal: tuple[int | None, float] | None = None  # (chat, when)
        self._queue: list[_Waiter] = []  # by ticket: the first leads
        self._tickets = itertools.count()

    async def turn(self, chat_id: int | None,
                   sleep: Callable[[float], Awaitable[object]] = asyncio.sleep) -> None:
        """Wait until a send may start; it counts from the moment it really starts.

        The limit is checked when the send begins, not when its turn was booked, so a busy
        moment that wakes a waiter late never lets two out together, and a late wake-up
        costs no throughput (the window, not a fixed schedule, sets the pace).
        """
        if not self._queue and self._clock() >= self._start(chat_id):
            self._started(chat_id)  # nobody waits and a slot is free: the usual case
            return
        me = _Waiter(next(self._tickets))
        try:
            while True:
                chat_free = self._chat_paused_until.get(chat_id, 0.0) if chat_id else 0.0
                if chat_free > self._clock():  # its chat was refused: wait out of the queue
                    self._leave(me)
                    await sleep(chat_free - self._clock())
                    continue
                if me not in self._queue:
                    bisect.insort(self._queue, me, key=lambda w: w.ticket)
                if self._queue[0] is not me:
                    me.go.clear()
                    await me.go.wait()  # the one ahead wakes me when it goes
                    continue
                now, start = self._clock(), self._start(None)
                if now >= start:
                    self._started(chat_id)
                    return
                await sleep(start - now)
        finally:
            self._leave(me)

    def _start(self, chat_id: int | None) -> float:
        """When the next send (to `chat_id`) may start."""
        start = self._paused_until
        if chat_id is not None:
            start = max(start, self._chat_paused_until.get(chat_id, 0.0))
        if self._recent:
            start = max(start, self._recent[-1] + self.min_gap)
            if len(self._recent) == self._recent.maxlen:
                start = max(start, self._recent[0] + self.window)
        return start

    def _started(self, chat_id: int | None) -> None:
        now = self._clock()
        self._recent.append(now)
        if chat_id is not None:
            self._last_to_chat[chat_id] = now
            if len(self._last_to_chat) > FORGET_AFTER:  # a bot runs for months
                self.forget_quiet_chats()

    def _leave(self, waiter: _Waiter) -> None:
        """Out of the queue; whoever leads it now is woken to take the next slot."""
        if waiter in self._queue:
            led = self._queue[0] is waiter
            self._queue.remove(waiter)
            if led and self._queue:
                self._queue[0].go.set()

    def pause(self, seconds: float, chat_id: int | None = None) -> None:
        """Telegram asked us to wait: no send to `chat_id` before then, or no send at all when
        the chat is unknown or another chat was refused within the last window."""
        now = self._clock()
        until = now + seconds
        last, self._last_refusal = self._last_refusal, (chat_id, now)
        bot_wide = chat_id is None or (last is not None and last[0] != chat_id
                                       and now - last[1] < self.window)
        if bot_wide:
            self._paused_until = max(self._paused_until, until)
        else:
            self._chat_paused_until[chat_id] = max(self._chat_paused_until.get(chat_id, 0.0),
                                                   until)

    def chat_free_in(self, chat_id: int, gap: float) -> float:
        """Seconds until `chat_id` may get another bulk message (0 when it may now)."""
        last = self._last_to_chat.get(chat_id)
        paused = self._chat_paused_until.get(chat_id, 0.0) - self._clock()
        if last is None:
            return max(0.0, paused)
        return max(0.0, last + gap - self._clock(), paused)

    def forget_quiet_chats(self, older_than: float = 60.0) -> None:
        """Drop chats not written to for a while, so the map stays small."""
        now = self._clock()
        self._last_to_chat = {c: t for c, t in self._last_to_chat.items()
                              if t >= now - older_than}
        self._chat_paused_until = {c: t for c, t in self._chat_paused_until.items() if t > now}


def _chat_id(chat: object) -> int | None:
    """A call's chat as a number (None: none, or a @channel name)."""
    return int(chat) if isinstance(chat, int | str) and str(chat).lstrip("-").isdigit() \
        else None


class PacedRateLimiter(BaseRateLimiter[dict[str, Any]]):
    """python-telegram-bot's rate-limiter hook, backed by one Pacer for the whole bot."""

    def __init__(self, pacer: Pacer | None = None, max_retries: int = 2) -> None:
        self.pacer = pacer or Pacer()
        self.max_retries = max_retries
        self.retry_afters = 0  # how often Telegram said "slow down" (benchmarks read this)

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: dict[str, Any] | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        """Wait for a slot when the call makes a message; honour RetryAfter, then retry."""
        paced = endpoint.startswith(PACED_PREFIXES)
        chat = data.get("chat_id")
        chat_id = chat if type(chat) is int else _chat_id(chat)  # every call: the usual first
        for attempt in range(self.max_retries + 1):
            if paced:
                await self.pacer.turn(chat_id)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                seconds = retry_seconds(exc)
                self.retry_afters += 1
                self.pacer.pause(seconds, chat_id)
                if attempt == self.max_retries:
                    raise
                log.info("Telegram asked to slow down for %.0f s; %s waits", seconds, endpoint)
        raise AssertionError("unreachable")  # the loop returns or raises
