"""Noticing when Telegram answers again after an outage, for the log a school's admin reads.

The log says "Telegram unreachable, retrying" at each failed call (bot/cli/logs.py); without
a line when calls succeed again, nobody can tell a two-minute blip from a morning offline.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from telegram.error import NetworkError
from telegram.request import HTTPXRequest

log = logging.getLogger(__name__)


class Reachability:
    """When Telegram stopped answering, shared by every request object of one bot."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.down_since: float | None = None

    def failed(self) -> None:
        """Note a call that could not reach Telegram (the first one starts the outage)."""
        if self.down_since is None:
            self.down_since = self.clock()

    def answered(self) -> None:
        """Note a call Telegram answered; log the end of an outage, once."""
        if self.down_since is not None:
            seconds = self.clock() - self.down_since
            self.down_since = None
            log.info("Telegram reachable again after %.0f s", seconds)


class WatchedRequest(HTTPXRequest):
    """python-telegram-bot's HTTP client, telling `reachability` how each call went."""

    def __init__(self, reachability: Reachability, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.reachability = reachability

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        """Send one call; a network failure or any answer (even an error status) counts."""
        try:
            answer = await super().do_request(*args, **kwargs)
        except NetworkError:
            self.reachability.failed()
            raise
        self.reachability.answered()
        return answer
