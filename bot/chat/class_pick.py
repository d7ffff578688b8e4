"""One button per class under "Which class?": a teacher of two classes who typed /report,
/roster, /push ... without one taps it instead of typing the command again. The command is
held in memory, in the teacher's `user_data`, for minutes (never the store); the button
carries only the class id and a token naming the held command, both checked on the tap."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode

from bot.chat import held_commands
from bot.chat.replies import acknowledge, say, spend, user_language
from bot.context import PuenteContext
from bot.presentation import callbacks, keyboards
from bot.services import class_choice, teaching

PENDING = "class_pick"  # user_data: the command held (bot/chat/held_commands.py)


async def offer_classes(update: Update, context: PuenteContext) -> bool:
    """Say "Which class?" with a button per class, holding the command; False (nothing
    said) when it is no command a tap can finish (an edit, a button, another command)."""
    message, user, s = update.message, update.effective_user, context.services
    if message is None or user is None or context.user_data is None \
            or class_choice.command_of(message.text) is None:
        return False
    classes = teaching.teacher_classes(s.db, user.id)
    token = held_commands.hold(context, PENDING, message.to_dict())
    lang = user_language(context, user.id, user.language_code)
    await context.bot.send_message(
        user.id, s.catalog.render("class-which-tap", lang,
                                  names=", ".join(c.name for c in classes)),
        parse_mode=ParseMode.HTML, reply_markup=keyboards.class_buttons(
            [(c.id, c.name) for c in classes], token))
    return True


async def class_picked(update: Update, context: PuenteContext) -> None:
    """Finish the held command with the tapped class, as if the teacher had typed it."""
    query, user, s = update.callback_query, update.effective_user, context.services
    if query is None or user is None:
        return
    class_id, token = callbacks.class_pick(callbacks.parse(query.data))
    found = class_choice.teacher_class(s.db, user.id, class_id)  # forged, or not theirs
    held = held_commands.take(context, PENDING, token) if found is not None else None
    if found is None or held is None or not await spend(query):
        await acknowledge(query)
        await say(update, context, "button-stale", bilingual=False)
        return
    await acknowledge(query)
    typed = dict(held)
    typed["text"] = class_choice.with_class(str(typed.get("text", "")), found.name)
    await held_commands.run_again(update, context, typed)
