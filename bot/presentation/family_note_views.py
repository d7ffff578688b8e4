"""A family's ready-made messages to the teacher (bot/domain/family_notes.py) as the family
reads them: the list, the day, the message before it goes; and its English for the teacher."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.domain.family_notes import ABSENT, FAMILY_NOTES, SICK, WITH_DAY, label_key, note_key
from bot.presentation import callbacks
from bot.presentation.i18n import REFERENCE, Catalog, Day, Markup
from bot.presentation.keyboards import child_buttons, fit_label, rows


def notes_button(catalog: Catalog, lang: str) -> InlineKeyboardMarkup:
    """"📝 Ready-made messages", under a family's /help and the /ask prompt."""
    return InlineKeyboardMarkup([[notes_item(catalog, lang)]])


def notes_item(catalog: Catalog, lang: str) -> InlineKeyboardButton:
    """The "📝 Ready-made messages" button alone (beside Send, under words no model
    translates)."""
    return InlineKeyboardButton(fit_label(catalog.plain("button-family-notes", lang)),
                                callback_data=callbacks.data(callbacks.FAMILY_NOTE))


def which_child(catalog: Catalog, lang: str, children: Sequence[tuple[int, str]]
                ) -> tuple[Markup, InlineKeyboardMarkup]:
    """A shared phone: which child the message is about, one button each."""
    return (catalog.render("family-notes-which-child", lang),
            child_buttons(callbacks.FAMILY_NOTE, children, None))


def notes_menu(catalog: Catalog, lang: str, student_id: int, name: str
               ) -> tuple[Markup, InlineKeyboardMarkup]:
    """The list: one button a note, each naming the child."""
    buttons = [InlineKeyboardButton(
        fit_label(catalog.plain(label_key(note), lang, name=name)),
        callback_data=callbacks.data(callbacks.FAMILY_NOTE, student_id, note))
        for note in FAMILY_NOTES]
    return catalog.render("family-notes-menu", lang, name=name), rows(buttons, 1)


def day_menu(catalog: Catalog, lang: str, student_id: int, note: str, days: Sequence[date]
             ) -> tuple[Markup, InlineKeyboardMarkup]:
    """Which school day, for a note with a day."""
    buttons = [InlineKeyboardButton(
        fit_label(catalog.day(lang, day)),
        callback_data=callbacks.data(callbacks.FAMILY_NOTE, student_id, note,
                                     day.strftime("%Y%m%d"))) for day in days]
    buttons.append(_back(catalog, lang, student_id))
    return catalog.render("family-note-which-day", lang), rows(buttons, 1)


def note_text(catalog: Catalog, lang: str, note: str, name: str, day: date | None) -> str:
    """One note's words in `lang` (plain text: the message it goes into escapes it)."""
    when = {"day": catalog.day(lang, day)} if note in WITH_DAY and day is not None else {}
    return catalog.plain(note_key(note), lang, name=name, **when)


def english_text(catalog: Catalog, note: str, name: str, day: date | None) -> str:
    """What the teacher reads of it: its English, written by people."""
    return note_text(catalog, REFERENCE, note, name, day)


def preview(catalog: Catalog, lang: str, student_id: int, note: str, name: str,
            day: date | None) -> tuple[Markup, InlineKeyboardMarkup]:
    """The message as it will go, with ✅ Send and ↩️ back to the list."""
    args: list[object] = [student_id, note] + ([day.strftime("%Y%m%d")] if day else [])
    send = InlineKeyboardButton(fit_label(catalog.plain("button-family-note-send", lang)),
                                callback_data=callbacks.data(callbacks.FAMILY_NOTE_SEND, *args))
    text = catalog.render("family-note-preview", lang, name=name,
                          message=note_text(catalog, lang, note, name, day))
    return text, rows([send, _back(catalog, lang, student_id)], 1)


def note_instead(catalog: Catalog, lang: str, note: str, children: Sequence[tuple[int, str]],
                 today: date) -> list[InlineKeyboardButton]:
    """Under a family's own words that say the child is sick, or away today: send the
    ready-made "sick today" (or "not at school" on `today`) instead, as it excuses the day;
    one button a child on a shared phone (id, name)."""
    away = note == ABSENT
    if len(children) == 1:
        labels = [(children[0][0], catalog.plain(
            "button-away-instead" if away else "button-sick-instead", lang))]
    else:
        labels = [(child, catalog.plain("button-away-instead-child", lang, name=name) if away
                   else catalog.plain(label_key(SICK), lang, name=name))
                  for child, name in children]
    day = [today.strftime("%Y%m%d")] if away else []
    return [InlineKeyboardButton(fit_label(label), callback_data=callbacks.data(
        callbacks.FAMILY_NOTE_SEND, child, note, *day)) for child, label in labels]


def words_and_excuse(catalog: Catalog, lang: str, note: str,
                     children: Sequence[tuple[int, str]]) -> list[InlineKeyboardButton]:
    """Under a family's own words that say the child is sick, or away today: send those
    words AND excuse today as the ready-made note would (her details reach the teacher, and
    the child gets no reminder); one button a child on a shared phone (id, name)."""
    icon = "📅" if note == ABSENT else "🤒"
    return [InlineKeyboardButton(fit_label(catalog.plain(
        "button-send-excuse", lang, name=name, icon=icon)),
        callback_data=callbacks.data(callbacks.ASK, child, note)) for child, name in children]


def words_and_excuse_day(catalog: Catalog, lang: str, day: date,
                         children: Sequence[tuple[int, str]]) -> list[InlineKeyboardButton]:
    """Under a family's own words that say the child will miss a coming school day ("no va a
    ir mañana"): send those words AND excuse that day, named as the family reads a day; one
    button a child on a shared phone (id, name)."""
    return [InlineKeyboardButton(fit_label(catalog.plain(
        "button-send-excuse-day", lang, name=name, day=Day(day))),
        callback_data=callbacks.data(callbacks.ASK, child, ABSENT, day.strftime("%Y%m%d")))
        for child, name in children]


def _back(catalog: Catalog, lang: str, student_id: int) -> InlineKeyboardButton:
    return InlineKeyboardButton(fit_label(catalog.plain("button-family-note-back", lang)),
                                callback_data=callbacks.data(callbacks.FAMILY_NOTE, student_id))
