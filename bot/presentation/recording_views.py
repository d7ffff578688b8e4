"""What a teacher sees while recording words' home-language lines (/record): the word to say,
its buttons, the progress, and /report's line of words recorded."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.domain.ready_replies import RECORDABLE
from bot.presentation import callbacks
from bot.presentation.i18n import Catalog, Counted, Markup, reader_language
from bot.presentation.keyboards import BLANK
from bot.presentation.ready_menus import reply_text
from bot.presentation.views import clause_separator
from bot.services.recording_flow import MAX_SECONDS, Finished, LanguagePick, Saved
from bot.services.recordings import Ask, Line, Progress
from bot.services.reply_recordings import ReplyAsk, ReplyLine


def ask_text(catalog: Catalog, lang: str, ask: Ask) -> Markup:
    """"🎙️ Say in Hmong: <line> (matter)", how to answer, and the progress: of the words the
    students of the language have, and the class's other words, optional, still missing."""
    key = "record-ask-needed" if ask.optional else "record-ask"  # needed first, then the rest
    text = catalog.render(key, lang, language=reader_language(ask.language), line=ask.line,
                          term=ask.term, done=ask.done, limit=MAX_SECONDS, more=ask.more,
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
    """Every word (or ready-made reply) recorded, or none left after the ones skipped (and how
    to go on); after the words, how many replies are recorded."""
    language = reader_language(found.language)
    if found.replies:
        key = "record-replies-all-done" if found.done == found.total else "record-replies-end"
        return catalog.render(key, lang, language=language, code=found.language,
                              done=found.done, total=found.total)
    key = "record-all-done" if found.done == found.total else "record-end"
    return Markup("\n".join([
        catalog.render(key, lang, language=language, code=found.language, done=found.done,
                       words=Counted("count-words", found.total)),
        catalog.render("record-replies-progress", lang, language=language, code=found.language,
                       done=found.replies_done, total=found.replies_total)]))


def reply_ask_text(catalog: Catalog, lang: str, ask: ReplyAsk) -> Markup:
    """"🎙️ Say in Hmong: <the reply in Hmong>", how to answer, and the progress (a reply that
    names the child shows a gap, said as "your child")."""
    said = reply_text(catalog, ask.language, ask.reply, BLANK)
    parts = [catalog.render("record-reply-ask", lang, language=reader_language(ask.language),
                            text=said, limit=MAX_SECONDS, done=ask.done, total=ask.total)]
    if BLANK in said:
        parts.append(catalog.render("record-reply-name", lang))
    if ask.recorded:  # 🔁: the new note replaces the one families hear now
        parts.append(catalog.render("record-reply-replaces", lang))
    return Markup("\n".join(parts))


def reply_deleted_text(catalog: Catalog, lang: str, reply: str, found: Finished) -> Markup:
    """A reply's recording deleted: it goes as text only; the progress after it."""
    return catalog.render("record-reply-deleted", lang, language=reader_language(found.language),
                          text=reply_text(catalog, found.language, reply, BLANK),
                          done=found.done, total=found.total)


def pick(catalog: Catalog, lang: str, found: LanguagePick
         ) -> tuple[Markup, InlineKeyboardMarkup]:
    """Which language to record, a button each (for the replies, a language only a family may
    read: no student of it need be in the class)."""
    key = "record-which-language-replies" if found.replies else "record-which-language"
    return catalog.render(key, lang, class_name=found.class_info.name), \
        InlineKeyboardMarkup([[InlineKeyboardButton(
            catalog.plain("button-record-language", lang, language=reader_language(code)),
            callback_data=callbacks.data(callbacks.RECORD, found.class_info.id, code,
                                         *([callbacks.REPLIES] if found.replies else [])))]
            for code in found.languages])


def saved_text(catalog: Catalog, lang: str, saved: Saved[Line | ReplyLine, object]
               ) -> Markup:
    """A voice note kept (a word's line or a ready-made reply), or "a bit shorter, please"."""
    entry, language = saved.entry, reader_language(saved.language)
    if isinstance(entry, ReplyLine):
        if saved.too_long:
            return catalog.render("record-reply-too-long", lang, seconds=saved.seconds,
                                  limit=MAX_SECONDS)
        return catalog.render("record-reply-saved", lang, seconds=saved.seconds,
                              language=language,
                              text=reply_text(catalog, saved.language, entry.key, BLANK))
    if saved.too_long:
        return catalog.render("record-too-long", lang, seconds=saved.seconds,
                              limit=MAX_SECONDS)
    return catalog.render("record-saved", lang, term=entry.term, seconds=saved.seconds,
                          language=language)


def kept_buttons(catalog: Catalog, lang: str, class_id: int, key: int | str, language: str,
                 delete: bool = True) -> InlineKeyboardMarkup:
    """🔁 Record again (and 🗑️ Delete) under a line recorded: a word's (its id) or a
    ready-made reply's (its name)."""
    again, gone = (callbacks.RECORD_REPLY_AGAIN, callbacks.RECORD_REPLY_DELETE) \
        if isinstance(key, str) else (callbacks.RECORD_AGAIN, callbacks.RECORD_DELETE)
    row = [InlineKeyboardButton(catalog.plain("button-record-again", lang),
                                callback_data=callbacks.data(again, class_id, key, language))]
    if delete:
        row.append(InlineKeyboardButton(catalog.plain("button-record-delete", lang),
                                        callback_data=callbacks.data(gone, class_id, key,
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
    parts = []
    for p in progress:
        language = reader_language(p.language)
        if p.total:  # words with a line to record
            parts.append(catalog.render("report-recordings-language", lang, language=language,
                                        done=p.done, words=Counted("count-words", p.total)))
        parts.append(catalog.render("report-recordings-replies", lang, language=language,
                                    done=p.replies_done, total=len(RECORDABLE)))
    return catalog.render("report-recordings", lang,
                          languages=Markup(clause_separator(lang).join(parts)))
