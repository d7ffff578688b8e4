"""A teacher's /language: the language Puente writes to her in, over her phone's. Registered
before the students' /language, whose home-language menu is no teacher's (a teacher who
tapped it was told "You are not in a class yet", playtest 11)."""

from __future__ import annotations

from telegram import CallbackQuery, Update, User
from telegram.constants import ParseMode
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.chat import join_notes
from bot.chat.audience import PRIVATE, Audience, From
from bot.chat.replies import arg_text, current_tap, spend, teacher_reads, user_reader
from bot.context import PuenteContext, Services
from bot.domain.chinese_script import language_of
from bot.domain.language_names import language_alone
from bot.presentation import callbacks, keyboards, menus
from bot.presentation.i18n import language_name
from bot.presentation.students import student_label
from bot.services import home_language, student_lookup, teaching

PHONE = "phone"  # tg:phone: follow the phone's language again


def register(app: Application) -> None:
    """Add a teacher's /language and its buttons."""
    services: Services = app.bot_data.services
    app.add_handler(CommandHandler("language", language,
                                   filters=PRIVATE & From(services, Audience.TEACHER)))
    app.add_handler(CallbackQueryHandler(language_button,
                                         pattern=rf"^{callbacks.TEACHER_LANG}:"))


async def language(update: Update, context: PuenteContext) -> None:
    """The languages Puente has messages in, each in its own name, and "my phone's"; with a
    language alone, choose it; with a student's name and a language, correct that student's
    home language."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    # "/language es": her own (playtest); "/language Thiago Portuguese" is a student's
    code = language_alone(arg_text(context)) if context.args else None
    if code is not None and code in s.catalog.languages:
        teaching.choose_language(s.db, user.id, code, s.catalog.languages)
        await _say_chosen(context, user, code)
        return
    if context.args:
        await student_language(update, context)
        return
    lang = teacher_reads(context, user)
    chosen = teaching.chosen_language(s.db, user.id)  # ✓ on it, or on "my phone's" for none
    label = s.catalog.plain("button-teacher-language-phone", lang)
    phone = (label if chosen else f"{keyboards.CURRENT_MARK} {label}",
             callbacks.data(callbacks.TEACHER_LANG, PHONE))
    menu = keyboards.language_menu(sorted(s.catalog.languages), prefix=callbacks.TEACHER_LANG,
                                   more=phone, current=s.scripts.reading(user.id, chosen),
                                   script=s.scripts.first_button(user.id))
    await context.bot.send_message(user.id, s.catalog.render("teacher-language-menu", lang),
                                   reply_markup=menu)


async def student_language(update: Update, context: PuenteContext) -> None:
    """Set a student's home language: /language NAME LANGUAGE; the student is told kindly,
    in the new language and English, and the join note still waiting says it."""
    user, s = update.effective_user, context.services
    assert user is not None
    lang = teacher_reads(context, user)

    def render(student_id: int, code: str) -> str:
        return str(s.catalog.bilingual(  # in her level's order: English first at 5-6
            "student-language-by-teacher", code, language=language_name(code),
            english_first=user_reader(context, student_id).english_first))
    done = home_language.correct_language(s.db, user.id, arg_text(context), s.clock(),
                                          s.config.school, render)
    student_id = done.row.student_id
    if done.changed:
        context.deliverer.wake()
        # their command menu in the language they read now
        await menus.show_menu(context.bot, student_id,
                              menus.student_commands(s.catalog, done.language))
        if done.before is None:  # joining is complete now: their teachers hear of it
            join_notes.tell_joined(context, student_id, None)
        else:  # a note still waiting names the language
            join_notes.refresh_joined(context, student_id)
    name = student_label(student_lookup.student_names(s.db, user.id).of(student_id),
                         s.catalog, lang)
    await context.bot.send_message(user.id, s.catalog.render(
        "student-language-set" if done.changed else "student-language-same", lang, name=name,
        language=language_name(done.language)), parse_mode=ParseMode.HTML)


async def language_button(update: Update, context: PuenteContext) -> None:
    """Keep the teacher's choice, say it in the language chosen, and give her menu in it."""
    tap = await current_tap(update, context, "button-stale")
    if tap is None:
        return
    query, user, cb = tap
    s = context.services
    tapped = cb.args[0] if len(cb.args) == 1 else ""
    code = language_of(tapped)  # "繁體中文" is Chinese, in its script
    # The menu's buttons go first: a second tap on it that Telegram sent before the first
    # one's edit (two languages tapped quickly) changes nothing, never silently (H2)
    if not await spend(query):
        return
    teaching.choose_language(s.db, user.id, None if code == PHONE else code, s.catalog.languages)
    s.scripts.choose(user.id, tapped)
    await _say_chosen(context, user, code, query)


async def _say_chosen(context: PuenteContext, user: User, code: str,
                      query: CallbackQuery | None = None) -> None:
    """Say the teacher's choice in the language chosen (in the menu it was tapped in, when
    `query`), and give her menu in it."""
    s = context.services
    lang = teacher_reads(context, user)
    text = s.catalog.render("teacher-language-phone", lang) if code == PHONE else \
        s.catalog.render("teacher-language-set", lang, language=language_name(code))
    if query is not None:
        await query.edit_message_text(text)
    else:
        await context.bot.send_message(user.id, text)
    await menus.show_menu(context.bot, user.id, menus.teacher_commands(s.catalog, lang))
