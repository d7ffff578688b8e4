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
from bot.presentation.i18n import language_name
from bot.services import join, listen
from bot.speech import SpeechUnavailableError


def register(app: Application) -> None:
    """Add the 🔊 buttons' handlers."""
    app.add_handler(CallbackQueryHandler(listen_button, pattern=rf"^{callbacks.AUDIO}(:|$)"))
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
    assert s.speech is not None  # notes_for said so otherwise
    ahead = listen.render_ahead(s.db, s.speech, listening.notes)
    for index, note in enumerate(listening.notes):
        caption = s.catalog.render(note.caption_key, listening.lang, **note.caption)
        if index == 0 and not listening.home_voice:
            caption += "\n" + s.catalog.bilingual("audio-no-home-voice", listening.lang,
                                                  language=language_name(listening.lang))
        await send_note(context.bot, s, user.id, note, caption)
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

