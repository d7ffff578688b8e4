"""A teacher's /announce: the announcement in every language it will go out in, then a tap
sends it to the class's families (or families and students), or cancels it."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.chat.audience import PRIVATE
from bot.chat.replies import (
    old_button,
    remember_spent,
    say,
    spend,
    spent_key,
    tapped,
    user_language,
)
from bot.context import PuenteContext
from bot.presentation import callbacks, keyboards, message_views
from bot.presentation.i18n import Counted
from bot.services import announcements, relays


def register(app: Application) -> None:
    """Add /announce and its confirming buttons."""
    app.add_handler(CommandHandler("announce", announce, filters=PRIVATE))
    app.add_handler(CallbackQueryHandler(announce_button, pattern=rf"^{callbacks.ANNOUNCE}:"))


async def announce(update: Update, context: PuenteContext) -> None:
    """Show an announcement in every language it will go out in: /announce CLASS TEXT."""
    user, chat, s = update.effective_user, update.effective_chat, context.services
    if user is None or chat is None:
        return
    message = update.effective_message
    request = relays.command_text(message.text if message else None)
    plan = await announcements.plan_announcement(s.db, s.translator, user.id, request, s.clock())
    lang = user_language(context, user.id, user.language_code)
    if not plan.versions:
        announcements.cancel_announcement(s.db, user.id, plan.id)
        await say(update, context, "announce-none", bilingual=False, class_name=plan.class_name)
        return
    # Never a button that reaches nobody: with no family member linked, students only.
    families = s.catalog.plain("button-announce-families", lang) if plan.families else None
    everyone = s.catalog.plain("button-announce-all" if plan.families
                               else "button-announce-students", lang)
    markup = keyboards.announce_buttons(plan.id, families, everyone,
                                        s.catalog.plain("button-cancel", lang))
    parts = message_views.announcement_preview(s.catalog, lang, plan)
    for index, part in enumerate(parts):  # the buttons under the last part
        await context.bot.send_message(chat.id, part, parse_mode=ParseMode.HTML,
                                       reply_markup=markup if index == len(parts) - 1 else None)


async def announce_button(update: Update, context: PuenteContext) -> None:
    """The teacher confirmed (families, or families and students) or cancelled. A later tap
    on the spent buttons says which it was, sent or cancelled, and does nothing again."""
    if await old_button(update, context, _spent(update, context)):
        return
    tap = await tapped(update)
    if tap is None:
        return
    query, user, cb = tap
    s = context.services
    announcement_id = cb.int_arg(0)
    choice = cb.args[1] if len(cb.args) > 1 else ""
    if not await spend(query):  # a double tap: the first tap did this
        return
    if choice == "no":
        announcements.cancel_announcement(s.db, user.id, announcement_id)
        remember_spent(context, query, "announce-cancelled")  # the store forgets it
        await say(update, context, "announce-cancelled", bilingual=False)
        return
    found, deliveries = announcements.confirm_announcement(s.db, user.id, announcement_id,
                                                           students=choice == "s")
    class_name = announcements.class_name(s.db, found.class_id)
    rendered = [(d.telegram_id, message_views.announcement_text(s.catalog, class_name,
                                                                found.text, d))
                for d in deliveries]
    announcements.queue_announcement(s.db, found, rendered, s.clock())
    context.deliverer.wake()  # the deliverer paces them and waits out quiet hours
    families, students = announcements.audience(deliveries)
    # Say who is counted, so a number lower than the preview's has its reason beside it.
    if choice == "s":
        await say(update, context, "announce-queued", bilingual=False,
                  families=Counted("count-family-members", families),
                  students=Counted("count-students", students))
    else:
        await say(update, context, "announce-queued-families", bilingual=False,
                  families=Counted("count-family-members", families))


def _spent(update: Update, context: PuenteContext) -> str:
    """What a tap on an announcement's spent buttons says: cancelled (as remembered), or
    what the store knows (it went)."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None:
        return "button-stale"
    announcement_id = callbacks.parse(query.data).int_arg(0)
    return spent_key(update, context, announcements.spent_prompt(
        context.services.db, user.id, announcement_id))
