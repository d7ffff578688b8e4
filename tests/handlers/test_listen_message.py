"""Playtest (a Haitian Creole grandmother who cannot read, and an 8-year-old): the weekly update
and /now were text only, and their 🔊 said the words alone. "🔊 Listen to this message" reads
the whole update in the family's language, once per text and language, then by file_id."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bot.handlers.family import queue_weekly_updates
from bot.presentation import callbacks
from bot.presentation.family_views import family_update_spoken
from bot.services import family_updates, learners
from bot.store import speech as uploads
from bot.store.packs import pack_words
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, texts, voices, with_speech

GRANDMOTHER, COUSIN, STRANGER = 2001, 2002, 2003


@pytest.fixture
def speaking(chat: Chat, tmp_path: Path) -> Chat:
    return with_speech(chat, tmp_path / "clips")


async def link(chat: Chat, user_id: int, first_name: str, lang: str) -> dict[str, Any]:
    made = texts(await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/family Ana"))
    person = chat.user(user_id, first_name, lang)
    await chat.send(person, f"/start {made.split('?start=')[1].split()[0]}")
    await chat.tap(person, callbacks.data(callbacks.FAMILY_LANG, lang))
    await chat.deliver()  # the teacher's note about a new language
    return person


def ana_has(chat: Chat, mastered: list[str], practising: list[str], new: list[str]) -> None:
    """Ana's week: words mastered this week, words answered (being practised), cards read."""
    words = {w.word.term: w for w in pack_words(chat.db, "science.ecosystems")}
    terms = [*mastered, *practising, *new]
    learners.introduce(chat.db, learners.learner(chat.db, 1001), [words[t] for t in terms],
                       chat.clock())
    learners.cards_shown(chat.db, 1001, [words[t].id for t in terms], chat.clock())
    for term in [*mastered, *practising]:
        chat.db.execute("UPDATE mastery SET attempts = 2 WHERE word_id = ?", [words[term].id])
    for term in mastered:
        chat.db.execute("UPDATE mastery SET mastered_at = ? WHERE word_id = ?",
                        [chat.clock().isoformat(), words[term].id])


async def weekly(chat: Chat, user_id: int) -> list[tuple[str, str]]:
    """The buttons under this week's update to `user_id`, once delivered."""
    queue_weekly_updates(chat.app.bot_data.services)
    [update] = [c for c in await chat.deliver() if c.chat_id == user_id]
    return buttons([update])


async def test_the_grandmother_hears_the_whole_weekly_update_in_creole(speaking: Chat) -> None:
    await join_and_confirm(speaking, speaking.user(lang="ht"))
    grandmother = await link(speaking, GRANDMOTHER, "Mirlande", "ht")
    ana_has(speaking, [], ["prey"], ["habitat"])
    [(label, data), _words] = await weekly(speaking, GRANDMOTHER)
    assert label == "🔊 Koute mesaj sa a"
    [note] = voices(await speaking.tap(grandmother, data))  # one note: the whole message
    assert note.chat_id == GRANDMOTHER and note.files  # made and uploaded once
    assert note.params["caption"] == "🔊 Mesaj sa a, li fò"
    assert int(note.params["duration"]) > 15  # the whole update, not a word
    again = voices(await speaking.tap(grandmother, data))
    assert [n.params["voice"] for n in again] == list(speaking.api.uploads)  # by file_id
    assert not again[0].files


async def test_the_reading_is_the_update_in_creole_its_english_words_in_english(
        speaking: Chat) -> None:
    await join_and_confirm(speaking, speaking.user(lang="ht"))
    await link(speaking, GRANDMOTHER, "Mirlande", "ht")
    ana_has(speaking, [], ["prey"], [])
    [update] = family_updates.weekly_updates(speaking.db, speaking.clock())
    spoken = family_update_spoken(update, speaking.app.bot_data.services.catalog)
    assert spoken[0] == ("ht", "Semèn Ana")
    assert ("ht", "📖 Mo l ap pratike:".removeprefix("📖 ")) in spoken
    at = spoken.index(("en", "prey"))
    assert spoken[at + 1] == ("ht", "bèt yo chase pou manje")  # its checked gloss, in Creole
    assert ("ht", "Mande Ana pou l eksplike ou mo") in spoken
    assert not any("📬" in text or "<" in text or "/" in text for _, text in spoken)
    # a machine gloss is shown marked; audio cannot mark it, so it is never read
    machine = family_update_spoken(replace(update, machine=frozenset({"prey"})),
                                   speaking.app.bot_data.services.catalog)
    assert ("ht", "bèt yo chase pou manje") not in machine and ("en", "prey") in machine


async def test_a_second_family_with_the_same_update_gets_the_clip_by_file_id(
        speaking: Chat) -> None:
    await join_and_confirm(speaking, speaking.user(lang="ht"))
    grandmother = await link(speaking, GRANDMOTHER, "Mirlande", "ht")
    cousin = await link(speaking, COUSIN, "Mirlande", "ht")
    ana_has(speaking, [], ["prey"], [])
    queue_weekly_updates(speaking.app.bot_data.services)
    sent = await speaking.deliver()
    [hers, his] = [buttons([c])[0][1] for c in sent if c.chat_id in (GRANDMOTHER, COUSIN)]
    [first] = voices(await speaking.tap(grandmother, hers))
    [second] = voices(await speaking.tap(cousin, his))
    assert first.files and not second.files  # same text, same language: one upload
    assert uploads.upload_count(speaking.db).clips == 1


async def test_now_reads_the_update_and_its_words_button_says_every_word_listed(
        speaking: Chat) -> None:
    """Playtest (Vietnamese): "🔊 Nghe các từ" under /now missed community, consumer and the
    three new words the message named."""
    await join_and_confirm(speaking, speaking.user(lang="vi"))
    mother = await link(speaking, GRANDMOTHER, "Lan", "vi")
    ana_has(speaking, ["community", "consumer"], ["prey", "predator", "habitat"],
            ["food chain", "producer", "decomposer"])
    speaking.clock.advance(days=1)  # the update counts the days before today
    now = await speaking.send(mother, "/now")
    [(whole, message), (label, words)] = buttons(now)
    assert (whole, label) == ("🔊 Nghe tin nhắn này", "🔊 Nghe các từ")
    listed = [t for t in ("community", "consumer", "prey", "predator", "habitat",
                          "food chain", "producer", "decomposer") if f"<b>{t}</b>" in now[0].text]
    assert len(listed) == 8
    heard = voices(await speaking.tap(mother, words))
    assert sorted(str(n.params["caption"]).split("<b>")[1].split("</b>")[0]
                  for n in heard) == sorted(listed)
    [note] = voices(await speaking.tap(mother, message))
    assert note.params["caption"] == "🔊 Tin nhắn này, đọc thành tiếng"


async def test_a_somali_family_gets_no_listen_button_that_cannot_speak_somali(
        speaking: Chat) -> None:
    # Playtest: Cabdi tapped "🔊 Listen to this message" and was told in writing that there
    # is no Somali voice. Now it is said once, when he chooses Somali, and the update offers
    # only the English words, which a voice does say.
    await join_and_confirm(speaking, speaking.user(lang="so"))
    made = texts(await speaking.send(speaking.user(TEACHER_ID, "Rivera", "en"), "/family Ana"))
    father = speaking.user(GRANDMOTHER, "Cabdi", "so")
    await speaking.send(father, f"/start {made.split('?start=')[1].split()[0]}")
    welcome = await speaking.tap(father, callbacks.data(callbacks.FAMILY_LANG, "so"))
    assert "🔇 Cod Soomaali ah weli lama hayo. 🔊 waxaa lagu maqlaa erayada Ingiriisiga " \
        "oo keliya." in texts(welcome)
    await speaking.deliver()
    ana_has(speaking, [], ["prey"], [])
    [(label, words)] = await weekly(speaking, GRANDMOTHER)
    assert words.startswith(callbacks.FAMILY_HEAR + ":") and "🔊" in label
    assert voices(await speaking.tap(father, words))  # the English words are said
    now = await speaking.send(father, "/now")
    assert [d for _, d in buttons(now)] == [callbacks.data(callbacks.FAMILY_HEAR, 1001, "n")]
    # an old "Listen to this message" from before still says plainly why nothing is heard
    said = await speaking.tap_on(father, callbacks.data(callbacks.HEAR_MESSAGE, "n", 1001),
                                 now[-1].result_id or 0)
    assert not voices(said)
    assert "Weli ma jiro cod Soomaali ah, markaa fariintan cod laguma akhrin karo." in texts(said)


async def test_a_spanish_family_keeps_listen_to_this_message(speaking: Chat) -> None:
    await join_and_confirm(speaking, speaking.user(lang="es"))
    mother = await link(speaking, COUSIN, "Rosa", "es")
    ana_has(speaking, [], ["prey"], [])
    [(label, _), _words] = await weekly(speaking, COUSIN)
    assert label == "🔊 Escuchar este mensaje"
    assert "🔇" not in texts(await speaking.tap(mother, callbacks.data(
        callbacks.FAMILY_LANG, "es")))


async def test_nobody_else_hears_a_familys_update(speaking: Chat) -> None:
    await join_and_confirm(speaking, speaking.user(lang="ht"))
    await link(speaking, GRANDMOTHER, "Mirlande", "ht")
    ana_has(speaking, [], ["prey"], [])
    [(_, message), (_, words)] = await weekly(speaking, GRANDMOTHER)
    stranger = speaking.user(STRANGER, "Eve", "en")
    assert not voices(await speaking.tap(stranger, message))  # another chat's message
    assert not voices(await speaking.tap(stranger, words))
    assert not voices(await speaking.tap(stranger, callbacks.data(callbacks.HEAR_MESSAGE,
                                                                  "n", 1001)))
