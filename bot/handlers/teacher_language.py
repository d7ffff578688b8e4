"""A teacher's /language: the language Puente writes to her in, over her phone's. Registered
before the students' /language, whose home-language menu is no teacher's (a teacher who
tapped it was told "You are not in a class yet", playtest 11)."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.chat.audience import PRIVATE, Audience, From
from bot.chat.replies import current_tap, spend, teacher_reads
from bot.context import PuenteContext, Services
from bot.presentation import callbacks, keyboards, menus
from bot.presentation.i18n import language_name
from bot.services import teaching

PHONE = "phone"  # tg:phone: follow the phone's language again


def register(app: Application) -> None:
    """Add a teacher's /language and its buttons."""
    services: Services = app.bot_data.services
    app.add_handler(CommandHandler("language", language,
                                   filters=PRIVATE & From(services, Audience.TEACHER)))
    app.add_handler(CallbackQueryHandler(language_button,
                                         pattern=rf"^{callbacks.TEACHER_LANG}:"))


async def language(update: Update, context: PuenteContext) -> None:
    """The languages Puente has messages in, each in its own name, and "my phone's"."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    lang = teacher_reads(context, user)
    chosen = teaching.chosen_language(s.db, user.id)  # ✓ on it, or on "my phone's" for none
    label = s.catalog.plain("button-teacher-language-phone", lang)
    phone = (label if chosen else f"{keyboards.CURRENT_MARK} {label}",
             callbacks.data(callbacks.TEACHER_LANG, PHONE))
    menu = keyboards.language_menu(sorted(s.catalog.languages), prefix=callbacks.TEACHER_LANG,
                                   more=phone, current=chosen)
    await context.bot.send_message(user.id, s.catalog.render("teacher-language-menu", lang),
                                   reply_markup=menu)


async def language_button(update: Update, context: PuenteContext) -> None:
    """Keep the teacher's choice, say it in the language chosen, and give her menu in it."""
    tap = await current_tap(update, context, "button-stale")
    if tap is None:
        return
    query, user, cb = tap
    s = context.services
    code = cb.args[0] if len(cb.args) == 1 else ""
    # The menu's buttons go first: a second tap on it that Telegram sent before the first
    # one's edit (two languages tapped quickly) changes nothing, never silently (H2)
    if not await spend(query):
        return
    teaching.choose_language(s.db, user.id, None if code == PHONE else code, s.catalog.languages)
    lang = teacher_reads(context, user)
    text = s.catalog.render("teacher-language-phone", lang) if code == PHONE else \
        s.catalog.render("teacher-language-set", lang, language=language_name(code))
    await query.edit_message_text(text)
    await menus.show_menu(context.bot, user.id, menus.teacher_commands(s.catalog, lang))
