"""Updates waiting for the bot: long polling (getUpdates) or POSTs to a webhook."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from bot.standin.objects import update_type
from bot.standin.state import Stats

JSON = dict[str, Any]
log = logging.getLogger(__name__)
DEFAULT_ALLOWED = frozenset({"message", "edited_message", "channel_post", "edited_channel_post",
                             "callback_query", "poll", "poll_answer", "inline_query",
                             "chosen_inline_result", "shipping_query", "pre_checkout_query",
                             "my_chat_member", "chat_join_request", "business_message"})


class ApiError(Exception):
    """A Bot API error answer: HTTP status, Telegram's description, maybe retry_after."""

    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code, self.description, self.retry_after = code, description, retry_after

    def body(self) -> JSON:
        body: JSON = {"ok": False, "error_code": self.code, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


@dataclass
class Webhook:
    """What setWebhook stored, and how delivery is going."""

    url: str = ""
    secret_token: str = ""
    max_connections: int = 40
    last_error_date: int | None = None
    last_error_message: str = ""

    def info(self, pending: int, allowed: frozenset[str]) -> JSON:
        data: JSON = {"url": self.url, "has_custom_certificate": False,
                      "pending_update_count": pending}
        if self.url:
            data.update(max_connections=self.max_connections, ip_address="127.0.0.1",
                        allowed_updates=sorted(allowed))
        if self.last_error_date is not None:
            data.update(last_error_date=self.last_error_date,
                        last_error_message=self.last_error_message)
        return data


@dataclass
class UpdateQueue:
    """Updates in order; confirmed by getUpdates' offset or by a webhook's 2xx answer."""

    next_id: int = 500_000_001
    allowed: frozenset[str] = DEFAULT_ALLOWED
    pending: list[JSON] = field(default_factory=list)
    webhook: Webhook = field(default_factory=Webhook)
    tls_terminated: bool = True  # deliver https:// webhooks over plain http, as a proxy would
    _arrived: asyncio.Event = field(default_factory=asyncio.Event)
    _pollers: int = 0

    def put(self, body: JSON) -> JSON | None:
        """Queue an update (None when allowed_updates filters it out, as Telegram does)."""
        if update_type(body) not in self.allowed:
            return None
        update = {"update_id": self.next_id, **body}
        self.next_id += 1
        self.pending.append(update)
        self.wake()
        return update

    def wake(self) -> None:
        """Wake every long poll and the webhook deliverer."""
        self._arrived.set()
        self._arrived = asyncio.Event()

    def set_allowed(self, raw: list[str] | None) -> None:
        if raw is not None:
            self.allowed = frozenset(raw) if raw else DEFAULT_ALLOWED

    async def get_updates(self, offset: int | None, limit: int, wait: float) -> list[JSON]:
        """Long polling: confirm below `offset`, then wait up to `wait` s for updates."""
        if self.webhook.url:
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active;"
                           " use deleteWebhook to delete the webhook first")
        self._pollers += 1
        me = self._pollers
        self.wake()  # a newer getUpdates ends any older one, as on Telegram
        deadline = time.monotonic() + max(0.0, wait)
        while True:
            if offset is not None and offset < 0:
                batch = self.pending[offset:][:limit]
            else:
                if offset is not None:
                    self.pending = [u for u in self.pending if u["update_id"] >= offset]
                batch = self.pending[:limit]
            left = deadline - time.monotonic()
            if batch or left <= 0:
                return batch
            event = self._arrived
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), timeout=left)
            if self._pollers != me:
                raise ApiError(409, "Conflict: terminated by other getUpdates request; make sure"
                               " that only one bot instance is running")

    async def deliver_webhooks(self, session: aiohttp.ClientSession, stats: Stats,
                               backoff: float = 0.2) -> None:
        """Forever: POST the oldest pending update to the webhook until it answers 2xx."""
        delay = backoff
        while True:
            if not self.webhook.url or not self.pending:
                event = self._arrived
                await event.wait()
                continue
            update = self.pending[0]
            if await self._post(session, stats, update):
                if self.pending and self.pending[0] is update:
                    self.pending.pop(0)
                delay = backoff
                continue
            await asyncio.sleep(delay)
            delay = min(delay * 2, 5.0)

    async def _post(self, session: aiohttp.ClientSession, stats: Stats, update: JSON) -> bool:
        url = self.webhook.url
        if self.tls_terminated and url.startswith("https://"):
            url = "http://" + url.removeprefix("https://")
        headers = {"Content-Type": "application/json"}
        if self.webhook.secret_token:
            headers["X-Telegram-Bot-Api-Secret-Token"] = self.webhook.secret_token
        try:
            async with session.post(url, data=json.dumps(update), headers=headers,
                                    timeout=aiohttp.ClientTimeout(total=10)) as answer:
                stats.webhook_posts[answer.status] += 1
                if 200 <= answer.status < 300:
                    return True
                self._failed(f"Wrong response from the webhook: {answer.status} "
                             f"{answer.reason or ''}".rstrip())
        except (aiohttp.ClientError, TimeoutError) as exc:
            stats.webhook_posts[0] += 1
            self._failed("Connection refused" if isinstance(exc, aiohttp.ClientConnectorError)
                         else f"Connection error: {type(exc).__name__}")
        return False

    def _failed(self, message: str) -> None:
        self.webhook.last_error_date = int(time.time())
        self.webhook.last_error_message = message
