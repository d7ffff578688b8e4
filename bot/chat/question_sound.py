"""What a level 1-2 question's 🔊 sends: her teacher's recording of the definition shown, or
the home-language question in a voice, or a gap sentence in English; then, for a student who
cannot read yet (/readaloud), one English note reading the options with their numbers. The
🔊 button sends it, and so does /check with its first question for such a student (she
cannot read that a 🔊 is there); a graded tap never does (one message a tap)."""

from __future__ import annotations

import logging

from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.context import PuenteContext
from bot.delivery.voice import send_note
from bot.domain import read_aloud
from bot.presentation.i18n import reader_language
from bot.services import checks, listen, question_audio
from bot.speech import SpeechUnavailableError

log = logging.getLogger(__name__)


async def send_recording(context: PuenteContext, user_id: int, recorded: listen.Recorded,
                         lang: str) -> None:
    """Send a teacher's recording of a word's line by its file_id, captioned as a person's
    voice; one Telegram no longer has (a new bot token), or a student whose settings refuse
    voice messages (a teacher's note cannot be sent again as an audio file), goes without."""
    s = context.services
    name = listen.said_by(s.db, user_id, recorded)
    caption = s.catalog.render(
        "recording-caption" if name else "recording-caption-unnamed", lang, line=recorded.line,
        language=reader_language(recorded.language), **({"name": name} if name else {}))
    try:
        await context.bot.send_voice(user_id, recorded.file_id, caption=caption,
                                     parse_mode=ParseMode.HTML)
    except BadRequest as exc:
        problem = exc.message.lower()
        if "file" not in problem and "voice_messages_forbidden" not in problem:
            raise
        log.warning("a teacher's recording was not sent: %s", exc.message)


async def play_question(context: PuenteContext, user_id: int, item_id: int) -> None:
    """Read her open question aloud: what it asks (a recording, else a voice), then, when her
    checks are oral, its options; NoQuestionAudioError when there is nothing to read."""
    s = context.services
    reading = question_audio.question_reading(s.db, user_id, item_id)
    heard = await _play_asked(context, user_id, reading)
    if not reading.options:
        if not heard:  # no voice for her language: the button is never offered there
            raise question_audio.NoQuestionAudioError(item_id)
        return
    if s.speech is None:  # a recording may have played: the options cannot be, said kindly
        await context.bot.send_message(user_id, s.catalog.render(
            "read-aloud-no-speech", reading.lang), parse_mode=ParseMode.HTML)
        return
    note = listen.options_note(s.speech, reading.options)
    await send_note(context.bot, s, user_id, note, s.catalog.render(
        note.caption_key, reading.lang, **note.caption))


async def play_with_question(context: PuenteContext, user_id: int,
                             question: checks.Question) -> None:
    """Send a question's 🔊 with it, unasked, for a student who cannot read yet whose question
    is read aloud (read_aloud.applies); nothing for anyone else."""
    item = question.item
    if not read_aloud.applies(item, question.level, question.reads_aloud) \
            or question.spelled_with_tiles:
        return
    await play_question(context, user_id, question.item_id)


async def _play_asked(context: PuenteContext, user_id: int,
                      reading: question_audio.QuestionReading) -> bool:
    """Send what the question asks, as everyone's 🔊 does; False when nothing was sent (no
    recording, and no voice speaks her language or speech is off)."""
    s = context.services
    if reading.recorded is not None:  # her teacher said it: a person's voice, no machine's
        await send_recording(context, user_id, reading.recorded, reading.lang)
        return True
    if s.speech is None:
        if reading.options:  # the kind note about the options says it
            return False
        raise SpeechUnavailableError("speech is off in this installation")
    if reading.sentence is not None:  # a gap sentence: English, read in English
        note = listen.gap_note(s.speech, reading.lang,
                               s.catalog.plain("item-cloze-ask", reading.lang), reading.sentence)
        await send_note(context.bot, s, user_id, note, s.catalog.render(note.caption_key,
                                                                        reading.lang))
        return True
    if reading.ask_key is None:  # a listening item: its own voice note says the word
        said = []
    elif reading.ask_key == "item-reverse":  # her word, asked about in her language
        said = [s.catalog.plain("item-reverse", reading.lang, prompt=reading.stem)] \
            if reading.stem else []
    else:
        said = [s.catalog.plain("item-choice-ask", reading.lang),
                *([reading.stem] if reading.stem else [])]
    note = listen.message_note(s.speech, reading.lang, [(reading.lang, t) for t in said],
                               "button-listen") if said else None
    if note is None:
        return False
    await send_note(context.bot, s, user_id, note, s.catalog.render(note.caption_key,
                                                                    reading.lang))
    return True
