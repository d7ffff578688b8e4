"""A family member who has not chosen a language yet (playtest H1): a Somali mother whose
daughter learns with Hmong glosses opens the family link on a phone set to Somali and taps no
language. Everything Puente sends her, now or on Friday, is in Somali, never in Hmong."""

from __future__ import annotations

from typing import Any

from bot.handlers.family import queue_weekly_updates
from bot.store.packs import pack_words
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    buttons,
    check_now,
    join_and_confirm,
    texts,
)

MOTHER = 2001
PAHOUA = 1001


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def somali_mother_who_taps_no_language(chat: Chat, phone: str | None = "so"
                                             ) -> dict[str, Any]:
    """PaHoua learns in Hmong; her mother's phone is set to `phone`; she opens the family
    link and taps nothing on the language menu."""
    await join_and_confirm(chat, chat.user(PAHOUA, "PaHoua", "hmn"), lang="hmn")
    made = texts(await chat.send(rivera(chat), "/family PaHoua"))
    mother = chat.user(MOTHER, "Hooyo", phone)
    welcome = await chat.send(mother, f"/start {made.split('?start=')[1].split()[0]}")
    assert texts(welcome).startswith("Ku soo dhawoow!") or phone != "so"
    return mother


async def test_now_language_and_ask_speak_the_phones_language_not_the_childs(
        chat: Chat) -> None:
    mother = await somali_mother_who_taps_no_language(chat)
    assert texts(await chat.send(mother, "/now")).startswith("📬 Toddobaadka PaHoua")
    language = await chat.send(mother, "/language")
    assert texts(language).startswith("Luqaddee ayaad jeclaan lahayd inaad ku akhrido?")
    assert buttons(language)[0] == ("Soomaali", "fa:so")
    asked = texts(await chat.send(mother, "/ask"))
    assert "Hmoob" not in asked and "Hmong" not in asked
    assert "macallinka" in asked  # Somali: "the teacher"


async def test_the_weekly_update_of_a_family_member_who_chose_nothing_is_in_the_phones_language(
        chat: Chat) -> None:
    await somali_mother_who_taps_no_language(chat)
    assert queue_weekly_updates(chat.app.bot_data.services) == 1
    sent = [c for c in await chat.deliver() if c.chat_id == MOTHER]
    assert sent and sent[0].text.startswith("📬 Toddobaadka PaHoua")


async def test_the_teacher_sees_the_phones_language_as_not_chosen_yet(chat: Chat) -> None:
    await somali_mother_who_taps_no_language(chat)
    listing = texts(await chat.send(rivera(chat), "/families"))
    assert "PaHoua #1 · Somali (not chosen yet) · linked" in listing


async def test_an_english_phone_says_little_so_the_childs_language_is_used(chat: Chat) -> None:
    """Many families keep their phone in English: with nothing else known, the child's home
    language (with English beside it) stays the best guess, the same everywhere."""
    mother = await somali_mother_who_taps_no_language(chat, phone="en")
    assert texts(await chat.send(mother, "/now")).startswith("📬 PaHoua lub lim tiam")
    queue_weekly_updates(chat.app.bot_data.services)
    sent = [c for c in await chat.deliver() if c.chat_id == MOTHER]
    assert sent and sent[0].text.startswith("📬 PaHoua lub lim tiam")


async def test_the_update_asks_for_the_word_in_the_home_language_with_the_familys_glosses(
        chat: Chat) -> None:
    """PaHoua learns with Hmong glosses and may not speak Somali: she is asked to explain the
    word in the language they speak at home, never "af Soomaali", and the words carry their
    Somali glosses, never the Hmong ones her mother cannot read (playtest M4)."""
    pahoua = chat.user(PAHOUA, "PaHoua", "hmn")
    await somali_mother_who_taps_no_language(chat)
    await check_now(chat, pahoua)
    for _ in range(5):
        await answer_current(chat, pahoua, False)
    queue_weekly_updates(chat.app.bot_data.services)
    text = next(c.text for c in await chat.deliver() if c.chat_id == MOTHER)
    assert "luqadda aad guriga ku hadashaan" in text and "af Soomaali" not in text
    practised = [w.word for w in pack_words(chat.db, "science.ecosystems")]
    assert any(f"({w.glosses['so'].term})" in text for w in practised if "so" in w.glosses)
    assert not [w.term for w in practised if "hmn" in w.glosses
                and f"({w.glosses['hmn'].term})" in text]


async def test_one_linked_before_phones_were_kept_gets_fridays_update_as_now_speaks(
        chat: Chat) -> None:
    """A mother linked before Puente kept the phone's language read /now in Somali (her
    phone's) but Friday's update in Hmong (her child's): her next /now keeps Somali."""
    mother = await somali_mother_who_taps_no_language(chat)
    chat.db.execute("UPDATE families SET language = NULL")  # as linked before
    assert texts(await chat.send(mother, "/now")).startswith("📬 Toddobaadka PaHoua")
    queue_weekly_updates(chat.app.bot_data.services)
    sent = [c for c in await chat.deliver() if c.chat_id == MOTHER]
    assert sent and sent[0].text.startswith("📬 Toddobaadka PaHoua")
