"""The first question after /start CODE, before Puente knows the child's language, is short and
readable: in the language the phone or their words name, else their classmates' (most spoken
first), and in English too (a phone's language is not certainly the child's); with no sign at
all, in English (the phone's) first, then the school's first language. Every home language is
a button in its own name, the likeliest alone on top (none with no sign), then English and 🌐
other languages (playtests: English only was unreadable; 553 characters in seven languages was
too much; a Spanish speaker with an English phone then got Somali only, no way out, and typing
"Spanish" only repeated the menu; a Hmong child with an English phone was asked in Spanish
first, and one with a Somali phone in Somali alone)."""

from __future__ import annotations

import pytest

from bot.domain.chinese_script import BUTTON_NAMES
from bot.domain.language import LANGUAGES, SUPPORTED_UI
from bot.presentation.i18n import Catalog, language_name
from bot.store import people
from tests.harness import TEACHER_ID, Chat, enrol_student, texts

SOMALI = "🌍 Luqaddee ayaad guriga ku hadashaa?"
ENGLISH = "🌍 What language do you speak at home?"
SHORT = 80  # characters: a line or two on a phone, whatever the languages


def question(calls: list) -> object:
    return next(c for c in calls if "🌍" in c.text)


def rows(call: object) -> list[list[tuple[str, str]]]:
    return [[(b["text"], b["callback_data"]) for b in row]
            for row in call.params["reply_markup"]["inline_keyboard"]]


async def test_an_english_phone_in_a_somali_class_is_asked_in_somali_and_in_english(
        chat: Chat) -> None:
    for number, lang in enumerate(("so", "so", "ar"), start=2001):
        enrol_student(chat.db, chat.clock(), number, f"Kid{number}", lang)
    newcomer = chat.user(1001, "Ana", "en")  # a phone in English: no sign of her home language
    asked = question(await chat.send(newcomer, "/start JOINcode_123"))
    assert asked.text == f"{SOMALI}\n{ENGLISH}"  # the classmates' language, then English
    assert len(asked.text) <= SHORT
    top, *rest, last = rows(asked)
    assert top == [("Soomaali", "lc:so")]  # the likeliest alone, the one-tap answer
    labels = [label for row in rest for label, _ in row]
    assert labels[0] == "العربية"  # then the other classmates' language
    assert {"Español", "Kreyòl ayisyen", "Hmoob", "Tiếng Việt"} <= set(labels)
    assert labels[-1] == "English"  # she may study in English only
    assert last == [("🌐 Luqado kale · Other languages", "lo")]
    names = {**{code: one.native_name for code, one in LANGUAGES.items()}, **BUTTON_NAMES}
    assert all(label == names[data[3:]] for row in rows(asked)[:-1]
               for label, data in row)  # every language button in its own language's name
    await chat.tap(newcomer, "lc:es")
    assert people.get_student(chat.db, 1001).language == "es"


async def test_one_classmate_is_too_little_to_ask_a_newcomer_in_her_language(
        chat: Chat) -> None:
    # A Vietnamese girl with an English phone was asked in Arabic first, العربية alone on
    # top, because one Arabic classmate had joined before her (playtest 11)
    enrol_student(chat.db, chat.clock(), 2001, "Amira", "ar")
    asked = question(await chat.send(chat.user(1001, "Linh", "en"), "/start JOINcode_123"))
    assert asked.text == f"{ENGLISH}\n🌍 ¿Qué idioma hablas en casa?"  # as if the class were empty
    assert rows(asked)[0][0] == ("Español", "lc:es") and len(rows(asked)[0]) == 3
    enrol_student(chat.db, chat.clock(), 2002, "Omar", "ar")  # two of two: the class's language
    asked = question(await chat.send(chat.user(1003, "Sara", "en"), "/start JOINcode_123"))
    assert rows(asked)[0] == [("العربية", "lc:ar")]


async def test_an_english_phone_in_a_class_with_no_majority_is_asked_in_english_first(
        chat: Chat) -> None:
    # Telegram has no Hmong interface: every Hmong child's phone is in English. Pa Houa, first
    # to join a class with no Spanish speaker, was asked "¿Qué idioma hablas en casa?" first,
    # Español alone on top, "🌐 Otros idiomas · Other languages" (playtest 13). The phone's
    # English comes first now, the school's first language after it, and no guess on top.
    pa_houa = chat.user(1001, "Pa Houa", "en")
    asked = question(await chat.send(pa_houa, "/start JOINcode_123"))
    assert asked.text == f"{ENGLISH}\n🌍 ¿Qué idioma hablas en casa?"
    top, *_, last = rows(asked)
    assert len(top) == 3 and len(asked.buttons) >= 14  # no language alone on top
    assert last == [("🌐 Other languages · Otros idiomas", "lo")]
    more = question(await chat.tap(pa_houa, "lo"))
    assert more.text.startswith("🌍 Tap yours. Not here? Tap English.\n")
    await chat.tap(pa_houa, "lc:hmn")
    assert people.get_student(chat.db, 1001).language == "hmn"


async def test_a_phone_with_no_language_is_asked_in_english_too(chat: Chat) -> None:
    asked = question(await chat.send(chat.user(1001, "Ana", None), "/start JOINcode_123"))
    assert asked.text == f"{ENGLISH}\n🌍 ¿Qué idioma hablas en casa?"  # no sign: English first


async def test_a_phone_language_is_asked_about_by_name_and_in_english(chat: Chat) -> None:
    user = chat.user(1001, "Ana", "ht")
    asked = question(await chat.send(user, "/start JOINcode_123"))
    assert asked.text == ("🌍 Ou pale kreyòl ayisyen lakay ou?\n"
                          "🌍 Is your home language Haitian Creole?")  # the phone's, then English
    assert len(asked.text) <= SHORT
    assert rows(asked)[0] == [("Kreyòl ayisyen ✅ Wi", "lc:ht")]
    assert rows(asked)[-1] == [("🌐 Lòt lang · Other languages", "lo")]
    assert ("Español", "lc:es") in asked.buttons  # a wrong guess is one tap from right
    await chat.tap(user, "lc:es")
    assert people.get_student(chat.db, 1001).language == "es"


@pytest.mark.parametrize(("typed", "code"), [
    ("Spanish", "es"), ("español", "es"), ("Espanol", "es"), ("I speak Spanish", "es"),
    ("Somali", "so"), ("Af Soomaali", "so"), ("kreyòl", "ht"), ("Hmong", "hmn"),
    ("I speak Somali and English", "so"), ("English", "en"),
])
async def test_a_typed_language_name_chooses_the_language(chat: Chat, typed: str,
                                                          code: str) -> None:
    for number in (2001, 2002):
        enrol_student(chat.db, chat.clock(), number, f"Kid{number}", "so")
    ana = chat.user(1001, "Ana", "en")
    await chat.send(ana, "/start JOINcode_123")
    reply = texts(await chat.send(ana, typed))
    assert people.get_student(chat.db, 1001).language == code
    assert "Choose your home language" not in reply
    assert " 1 (" in reply and "1/9" not in reply  # on to placement at once (up to 11)


async def test_a_hmong_child_on_a_somali_phone_reads_the_question_in_english_too(
        chat: Chat) -> None:
    # Pa Houa's phone was set to Somali: the welcome came in Somali and English, then "🌍 Guriga
    # ma ku hadashaa Soomaali?" alone, a question she could not read (playtest)
    pa_houa = chat.user(1001, "Pa Houa", "so")
    calls = await chat.send(pa_houa, "/start JOINcode_123")
    assert "Welcome, Pa Houa!" in texts(calls)
    asked = question(calls)
    assert asked.text == "🌍 Guriga ma ku hadashaa Soomaali?\n🌍 Is your home language Somali?"
    assert rows(asked)[-1] == [("🌐 Luqado kale · Other languages", "lo")]
    more = question(await chat.tap(pa_houa, "lo"))
    assert more.text.endswith("\n🌍 Tap yours. Not here? Tap English.")
    await chat.tap(pa_houa, "lc:hmn")
    assert people.get_student(chat.db, 1001).language == "hmn"


async def test_words_that_name_no_language_are_acknowledged_with_the_menu_again(
        chat: Chat) -> None:
    ana = chat.user(1001, "Ana", "en")
    await chat.send(ana, "/start JOINcode_123")
    asked = question(await chat.send(ana, "hmm"))
    assert asked.text == ("🌍 I could not tell your language from that: tap it below.\n"
                          "🌍 No pude saber tu idioma por eso: tócalo abajo.")
    assert people.get_student(chat.db, 1001).language is None


async def test_english_only_is_promised_in_english_alone(chat: Chat) -> None:
    ana = chat.user(1001, "Ana", "en")
    await chat.send(ana, "/start JOINcode_123")
    reply = texts(await chat.tap(ana, "lc:en"))
    assert "I will help you in English, with pictures." in reply
    assert "English and English" not in reply


async def test_a_level_5_student_changing_language_is_promised_no_pictures_nor_new_words(
        chat: Chat) -> None:
    # "I will help you in English, with pictures" and "see your new words" reached a level-5
    # student who had no new words; pictures are the level 1-2 cards' (playtest 11)
    linh = chat.user(1001, "Linh", "en")
    await chat.send(linh, "/start JOINcode_123")
    people.set_level(chat.db, 1001, None, 5, "teacher")
    await chat.tap(linh, "lc:vi")
    await chat.send(linh, "/words")
    await chat.send(linh, "/language")
    reply = texts(await chat.tap(linh, "lc:en"))
    assert "Great! I will help you in English. /language changes this." in reply
    assert "pictures" not in reply and "new words" not in reply
    assert "Tap /words to see your words." in reply
    await chat.send(linh, "/language")
    await chat.tap(linh, "lo")
    unsupported = texts(await chat.tap(linh, "lc:de"))
    assert "I will help you in English, and your teacher can help too." in unsupported


async def test_other_languages_offer_the_rest_of_the_catalogue_and_english(chat: Chat) -> None:
    ana = chat.user(1001, "Ana", "en")
    await chat.send(ana, "/start JOINcode_123")
    calls = await chat.tap(ana, "lo")
    more = question(calls)
    assert more.text == ("🌍 Tap yours. Not here? Tap English.\n"
                         "🌍 Toca el tuyo. ¿No está? Toca English.")
    labels = [label for label, _ in more.buttons]
    assert {"فارسی", "Kiswahili", "Українська", "አማርኛ"} <= set(labels)
    assert labels[-1] == "English" and "Español" not in labels  # only what the menu lacked
    reply = texts(await chat.tap(ana, "lc:sw"))
    assert "I don't have Swahili (Kiswahili) yet" in reply  # promised only what exists
    roster = texts(await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/roster"))
    assert "Ana #1 - Swahili" in roster  # the teacher sees the language Puente lacks


@pytest.mark.parametrize("lang", SUPPORTED_UI)
def test_the_question_and_english_stay_short_in_every_language(catalog: Catalog,
                                                                lang: str) -> None:
    name = language_name(lang)  # "Is your home language X?" is asked in X itself
    for text in (catalog.bilingual("language-ask", lang),
                 catalog.bilingual("language-confirm", lang, language=name),
                 catalog.bilingual("language-more", lang)):
        assert len(text) <= SHORT, text


async def test_placement_counts_its_questions_as_up_to_eleven(chat: Chat) -> None:
    # playtest (Yousef, Arabic): "Question 1/9" ended after question 6 (a miss ends it), so
    # he read it as skipped questions; the counter says "up to 11" (the most there can be,
    # the reserves after slips counted) in his language and English
    yousef = chat.user(1001, "Yousef", "ar")
    await chat.send(yousef, "/start JOINcode_123")
    reply = texts(await chat.tap(yousef, "lc:ar"))
    assert "السؤال \u20681\u2069 (حتى \u206811\u2069 سؤالًا)" in reply
    assert "1/9" not in reply
