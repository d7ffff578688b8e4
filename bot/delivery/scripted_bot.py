"""The bot that writes Chinese in its reader's script: every call's text, caption, poll and
button labels converted to Traditional as it leaves for someone who reads Traditional.

One place instead of every renderer: a prompt, a gloss, a family update from the outbox, an
Argos translation relayed from a teacher, a toast under a tap all leave through here, so none
can forget her script. python-telegram-bot documents `_do_post` as the method to override
("Bot.some_method -> Bot._post -> Bot._do_post"); ExtBot overrides it for the rate limiter.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from telegram import TelegramObject
from telegram.ext import ExtBot

from bot.domain.chinese_script import is_traditional
from bot.presentation.han_script import in_script

# The person whose update is being handled: the reader of a toast (answerCallbackQuery names
# no chat). Set for each update before any handler runs (handlers/everyone.py).
WRITING: ContextVar[int | None] = ContextVar("writing", default=None)
_TEXTS = frozenset({"text", "caption", "question", "explanation"})
_OBJECTS = frozenset({"reply_markup", "options", "commands"})  # buttons, poll options, menu
_WORDS = frozenset({"text", "description"})  # inside them: a label, a command's description


class ScriptedBot(ExtBot[None]):
    """ExtBot, with Chinese converted to the script of the chat it goes to."""

    __slots__ = ("_script_of",)

    def __init__(self, *args: Any, script_of: Callable[[int], str | None], **kwargs: Any
                 ) -> None:
        super().__init__(*args, **kwargs)
        with self._unfrozen():
            self._script_of = script_of

    async def _do_post(self, endpoint: str, data: dict[str, Any], *args: Any, **kwargs: Any
                       ) -> Any:
        script = self._reader_script(endpoint, data)
        if is_traditional(script):
            data = in_reader_script(data, script)
        return await super()._do_post(endpoint, data, *args, **kwargs)

    def _reader_script(self, endpoint: str, data: dict[str, Any]) -> str | None:
        """The script of whoever reads this call's words (None: Simplified, or nobody)."""
        chat = data.get("chat_id")
        if chat is None:  # her own command menu (setMyCommands for one chat)
            chat = getattr(data.get("scope"), "chat_id", None)
        if chat is None and endpoint == "answerCallbackQuery":
            chat = WRITING.get()
        try:
            return self._script_of(int(chat)) if chat is not None else None
        except (TypeError, ValueError):  # a channel's @name: nobody's script
            return None


def in_reader_script(data: dict[str, Any], script: str | None) -> dict[str, Any]:
    """A Bot API call's parameters with their words in `script`: texts, captions, a poll's
    question and options, button labels, a command menu's descriptions (never a button's
    data, a URL, a command or a file)."""
    out = dict(data)
    for key, value in data.items():
        if key in _TEXTS and isinstance(value, str):
            out[key] = in_script(value, script)
        elif key in _OBJECTS:
            out[key] = _labels(_plain(value), script)
    return out


def _plain(value: object) -> object:
    if isinstance(value, TelegramObject):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [_plain(one) for one in value]
    return value


def _labels(value: object, script: str | None) -> object:
    if isinstance(value, dict):  # only words: a button's data or URL stays
        return {key: (in_script(one, script) if key in _WORDS else one)
                if isinstance(one, str) else _labels(one, script) for key, one in value.items()}
    if isinstance(value, list):
        return [_labels(one, script) for one in value]
    if isinstance(value, str):  # a poll option given as its text
        return in_script(value, script)
    return value
