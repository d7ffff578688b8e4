""""Did you mean Linh #2?" with a button that says yes: a teacher who typed "Lihn" taps it
instead of typing the whole command again (playtest). The command is held in memory, in the
teacher's `user_data`, for minutes (never the store), as "Which class?" holds one
(bot/chat/class_pick.py); the button carries only a token naming it, checked on the tap."""

from __future__ import annotations

import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.chat import held_commands
from bot.chat.replies import acknowledge, say, spend
from bot.context import PuenteContext
from bot.presentation import callbacks
from bot.presentation.keyboards import fit_label

PENDING = "name_pick"  # user_data: the command held (bot/chat/held_commands.py)


def corrected(text: str, typed: str, suggestion: str) -> str | None:
    """The command with the name typed replaced by the one suggested (None: the name is not
    in it as a whole word after the command)."""
    command, _, rest = text.partition(" ")
    found = re.search(rf"(?<!\w){re.escape(typed)}(?!\w)", rest)
    if found is None:
        return None
    return f"{command} {rest[:found.start()]}{suggestion}{rest[found.end():]}"


def offer_name(update: Update, context: PuenteContext, typed: str,
               suggestion: str) -> InlineKeyboardMarkup | None:
    """Hold the command, with the name suggested in place of the one typed, under a ✅
    button naming the student; None when it is no command a tap can finish."""
    message = update.message  # a command typed (never an edit, nor a button)
    if message is None or context.user_data is None or not (message.text or "").startswith("/"):
        return None
    fixed = corrected(message.text or "", typed, suggestion)
    if fixed is None:
        return None
    held = message.to_dict()
    held["text"] = fixed
    token = held_commands.hold(context, PENDING, held)
    return InlineKeyboardMarkup([[InlineKeyboardButton(
        fit_label(f"✅ {suggestion}"), callback_data=callbacks.data(callbacks.NAME_PICK, token))]])


async def name_picked(update: Update, context: PuenteContext) -> None:
    """Run the held command with the suggested name, as if the teacher had typed it."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None:
        return
    token = callbacks.name_pick(callbacks.parse(query.data))
    held = held_commands.take(context, PENDING, token)
    if held is None or not await spend(query):
        await acknowledge(query)
        await say(update, context, "button-stale", bilingual=False)
        return
    await acknowledge(query)
    await held_commands.run_again(update, context, held)
