"""A teacher's days off in Puente: "🏫 Also a day off in Puente" under a sent "There is no
school on ___", and /daysoff, the days off with a button each to make one a school day again.
Teachers only; every id and day is checked on the server (bot/services/days_off.py)."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.chat.audience import PRIVATE
from bot.chat.replies import current_tap, remember_spent, spend, user_language
from bot.context import PuenteContext
from bot.presentation import callbacks, day_off_views
from bot.presentation.i18n import Day, Markup
from bot.services import days_off


def register(app: Application) -> None:
    """Add /daysoff and the day-off buttons."""
    app.add_handler(CommandHandler("daysoff", daysoff, filters=PRIVATE))
    app.add_handler(CallbackQueryHandler(day_off_button, pattern=rf"^{callbacks.DAY_OFF}:"))


async def daysoff(update: Update, context: PuenteContext) -> None:
    """List the days off in Puente, with a button each to make one a school day again;
    `/daysoff DATE` first makes that day a day off for the whole school."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    lang = user_language(context, user.id, user.language_code)
    typed = " ".join(context.args or [])
    said = None
    if typed:
        added = days_off.add_typed(s.db, user.id, typed, s.config.school, s.clock())
        s.refresh_days_off()
        said = day_off_views.typed(s.catalog, lang, added, typed)
    found = days_off.listing(s.db, user.id, s.config.school, s.clock())
    text, markup = day_off_views.listing(s.catalog, lang, found, said)
    await context.bot.send_message(user.id, text, parse_mode=ParseMode.HTML, reply_markup=markup)


async def day_off_button(update: Update, context: PuenteContext) -> None:
    """Make an announced day a day off (the offer's button), or a listed one a school day
    again (/daysoff's, after its ✅); either takes effect at once, in every reminder, count
    and note."""
    tap = await current_tap(update, context, "button-stale")
    if tap is None:
        return
    query, user, cb = tap
    s, now = context.services, context.services.clock()
    lang = user_language(context, user.id, user.language_code)
    pressed = callbacks.day_off(cb)
    if pressed.announcement_id is not None:
        added, new = days_off.add_from_announcement(s.db, user.id, pressed.announcement_id,
                                                    s.config.school, now)
        s.refresh_days_off()
        if await spend(query):
            key = "dayoff-added" if new else "dayoff-already"
            remember_spent(context, query, "button-stale")
            await query.edit_message_text(s.catalog.render(key, lang, day=Day(added)),
                                          parse_mode=ParseMode.HTML)
        return
    assert pressed.day is not None
    said: Markup | None = None
    if pressed.action == callbacks.REMOVE_DAY:  # a tap asks; only ✅ changes anything
        if days_off.removable(s.db, user.id, pressed.day, s.config.school, now):
            text, asked = day_off_views.confirm_removal(s.catalog, lang, pressed.day)
            await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=asked)
            return
        said = s.catalog.render("dayoff-not-listed", lang, day=Day(pressed.day))
    elif pressed.action == callbacks.CONFIRM_REMOVE_DAY:  # again, or forged: nothing to undo
        removed = days_off.remove(s.db, user.id, pressed.day, s.config.school, now)
        s.refresh_days_off()
        said = s.catalog.render("dayoff-removed" if removed else "dayoff-not-listed", lang,
                                day=Day(pressed.day))
    text, markup = day_off_views.listing(
        s.catalog, lang, days_off.listing(s.db, user.id, s.config.school, now), said)
    await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)
