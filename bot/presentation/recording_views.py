"""What a teacher sees while recording words' home-language lines (/record): the word to say,
its buttons, the progress, and /report's line of words recorded."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.presentation import callbacks
from bot.presentation.i18n import Catalog, Counted, Markup, reader_language
from bot.services.recordings import MAX_SECONDS, Ask, Finished, LanguagePick, Progress, Saved


def ask_text(catalog: Catalog, lang: str, ask: Ask) -> Markup:
    """"🎙️ Say in Hmong: <line> (matter)", how to answer, and the progress."""
    text = catalog.render("record-ask", lang, language=reader_language(ask.language),
                          line=ask.line, term=ask.term, done=ask.done, limit=MAX_SECONDS,
                          words=Counted("count-words", ask.total))
    if ask.recorded:  # 🔁: the new note replaces the one students hear now
        text = Markup(f"{text}\n{catalog.render('record-replaces', lang)}")
    return text


def ask_buttons(catalog: Catalog, lang: str) -> InlineKeyboardMarkup:
    """⏭️ Skip and ⏹️ Stop under a word to say (the message names the word, not the data)."""
    return InlineKeyboardMarkup([[
        InlineKeyboardButton(catalog.plain("button-record-skip", lang),
                             callback_data=callbacks.data(callbacks.RECORD, callbacks.SKIP)),
        InlineKeyboardButton(catalog.plain("button-record-stop", lang),
                             callback_data=callbacks.data(callbacks.RECORD, callbacks.STOP))]])


def finished_text(catalog: Catalog, lang: str, found: Finished) -> Markup:
    """Every word recorded, or none left after the ones skipped (and how to go on)."""
    key = "record-all-done" if found.done == found.total else "record-end"
    return catalog.render(key, lang, language=reader_language(found.language),
                          code=found.language, done=found.done,
                          words=Counted("count-words", found.total))


def pick(catalog: Catalog, lang: str, found: LanguagePick
         ) -> tuple[Markup, InlineKeyboardMarkup]:
    """Which language to record, a button each."""
    return catalog.render("record-which-language", lang, class_name=found.class_info.name), \
        InlineKeyboardMarkup([[InlineKeyboardButton(
            catalog.plain("button-record-language", lang, language=reader_language(code)),
            callback_data=callbacks.data(callbacks.RECORD, found.class_info.id, code))]
            for code in found.languages])


def saved_text(catalog: Catalog, lang: str, saved: Saved) -> Markup:
    """A voice note kept, or "a bit shorter, please"."""
    if saved.too_long:
        return catalog.render("record-too-long", lang, seconds=saved.seconds,
                              limit=MAX_SECONDS)
    return catalog.render("record-saved", lang, term=saved.term, seconds=saved.seconds,
                          language=reader_language(saved.language))


def word_buttons(catalog: Catalog, lang: str, class_id: int, word_id: int, language: str,
                 delete: bool = True) -> InlineKeyboardMarkup:
    """🔁 Record again (and 🗑️ Delete) under a word recorded."""
    row = [InlineKeyboardButton(catalog.plain("button-record-again", lang),
                                callback_data=callbacks.data(callbacks.RECORD_AGAIN, class_id,
                                                             word_id, language))]
    if delete:
        row.append(InlineKeyboardButton(catalog.plain("button-record-delete", lang),
                                        callback_data=callbacks.data(
                                            callbacks.RECORD_DELETE, class_id, word_id,
                                            language)))
    return InlineKeyboardMarkup([row])


def deleted_text(catalog: Catalog, lang: str, term: str, found: Finished) -> Markup:
    """A recording deleted: students no longer hear it; the progress after it."""
    return catalog.render("record-deleted", lang, term=term,
                          language=reader_language(found.language), done=found.done,
                          words=Counted("count-words", found.total))


def report_line(catalog: Catalog, lang: str, progress: Sequence[Progress]) -> Markup | None:
    """/report's "Hmong audio: 5 of 12 words recorded" line (None: no language lacks a
    voice)."""
    if not progress:
        return None
    return catalog.render("report-recordings", lang, languages=Markup("; ".join(
        catalog.render("report-recordings-language", lang,
                       language=reader_language(p.language), done=p.done,
                       words=Counted("count-words", p.total)) for p in progress)))
