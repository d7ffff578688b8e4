"""The ready-made announcements as a teacher chooses them (which one, then its day, then its
time, each a menu of buttons in the teacher's language), and as each family reads one: the
words people wrote in their language, with the day named as that language names a day."""

from __future__ import annotations

from collections.abc import Callable

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.domain.ready_announcements import (
    READY_ANNOUNCEMENTS,
    TIMES,
    DayPage,
    ReadyChoice,
    announcement_key,
    page_arg,
    when_arg,
)
from bot.presentation import callbacks
from bot.presentation.i18n import Catalog, Day, Markup
from bot.presentation.keyboards import rows

BLANK = "___"  # a menu label's day and time still to choose ("…" read "on …." before a full stop)


def written(catalog: Catalog, choice: ReadyChoice) -> Callable[[str], str | None]:
    """A language -> the chosen announcement as people wrote it there (plain text: it is
    quoted, escaped, where it is shown), or None where Puente has no messages in it."""
    def in_language(lang: str) -> str | None:
        if lang not in catalog.languages:
            return None
        return catalog.plain(announcement_key(choice.name), lang,
                             day=Day(choice.day) if choice.day else BLANK,
                             time=f"{choice.at:%H:%M}" if choice.at else BLANK)
    return in_language


def label(catalog: Catalog, lang: str, choice: ReadyChoice) -> str:
    """An announcement as the teacher reads it on a button or above a menu: what is still
    to choose left as a gap (BLANK)."""
    return written(catalog, choice)(lang) or catalog.plain(announcement_key(choice.name), "en",
                                                            day=BLANK, time=BLANK)


def open_button(catalog: Catalog, lang: str, class_id: int,
                class_name: str | None = None) -> InlineKeyboardButton:
    """📋 The ready-made announcements for a class (naming it under a reply to one family,
    so the teacher knows it goes to the whole class)."""
    text = catalog.plain("button-ready-announce-class", lang, class_name=class_name) \
        if class_name else catalog.plain("button-ready-announce", lang)
    return InlineKeyboardButton(text, callback_data=callbacks.data(callbacks.READY_ANNOUNCE,
                                                                   class_id))


def menu(catalog: Catalog, lang: str, class_id: int,
         class_name: str) -> tuple[Markup, InlineKeyboardMarkup]:
    """Which ready-made announcement: one button each, one a row."""
    return catalog.render("announce-ready-menu", lang, class_name=class_name), rows([
        InlineKeyboardButton(label(catalog, lang, ReadyChoice(name)),
                             callback_data=callbacks.data(callbacks.READY_ANNOUNCE, class_id,
                                                          name))
        for name in READY_ANNOUNCEMENTS], 1)


def day_menu(catalog: Catalog, lang: str, class_id: int, choice: ReadyChoice,
             page: DayPage, gone: bool = False) -> tuple[Markup, InlineKeyboardMarkup]:
    """Which day: a page of the next school days, two a row ("Mon 7 Dec"), with ◀ Earlier
    and Later ▶ to the pages around it; `gone` says first that the day tapped has passed."""
    text = catalog.render("announce-ready-day", lang, text=label(catalog, lang, choice))
    if gone:
        text = Markup(catalog.render("announce-ready-day-gone", lang) + "\n" + text)
    markup = rows([InlineKeyboardButton(catalog.day(lang, day), callback_data=callbacks.data(
        callbacks.READY_ANNOUNCE, class_id, choice.name, when_arg(day))) for day in page.days],
        2)
    turn = [InlineKeyboardButton(catalog.plain(key, lang), callback_data=callbacks.data(
        callbacks.READY_ANNOUNCE, class_id, choice.name, page_arg(page.number + step)))
        for key, step, shown in (("button-ready-earlier", -1, page.earlier),
                                 ("button-ready-later", 1, page.later)) if shown]
    return text, InlineKeyboardMarkup([*markup.inline_keyboard, *([turn] if turn else [])])


def time_menu(catalog: Catalog, lang: str, class_id: int,
              choice: ReadyChoice) -> tuple[Markup, InlineKeyboardMarkup]:
    """Which time, on the day chosen: on the hour, four a row."""
    assert choice.day is not None
    return catalog.render("announce-ready-time", lang, text=label(catalog, lang, choice)), rows([
        InlineKeyboardButton(f"{at:%H:%M}", callback_data=callbacks.data(
            callbacks.READY_ANNOUNCE, class_id, choice.name, when_arg(choice.day, at)))
        for at in TIMES], 4)
