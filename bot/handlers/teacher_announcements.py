"""A teacher's /announce: the announcement in every language it will go out in, then a tap
sends it to the class's families (or families and students), or cancels it. `/announce CLASS`
alone (and 📋 under a warning that families get English) offers the ready-made ones instead:
people's words in each family's language, the day and time chosen with buttons."""

from __future__ import annotations

from functools import partial

from telegram import CallbackQuery, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.chat.audience import PRIVATE
from bot.chat.replies import (
    not_modified,
    old_button,
    remember_spent,
    say,
    spend,
    spent_key,
    tapped,
    user_language,
)
from bot.context import PuenteContext
from bot.domain.ready_announcements import DayGoneError
from bot.presentation import (
    callbacks,
    day_off_views,
    keyboards,
    message_views,
    ready_menus,
    spoken_views,
)
from bot.presentation.i18n import Counted, Markup
from bot.presentation.keyboards import cannot_read_rows, listen_rows
from bot.services import announcements, days_off, listen, ready_announcements, relays
from bot.services.announcements import AnnouncementPlan


def register(app: Application) -> None:
    """Add /announce and its confirming buttons."""
    app.add_handler(CommandHandler("announce", announce, filters=PRIVATE))
    app.add_handler(CallbackQueryHandler(announce_button, pattern=rf"^{callbacks.ANNOUNCE}:"))
    app.add_handler(CallbackQueryHandler(ready_button,
                                         pattern=rf"^{callbacks.READY_ANNOUNCE}:"))


async def announce(update: Update, context: PuenteContext) -> None:
    """Show an announcement in every language it will go out in: /announce CLASS TEXT."""
    user, chat, s = update.effective_user, update.effective_chat, context.services
    if user is None or chat is None:
        return
    message = update.effective_message
    request = relays.command_text(message.text if message else None)
    lang = user_language(context, user.id, user.language_code)
    found, text = announcements.split_class(s.db, user.id, request)
    if not text.strip():  # "/announce Science 7B": how to write one, or a ready-made one
        title, markup = ready_menus.menu(s.catalog, lang, found.id, found.name)
        missing = s.catalog.render("announce-text-missing", lang, class_name=found.name)
        await context.bot.send_message(chat.id, Markup(f"{missing}\n\n{title}"),
                                       parse_mode=ParseMode.HTML, reply_markup=markup)
        return
    plan = await announcements.plan_announcement(s.db, s.translator, user.id, request, s.clock())
    await _show_plan(update, context, chat.id, lang, plan)


async def _show_plan(update: Update, context: PuenteContext, chat_id: int, lang: str,
                     plan: AnnouncementPlan) -> None:
    """Show an announcement in every language it will go out in, with its confirming buttons
    (and 📋 the ready-made ones, when some families would get words they cannot read)."""
    s = context.services
    if not plan.versions:
        announcements.cancel_announcement(s.db, plan.teacher_id, plan.id)
        await say(update, context, "announce-none", bilingual=False, class_name=plan.class_name)
        return
    # Never a button that reaches nobody: with no family member linked, students only; a
    # ready-made one speaks to families, so it goes to them alone.
    families = s.catalog.plain("button-announce-families", lang) if plan.families else None
    everyone = None if plan.ready else s.catalog.plain(
        "button-announce-all" if plan.families else "button-announce-students", lang)
    markup = keyboards.announce_buttons(plan.id, families, everyone,
                                        s.catalog.plain("button-cancel", lang))
    if message_views.offers_ready_announcements(plan):
        markup = InlineKeyboardMarkup([*markup.inline_keyboard, [
            ready_menus.open_button(s.catalog, lang, plan.class_id)]])
    parts = message_views.announcement_preview(s.catalog, lang, plan)
    for index, part in enumerate(parts):  # the buttons under the last part
        await context.bot.send_message(chat_id, part, parse_mode=ParseMode.HTML,
                                       reply_markup=markup if index == len(parts) - 1 else None)


async def ready_button(update: Update, context: PuenteContext) -> None:
    """Offer a class's ready-made announcements, then the one tapped's day and time (the
    menu changes in place); the last choice shows it in every language, to confirm as any
    announcement. A day gone by (an old menu) is said, with the days there are now."""
    tap = await tapped(update)
    if tap is None:
        return
    query, user, cb = tap
    s, now = context.services, context.services.clock()
    class_id, name, when = callbacks.ready_announce(cb)
    lang = user_language(context, user.id, user.language_code)
    if name is None:  # 📋 under a preview or a held reply: the menu, below it
        found = ready_announcements.ready_class(s.db, user.id, class_id)
        title, markup = ready_menus.menu(s.catalog, lang, found.id, found.name)
        await context.bot.send_message(user.id, title, parse_mode=ParseMode.HTML,
                                       reply_markup=markup)
        return
    gone = False
    try:
        found, choice = ready_announcements.choose(s.db, s.config.school, user.id, class_id,
                                                   name, when, now)
    except DayGoneError:
        gone = True
        found, choice = ready_announcements.choose(s.db, s.config.school, user.id, class_id,
                                                   name, None, now)
    days = ready_announcements.days(s.config.school, now, choice.page, name)
    if choice.needs == "day":
        await _edit(query, *ready_menus.day_menu(s.catalog, lang, found.id, choice, days, gone))
    elif choice.needs == "time":
        await _edit(query, *ready_menus.time_menu(s.catalog, lang, found.id, choice))
    elif await spend(query):  # chosen (a double tap: the first tap showed it)
        plan = await ready_announcements.plan_ready(
            s.db, s.translator, user.id, found, ready_menus.written(s.catalog, choice), now,
            choice.no_school_day)
        await _show_plan(update, context, user.id, lang, plan)


async def _edit(query: CallbackQuery, text: str, markup: InlineKeyboardMarkup) -> None:
    """Turn a ready-made menu into its next step, in place (a double tap: already done)."""
    try:
        await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)
    except BadRequest as exc:
        if not not_modified(exc):
            raise


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
    rendered = [(d, message_views.announcement_text(s.catalog, class_name, found.text, d),
                 spoken_views.announcement_spoken(s.catalog, class_name, d))
                for d in deliveries]
    announcements.queue_announcement(s.db, found, rendered, s.clock(),
                                     listen_rows(s.catalog, partial(listen.can_say, s.speech))
                                     if s.speech is not None else None,
                                     partial(cannot_read_rows, s.catalog))
    context.deliverer.wake()  # the deliverer paces them and waits out quiet hours
    families, students = announcements.audience(deliveries)
    # Say who is counted, so a number lower than the preview's has its reason beside it.
    if choice == "s":
        await say(update, context, "announce-queued", bilingual=False,
                  families=Counted("count-family-members", families),
                  students=Counted("count-students", students))
    else:  # "r": families were the only choice (a ready-made one), so none is named
        await say(update, context, "announce-queued-ready" if choice == "r"
                  else "announce-queued-families", bilingual=False,
                  families=Counted("count-family-members", families))
    day = days_off.offered_day(found, s.config.school, s.clock())
    if day is not None:  # "no school on Wed": a day off in Puente too? (reminders, counts)
        lang = user_language(context, user.id, user.language_code)
        text, markup = day_off_views.offer(s.catalog, lang, found.id, day)
        await context.bot.send_message(user.id, text, parse_mode=ParseMode.HTML,
                                       reply_markup=markup)


def _spent(update: Update, context: PuenteContext) -> str:
    """What a tap on an announcement's spent buttons says: cancelled (as remembered), or
    what the store knows (it went)."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None:
        return "button-stale"
    announcement_id = callbacks.parse(query.data).int_arg(0)
    return spent_key(update, context, announcements.spent_prompt(
        context.services.db, user.id, announcement_id))
