"""The ready-made announcements as a teacher chooses them (which one, then its day, then its
time, each a menu of buttons in the teacher's language), and as each family reads one: the
words people wrote in their language, with the day named as that language names a day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.domain.ready_announcements import (
    HOURS,
    READY_ANNOUNCEMENTS,
    DayPage,
    ReadyChoice,
    announcement_key,
    page_arg,
    times_at,
    when_arg,
)
from bot.domain.ready_replies import ready_key
from bot.presentation import callbacks
from bot.presentation.i18n import Catalog, Day, Markup
from bot.presentation.keyboards import BLANK, rows


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


Data = Callable[[str], str]  # a day, time or page argument -> a button's callback data


def day_menu(catalog: Catalog, lang: str, class_id: int, choice: ReadyChoice,
             page: DayPage, gone: bool = False) -> tuple[Markup, InlineKeyboardMarkup]:
    """Which day a ready-made announcement names (see `pick_day`)."""
    return pick_day(catalog, lang, label(catalog, lang, choice), page, lambda arg: callbacks.data(
        callbacks.READY_ANNOUNCE, class_id, choice.name, arg), gone)


def time_menu(catalog: Catalog, lang: str, class_id: int,
              choice: ReadyChoice) -> tuple[Markup, InlineKeyboardMarkup]:
    """Which time a ready-made announcement names, on the day chosen (see `pick_time`)."""
    assert choice.day is not None
    return pick_time(catalog, lang, label(catalog, lang, choice), lambda arg: callbacks.data(
        callbacks.READY_ANNOUNCE, class_id, choice.name, arg), choice.day, choice.hour)


def pick_day(catalog: Catalog, lang: str, text: str, page: DayPage, data: Data,
             gone: bool = False) -> tuple[Markup, InlineKeyboardMarkup]:
    """Which day: a page of the next school days, two a row ("Mon 7 Dec"), with ◀ Earlier
    and Later ▶ to the pages around it; `gone` says first that the day tapped has passed.
    Ready-made announcements and replies with a day both choose it here."""
    title = catalog.render("announce-ready-day", lang, text=text)
    if gone:
        title = Markup(catalog.render("announce-ready-day-gone", lang) + "\n" + title)
    markup = rows([InlineKeyboardButton(catalog.day(lang, day), callback_data=data(
        when_arg(day))) for day in page.days], 2)
    turn = [InlineKeyboardButton(catalog.plain(key, lang), callback_data=data(
        page_arg(page.number + step)))
        for key, step, shown in (("button-ready-earlier", -1, page.earlier),
                                 ("button-ready-later", 1, page.later)) if shown]
    return title, InlineKeyboardMarkup([*markup.inline_keyboard, *([turn] if turn else [])])


def pick_time(catalog: Catalog, lang: str, text: str, data: Data, day: date,
              hour: int | None = None) -> tuple[Markup, InlineKeyboardMarkup]:
    """Which time, on the day chosen: the hour first ("13:…", four a row), then :00 or :30
    within it (an hour with one time left, 18:00, is that time at once)."""
    if hour is None:
        buttons = [InlineKeyboardButton(
            f"{h}:…" if len(times_at(h)) > 1 else f"{times_at(h)[0]:%H:%M}",
            callback_data=data(when_arg(day, hour=h) if len(times_at(h)) > 1
                               else when_arg(day, times_at(h)[0]))) for h in HOURS]
        return catalog.render("announce-ready-time", lang, text=text), rows(buttons, 4)
    return catalog.render("announce-ready-time", lang, text=text), rows([
        InlineKeyboardButton(f"{at:%H:%M}", callback_data=data(when_arg(day, at)))
        for at in times_at(hour)], 2)


def reply_text(catalog: Catalog, lang: str, reply: str, child: str, day: date | None = None,
               at: time | None = None) -> str:
    """A ready-made reply as people wrote it in `lang` (plain text), its day named as that
    language names one; what is still to choose left as a gap (BLANK)."""
    return catalog.plain(ready_key(reply), lang, name=child, day=Day(day) if day else BLANK,
                         time=f"{at:%H:%M}" if at else BLANK)
