"""A teacher's command held in memory while a button finishes it ("Which class?", "Did you
mean Linh #2?"): held in `user_data` for minutes (never the store), named by a token the
button carries, and run again as if the teacher had typed it once tapped."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from telegram import Update

from bot.context import PuenteContext

HOLD_WINDOW = timedelta(minutes=10)


def hold(context: PuenteContext, key: str, message: dict[str, Any]) -> str:
    """Hold `message` (as Telegram sent it, maybe corrected; or what a confirming tap is to
    do, as /renameclass holds its new name) under `key`; the token naming it
    (8 characters: it fits a button's 64 bytes beside a class id)."""
    token = secrets.token_urlsafe(6)
    if context.user_data is not None:
        context.user_data[key] = {"token": token, "message": message,
                                  "until": context.services.clock() + HOLD_WINDOW}
    return token


def take(context: PuenteContext, key: str, token: str) -> dict[str, Any] | None:
    """The message held under `key` that this token names, no longer held (None: another
    token, or too old)."""
    data = context.user_data if context.user_data is not None else {}
    held = data.get(key)
    if not held or held["token"] != token:
        return None
    del data[key]
    return held["message"] if context.services.clock() < held["until"] else None


async def run_again(update: Update, context: PuenteContext, message: dict[str, Any]) -> None:
    """Handle `message` as a new update, as if typed now (only its command entity kept: the
    text may have changed after it)."""
    typed = dict(message)
    typed["entities"] = [e for e in typed.get("entities", []) if e.get("offset") == 0]
    again = Update.de_json({"update_id": update.update_id, "message": typed}, context.bot)
    await context.application.process_update(again)
