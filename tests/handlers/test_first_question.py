"""The first question after /start CODE, before Puente knows the child's language, is one short
line a newcomer can read: in the language the phone or their words name, else their classmates'
(most spoken first), else the school's; every home language is a button in its own name, the
likeliest alone on top (playtests: English only was unreadable, then 553 characters in seven
languages was too much to read)."""

from __future__ import annotations

import pytest

from bot.domain.language import LANGUAGES, SUPPORTED_UI
from bot.presentation.i18n import Catalog
from bot.store import people
from tests.harness import Chat, enrol_student

SOMALI = "🌍 Luqaddee ayaad guriga ku hadashaa?"
SHORT = 60  # characters: one line on a phone


def question(calls: list) -> object:
    return next(c for c in calls if "🌍" in c.text)


def rows(call: object) -> list[list[tuple[str, str]]]:
    return [[(b["text"], b["callback_data"]) for b in row]
            for row in call.params["reply_markup"]["inline_keyboard"]]


async def test_the_question_is_one_line_in_the_class_language_with_native_names_to_tap(
        chat: Chat) -> None:
    for number, lang in enumerate(("so", "so", "ar"), start=2001):
        enrol_student(chat.db, chat.clock(), number, f"Kid{number}", lang)
    newcomer = chat.user(1001, "Ana", "en")  # Telegram has no Somali interface
    asked = question(await chat.send(newcomer, "/start JOINcode_123"))
    assert asked.text == SOMALI  # most classmates speak Somali: no English, no other language
    top, *rest = rows(asked)
    assert top == [("Soomaali", "lc:so")]  # the likeliest alone, the one-tap answer
    labels = [label for row in rest for label, _ in row]
    assert labels[0] == "العربية"  # then the other classmates' language
    assert {"Español", "Kreyòl ayisyen", "Hmoob", "Tiếng Việt"} <= set(labels)
    assert all(label == LANGUAGES[data[3:]].native_name for row in rows(asked)
               for label, data in row)  # every button in its own language's name
    await chat.tap(newcomer, "lc:so")
    assert people.get_student(chat.db, 1001).language == "so"


async def test_an_english_phone_in_an_empty_class_is_asked_in_the_schools_first_language(
        chat: Chat) -> None:
    asked = question(await chat.send(chat.user(1001, "Ana", "en"), "/start JOINcode_123"))
    assert asked.text == "🌍 ¿Qué idioma hablas en casa?"  # the school's first language
    assert rows(asked)[0] == [("Español", "lc:es")] and len(asked.buttons) >= 12


async def test_a_phone_language_is_asked_about_by_name_and_tapped_by_name(chat: Chat) -> None:
    user = chat.user(1001, "Ana", "ht")
    asked = question(await chat.send(user, "/start JOINcode_123"))
    assert asked.text == "🌍 Èske se kreyòl ayisyen ou pale lakay ou?"
    assert rows(asked)[0] == [("Kreyòl ayisyen", "lc:ht")]
    assert ("Español", "lc:es") in asked.buttons  # a wrong guess is one tap from right
    await chat.tap(user, "lc:es")
    assert people.get_student(chat.db, 1001).language == "es"


@pytest.mark.parametrize("lang", SUPPORTED_UI)
def test_the_question_is_short_in_every_language(catalog: Catalog, lang: str) -> None:
    longest = max((language.native_name for language in LANGUAGES.values()), key=len)
    for text in (catalog.render("language-ask", lang),
                 catalog.render("language-confirm", lang, language=longest)):
        assert "\n" not in text and len(text) <= SHORT + len(longest), text
