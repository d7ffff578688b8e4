"""Letter tiles under a check question: a tile, ⌫ or "🔤" edits the same message (no store,
no new message); ✅ grades the spelling as a typed answer (feedback and the next question in
that message, as any graded tap). And her ✅ Yes or No to "🔤 Show the letters first next
time?" (under a check's last message, once: services/letters_first.py)."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler

from bot.chat import tile_screen
from bot.chat.questions import send_feedback
from bot.chat.replies import acknowledge, user_language, user_reader
from bot.context import PuenteContext
from bot.domain import tiles
from bot.presentation import callbacks, keyboards
from bot.services import answers, letters_first

log = logging.getLogger(__name__)


async def tile(update: Update, context: PuenteContext) -> None:
    """Add a tile to the spelling, take one back (⌫), show the tiles ("🔤"), or grade it (✅).
    A tap on an old screen or a forged one changes nothing, and its toast says so kindly."""
    query, user, s = update.callback_query, update.effective_user, context.services
    if query is None or user is None:
        return

    def toast(key: str) -> str:  # her language is read only for a toast: a tap reads nothing
        return s.catalog.plain(key, user_language(context, user.id, user.language_code))

    try:
        tap = callbacks.tile_tap(callbacks.parse(query.data))
    except callbacks.ForgedCallbackError:
        await acknowledge(query, toast("check-stale"))
        return
    old = tile_screen.refused(context, query.message.message_id, tap.item_id) \
        if query.message is not None else None
    screen = tile_screen.current(context, query, tap) if old is None else None
    if screen is None:  # answered or moved on (the message shows other buttons now), or a
        # copy /check sent again below: its letters would go nowhere
        log.info("a letter tile on an old screen changed nothing")
        await acknowledge(query, toast(old or "check-stale"))
        return
    if tap.action == callbacks.TILE_DONE:
        if not tiles.finished(screen.spelling, screen.fewest):  # too few letters: no answer
            # a box she closes: a level-1 reader cannot read two lines in a toast's 3 seconds
            await acknowledge(query, toast("tiles-short" if screen.picks else "tiles-empty"),
                              alert=True)
            return
        try:
            feedback = answers.answer_tiles(s.db, user.id, tap.item_id, screen.spelling,
                                            s.clock(), s.config.school.timezone,
                                            s.config.school.holidays)
        except answers.StaleItemError as exc:
            log.info("a ✅ under letter tiles graded nothing: %s", type(exc).__name__)
            await acknowledge(query, toast(exc.prompt_key),
                              alert=isinstance(exc, answers.ShortSpellingError))
            return
        tile_screen.forget(context)
        await acknowledge(query)
        await send_feedback(update, context, feedback, edit=query)
        return
    changed = tile_screen.after(screen, tap)
    tile_screen.remember(context, changed)
    await acknowledge(query)
    if changed == screen and screen.shown:  # a used tile, ⌫ on nothing: the screen is right
        return
    if _more_taps_waiting(context, user.id):  # she taps faster than edits go: the last tap's
        return  # edit shows them all (one edit for a burst, no 429 from Telegram)
    await tile_screen.show(query, changed)


def _more_taps_waiting(context: PuenteContext, user_id: int) -> bool:
    """Whether another update from her waits behind this one (updates run in order per
    person: handlers/ordering.py)."""
    waiting = getattr(context.application.update_processor, "waiting", None)
    return callable(waiting) and waiting(user_id) > 1


async def letters_offer_button(update: Update, context: PuenteContext) -> None:
    """Keep her ✅ Yes or No to "🔤 Show the letters first next time?", take the two buttons
    off and say what happens next, in her language and English. An offer answered already
    (or never made, or decided by her teacher since) changes nothing, and its toast says so."""
    query, user, s = update.callback_query, update.effective_user, context.services
    if query is None or user is None:
        return
    reader = user_reader(context, user.id, user.language_code)
    cb = callbacks.parse(query.data)
    if cb.args not in (("y",), ("n",)):
        raise callbacks.ForgedCallbackError("bad letters-first offer")
    yes = cb.args == ("y",)
    try:
        letters_first.answer_offer(s.db, user.id, yes)
    except letters_first.OfferAnsweredError as exc:
        await acknowledge(query, s.catalog.plain(exc.prompt_key, reader.language))
        return
    await acknowledge(query)
    message = query.message
    if message is not None:
        left = keyboards.without_prefix(getattr(message, "reply_markup", None),
                                        callbacks.LETTERS_OFFER)
        await query.edit_message_reply_markup(left)
    await context.bot.send_message(user.id, s.catalog.bilingual(
        "letters-offer-yes" if yes else "letters-offer-no", reader.language,
        english_first=reader.english_first))


def register(app: Application) -> None:
    """Add the letter tiles' buttons, and the letters-first offer's."""
    app.add_handler(CallbackQueryHandler(tile, pattern=rf"^{callbacks.TILES}:"))
    app.add_handler(CallbackQueryHandler(letters_offer_button,
                                         pattern=rf"^{callbacks.LETTERS_OFFER}:"))
