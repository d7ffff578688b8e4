"""/record through the real Application: a teacher says a word's Hmong line in a voice note
replying to "🎙️ Say in Hmong", and a Hmong level-1 student then hears it under 🔊 by its
file_id (no Hmong voice exists, docs/speech.md)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from bot.demo.offline import Call
from bot.presentation import callbacks
from bot.services import recordings as recording
from bot.speech import Speech
from bot.store import recordings, study
from bot.store.packs import pack_words
from tests.families import link
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_until,
    buttons,
    check_now,
    enrol_student,
    join_and_confirm,
    on_screen,
    page_through,
    reply,
    texts,
    voice,
)

PAJ = 1004
SKIP = callbacks.data(callbacks.RECORD, callbacks.SKIP)
STOP = callbacks.data(callbacks.RECORD, callbacks.STOP)


def lines(chat: Chat) -> list[recording.Line]:
    """The class's words with a Hmong line (what /record goes through), in order."""
    return recording.lines(chat.db, 1, "hmn")


def prompt_of(calls: list[Call]) -> Call:
    """The "🎙️ Say in ..." message among these calls."""
    (found,) = [c for c in calls if c.method == "sendMessage" and c.text.startswith("🎙️")
                and any(d == SKIP for _, d in c.buttons)]
    return found


def said(calls: list[Call]) -> str:
    """What the messages sent say (a button taken off its message says nothing)."""
    return "\n".join(c.text for c in calls if c.method == "sendMessage")


def stored(chat: Chat) -> list[tuple]:
    return chat.db.execute("SELECT word_id, language, line, file_id, seconds, recorded_by "
                           "FROM word_recordings ORDER BY word_id").fetchall()


@pytest.fixture
async def teacher(chat: Chat) -> dict:
    """Ms. Rivera, whose class has Paj (Hmong, level 1)."""
    enrol_student(chat.db, chat.clock(), PAJ, "Paj", "hmn", 1)
    return chat.user(TEACHER_ID, "Rivera", "en")


async def test_a_voice_note_replying_to_the_word_is_kept_and_the_next_word_comes(
        chat: Chat, teacher: dict) -> None:
    first, second = lines(chat)[:2]
    total = len(lines(chat))
    asked = prompt_of(await chat.send(teacher, "/record"))
    assert asked.text == (f"🎙️ Say in Hmong: <b>{first.line}</b> ({first.term})\nReply to this "
                          f"message with a voice note, up to 30 seconds. 0 of {total} words "
                          "recorded.")
    assert [label for label, _ in asked.buttons] == ["⏭️ Skip", "⏹️ Stop"]
    calls = await voice(chat, teacher, asked.result_id, seconds=6, file_id="paj-line-1")
    assert calls[0].text == (f"✅ Saved: <b>{first.term}</b> in Hmong (6 s). Students at "
                             "levels 1-2 hear your voice under 🔊.")
    assert [label for label, _ in calls[0].buttons] == ["🔁 Record again", "🗑️ Delete"]
    assert prompt_of(calls).text.startswith(
        f"🎙️ Say in Hmong: <b>{second.line}</b> ({second.term})")
    assert f"1 of {total} words recorded." in prompt_of(calls).text
    assert stored(chat) == [(first.word_id, "hmn", first.line, "paj-line-1", 6, TEACHER_ID)]


async def test_a_note_longer_than_30_seconds_is_refused_kindly_and_the_word_waits(
        chat: Chat, teacher: dict) -> None:
    asked = prompt_of(await chat.send(teacher, "/record"))
    calls = await voice(chat, teacher, asked.result_id, seconds=45)
    assert texts(calls) == ("That voice note is 45 seconds long. A bit shorter, please: just "
                            "the line, in 30 seconds or less. Reply to the word again.")
    assert stored(chat) == []
    await voice(chat, teacher, asked.result_id, seconds=8)  # the same word, shorter
    assert [row[0] for row in stored(chat)] == [lines(chat)[0].word_id]


async def test_skip_moves_on_and_a_stale_or_forged_button_is_refused_kindly(
        chat: Chat, teacher: dict) -> None:
    asked = prompt_of(await chat.send(teacher, "/record"))
    skipped = await chat.tap_on(teacher, SKIP, asked.result_id)
    assert lines(chat)[1].line in prompt_of(skipped).text
    stale = ("That recording button or message is old or not yours, so nothing changed. "
             "/record shows the next word.")
    # the same ⏭️ again (a slow phone that still shows it): that word was skipped already
    assert said(await chat.tap_on(teacher, SKIP, asked.result_id)) == stale
    # a word of a pack the class does not learn, and a language that has a voice
    other = pack_words(chat.db, "math.number-operations")[0].id
    for forged in (callbacks.data(callbacks.RECORD_DELETE, 1, other, "hmn"),
                   callbacks.data(callbacks.RECORD_AGAIN, 1, lines(chat)[0].word_id, "es"),
                   callbacks.data(callbacks.RECORD, 1, "es")):
        assert said(await chat.tap(teacher, forged)) == stale
    # a voice note replying to the skipped word's message is no one's: nothing kept
    await voice(chat, teacher, asked.result_id)
    assert stored(chat) == []


async def test_stop_ends_it_and_a_voice_note_after_is_not_kept(
        chat: Chat, teacher: dict) -> None:
    asked = prompt_of(await chat.send(teacher, "/record"))
    assert said(await chat.tap_on(teacher, STOP, asked.result_id)) == (
        "⏹️ Stopped. /record goes on with the words still missing.")
    await voice(chat, teacher, asked.result_id)
    await voice(chat, teacher)
    assert stored(chat) == []


async def test_a_student_cannot_record(chat: Chat, teacher: dict) -> None:
    paj = chat.user(PAJ, "Paj", "hmn")
    assert texts(await chat.send(paj, "/record")) == (
        "Lo lus txib ntawd yog rau koj tus xib fwb, nws tsis ua dab tsi rau koj. Nias /words "
        "los saib koj cov lo lus los yog /check los xyaum.\nThat is a command for your "
        "teacher, so it does nothing for you. Tap /words to see your words or /check to "
        "practise.")
    asked = prompt_of(await chat.send(teacher, "/record"))
    await voice(chat, paj, asked.result_id)  # the teacher's prompt id, from her own chat
    assert stored(chat) == []


async def test_delete_really_deletes_and_record_again_replaces(
        chat: Chat, teacher: dict) -> None:
    first = lines(chat)[0]
    asked = prompt_of(await chat.send(teacher, "/record"))
    await voice(chat, teacher, asked.result_id, file_id="take-1")
    again = prompt_of(await chat.tap(teacher, callbacks.data(
        callbacks.RECORD_AGAIN, 1, first.word_id, "hmn")))
    assert again.text.endswith("🔁 This word is recorded already: a new voice note replaces "
                               "the recording.")
    await voice(chat, teacher, again.result_id, file_id="take-2")
    assert [row[3] for row in stored(chat)] == ["take-2"]
    calls = await chat.tap(teacher, callbacks.data(callbacks.RECORD_DELETE, 1, first.word_id,
                                                   "hmn"))
    assert calls[-1].text == (f"🗑️ Deleted: the Hmong recording of <b>{first.term}</b>. "
                              f"Students no longer hear it. 0 of {len(lines(chat))} words "
                              "recorded.")
    assert stored(chat) == []
    assert recordings.recording(chat.db, first.word_id, "hmn") is None  # nor in memory


async def test_report_counts_the_hmong_words_recorded(chat: Chat, teacher: dict) -> None:
    asked = prompt_of(await chat.send(teacher, "/record"))
    await voice(chat, teacher, asked.result_id)
    report = texts(await chat.send(teacher, "/report"))
    assert f"Hmong audio: 1 of {len(lines(chat))} words recorded" in report


@pytest.fixture
def speaking(chat: Chat, tmp_path: Path) -> Chat:
    """The shared chat, with pronunciation audio switched on (real eSpeak NG)."""
    services = chat.app.bot_data.services
    chat.app.bot_data.services = replace(services, speech=Speech.open(tmp_path / "clips"))
    return chat


async def test_a_hmong_students_card_plays_the_teachers_recording_by_file_id(
        speaking: Chat, teacher: dict) -> None:
    paj = speaking.user(PAJ, "Paj", "hmn")
    cards = await page_through(speaking, paj, await speaking.send(paj, "/words"))
    (listen,) = [d for label, d in cards[0].buttons if label == "🔊 Mloog"]
    word_id = callbacks.listen_args(callbacks.parse(listen)).word_id
    item = next(i for i in lines(speaking) if i.word_id == word_id)
    before = [c for c in await speaking.tap(paj, listen) if c.method == "sendVoice"]
    assert len(before) == 1 and "Hmoob" in before[0].text  # "no Hmong voice yet"
    speaking.api.uploads["paj-teacher"] = b"OggS"  # the teacher's note, which Telegram keeps
    recordings.save_recording(speaking.db, word_id, "hmn", item.line, "paj-teacher", 5,
                              TEACHER_ID, speaking.clock())
    english, recorded = [c for c in await speaking.tap(paj, listen) if c.method == "sendVoice"]
    assert recorded.params["voice"] == "paj-teacher"
    assert recorded.text == (f"🎙️ {item.line}\n🧑‍🏫 Ms. Rivera, hauv koj chav kawm, hais qhov "
                             "no ua lus Hmoob. Nov yog ib tug neeg lub suab, tsis yog tshuab.")
    assert "Hmoob" not in english.text  # no "no Hmong voice": her teacher's follows


async def test_a_hmong_question_showing_the_recorded_line_offers_it(
        chat: Chat, teacher: dict) -> None:
    for item in lines(chat):  # every line recorded, as /record keeps them
        chat.api.uploads[f"v{item.word_id}"] = b"OggS"
        recordings.save_recording(chat.db, item.word_id, "hmn", item.line, f"v{item.word_id}",
                                  5, TEACHER_ID, chat.clock())
    recorded = {i.word_id: i.line for i in lines(chat)}
    mai = chat.user(1005, "Mai", "hmn")
    await join_and_confirm(chat, mai, lang="hmn", level=1)
    await check_now(chat, mai)
    question = await answer_until(chat, mai, lambda s: s.item.options and not s.poll_id
                                  and recorded.get(s.item.word_id) == s.item.prompt)
    sound = callbacks.data(callbacks.QUESTION_AUDIO, question.id)
    assert on_screen(chat, mai, sound)  # no Hmong voice: the 🔊 is there for her recording
    (sent,) = [c for c in await chat.tap(mai, sound) if c.method == "sendVoice"]
    assert sent.params["voice"] == f"v{question.item.word_id}"  # no speech here: hers only


async def test_with_hmong_and_somali_students_she_picks_the_language(
        chat: Chat, teacher: dict) -> None:
    enrol_student(chat.db, chat.clock(), 1006, "Hodan", "so", 1)
    calls = await chat.send(teacher, "/record")
    assert said(calls) == ("🎙️ Which language do you want to record for <b>Science 7B</b>? Your "
                           "students read these languages, and no voice speaks them yet:")
    assert [label for label, _ in calls[-1].buttons] == ["🎙️ Hmong", "🎙️ Somali"]
    somali = recording.lines(chat.db, 1, "so")[0]
    asked = prompt_of(await chat.tap(teacher, callbacks.data(callbacks.RECORD, 1, "so")))
    assert asked.text.startswith(f"🎙️ Say in Somali: <b>{somali.line}</b> ({somali.term})")
    assert prompt_of(await chat.send(teacher, "/record Hmong")).text.startswith(
        "🎙️ Say in Hmong: ")


async def test_a_class_whose_languages_all_have_a_voice_has_nothing_to_record(
        chat: Chat) -> None:
    enrol_student(chat.db, chat.clock(), 1001, "Ana", "es", 1)
    teacher = chat.user(TEACHER_ID, "Rivera", "en")
    assert said(await chat.send(teacher, "/record")) == (
        "No student in this class has a home language without a voice, so there is nothing to "
        "record. Puente has no voice for Hmong, Somali and Tagalog: /record hmn records the "
        "Hmong lines.")
    assert said(await chat.send(teacher, "/record Spanish")) == said(
        await chat.send(teacher, "/record"))


async def test_a_text_for_a_word_to_record_asks_for_a_voice_note_and_goes_to_no_family(
        chat: Chat, teacher: dict) -> None:
    """Co-teacher playtest: the aide typed the line under "🎙️ Say in ..." and was offered
    "✉️ Send to Aabe": one tap sent a recording line to a father."""
    father = chat.user(2001, "Txiv", "hmn")
    await link(chat, teacher, "Paj", father)
    await chat.send(father, "Paj puas kawm tau zoo?")
    await chat.tap(father, callbacks.data(callbacks.ASK, PAJ))
    await chat.deliver()  # the teacher has a family message to answer
    asked = prompt_of(await chat.send(teacher, "/record"))
    please = "🎙️ Please send a voice note: hold 🎤 and say it. Your text went to nobody."
    for to in (asked.result_id, None):  # a reply to the word, or a text while it waits
        calls = await (reply(chat, teacher, "lub ntiaj teb", asked.result_id) if to
                       else chat.send(teacher, "lub ntiaj teb"))
        assert said(calls) == please
        assert buttons(calls) == []
    assert [c for c in await chat.deliver() if c.chat_id == father["id"]] == []
    # a prompt left open for long takes her texts no more, but a reply to it is still a line
    chat.clock.now += timedelta(minutes=31)
    assert said(await chat.send(teacher, "Paj kawm tau zoo")).startswith("Is this an answer")
    assert said(await reply(chat, teacher, "lub ntiaj teb", asked.result_id)) == please
    await chat.tap_on(teacher, STOP, asked.result_id)
    # recording stopped: a text is once more an answer she may send
    assert buttons(await chat.send(teacher, "Paj kawm tau zoo")) != []


async def test_a_somali_aide_records_first_the_words_her_somali_students_have(
        chat: Chat, teacher: dict) -> None:
    """Playtest: /record told an aide "0 of 25 recorded" when the class's Somali students had
    5 words between them. It counts (and asks first) theirs; the class's others are optional."""
    hodan = chat.user(1006, "Hodan", "so")
    enrol_student(chat.db, chat.clock(), 1006, "Hodan", "so", 1)
    await chat.send(hodan, "/words")  # her first cards: the words she has
    theirs = set(study.student_mastery(chat.db, 1006))
    every = recording.lines(chat.db, 1, "so")
    needed = [i for i in every if i.word_id in theirs]
    optional = [i for i in every if i.word_id not in theirs]
    assert needed and optional
    n, more = len(needed), len(optional)
    words = f"{n} words" if n > 1 else "1 word"
    asked = prompt_of(await chat.send(teacher, "/record Somali"))
    assert asked.text == (
        f"🎙️ Say in Somali: <b>{needed[0].line}</b> ({needed[0].term})\nReply to this message "
        f"with a voice note, up to 30 seconds. Recorded: 0 of {words} your Somali students "
        f"need; {more} more in the class's packs, optional.")
    for item in needed:  # theirs first, in pack order
        assert f"<b>{item.line}</b> ({item.term})" in asked.text
        asked = prompt_of(await voice(chat, teacher, asked.result_id))
    assert asked.text.startswith(f"🎙️ Say in Somali: <b>{optional[0].line}</b>")
    assert asked.text.endswith(f"Recorded: {n} of {words} your Somali students need; "
                               f"{more} more in the class's packs, optional.")
    # /report counts the same words (not the class's every word)
    assert f"Somali audio: {n} of {words} recorded" in texts(await chat.send(teacher,
                                                                              "/report"))
    # Paj (Hmong) has no cards yet: every word of the class counts for Hmong, as before
    assert f"0 of {len(lines(chat))} words recorded." in prompt_of(
        await chat.send(teacher, "/record Hmong")).text
