"""The 🔊 buttons: words (and placement questions) as Telegram voice notes, each clip uploaded
once."""

from __future__ import annotations

import asyncio
import logging

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application, CallbackQueryHandler

from bot.chat import question_sound
from bot.chat.question_sound import send_recording
from bot.chat.replies import tapped, user_language, user_reader
from bot.context import PuenteContext
from bot.delivery.voice import send_note
from bot.domain.spoken_text import spoken_segments
from bot.presentation import callbacks, family_views, views
from bot.presentation.i18n import language_name, reader_language
from bot.services import askers, family_updates, hear_message, join, listen
from bot.speech import SpeechUnavailableError

log = logging.getLogger(__name__)

# 🔊 under a question for someone who may not read it (a grandmother on her grandchild's
# phone): the button's data names one of these, never a prompt key (data is forgeable).
# question -> (what is said, its caption: the written question)
SAID_ALOUD = {"who": ("say-who-speaking", "speaker-question"),
              "link": ("say-family-link-own", "family-link-own"),
              "stop": ("say-family-stop-confirm", "family-stop-confirm")}


def register(app: Application) -> None:
    """Add the 🔊 buttons' handlers."""
    app.add_handler(CallbackQueryHandler(say_aloud_button,
                                         pattern=rf"^{callbacks.SAY_ALOUD}(:|$)"))
    app.add_handler(CallbackQueryHandler(listen_button, pattern=rf"^{callbacks.AUDIO}(:|$)"))
    app.add_handler(CallbackQueryHandler(family_listen_button,
                                         pattern=rf"^{callbacks.FAMILY_HEAR}(:|$)"))
    app.add_handler(CallbackQueryHandler(message_listen_button,
                                         pattern=rf"^{callbacks.HEAR_MESSAGE}(:|$)"))
    app.add_handler(CallbackQueryHandler(question_sound_button,
                                         pattern=rf"^{callbacks.QUESTION_AUDIO}(:|$)"))
    app.add_handler(CallbackQueryHandler(placement_sound_button,
                                         pattern=rf"^{callbacks.PLACEMENT_AUDIO}(:|$)"))


async def listen_button(update: Update, context: PuenteContext) -> None:
    """Send one voice note per word: the tapped word, the words of the pushed preview it is
    under, or every word being learned now."""
    tap = await tapped(update)
    if tap is None:
        return
    _query, user, cb = tap
    s = context.services
    target = callbacks.listen_args(cb)
    listening = await listen.notes_for(s.db, s.speech, user.id, target.word_id, s.clock(),
                                       target.word_only, target.push_id, target.preview_id)
    await _send_notes(context, user.id, listening, s.catalog.bilingual(
        "audio-no-home-voice", listening.lang, language=language_name(listening.lang),
        english_first=user_reader(context, user.id).english_first))  # levels 5-6


async def family_listen_button(update: Update, context: PuenteContext) -> None:
    """Send a family one voice note per word of their weekly update."""
    tap = await tapped(update)
    if tap is None:
        return
    _query, user, cb = tap
    s = context.services
    target = callbacks.family_hear(cb)
    if target.row_id is not None:  # a queued update: the words it listed
        word_ids = family_updates.queued_words(s.db, user.id, target.row_id)
    elif target.now:  # /now: every word this week's update lists (made again)
        word_ids = _current(context, user.id, target.student_id).word_ids
    else:  # an older button, its words in its data
        word_ids = target.word_ids
    heard = family_updates.words_to_hear(s.db, user.id, target.student_id, word_ids)
    listening = listen.family_notes(s.speech, heard.language, heard.refs)
    # in their language only, as the update is
    await _send_notes(context, user.id, listening, s.catalog.render(
        "family-audio-no-home-voice", listening.lang, language=language_name(listening.lang)))


async def message_listen_button(update: Update, context: PuenteContext) -> None:
    """Read a whole message aloud in the reader's language: a queued one's stored reading, or
    this week's update about a child (/now's, made again)."""
    tap = await tapped(update)
    if tap is None:
        return
    _query, user, cb = tap
    s = context.services
    target = callbacks.hear_message(cb)
    if target.row_id is not None:
        heard = hear_message.queued_message(s.db, user.id, target.row_id)
        lang, spoken = heard.language, heard.says
    else:
        assert target.student_id is not None
        item = _current(context, user.id, target.student_id)
        lang, spoken = item.language, family_views.family_update_spoken(item, s.catalog)
    if s.speech is None:
        raise SpeechUnavailableError("speech is off in this installation")
    note = listen.message_note(s.speech, lang, spoken)
    if note is None:  # no voice speaks their language: said plainly, not in English
        await context.bot.send_message(user.id, s.catalog.render(
            "listen-message-no-voice", lang, language=language_name(lang)),
            parse_mode=ParseMode.HTML)
        return
    await send_note(context.bot, s, user.id, note, s.catalog.render(note.caption_key, lang))


def _current(context: PuenteContext, user_id: int, student_id: int
             ) -> family_updates.FamilyUpdate:
    """This week's update about a child of this phone's (what /now shows now)."""
    s = context.services
    return family_updates.current_update(s.db, user_id, student_id, s.clock(),
                                         s.config.school.timezone, s.config.school.holidays,
                                         s.config.school.family_update_day)


async def _send_notes(context: PuenteContext, user_id: int, listening: listen.Listening,
                      no_voice: str) -> None:
    """Send each note, its clips made side by side; the first says `no_voice` where no voice
    speaks the listener's language."""
    s = context.services
    assert s.speech is not None  # the notes were made, so speech is on
    ahead = listen.render_ahead(s.db, s.speech, listening.notes)
    for index, note in enumerate(listening.notes):
        spoken = {"language": reader_language(note.spoken)} if note.spoken else {}
        caption = s.catalog.render(note.caption_key, listening.lang, **note.caption, **spoken)
        if note.frame is not None:  # the card's "🗣️ Try saying" line, heard in the clip
            caption += "\n🗣️ " + s.catalog.render("sentence-frame", listening.lang,
                                                  frame=note.frame)
        recorded = listening.recorded[index] if index < len(listening.recorded) else None
        if index == 0 and not listening.home_voice and recorded is None:
            caption += "\n" + no_voice
        await send_note(context.bot, s, user_id, note, caption)
        if recorded is not None:  # her line in her language, said by a person of her class
            await send_recording(context, user_id, recorded, listening.lang)
    await asyncio.gather(*ahead)  # all were awaited through `prepare`; this only tidies up


async def placement_sound_button(update: Update, context: PuenteContext) -> None:
    """Read the current placement question's answers aloud, in the order of its buttons."""
    tap = await tapped(update)
    if tap is None:
        return
    _query, user, cb = tap
    s = context.services
    spoken = join.placement_audio(s.db, user.id, cb.int_arg(0))
    if s.speech is None:
        raise SpeechUnavailableError("speech is off in this installation")
    lang = user_language(context, user.id)
    # the first question's message shows the instructions: heard first, in her language
    instructions = spoken_segments(s.catalog.render("placement-ask", lang), lang) \
        if cb.int_arg(0) == 0 else []
    note = listen.placement_note(s.speech, spoken, lang, instructions)
    await send_note(context.bot, s, user.id, note, s.catalog.bilingual(note.caption_key, lang))


async def say_aloud_button(update: Update, context: PuenteContext) -> None:
    """Say a question aloud in the language this phone reads (for someone who cannot read it),
    captioned with the question written."""
    tap = await tapped(update)
    if tap is None:
        return
    _query, user, cb = tap
    said = SAID_ALOUD.get(cb.args[0]) if len(cb.args) == 1 else None
    if said is None:
        raise callbacks.ForgedCallbackError("bad say-aloud button")
    s = context.services
    lang = user_language(context, user.id, user.language_code)
    if s.speech is not None and not listen.can_say(s.speech, lang):  # chosen since the button
        await context.bot.send_message(user.id, s.catalog.render(
            "listen-message-no-voice", lang, language=language_name(lang)),
            parse_mode=ParseMode.HTML)  # said plainly, in writing, as 🔊 Listen does
        return
    who = askers.asker(s.db, user.id)
    name = who.children[0].first_name if who is not None and who.children else ""
    note = listen.spoken_note(s.speech, lang, s.catalog.plain(said[0], lang, name=name), said[0])
    await send_note(context.bot, s, user.id, note, s.catalog.render(
        said[1], lang, name=views.name(name, s.catalog, lang)))


async def question_sound_button(update: Update, context: PuenteContext) -> None:
    """Read a level 1-2 choice question aloud in the home language: what it asks and the
    definition it shows where people wrote it, never the English options (but for a student
    who cannot read yet, /readaloud: then her options, numbered); a gap sentence, in English
    with the gap a pause."""
    tap = await tapped(update)
    if tap is None:
        return
    _query, user, cb = tap
    await question_sound.play_question(context, user.id, cb.int_arg(0))
