"""Faults a test can inject: server errors, slow answers, lost answers, blocked users."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from enum import Enum

SEND_METHODS = frozenset({"sendmessage", "sendphoto", "senddocument", "sendpoll", "sendvoice",
                          "sendaudio", "copymessage", "editmessagetext",
                          "editmessagereplymarkup", "stoppoll"})


class Kind(Enum):
    ERROR = "error"  # answer with an HTTP error before doing anything
    HOLD = "hold"  # answer only after `seconds` (longer than the client waits)
    DROP = "drop"  # do the work, then close the connection without answering


@dataclass(frozen=True)
class Fault:
    """One planned misbehaviour for one request."""

    kind: Kind
    status: int = 500
    description: str = "Internal Server Error"
    seconds: float = 0.0
    record: bool = True  # for HOLD: does Telegram act on the request it holds?
    retry_after: int | None = None  # for ERROR 429: the seconds Telegram asks to wait


@dataclass
class Faults:
    """Planned faults per chat (None: any chat), blocked users and added latency."""

    latency: float = 0.0  # seconds added to every Bot API request
    blocked: set[int] = field(default_factory=set)
    planned: dict[int | None, deque[Fault]] = field(default_factory=dict)

    def plan(self, chat_id: int | None, fault: Fault, times: int = 1) -> None:
        """Make the next `times` sends to `chat_id` (None: to anyone) misbehave."""
        self.planned.setdefault(chat_id, deque()).extend([fault] * times)

    def take(self, method: str, chat_id: int | None) -> Fault | None:
        """The fault for this request, if one is planned (sends and edits only)."""
        if method.lower() not in SEND_METHODS:
            return None
        for key in (chat_id, None):
            queue = self.planned.get(key)
            if queue:
                return queue.popleft()
        return None

    def clear(self) -> None:
        """Forget planned faults, blocks and latency."""
        self.planned.clear()
        self.blocked.clear()
        self.latency = 0.0
