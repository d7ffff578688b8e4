"""What the stand-in remembers: chats, messages the bot sent, files, polls, taps, counters."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

JSON = dict[str, Any]


@dataclass
class Sent:
    """One message the bot sent or edited, as Telegram stored it."""

    method: str
    chat_id: int
    message_id: int
    at: float  # seconds since the stand-in started (monotonic clock)
    text: str  # the plain text people see: tags stripped, or the caption, or the poll question
    raw: str  # what the bot sent, markup included
    message: JSON
    params: JSON = field(repr=False, default_factory=dict)
    answered: bool = True  # False when the stand-in dropped the connection before answering

    @property
    def is_edit(self) -> bool:
        return self.method.startswith("edit")

    @property
    def buttons(self) -> list[tuple[str, str]]:
        """(label, callback data or url) of every inline button, row by row."""
        rows = (self.message.get("reply_markup") or {}).get("inline_keyboard", [])
        return [(b["text"], b.get("callback_data") or b.get("url") or "") for row in rows
                for b in row]


@dataclass
class StoredFile:
    """A file Telegram keeps: what the bot uploaded or what a person sent."""

    file_id: str
    unique_id: str
    path: str
    content: bytes

    def as_file(self) -> JSON:
        return {"file_id": self.file_id, "file_unique_id": self.unique_id,
                "file_size": len(self.content), "file_path": self.path}


@dataclass
class Stats:
    """Counters a test or a benchmark reads."""

    requests: Counter[str] = field(default_factory=Counter)  # per Bot API method
    errors: Counter[int] = field(default_factory=Counter)  # per error_code sent
    dropped: int = 0  # answers never delivered (dropped connection)
    webhook_posts: Counter[int] = field(default_factory=Counter)  # per HTTP status received
    refused: list[tuple[str, int | None, str]] = field(default_factory=list)  # method, chat, why

    @property
    def too_many_requests(self) -> int:
        return self.errors[429]


class World:
    """Telegram's memory for one bot, with the helpers tests use to read it."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.chats: dict[int, JSON] = {}
        self.messages: dict[tuple[int, int], JSON] = {}
        self.log: list[Sent] = []
        self.files: dict[str, StoredFile] = {}
        self.polls: dict[str, tuple[int, int]] = {}  # poll id -> (chat id, message id)
        self.open_queries: dict[str, float] = {}  # callback query id -> when it was made
        self.query_answers: dict[str, JSON] = {}  # callback query id -> answerCallbackQuery
        self.commands: dict[str, list[JSON]] = {}
        self.stats = Stats()
        self._next_message: dict[int, int] = {}
        self._next_file = 0
        self._changed = asyncio.Event()

    def now(self) -> float:
        return time.monotonic() - self.started

    def next_message_id(self, chat_id: int) -> int:
        """Message ids count up per chat, shared by both sides, as in private chats."""
        self._next_message[chat_id] = self._next_message.get(chat_id, 0) + 1
        return self._next_message[chat_id]

    def age_queries(self, seconds: float) -> None:
        """Make every unanswered tap `seconds` older (the bot was down meanwhile)."""
        for query_id in self.open_queries:
            self.open_queries[query_id] -= seconds

    def store_file(self, content: bytes, folder: str, suffix: str) -> StoredFile:
        self._next_file += 1
        n = self._next_file
        stored = StoredFile(f"BQAC{n:06d}standin{folder}", f"AgAD{n:06d}",
                            f"{folder}/file_{n}{suffix}", content)
        self.files[stored.file_id] = stored
        return stored

    def record(self, sent: Sent) -> None:
        """Keep a sent or edited message and wake everyone waiting for one."""
        self.messages[(sent.chat_id, sent.message_id)] = sent.message
        self.log.append(sent)
        self.changed()

    def changed(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    def sent(self, chat_id: int | None = None, edits: bool = False) -> list[Sent]:
        """Messages the bot sent (to one chat), oldest first; edits only when asked."""
        return [s for s in self.log if (chat_id is None or s.chat_id == chat_id)
                and (edits or not s.is_edit)]

    def duplicates(self) -> dict[int, int]:
        """Per chat, how many sent messages repeat an earlier one word for word."""
        seen: Counter[tuple[int, str, str]] = Counter()
        extra: Counter[int] = Counter()
        for s in self.sent():
            key = (s.chat_id, s.method, s.text + json.dumps(s.message.get("poll", {})
                                                            .get("options", [])))
            if seen[key]:
                extra[s.chat_id] += 1
            seen[key] += 1
        return dict(extra)

    async def wait_for(self, predicate: Callable[[], Any], within: float,
                       what: str = "condition") -> Any:
        """Wait (at most `within` s) until `predicate()` is truthy; return its value."""
        deadline = time.monotonic() + within
        while True:
            value = predicate()
            if value:
                return value
            left = deadline - time.monotonic()
            if left <= 0:
                recent = "\n".join(f"  {s.chat_id}: {s.text[:80]!r}" for s in self.log[-8:])
                raise TimeoutError(f"stand-in: no {what} after {within:g} s; last messages:\n"
                                   f"{recent or '  (none)'}")
            event = self._changed
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), timeout=min(left, 0.25))

    async def quiet(self, seconds: float, within: float) -> None:
        """Wait until nothing was sent for `seconds` (at most `within` s in all)."""
        deadline = time.monotonic() + within
        while True:
            size = len(self.log)
            await asyncio.sleep(seconds)
            if len(self.log) == size:
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"stand-in: the bot was still sending after {within:g} s")
