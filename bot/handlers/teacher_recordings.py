"""/record: a teacher (or a bilingual aide added as co-teacher) says words' home-language lines
in Telegram voice notes, for the languages no offline voice speaks; ⏭️ ⏹️ under each word,
🔁 🗑️ under each one kept. Every id is checked on the server (bot/services/recordings.py)."""

from __future__ import annotations

from telegram import Update, Voice
from telegram.constants import ParseMode
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.chat.audience import PRIVATE, Audience, From, Prompted
from bot.chat.replies import spend, tapped, user_language
from bot.context import PuenteContext, Services
from bot.presentation import callbacks, recording_views
from bot.services import recordings


def register(app: Application) -> None:
    """Add /record, its buttons and the voice notes that answer it."""
    services: Services = app.bot_data.services
    app.add_handler(CommandHandler("record", record, filters=PRIVATE))
    app.add_handler(CallbackQueryHandler(record_button, pattern=(
        rf"^({callbacks.RECORD}|{callbacks.RECORD_AGAIN}|{callbacks.RECORD_DELETE}):")))
    app.add_handler(MessageHandler(
        PRIVATE & filters.VOICE & From(services, Audience.TEACHER) & Prompted(services),
        recorded_voice))


async def record(update: Update, context: PuenteContext) -> None:
    """Show the class's next word without a recording in a language no voice speaks
    (`/record [LANGUAGE] [CLASS]`), or ask which language."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    lang = user_language(context, user.id, user.language_code)
    found = recordings.start(s.db, user.id, " ".join(context.args or []))
    if isinstance(found, recordings.LanguagePick):
        text, markup = recording_views.pick(s.catalog, lang, found)
        await context.bot.send_message(user.id, text, parse_mode=ParseMode.HTML,
                                       reply_markup=markup)
        return
    await _show(context, user.id, lang, found)


async def recorded_voice(update: Update, context: PuenteContext) -> None:
    """Keep a voice note for the word its prompt asked for, then show the next word."""
    message, user, s = update.effective_message, update.effective_user, context.services
    if message is None or user is None or message.voice is None:
        return
    lang = user_language(context, user.id, user.language_code)
    replied = message.reply_to_message
    saved = recordings.save(s.db, user.id, replied.message_id if replied else None,
                            message.voice.file_id, _seconds(message.voice), s.clock())
    markup = None if saved.too_long else recording_views.word_buttons(
        s.catalog, lang, saved.class_id, saved.word_id, saved.language)
    await message.reply_text(recording_views.saved_text(s.catalog, lang, saved),
                             parse_mode=ParseMode.HTML, reply_markup=markup)
    if saved.next is not None:
        await _show(context, user.id, lang, saved.next)


def _seconds(voice: Voice) -> int:
    """A voice note's length in whole seconds, as Telegram sent it (`Voice.duration` warns
    that it will become a timedelta)."""
    return int(voice.to_dict().get("duration", 0))


async def record_button(update: Update, context: PuenteContext) -> None:
    """A language to record, ⏭️ Skip, ⏹️ Stop, 🔁 Record again or 🗑️ Delete."""
    tap = await tapped(update)
    if tap is None:
        return
    query, user, cb = tap
    s = context.services
    lang = user_language(context, user.id, user.language_code)
    message_id = query.message.message_id if query.message is not None else 0
    if cb.prefix == callbacks.RECORD and cb.args == (callbacks.STOP,):
        recordings.stop(s.db, user.id)
        await spend(query)
        await context.bot.send_message(user.id, s.catalog.render("record-stopped", lang),
                                       parse_mode=ParseMode.HTML)
    elif cb.prefix == callbacks.RECORD and cb.args == (callbacks.SKIP,):
        found = recordings.skip(s.db, user.id, message_id)
        await spend(query)
        await _show(context, user.id, lang, found)
    elif cb.prefix == callbacks.RECORD and len(cb.args) == 2:
        found = recordings.choose(s.db, user.id, cb.int_arg(0), cb.args[1])
        await spend(query)
        await _show(context, user.id, lang, found)
    elif cb.prefix == callbacks.RECORD_AGAIN and len(cb.args) == 3:
        await _show(context, user.id, lang, recordings.again(
            s.db, user.id, cb.int_arg(0), cb.int_arg(1), cb.args[2]))
    elif cb.prefix == callbacks.RECORD_DELETE and len(cb.args) == 3:
        class_id, word_id = cb.int_arg(0), cb.int_arg(1)
        term, found = recordings.delete(s.db, user.id, class_id, word_id, cb.args[2])
        await spend(query, query.data)
        await context.bot.send_message(
            user.id, recording_views.deleted_text(s.catalog, lang, term, found),
            parse_mode=ParseMode.HTML, reply_markup=recording_views.word_buttons(
                s.catalog, lang, class_id, word_id, found.language, delete=False))
    else:
        raise callbacks.ForgedCallbackError("bad recording button")


async def _show(context: PuenteContext, user_id: int, lang: str,
                found: recordings.Ask | recordings.Finished) -> None:
    """Send the word to say (remembered as its prompt), or the end of the words."""
    s = context.services
    if isinstance(found, recordings.Finished):
        await context.bot.send_message(user_id, recording_views.finished_text(
            s.catalog, lang, found), parse_mode=ParseMode.HTML)
        return
    sent = await context.bot.send_message(
        user_id, recording_views.ask_text(s.catalog, lang, found), parse_mode=ParseMode.HTML,
        reply_markup=recording_views.ask_buttons(s.catalog, lang))
    recordings.asked(s.db, user_id, sent.message_id, found, s.clock())
