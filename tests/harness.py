"""Drive a real Application with real Update objects against the offline Bot API."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database
from telegram import Update
from telegram.ext import Application

from bot.delivery import report_finished
from bot.offline import Call, OfflineBotAPI, UpdateFactory
from tests.clock import Clock
from tests.telegram_html import assert_telegram_accepts


@dataclass
class Chat:
    """A running Application with an offline Bot API, driven with real Update objects."""

    app: Application
    api: OfflineBotAPI
    db: Database
    clock: Clock
    factory: UpdateFactory = field(default_factory=UpdateFactory)
    seen: int = 0

    def user(self, user_id: int = 1001, name: str = "Ana", lang: str | None = "es"
             ) -> dict[str, Any]:
        return self.factory.user(user_id, name, lang)

    async def process(self, data: dict[str, Any]) -> list[Call]:
        self.seen = len(self.api.calls)
        await self.app.process_update(Update.de_json(data, self.app.bot))
        return accepted(self.api.calls[self.seen:])

    async def send(self, user: dict[str, Any], text: str) -> list[Call]:
        """The user sends a private message; return the calls the bot made in reply."""
        return await self.process(self.factory.message(user, text))

    async def tap(self, user: dict[str, Any], data: str) -> list[Call]:
        return await self.process(self.factory.tap(user, data))

    async def deliver(self) -> list[Call]:
        """Run the background deliverer's pass now; return the calls it made."""
        seen = len(self.api.calls)
        await self.app.bot_data.deliverer.deliver_due()
        await report_finished(self.app.bot, self.app.bot_data.services)
        return self.api.calls[seen:]

    async def vote(self, user: dict[str, Any], poll_id: str, option: int) -> list[Call]:
        return await self.process(self.factory.poll_answer(user, poll_id, option))


def accepted(calls: list[Call]) -> list[Call]:
    """Every test checks every message: Telegram would accept it (valid HTML, within limits)."""
    assert_telegram_accepts(calls)
    return calls


def texts(calls: list[Call]) -> str:
    """Everything the bot said in these calls, joined, for assertions."""
    return "\n".join(c.text for c in calls)


def buttons(calls: list[Call]) -> list[tuple[str, str]]:
    return [b for c in calls for b in c.buttons]
