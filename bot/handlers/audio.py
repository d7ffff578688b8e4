"""The 🔊 buttons: words (and placement questions) as Telegram voice notes, each clip uploaded
once."""

from __future__ import annotations

import asyncio

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler

from bot.chat.replies import tapped, user_language
from bot.context import PuenteContext
from bot.delivery.voice import send_note
from bot.presentation import callbacks
from bot.presentation.i18n import language_name, reader_language
from bot.services import askers, family_updates, join, listen
from bot.speech import SpeechUnavailableError

# 🔊 under a question for someone who may not read it (a grandmother on her grandchild's
# phone): the button's data names one of these, never a prompt key (data is forgeable).
# question -> (what is said, its caption: the written question)
SAID_ALOUD = {"who": ("say-who-speaking", "speaker-question"),
              "link": ("say-family-link-own", "family-link-own")}


def register(app: Application) -> None:
    """Add the 🔊 buttons' handlers."""
    app.add_handler(CallbackQueryHandler(say_aloud_button,
                                         pattern=rf"^{callbacks.SAY_ALOUD}(:|$)"))
    app.add_handler(CallbackQueryHandler(listen_button, pattern=rf"^{callbacks.AUDIO}(:|$)"))
    app.add_handler(CallbackQueryHandler(family_listen_button,
                                         pattern=rf"^{callbacks.FAMILY_HEAR}(:|$)"))
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
        "audio-no-home-voice", listening.lang, language=language_name(listening.lang)))


async def family_listen_button(update: Update, context: PuenteContext) -> None:
    """Send a family one voice note per word of their weekly update."""
    tap = await tapped(update)
    if tap is None:
        return
    _query, user, cb = tap
    s = context.services
    student_id, word_ids = callbacks.family_hear(cb)
    heard = family_updates.words_to_hear(s.db, user.id, student_id, word_ids)
    listening = listen.family_notes(s.speech, heard.language, heard.refs)
    # in their language only, as the update is
    await _send_notes(context, user.id, listening, s.catalog.render(
        "family-audio-no-home-voice", listening.lang, language=language_name(listening.lang)))


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
        if index == 0 and not listening.home_voice:
            caption += "\n" + no_voice
        await send_note(context.bot, s, user_id, note, caption)
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
    note = listen.placement_note(s.speech, spoken)
    lang = user_language(context, user.id)
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
    who = askers.asker(s.db, user.id)
    name = who.children[0].first_name if who is not None and who.children else ""
    note = listen.spoken_note(s.speech, lang, s.catalog.plain(said[0], lang, name=name), said[0])
    await send_note(context.bot, s, user.id, note, s.catalog.render(said[1], lang))
