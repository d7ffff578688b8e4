"""Civics 10 playtest (Artem, 16, from Ukraine, phone in Russian, level 3; Maricel, 15,
Tagalog, phone in English, level 2): what they typed at a question, at the placement and in
the language menu, as they would type it."""

from __future__ import annotations

from bot.domain.checks import Item
from bot.domain.scaffold import ItemType
from bot.presentation import callbacks
from bot.store import check_items, people
from bot.store.packs import pack_words
from tests.harness import Call, Chat, buttons, join_and_confirm, texts

ARTEM, MARICEL = 1001, 1002
PACK = "social-studies.government-history"


def said(chat: Chat, key: str, lang: str, **values: object) -> str:
    return chat.app.bot_data.services.catalog.bilingual(key, lang, **values)


def offered(calls: list[Call]) -> bool:
    """The offer to send the text to the teacher (its ✉️ button)."""
    return any(data.startswith(f"{callbacks.ASK}:") for _, data in buttons(calls))


def attempts(chat: Chat) -> int:
    return chat.db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0]


def law_with_buttons(chat: Chat) -> int:
    """Open a four-button question on "law" for Artem; its id."""
    word = next(w for w in pack_words(chat.db, PACK) if w.word.term == "law")
    item = Item(word.id, ItemType.CHOICE, word.word.definition,
                ("law", "citizen", "democracy", "constitution"), "law")
    return check_items.save_items(chat.db, ARTEM, "ru", [item], chat.clock())[0]


async def test_ukrainian_or_latin_keyboard_i_dont_understand_explains_the_question(
        chat: Chat) -> None:
    """Playtest: "не розумію", "ne ponimayu" and "що це" at a question were each offered to
    the teacher as chat; "I don't understand" in Russian already explained it."""
    artem = chat.user(ARTEM, "Artem", lang="ru")
    await join_and_confirm(chat, artem, lang="ru", level=3)
    item_id = law_with_buttons(chat)
    for typed in ("не розумію", "ne ponimayu", "Що це?", "chto eto"):
        calls = await chat.send(artem, typed)
        assert "Ничего страшного 🙂 Что значит это слово, на языке" in texts(calls), typed
        assert not offered(calls), typed
    assert attempts(chat) == 0 and not check_items.get_item(chat.db, item_id).answered


async def test_i_dont_know_typed_at_a_placement_question_points_to_its_buttons(
        chat: Chat) -> None:
    """Playtest: at "📚 = ?" Artem typed "не знаю" and Maricel "di ko alam" (the 🤷 the
    question invites, typed): each was asked whether to send it to the teacher."""
    for user_id, name, phone, lang, typed in ((ARTEM, "Artem", "ru", "ru", "не знаю"),
                                              (MARICEL, "Maricel", "en", "tl", "di ko alam")):
        student = chat.user(user_id, name, lang=phone)
        await join_and_confirm(chat, student, lang=lang, level=None)
        for text in (typed, "idk", "ne znayu"):
            calls = await chat.send(student, text)
            assert texts(calls) == said(chat, "tap-an-answer", lang), text
            assert not offered(calls), text


async def test_ukrainian_chosen_on_a_russian_phone_offers_russian_back(chat: Chat) -> None:
    """Playtest: Artem tapped Українська (🌐) after being asked in Russian, and read English
    only from then on, with no way back in sight."""
    artem = chat.user(ARTEM, "Artem", lang="ru")
    await chat.send(artem, "/start JOINcode_123")
    calls = await chat.tap(artem, callbacks.data(callbacks.LANGUAGE, "uk"))
    back = callbacks.data(callbacks.LANGUAGE, "ru", callbacks.UNDO)
    assert ("↩️ Вернуть русский", back) in buttons(calls)
    calls = await chat.tap(artem, back)
    assert "Отлично! Твой язык: русский." in texts(calls)
    assert people.get_student(chat.db, ARTEM).language == "ru"


async def test_ukrainian_typed_on_a_russian_phone_offers_russian_back(chat: Chat) -> None:
    """Ivan typed "ukrainian" at the question asked in Russian: the same way back."""
    ivan = chat.user(ARTEM, "Ivan", lang="ru")
    await chat.send(ivan, "/start JOINcode_123")
    calls = await chat.send(ivan, "ukrainian")
    assert ("↩️ Вернуть русский", callbacks.data(callbacks.LANGUAGE, "ru", callbacks.UNDO)) \
        in buttons(calls)
    assert people.get_student(chat.db, ARTEM).language == "uk"


async def test_a_language_puente_writes_or_english_offers_no_way_back(chat: Chat) -> None:
    """Only a choice with no messages offers the phone's language; a phone in English (Maricel)
    offers nothing, since English is what she would get."""
    maricel = chat.user(MARICEL, "Maricel", lang="en")
    await chat.send(maricel, "/start JOINcode_123")
    calls = await chat.tap(maricel, callbacks.data(callbacks.LANGUAGE, "uk"))
    assert not any(data.endswith(f":{callbacks.UNDO}") for _, data in buttons(calls))
    artem = chat.user(ARTEM, "Artem", lang="ru")
    await chat.send(artem, "/start JOINcode_123")
    calls = await chat.tap(artem, callbacks.data(callbacks.LANGUAGE, "tl"))
    assert not any(data.endswith(f":{callbacks.UNDO}") for _, data in buttons(calls))
