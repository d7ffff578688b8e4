"""Send one voice note: by the file_id Telegram gave its clip before, else upload it once and
remember the new file_id. Shared by the 🔊 buttons, listening check items and placement audio."""

from __future__ import annotations

from telegram import Bot, InlineKeyboardMarkup, InputFile, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.context import Services
from bot.services import listen
from bot.speech import SpeechUnavailableError


async def send_note(bot: Bot, services: Services, chat_id: int, note: listen.VoiceNote,
                    caption: str, markup: InlineKeyboardMarkup | None = None) -> Message:
    """Send a clip by its remembered file_id, else upload it and remember the new file_id; a
    student who refuses voice messages gets the same clip as an audio file. Return the message
    sent."""
    speech = services.speech
    if speech is None:
        raise SpeechUnavailableError("speech is off in this installation")
    async with speech.sending(note.key):
        note = await listen.prepare(services.db, speech, note)
        try:
            return await _send_voice(bot, services, chat_id, note, caption, markup)
        except BadRequest as exc:
            problem = exc.message.lower()
            if "voice_messages_forbidden" in problem:  # the student's privacy settings
                clip = note.clip or (await listen.upload(speech, note)).clip
                assert clip is not None
                return await bot.send_audio(
                    chat_id, InputFile(clip.data, filename="word.ogg"), caption=caption,
                    duration=max(1, round(clip.seconds)), parse_mode=ParseMode.HTML,
                    reply_markup=markup)
            if "file" in problem and note.file_id:  # another bot token's id, or a lost file
                listen.rejected(services.db, note)
                return await _send_voice(bot, services, chat_id,
                                         await listen.upload(speech, note), caption, markup)
            raise


async def _send_voice(bot: Bot, services: Services, chat_id: int, note: listen.VoiceNote,
                      caption: str, markup: InlineKeyboardMarkup | None) -> Message:
    """sendVoice by file_id; or upload the clip and remember the file_id Telegram gives it."""
    if note.file_id is not None:
        return await bot.send_voice(chat_id, note.file_id, caption=caption,
                                    parse_mode=ParseMode.HTML, reply_markup=markup)
    assert note.clip is not None
    message = await bot.send_voice(
        chat_id, InputFile(note.clip.data, filename="word.ogg"), caption=caption,
        duration=max(1, round(note.clip.seconds)), parse_mode=ParseMode.HTML,
        reply_markup=markup)
    if message.voice is not None:
        listen.uploaded(services.db, note, message.voice.file_id, services.clock())
    return message
