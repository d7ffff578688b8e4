"""/record: a teacher (or a bilingual aide added as co-teacher) says words' home-language lines
in Telegram voice notes, for the languages no offline voice speaks; ⏭️ ⏹️ under each word,
🔁 🗑️ under each one kept. `/record replies` does the same over the ready-made replies, which
a family then hears with the reply. Every id is checked on the server
(bot/services/recordings.py, bot/services/reply_recordings.py). And /readaloud NAME [off]: a
student who cannot read yet has her level 1-2 questions checked orally, their options numbered
and read aloud (bot/services/oral_checks.py)."""

from __future__ import annotations

from telegram import CallbackQuery, Update, Voice
from telegram.constants import ParseMode
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.chat.audience import PRIVATE, Audience, From, Prompted
from bot.chat.replies import arg_text, spend, student_for, tapped, user_language
from bot.context import PuenteContext, Services
from bot.presentation import callbacks, recording_views
from bot.services import oral_checks, recording_flow, recordings, reply_recordings, student_lookup

REPLIES_WORD = "replies"  # /record replies [LANGUAGE] [CLASS]


def register(app: Application) -> None:
    """Add /record, its buttons and the voice notes that answer it."""
    services: Services = app.bot_data.services
    app.add_handler(CommandHandler("record", record, filters=PRIVATE))
    app.add_handler(CommandHandler("readaloud", readaloud, filters=PRIVATE))
    app.add_handler(CallbackQueryHandler(record_button, pattern=(
        rf"^({callbacks.RECORD}|{callbacks.RECORD_AGAIN}|{callbacks.RECORD_DELETE}"
        rf"|{callbacks.RECORD_REPLY_AGAIN}|{callbacks.RECORD_REPLY_DELETE}):")))
    app.add_handler(MessageHandler(
        PRIVATE & filters.VOICE & From(services, Audience.TEACHER) & Prompted(services),
        recorded_voice))


async def record(update: Update, context: PuenteContext) -> None:
    """Show the class's next word (`/record replies`: ready-made reply) without a recording in
    a language no voice speaks (`/record [replies] [LANGUAGE] [CLASS]`), or ask which
    language."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    lang = user_language(context, user.id, user.language_code)
    args = list(context.args or [])
    replies = bool(args) and args[0].casefold() == REPLIES_WORD
    found = recording_flow.start(s.db, user.id, " ".join(args[1 if replies else 0:]),
                                 reply_recordings.REPLIES if replies else recordings.WORDS)
    if isinstance(found, recording_flow.LanguagePick):
        text, markup = recording_views.pick(s.catalog, lang, found)
        await context.bot.send_message(user.id, text, parse_mode=ParseMode.HTML,
                                       reply_markup=markup)
        return
    await _show(context, user.id, lang, found)


async def readaloud(update: Update, context: PuenteContext) -> None:
    """Turn a student's oral checks over, or on or off: /readaloud NAME [off]."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    lang = user_language(context, user.id, user.language_code)
    done = oral_checks.switch(s.db, user.id, arg_text(context))
    name = student_lookup.name_of(s.db, user.id, done.student_id)
    params = {"name": student_for(context, user.id, done.student_id, lang=lang),
              "command": f"/readaloud {name.command}"}
    lines = [s.catalog.render("read-aloud-on" if done.on else "read-aloud-off", lang,
                              **params)]
    if done.on and done.level is not None and done.level > 2:  # kept; it acts at 1-2
        lines.append(s.catalog.render("read-aloud-level", lang, level=done.level, **params))
    await context.bot.send_message(user.id, "\n".join(lines), parse_mode=ParseMode.HTML)


async def recorded_voice(update: Update, context: PuenteContext) -> None:
    """Keep a voice note for the word (or ready-made reply) its prompt asked for, then show
    the next one."""
    message, user, s = update.effective_message, update.effective_user, context.services
    if message is None or user is None or message.voice is None:
        return
    lang = user_language(context, user.id, user.language_code)
    replied = message.reply_to_message
    replied_id = replied.message_id if replied else None
    saved = recording_flow.save(s.db, _kind(context, user.id, replied_id), user.id, replied_id,
                                message.voice.file_id, _seconds(message.voice), s.clock())
    markup = None if saved.too_long else recording_views.kept_buttons(
        s.catalog, lang, saved.class_id, saved.entry.key, saved.language)
    await message.reply_text(recording_views.saved_text(s.catalog, lang, saved),
                             parse_mode=ParseMode.HTML, reply_markup=markup)
    if saved.next is not None:
        await _show(context, user.id, lang, saved.next)


def _kind(context: PuenteContext, user_id: int, message_id: int | None
          ) -> recording_flow.Kind:
    """What her open prompt asks for: a ready-made reply, or a word's line."""
    asks_reply = reply_recordings.asks_reply(context.services.db, user_id, message_id)
    return reply_recordings.REPLIES if asks_reply else recordings.WORDS


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
        found = recording_flow.skip(s.db, _kind(context, user.id, message_id), user.id,
                                    message_id)
        await spend(query)
        await _show(context, user.id, lang, found)
    elif cb.prefix == callbacks.RECORD and len(cb.args) == 2:
        found = recording_flow.choose(s.db, user.id, cb.int_arg(0), cb.args[1],
                                      recordings.WORDS)
        await spend(query)
        await _show(context, user.id, lang, found)
    elif cb.prefix == callbacks.RECORD and len(cb.args) == 3 \
            and cb.args[2] == callbacks.REPLIES:
        found = recording_flow.choose(s.db, user.id, cb.int_arg(0), cb.args[1],
                                      reply_recordings.REPLIES)
        await spend(query)
        await _show(context, user.id, lang, found)
    elif cb.prefix in (callbacks.RECORD_REPLY_AGAIN, callbacks.RECORD_REPLY_DELETE) \
            and len(cb.args) == 3:
        await _reply_button(context, query, lang, cb)
    elif cb.prefix == callbacks.RECORD_AGAIN and len(cb.args) == 3:
        await _show(context, user.id, lang, recordings.again(
            s.db, user.id, cb.int_arg(0), cb.int_arg(1), cb.args[2]))
    elif cb.prefix == callbacks.RECORD_DELETE and len(cb.args) == 3:
        class_id, word_id = cb.int_arg(0), cb.int_arg(1)
        term, found = recordings.delete(s.db, user.id, class_id, word_id, cb.args[2])
        await spend(query, query.data)
        await context.bot.send_message(
            user.id, recording_views.deleted_text(s.catalog, lang, term, found),
            parse_mode=ParseMode.HTML, reply_markup=recording_views.kept_buttons(
                s.catalog, lang, class_id, word_id, found.language, delete=False))
    else:
        raise callbacks.ForgedCallbackError("bad recording button")


async def _reply_button(context: PuenteContext, query: CallbackQuery, lang: str,
                        cb: callbacks.Callback) -> None:
    """🔁 Record a ready-made reply again, or 🗑️ delete its recording."""
    s, user_id = context.services, query.from_user.id
    class_id, reply, language = cb.int_arg(0), cb.args[1], cb.args[2]
    if cb.prefix == callbacks.RECORD_REPLY_AGAIN:
        await _show(context, user_id, lang, reply_recordings.again(
            s.db, user_id, class_id, reply, language))
        return
    found = reply_recordings.delete(s.db, user_id, class_id, reply, language)
    await spend(query, query.data)
    await context.bot.send_message(
        user_id, recording_views.reply_deleted_text(s.catalog, lang, reply, found),
        parse_mode=ParseMode.HTML, reply_markup=recording_views.kept_buttons(
            s.catalog, lang, class_id, reply, language, delete=False))


async def _show(context: PuenteContext, user_id: int, lang: str,
                found: recordings.Ask | recording_flow.Finished | reply_recordings.ReplyAsk
                ) -> None:
    """Send the word (or ready-made reply) to say, remembered as its prompt, or the end."""
    s = context.services
    if isinstance(found, recording_flow.Finished):
        await context.bot.send_message(user_id, recording_views.finished_text(
            s.catalog, lang, found), parse_mode=ParseMode.HTML)
        return
    if isinstance(found, reply_recordings.ReplyAsk):
        sent = await context.bot.send_message(
            user_id, recording_views.reply_ask_text(s.catalog, lang, found),
            parse_mode=ParseMode.HTML, reply_markup=recording_views.ask_buttons(s.catalog, lang))
        reply_recordings.asked(s.db, user_id, sent.message_id, found, s.clock())
        return
    sent = await context.bot.send_message(
        user_id, recording_views.ask_text(s.catalog, lang, found), parse_mode=ParseMode.HTML,
        reply_markup=recording_views.ask_buttons(s.catalog, lang))
    recordings.asked(s.db, user_id, sent.message_id, found, s.clock())
