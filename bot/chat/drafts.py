"""A message held until its sender says whom it is for: offered to the teacher of each child,
sent (or dropped) when they tap. It is held in memory only, in the sender's `user_data`, and
never written to the store."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode

from bot.chat.replies import say
from bot.context import PuenteContext
from bot.presentation import keyboards
from bot.services import messages
from bot.services.messages import Asker

DRAFT = "draft"  # user_data: a message held until its sender picks a child or confirms


async def offer_to_send(update: Update, context: PuenteContext, who: Asker, text: str | int,
                        key: str) -> None:
    """Hold a message, or a voice note's id, (in memory) and offer to send it to the teacher
    of each child."""
    chat, data, catalog = update.effective_chat, context.user_data, context.services.catalog
    if chat is None or data is None:
        return
    data[DRAFT] = text
    lang = who.language
    labels = [(c.student_id, catalog.plain("button-ask", lang)) for c in who.children] \
        if len(who.children) == 1 else \
        [(c.student_id, catalog.plain("button-ask-child", lang, name=c.first_name))
         for c in who.children]
    body = catalog.render(key, lang) if who.role == messages.FAMILY else \
        catalog.bilingual(key, lang)
    await context.bot.send_message(chat.id, body, parse_mode=ParseMode.HTML,
                                   reply_markup=keyboards.ask_buttons(
                                       labels, catalog.plain("button-dont-send", lang)))


def take(context: PuenteContext) -> str | int | None:
    """The held message, which is no longer held."""
    data = context.user_data if context.user_data is not None else {}
    return data.pop(DRAFT, None)


async def not_understood(update: Update, context: PuenteContext, text: str) -> None:
    """A text the bot cannot use: point to the commands, and offer to send it to the teacher."""
    user = update.effective_user
    who = messages.asker(context.services.db, user.id) if user else None
    if who is None:
        await say(update, context, "help-short")
        return
    await offer_to_send(update, context, who, text, "help-short")
