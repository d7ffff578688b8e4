"""Handle updates from different people at once, and each person's updates in order.

python-telegram-bot handles one update at a time by default, so one slow reply (a chart, a
translation, a flood of guesses) made everyone else wait. Here updates run concurrently, but
two updates from the same user never overlap: a second tap waits for the first to be graded.

At most 64 updates run at once, counted once an update's turn has come: python-telegram-bot's
own limit takes its place before the update waits for that turn, so a student who forwarded
a hundred messages at once held all 64 places with her waiting ones, and everyone else waited
for her first 37 to be answered (8.7 s for another student's /help, over HTTP).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor


def _person(update: object) -> int | None:
    if isinstance(update, Update) and update.effective_user is not None:
        return update.effective_user.id
    return None


# python-telegram-bot's limit, set out of reach: it never bounded the updates waiting (each is
# a task as soon as it arrives), it only counted them as running while they waited their turn
WAITING = 1_000_000


class PerUserOrder(BaseUpdateProcessor):
    """Concurrent across users, sequential per user."""

    def __init__(self, max_concurrent_updates: int = 64) -> None:
        super().__init__(WAITING)
        self._running = asyncio.Semaphore(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Run the update's handlers once this user's earlier updates are done."""
        person = _person(update)
        if person is None:
            async with self._running:
                await coroutine
            return
        lock = self._locks.setdefault(person, asyncio.Lock())
        self._waiting[person] = self._waiting.get(person, 0) + 1
        try:
            async with lock, self._running:  # her turn first, then a place to run in
                await coroutine
        finally:
            self._waiting[person] -= 1
            if not self._waiting[person]:  # nobody queued: forget the lock
                del self._waiting[person]
                del self._locks[person]

    def waiting(self, person: int) -> int:
        """How many of this person's updates are running or queued (the running one too)."""
        return self._waiting.get(person, 0)

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""
