"""A student's cards: /words previews the words being learned; a card's Next ▶, ◀ and 🔁 turn
it in place, and the 🔁 under the cards sends them again, home language first."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.chat.audience import PRIVATE
from bot.chat.cards import send_page, show_preview
from bot.chat.replies import current_tap, spend, tapped
from bot.context import PuenteContext
from bot.presentation import callbacks
from bot.services import previews


async def words(update: Update, context: PuenteContext) -> None:
    """Preview the current words: one card a message turned with Next (levels 1-3), else
    bilingual cards in a few phone-sized messages."""
    await show_preview(update, context)


async def card_button(update: Update, context: PuenteContext) -> None:
    """Next ▶, ◀ or 🔁 on a card: the same message turns to that card of the student's preview.

    Any of her kept previews turns, even from a button its message no longer shows: a second
    tap on a slow phone reaches Telegram after the first one's edit, and the newest list
    answered it as an old one ("from an old list, or not for you": playtest, Arabic level 3)."""
    tap = await tapped(update)
    if tap is None:
        return
    query, user, cb = tap
    preview_id, index, flipped = callbacks.card_args(cb)
    s = context.services
    page = previews.turn_to(s.db, user.id, preview_id, index, s.clock(), flipped)
    await send_page(context, user.id, page, edit=query)


async def flip_button(update: Update, context: PuenteContext) -> None:
    """Show the same cards with the home language first, once: the 🔁 leaves the message (a
    tap on it from an old screen says where they are)."""
    tap = await current_tap(update, context, "cards-flipped-below")
    if tap is None:
        return
    query, _, cb = tap
    under = callbacks.flip_args(cb)  # a pushed preview's words, or the cards above it
    if not await spend(query, query.data):
        return  # a double tap: the flipped cards are on their way already
    await show_preview(update, context, flipped=True, push_id=under.push_id,
                       preview_id=under.preview_id)


async def new_cards_button(update: Update, context: PuenteContext) -> None:
    """Open the cards, new ones first, as /words does: the 📘 under a check's last message when
    cards wait, or the 📖 under a message that says "/words" (a child may not type it)."""
    tap = await tapped(update)
    if tap is None:
        return
    await show_preview(update, context)


def register(app: Application) -> None:
    """Add /words and the buttons that turn and flip its cards."""
    add = app.add_handler
    # Each handler is named for its command: /words is `words`.
    add(CommandHandler(words.__name__, words, filters=PRIVATE))
    add(CallbackQueryHandler(flip_button, pattern=rf"^{callbacks.FLIP}(:|$)"))
    add(CallbackQueryHandler(card_button, pattern=rf"^{callbacks.CARD}:"))
    add(CallbackQueryHandler(new_cards_button,
                             pattern=rf"^({callbacks.NEW_CARDS}|{callbacks.WORDS})$"))
