"""The first question after /start CODE, before Puente knows the child's language, is one a
newcomer can read: their classmates' languages first, English last (playtest: English only)."""

from __future__ import annotations

from tests.harness import Chat, enrol_student

SOMALI = "🌍 Luqaddee ayaad guriga ku hadashaa? Ku qor dhowr eray, ama hoos ka taabo."
ARABIC = "ما اللغة التي تتحدثها في البيت؟"
ENGLISH = "🌍 What language do you speak at home? Write a few words in it, or tap it below."


async def test_home_language_question_leads_with_the_class_languages_and_ends_in_english(
        chat: Chat) -> None:
    for number, lang in enumerate(("so", "so", "ar"), start=2001):
        enrol_student(chat.db, chat.clock(), number, f"Kid{number}", lang)
    newcomer = chat.user(1001, "Ana", "en")  # Telegram has no Somali interface
    calls = await chat.send(newcomer, "/start JOINcode_123")
    asked = next(c for c in calls if "🌍" in c.text)
    assert asked.text.startswith(SOMALI + "\n\n")  # most classmates speak Somali
    assert ARABIC in asked.text and asked.text.endswith(ENGLISH)
    assert len(asked.text) <= 600
    assert len(asked.buttons) > 3  # the native names stay one tap away


async def test_an_english_phone_in_an_empty_class_still_gets_other_languages(
        chat: Chat) -> None:
    calls = await chat.send(chat.user(1001, "Ana", "en"), "/start JOINcode_123")
    asked = next(c for c in calls if "🌍" in c.text).text
    assert asked.endswith(ENGLISH) and asked != ENGLISH and len(asked) <= 600
    assert asked.startswith("🌍 ¿Qué idioma hablas en casa?")  # the school's first language
