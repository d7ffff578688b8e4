"""The 🔊 button: send words as Telegram voice notes (OGG/Opus), each clip uploaded once."""

from __future__ import annotations

import asyncio

from telegram import InputFile, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import Application, CallbackQueryHandler

from bot.context import PuenteContext
from bot.handlers.common import tapped
from bot.presentation import callbacks, views
from bot.services import listen
from bot.speech import SpeechUnavailableError


def register(app: Application) -> None:
    """Add the 🔊 button's handler."""
    app.add_handler(CallbackQueryHandler(listen_button, pattern=rf"^{callbacks.AUDIO}(:|$)"))


async def listen_button(update: Update, context: PuenteContext) -> None:
    """Send one voice note per word: the tapped word, or every word being learned now."""
    tap = await tapped(update)
    if tap is None:
        return
    _query, user, cb = tap
    word_id, word_only = _target(cb)
    s = context.services
    listening = await listen.notes_for(s.db, s.speech, user.id, word_id, s.clock(), word_only)
    assert s.speech is not None  # notes_for said so otherwise
    ahead = listen.render_ahead(s.db, s.speech, listening.notes)
    for index, note in enumerate(listening.notes):
        caption = s.catalog.render(note.caption_key, listening.lang, **note.caption)
        if index == 0 and not listening.home_voice:
            caption += "\n" + s.catalog.render("audio-no-home-voice", listening.lang,
                                               language=views.language_name(listening.lang))
        await send_note(context, user.id, note, caption)
    await asyncio.gather(*ahead)  # all were awaited through `prepare`; this only tidies up


async def send_note(context: PuenteContext, chat_id: int, note: listen.VoiceNote,
                    caption: str) -> None:
    """Send a clip by its remembered file_id, else upload it and remember the new file_id."""
    s = context.services
    if s.speech is None:
        raise SpeechUnavailableError("speech is off in this installation")
    async with s.speech.sending(note.key):
        note = await listen.prepare(s.db, s.speech, note)
        try:
            await _send_voice(context, chat_id, note, caption)
        except BadRequest as exc:
            problem = exc.message.lower()
            if "voice_messages_forbidden" in problem:  # the student's privacy settings
                clip = note.clip or (await listen.upload(s.speech, note)).clip
                assert clip is not None
                await context.bot.send_audio(
                    chat_id, InputFile(clip.data, filename="word.ogg"), caption=caption,
                    duration=max(1, round(clip.seconds)), parse_mode=ParseMode.HTML)
            elif "file" in problem and note.file_id:  # another bot token's id, or a lost file
                listen.rejected(s.db, note)
                await _send_voice(context, chat_id, await listen.upload(s.speech, note),
                                  caption)
            else:
                raise


async def _send_voice(context: PuenteContext, chat_id: int, note: listen.VoiceNote,
                      caption: str) -> None:
    """sendVoice by file_id; or upload the clip and remember the file_id Telegram gives it."""
    if note.file_id is not None:
        await context.bot.send_voice(chat_id, note.file_id, caption=caption,
                                     parse_mode=ParseMode.HTML)
        return
    assert note.clip is not None
    message = await context.bot.send_voice(
        chat_id, InputFile(note.clip.data, filename="word.ogg"), caption=caption,
        duration=max(1, round(note.clip.seconds)), parse_mode=ParseMode.HTML)
    if message.voice is not None:
        listen.uploaded(context.services.db, note, message.voice.file_id,
                        context.services.clock())


def _target(cb: callbacks.Callback) -> tuple[int | None, bool]:
    """(word id or None for every current word, the English word alone?) from button data."""
    if not cb.args:
        return None, False
    if len(cb.args) > 2 or cb.args[1:] not in ((), ("w",)):
        raise callbacks.ForgedCallbackError("bad audio button")
    return cb.int_arg(0), cb.args[1:] == ("w",)
