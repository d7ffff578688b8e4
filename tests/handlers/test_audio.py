"""The 🔊 button through the real Application: voice notes, uploaded once, then by file_id."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

import pytest
from telegram import Update

from bot.demo.offline import Call, Failure
from bot.presentation import callbacks
from bot.speech import Speech
from bot.store import people
from bot.store import speech as uploads
from bot.store.packs import pack_words
from tests.harness import Chat, buttons, page_through, texts

LISTEN = callbacks.data(callbacks.AUDIO)


@pytest.fixture
def speaking(chat: Chat, tmp_path: Path) -> Chat:
    """The shared chat, with pronunciation audio switched on (real eSpeak NG)."""
    services = chat.app.bot_data.services
    assert services is not None
    chat.app.bot_data.services = replace(services, speech=Speech.open(tmp_path / "clips"))
    return chat


async def enrol(chat: Chat, user_id: int, lang: str, level: int = 1) -> dict:
    """Join the class at a teacher-set level and confirm the home language."""
    user = chat.user(user_id, lang=lang)
    await chat.send(user, "/start JOINcode_123")
    people.set_level(chat.db, user_id, None, level, "teacher")
    await chat.tap(user, callbacks.data(callbacks.LANGUAGE, lang))
    return user


def voices(calls: list[Call]) -> list[Call]:
    return [c for c in calls if c.method == "sendVoice"]


def word_ids(chat: Chat, user_id: int) -> list[int]:
    return [r[0] for r in chat.db.execute(
        "SELECT word_id FROM mastery WHERE student_id = ? ORDER BY word_id", [user_id])]


async def test_each_card_offers_listen_for_its_own_word_in_the_students_language(
        speaking: Chat) -> None:
    ana = await enrol(speaking, 1001, "es")
    cards = await page_through(speaking, ana, await speaking.send(ana, "/words"))
    listen = [d for c in cards for label, d in c.buttons if label == "🔊 Escuchar"]
    assert listen == [callbacks.data(callbacks.AUDIO, w) for w in word_ids(speaking, 1001)]


async def test_bundled_cards_offer_one_listen_button_for_every_word(speaking: Chat) -> None:
    bo = await enrol(speaking, 1002, "es", level=4)
    shown = buttons(await speaking.send(bo, "/words"))
    preview = speaking.db.execute("SELECT max(id) FROM previews").fetchone()[0]
    # it names the cards above it: scrolled back to, it says those, not the words of the day
    assert ("🔊 Escuchar", callbacks.data(callbacks.AUDIO, preview, callbacks.CARDS)) in shown


async def test_tapping_listen_sends_each_word_as_an_ogg_opus_voice_note(speaking: Chat) -> None:
    ana = await enrol(speaking, 1001, "es")
    await speaking.send(ana, "/words")
    notes = voices(await speaking.tap(ana, LISTEN))
    assert len(notes) == len(word_ids(speaking, 1001)) > 0
    for note in notes:
        (clip,) = note.files.values()
        assert clip.startswith(b"OggS") and b"OpusHead" in clip[:100]
        assert 2 <= int(note.params["duration"]) <= 7  # level 1: word, gloss, the card frame
        assert note.chat_id == 1001
    assert "🔊 <b>ecosystem</b> · ecosistema" in texts(notes)


async def test_second_student_gets_the_remembered_file_id_not_an_upload(speaking: Chat) -> None:
    ana, ben = await enrol(speaking, 1001, "es"), await enrol(speaking, 1002, "es")
    first = voices(await speaking.tap(ana, LISTEN))
    second = voices(await speaking.tap(ben, LISTEN))
    assert all(n.files for n in first)
    assert not any(n.files for n in second)
    assert [n.params["voice"] for n in second] == list(speaking.api.uploads)
    assert uploads.upload_count(speaking.db).clips == len(first)


async def test_a_student_without_a_home_voice_hears_english_and_is_told(speaking: Chat) -> None:
    await enrol(speaking, 1001, "es")
    await speaking.tap(speaking.user(1001, lang="es"), LISTEN)
    farah = await enrol(speaking, 1003, "so")
    notes = voices(await speaking.tap(farah, LISTEN))
    assert all(n.files for n in notes)  # not the Spanish clips: no Somali part, a new clip
    assert notes[0].text.endswith(  # in her language, then in English, as every student line
        "\nWeli ma jiro cod Soomaali ah, markaa waxaad maqlaysaa Ingiriisi oo keliya.\n"
        "There is no Somali voice yet, so you hear English only.")
    assert "Soomaali" not in notes[1].text
    assert all(int(n.params["duration"]) < 9 for n in notes)


async def test_one_word_alone_for_a_listening_item(speaking: Chat) -> None:
    ana = await enrol(speaking, 1001, "es")
    await speaking.send(ana, "/words")
    word = word_ids(speaking, 1001)[0]
    (note,) = voices(await speaking.tap(ana, callbacks.data(callbacks.AUDIO, word, "w")))
    assert int(note.params["duration"]) <= 2
    assert "·" not in note.text  # the word only: no gloss to give the answer away


async def test_a_file_id_telegram_refuses_is_uploaded_again(speaking: Chat) -> None:
    ana = await enrol(speaking, 1001, "es")
    await speaking.send(ana, "/words")
    word = word_ids(speaking, 1001)[0]
    data = callbacks.data(callbacks.AUDIO, word)
    (first,) = voices(await speaking.tap(ana, data))
    speaking.api.uploads.clear()  # as if the bot's token (and so its files) changed
    (again,) = voices(await speaking.tap(ana, data))
    assert again.files
    key = next(iter(speaking.db.query("SELECT clip_key FROM voice_clips")))["clip_key"]
    assert uploads.file_id(speaking.db, key) == "voice-1"
    assert first.files[next(iter(first.files))] == again.files[next(iter(again.files))]


@pytest.mark.parametrize("data", ["au:999999", "au:1:x", "au:1:w:w", "au:x"])
async def test_forged_audio_buttons_are_refused_kindly(speaking: Chat, data: str) -> None:
    ana = await enrol(speaking, 1001, "es")
    calls = await speaking.tap(ana, data)
    assert not voices(calls)
    assert "Ese botón es viejo" in texts(calls)  # the answer to any button we never sent


async def test_a_word_from_a_pack_the_class_does_not_use_is_refused(speaking: Chat) -> None:
    ana = await enrol(speaking, 1001, "es")
    other = next(iter(speaking.db.query(
        "SELECT id FROM words WHERE pack_id != 'science.ecosystems' LIMIT 1")))["id"]
    assert not voices(await speaking.tap(ana, callbacks.data(callbacks.AUDIO, other)))


async def test_without_speech_there_is_no_button_and_a_kind_answer(chat: Chat) -> None:
    ana = await enrol(chat, 1001, "es")
    calls = await chat.send(ana, "/words")
    assert LISTEN not in [d for _, d in buttons(calls)]
    calls = await chat.tap(ana, LISTEN)
    assert not voices(calls)
    assert "no puedo enviar sonidos" in texts(calls)


async def test_students_tapping_at_the_same_moment_cause_one_upload_per_clip(
        speaking: Chat) -> None:
    students = [await enrol(speaking, 1001 + n, "es") for n in range(3)]
    await asyncio.gather(*(speaking.app.process_update(Update.de_json(
        speaking.factory.tap(s, LISTEN), speaking.app.bot)) for s in students))
    notes = voices(speaking.api.calls)
    uploaded = [n for n in notes if n.files]
    assert len(notes) == 3 * len(uploaded) > 0
    assert uploads.upload_count(speaking.db).clips == len(uploaded)


async def test_a_student_who_refuses_voice_messages_gets_an_audio_file(speaking: Chat) -> None:
    ana = await enrol(speaking, 1001, "es")
    await speaking.send(ana, "/words")
    speaking.api.fail_next(1001, Failure(400, "Bad Request: VOICE_MESSAGES_FORBIDDEN"))
    calls = await speaking.tap(ana, callbacks.data(callbacks.AUDIO, word_ids(speaking, 1001)[0]))
    (audio,) = [c for c in calls if c.method == "sendAudio"]
    assert next(iter(audio.files.values())).startswith(b"OggS")
    assert "ecosystem" in audio.text


async def test_a_level_4_student_also_hears_the_example_sentence(speaking: Chat) -> None:
    beginner, advanced = await enrol(speaking, 1001, "es"), await enrol(speaking, 1002, "es", 4)
    short = voices(await speaking.tap(beginner, LISTEN))[0]
    long = voices(await speaking.tap(advanced, LISTEN))[0]
    assert long.text == "🔊 <b>ecosystem</b> · ecosistema\n🗣 En inglés y español"
    # level 1 also hears (and reads under it) the card's frame, in place of the example
    assert short.text == long.text + "\n🗣️ Intenta decir: A ___ is an ecosystem."
    assert int(long.params["duration"]) > int(short.params["duration"]) + 1
    assert long.files  # a different clip from the beginner's: uploaded, not reused


async def test_a_pushed_preview_offers_listen_beside_check(speaking: Chat) -> None:
    await enrol(speaking, 1001, "es")
    await speaking.send(speaking.user(9001, "Rivera", "en"), "/push science.ecosystems prey")
    sent = await speaking.deliver()
    prey = speaking.db.execute("SELECT id FROM words WHERE term = 'prey' "
                                "AND pack_id = 'science.ecosystems'").fetchone()[0]
    assert buttons([c for c in sent if c.chat_id == 1001]) == [
        ("🔊 Escuchar", callbacks.data(callbacks.AUDIO, prey)),
        ("✅ Ponme a prueba", "ck:1")]  # a one-card push: its only card is its last


def read(chat: Chat, student_id: int) -> set[int]:
    """The words whose cards the student has read."""
    return {r[0] for r in chat.db.execute(
        "SELECT word_id FROM mastery WHERE student_id = ? AND shown_at IS NOT NULL",
        [student_id])}


async def test_listen_under_a_pushed_preview_says_that_previews_words_and_an_old_one_all(
        speaking: Chat) -> None:
    # 🔊 under a 2-word push sent a voice note for every word she was learning
    bo = await enrol(speaking, 1002, "es", level=4)
    await speaking.send(bo, "/words")
    learning = word_ids(speaking, 1002)
    pushed = [w for w in pack_words(speaking.db, "science.ecosystems")][-2:]
    await speaking.send(speaking.user(9001, "Rivera", "en"),
                        f"/push science.ecosystems {', '.join(w.word.term for w in pushed)}")
    sent = [c for c in await speaking.deliver() if c.chat_id == 1002]
    assert ("🔊 Escuchar", "au:1:p") in buttons(sent)  # the push's id, as its flip
    assert not read(speaking, 1002) & {w.id for w in pushed}  # delivered is not read ...
    notes = voices(await speaking.tap(bo, "au:1:p"))
    assert {w.id for w in pushed} <= read(speaking, 1002)  # ... her 🔊 on its cards is
    assert [n.text.split("</b>")[0] for n in notes] == [f"🔊 <b>{w.word.term}" for w in pushed]
    assert len(voices(await speaking.tap(bo, LISTEN))) == len(learning) + 2  # an old 🔊: all
    calls = await speaking.tap(bo, "au:99:p")  # a push she never got
    assert not voices(calls) and "Esa tarjeta es de una lista vieja" in texts(calls)
    for forged in ("au:1:p:w", "au:x:p", "au:1:w:p"):
        calls = await speaking.tap(bo, forged)
        assert not voices(calls) and "Ese botón es viejo" in texts(calls), forged


async def test_a_note_that_speaks_the_home_language_says_which_in_the_listeners_words(
        speaking: Chat) -> None:
    """The clip says the English word, then its gloss in the home-language voice: the caption
    names both languages, the way the listener writes them (Chinese is heard in Mandarin)."""
    wei = await enrol(speaking, 1001, "zh")
    await speaking.send(wei, "/words")
    [note] = voices(await speaking.tap(wei, callbacks.data(
        callbacks.AUDIO, word_ids(speaking, 1001)[0])))
    assert note.text == ("🔊 <b>ecosystem</b> · 生态系统\n🗣 英语和中文\n"
                         "🗣️ 试着说：A ___ is an ecosystem.")


async def test_a_note_in_english_alone_names_no_language(speaking: Chat) -> None:
    fluent = await enrol(speaking, 1001, "es", level=5)  # level 5: English only, no gloss
    hodan = await enrol(speaking, 1002, "so")  # no Somali voice: the gloss is not heard
    for user in (fluent, hodan):
        await speaking.send(user, "/words")
    heard = [voices(await speaking.tap(user, callbacks.data(
        callbacks.AUDIO, word_ids(speaking, user["id"])[0])))[0].text
        for user in (fluent, hodan)]
    assert heard[0] == "🔊 <b>ecosystem</b>"
    assert heard[1].startswith("🔊 <b>ecosystem</b> · ")
    # no line naming a spoken language: the one 🗣 line is the card's "Try saying" frame
    assert [line for line in heard[1].split("\n") if line.startswith("🗣")] == [
        "🗣️ Isku day inaad tiraahdo: A ___ is an ecosystem."]


async def test_a_level_1_card_listen_says_and_shows_its_try_saying_sentence(
        speaking: Chat) -> None:
    # playtest (Hmong level 1): the caption named only the word, so she could not tell the
    # "🗣️ Sim hais: ..." sentence she was asked to say was in the clip
    paj = await enrol(speaking, 1004, "hmn")
    cards = await page_through(speaking, paj, await speaking.send(paj, "/words"))
    for card in cards:
        frame = next(line for line in card.text.split("\n") if line.startswith("🗣️ Sim hais:"))
        (word,) = [d for label, d in card.buttons if label == "🔊 Mloog"]
        (note,) = voices(await speaking.tap(paj, word))
        assert frame in note.text.split("\n")
        (alone,) = voices(await speaking.tap(paj, word + ":w"))
        assert int(note.params["duration"]) > int(alone.params["duration"])  # not the word alone
        assert int(note.params["duration"]) <= 6  # short: the word and one short sentence


async def test_a_level_3_card_listen_shows_no_frame_its_clip_does_not_say(
        speaking: Chat) -> None:
    bo = await enrol(speaking, 1005, "es", level=3)
    await speaking.send(bo, "/words")
    word = word_ids(speaking, 1005)[0]
    (note,) = voices(await speaking.tap(bo, callbacks.data(callbacks.AUDIO, word)))
    assert "🗣️" not in note.text  # it ends on the example, not the card's frame
