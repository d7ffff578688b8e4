"""One button per class under "Which class?": a teacher of two classes who typed /report,
/roster, /push ... without one taps it instead of typing the command again. The command is
held in memory, in the teacher's `user_data`, for minutes (never the store); the button
carries only the class id and a token naming the held command, both checked on the tap."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from telegram import Update
from telegram.constants import ParseMode

from bot.chat.replies import acknowledge, say, spend, user_language
from bot.context import PuenteContext
from bot.presentation import callbacks, keyboards
from bot.services import class_choice, teaching

PENDING = "class_pick"  # user_data: {"token", "message" (as Telegram sent it), "until"}
PICK_WINDOW = timedelta(minutes=10)


async def offer_classes(update: Update, context: PuenteContext) -> bool:
    """Say "Which class?" with a button per class, holding the command; False (nothing
    said) when it is no command a tap can finish (an edit, a button, another command)."""
    message, user, s = update.message, update.effective_user, context.services
    if message is None or user is None or context.user_data is None \
            or class_choice.command_of(message.text) is None:
        return False
    classes = teaching.teacher_classes(s.db, user.id)
    token = secrets.token_urlsafe(6)  # 8 characters: "cc:<class id>:<token>" fits 64 bytes
    context.user_data[PENDING] = {"token": token, "message": message.to_dict(),
                                  "until": s.clock() + PICK_WINDOW}
    lang = user_language(context, user.id, user.language_code)
    await context.bot.send_message(
        user.id, s.catalog.render("class-which-tap", lang,
                                  names=", ".join(c.name for c in classes)),
        parse_mode=ParseMode.HTML, reply_markup=keyboards.class_buttons(
            [(c.id, c.name) for c in classes], token))
    return True


def _held(context: PuenteContext, token: str) -> dict[str, Any] | None:
    """The held command this token names, no longer held (None: another, or too old)."""
    data = context.user_data if context.user_data is not None else {}
    held = data.get(PENDING)
    if not held or held["token"] != token:
        return None
    del data[PENDING]
    return held if context.services.clock() < held["until"] else None


async def class_picked(update: Update, context: PuenteContext) -> None:
    """Finish the held command with the tapped class, as if the teacher had typed it."""
    query, user, s = update.callback_query, update.effective_user, context.services
    if query is None or user is None:
        return
    class_id, token = callbacks.class_pick(callbacks.parse(query.data))
    found = class_choice.teacher_class(s.db, user.id, class_id)  # forged, or not theirs
    held = _held(context, token) if found is not None else None
    if found is None or held is None or not await spend(query):
        await acknowledge(query)
        await say(update, context, "button-stale", bilingual=False)
        return
    await acknowledge(query)
    typed = dict(held["message"])
    typed["text"] = class_choice.with_class(str(typed.get("text", "")), found.name)
    typed["entities"] = [e for e in typed.get("entities", []) if e.get("offset") == 0]
    again = Update.de_json({"update_id": update.update_id, "message": typed}, context.bot)
    await context.application.process_update(again)
