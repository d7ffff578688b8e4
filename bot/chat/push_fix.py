""""Did you mean predator?" under a /push, with a ✅ button that runs it with the suggestion: a
teacher who typed "predatr" or "sience.ecosystems" taps it instead of typing the whole /push
again (playtest). The command is held in memory, in the teacher's `user_data`, for minutes
(bot/chat/held_commands.py), with one corrected text per button; the button carries only the
token naming it and which text, both checked on the tap."""

from __future__ import annotations

import re
from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.chat import held_commands
from bot.chat.replies import acknowledge, say, spend
from bot.context import PuenteContext
from bot.presentation import callbacks
from bot.presentation.keyboards import fit_label

PENDING = "push_fix"  # user_data: the command held, with its corrected texts


def with_words(text: str, fixes: Sequence[tuple[str, str]]) -> str | None:
    """The command with each word typed (any case, as a whole word after the pack named)
    replaced by its suggestion; None when one of them is not in it so."""
    parts = text.split(maxsplit=2)
    if len(parts) < 3:
        return None
    rest = parts[2]
    for typed, suggestion in fixes:
        rest, found = re.subn(rf"(?<!\w){re.escape(typed)}(?!\w)", suggestion, rest, count=1,
                              flags=re.IGNORECASE)
        if not found:
            return None
    return f"{parts[0]} {parts[1]} {rest}"


def with_pack(text: str, pack: str) -> str | None:
    """The command with its first argument (the pack named) replaced by `pack`."""
    parts = text.split(maxsplit=2)
    if len(parts) < 2:
        return None
    return " ".join([parts[0], pack, *parts[2:]])


def with_class(text: str, typed: str, name: str) -> str | None:
    """The command with the class name typed (its last use, as whole words, any case) replaced
    by the class's own name ("/report 9B": "/report Biology 9B"); None when it is not in it."""
    found = list(re.finditer(rf"(?<!\w){re.escape(typed)}(?!\w)", text, flags=re.IGNORECASE))
    if not found or found[-1].start() == 0:
        return None
    last = found[-1]
    return f"{text[:last.start()]}{name}{text[last.end():]}"


def with_args(text: str, args: str) -> str | None:
    """The command typed, with all its arguments replaced by `args` (a push suggested)."""
    parts = text.split(maxsplit=1)
    return f"{parts[0]} {args}" if parts else None


def offer(update: Update, context: PuenteContext,
          fixes: Sequence[tuple[str, str | None]]) -> InlineKeyboardMarkup | None:
    """Hold the command typed with each (label, corrected text) under a ✅ button of its own;
    None when it is no command a tap can finish, or nothing could be corrected."""
    message = update.message  # a command typed (never an edit, nor a button)
    usable = [(label, text) for label, text in fixes if text is not None]
    if message is None or context.user_data is None or not usable \
            or not (message.text or "").startswith("/"):
        return None
    token = held_commands.hold(context, PENDING, {"message": message.to_dict(),
                                                  "texts": [text for _, text in usable]})
    return InlineKeyboardMarkup([[InlineKeyboardButton(
        fit_label(f"✅ {label}"), callback_data=callbacks.data(callbacks.PUSH_FIX, token, n))]
        for n, (label, _) in enumerate(usable)])


async def push_fixed(update: Update, context: PuenteContext) -> None:
    """Run the held command with the suggestion tapped, as if the teacher had typed it; an
    old, spent or forged button says so and runs nothing."""
    query = update.callback_query
    if query is None or update.effective_user is None:
        return
    token, index = callbacks.push_fix(callbacks.parse(query.data))
    held = held_commands.take(context, PENDING, token)
    texts = list(held["texts"]) if held is not None else []
    if index >= len(texts) or held is None or not await spend(query):
        await acknowledge(query)
        await say(update, context, "button-stale", bilingual=False)
        return
    await acknowledge(query)
    await held_commands.run_again(update, context, {**held["message"], "text": texts[index]})
