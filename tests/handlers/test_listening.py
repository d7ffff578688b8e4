"""Listening items and placement audio through the real Application: a beginner hears a word
and chooses it; the clip is uploaded once; levels 3+ and installations without a voice never
get one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.demo.offline import Call
from bot.presentation import callbacks
from bot.store import check_items
from bot.store import speech as uploads
from tests.harness import (
    Chat,
    answer_current,
    buttons,
    check_now,
    join_and_confirm,
    texts,
    voices,
    with_speech,
)

PLACEMENT_SOUND = callbacks.data(callbacks.PLACEMENT_AUDIO, 0)


@pytest.fixture
def speaking(chat: Chat, tmp_path: Path) -> Chat:
    return with_speech(chat, tmp_path / "clips")


async def student(chat: Chat, user_id: int = 1001, level: int | None = 1) -> dict[str, Any]:
    user = chat.user(user_id, lang="es")
    await join_and_confirm(chat, user, "es", level)
    return user


async def until_listening(chat: Chat, user: dict[str, Any]) -> list[Call]:
    """Start checks (one a day, reading the cards a check points to first, as a student
    does) and answer right until a listening item arrives; the calls so far."""
    calls: list[Call] = []
    for _ in range(10):
        calls += await check_now(chat, user)
        for _ in range(8):
            if voices(calls):
                return calls
            if check_items.next_open_item(chat.db, user["id"]) is None:
                break
            calls += await answer_current(chat, user, right=True)
        chat.clock.advance(days=1)  # a word answered today is asked again tomorrow
    raise AssertionError("no listening item in ten checks")


def attempts(chat: Chat, user_id: int) -> list[tuple[str, int]]:
    return [(r["item_type"], r["correct"]) for r in chat.db.query(
        "SELECT item_type, correct FROM attempts WHERE student_id = ? ORDER BY id", [user_id])]


async def test_a_level_one_student_hears_a_word_and_chooses_it(speaking: Chat) -> None:
    ana = await student(speaking)
    (note,) = voices(await until_listening(speaking, ana))
    item = check_items.next_open_item(speaking.db, 1001)
    assert item is not None and str(item.item.item_type) == "listen"
    clip = next(iter(note.files.values()))
    assert clip.startswith(b"OggS") and int(note.params["duration"]) <= 2  # the word alone
    spanish = note.text.index("¿Qué palabra escuchaste?")
    assert spanish < note.text.index("Which word did you hear?")  # home language first
    assert item.item.answer not in note.text  # the audio says it; the caption never does
    # its options, then (levels 1-2) placement's "🤷 I don't know", which is no option
    assert [label for label, _ in note.buttons] == [*item.item.options, "🤷 No sé · I don't know"]
    assert [data for _, data in note.buttons] == [
        *(callbacks.data(callbacks.ANSWER, item.id, i) for i in range(len(item.item.options))),
        callbacks.data(callbacks.DONT_KNOW, item.id)]


async def test_a_right_answer_under_the_voice_note_is_graded_and_recorded(
        speaking: Chat) -> None:
    ana = await student(speaking)
    (note,) = voices(await until_listening(speaking, ana))
    item = check_items.next_open_item(speaking.db, 1001)
    assert item is not None
    before = len(attempts(speaking, 1001))
    right = note.buttons[item.item.options.index(item.item.answer)][1]
    calls, again = await speaking.double_tap(ana, right)
    assert [c.method for c in calls if c.method.startswith("edit")] == ["editMessageCaption"]
    assert f"✅ ¡Sí! <b>{item.item.answer}</b> es correcto." in texts(calls)
    assert attempts(speaking, 1001)[before:] == [("listen", 1)]
    assert [c.method for c in again] == ["answerCallbackQuery"]  # a double tap: graded once
    assert len(attempts(speaking, 1001)) == before + 1


async def test_an_answer_under_the_voice_note_becomes_its_caption_and_takes_its_buttons(
        speaking: Chat) -> None:
    """Telegram has no text to edit in a voice note: the note's caption turns into the
    feedback, its buttons go (no second tap), and the next question is the one message sent."""
    ana = await student(speaking)
    answered = 0
    for _ in range(6):
        (note,) = voices(await until_listening(speaking, ana))
        item = check_items.next_open_item(speaking.db, 1001)
        assert item is not None
        calls = await answer_current(speaking, ana, right=False)
        to_ana = [c for c in calls if c.chat_id == 1001 and c.method != "answerCallbackQuery"]
        assert to_ana[0].method == "editMessageCaption"
        assert to_ana[0].params["message_id"] == note.result_id
        assert f"La respuesta es <b>{item.item.answer}</b>" in to_ana[0].text
        assert "reply_markup" not in speaking.api.shown[(1001, note.result_id)]
        over = check_items.next_open_item(speaking.db, 1001) is None
        assert [c.method.startswith("send") for c in to_ana[1:]] == ([] if over else [True])
        answered += 1
        if over:
            break
    assert answered and speaking.api.refused == []


async def test_a_voice_note_tap_that_does_not_say_it_is_one_still_loses_its_buttons(
        speaking: Chat) -> None:
    """An edit of text Telegram refuses (no text in a voice note) still takes the buttons off,
    and the feedback comes as a message."""
    ana = await student(speaking)
    (note,) = voices(await until_listening(speaking, ana))
    item = check_items.next_open_item(speaking.db, 1001)
    assert item is not None
    right = note.buttons[item.item.options.index(item.item.answer)][1]
    calls = await speaking.process(speaking.factory.tap(ana, right, note.result_id or 0))
    assert [c.method for c in speaking.api.refused] == ["editMessageText"]
    assert [c.method for c in calls if c.method.startswith("edit")] == ["editMessageReplyMarkup"]
    assert "reply_markup" not in speaking.api.shown[(1001, note.result_id)]
    assert f"✅ ¡Sí! <b>{item.item.answer}</b> es correcto." in texts(calls)


async def test_a_wrong_answer_shows_the_word_and_counts_as_a_listening_miss(
        speaking: Chat) -> None:
    ana = await student(speaking)
    await until_listening(speaking, ana)
    item = check_items.next_open_item(speaking.db, 1001)
    assert item is not None
    before = len(attempts(speaking, 1001))
    calls = await answer_current(speaking, ana, right=False)
    assert f"La respuesta es <b>{item.item.answer}</b>" in texts(calls)
    assert attempts(speaking, 1001)[before:] == [("listen", 0)]


async def test_the_clip_is_uploaded_once_then_sent_by_file_id(speaking: Chat) -> None:
    ana = await student(speaking)
    (note,) = voices(await until_listening(speaking, ana))
    assert note.files
    item = check_items.next_open_item(speaking.db, 1001)
    assert item is not None
    uploaded = uploads.upload_count(speaking.db).clips
    ben = await student(speaking, 1002)
    await speaking.send(ben, "/words")
    word_alone = callbacks.data(callbacks.AUDIO, item.item.word_id, "w")
    (again,) = voices(await speaking.tap(ben, word_alone))
    assert not again.files  # the same clip: sent by the file_id of the first upload
    assert speaking.api.uploads[again.params["voice"]] == next(iter(note.files.values()))
    assert uploads.upload_count(speaking.db).clips == uploaded


async def test_another_students_listening_item_cannot_be_answered(speaking: Chat) -> None:
    ana = await student(speaking)
    await until_listening(speaking, ana)
    item = check_items.next_open_item(speaking.db, 1001)
    assert item is not None
    ben = await student(speaking, 1002)
    calls = await speaking.tap(ben, callbacks.data(callbacks.ANSWER, item.id, 0))
    assert "Ese botón es viejo" in texts(calls)
    assert attempts(speaking, 1002) == []
    assert check_items.next_open_item(speaking.db, 1001) == item  # still open for Ana


async def test_a_level_four_student_never_gets_a_listening_item(speaking: Chat) -> None:
    ana = await student(speaking, level=4)
    for _ in range(4):
        calls = await speaking.send(ana, "/check")
        while check_items.next_open_item(speaking.db, 1001) is not None:
            calls += await answer_current(speaking, ana, right=True)
        assert not voices(calls)
    kinds = {r["item_type"] for r in speaking.db.query("SELECT item_type FROM check_items")}
    assert kinds and "listen" not in kinds


async def test_without_a_voice_a_beginner_never_gets_a_listening_item(chat: Chat) -> None:
    ana = await student(chat)
    for _ in range(6):
        calls = await check_now(chat, ana)  # her cards first, read, then the check
        while check_items.next_open_item(chat.db, 1001) is not None:
            calls += await answer_current(chat, ana, right=True)
        assert not voices(calls)
    kinds = {r["item_type"] for r in chat.db.query("SELECT item_type FROM check_items")}
    assert kinds and "listen" not in kinds


async def placement_start(chat: Chat, user_id: int, lang: str = "es"
                          ) -> tuple[dict[str, Any], list[Call]]:
    user = chat.user(user_id, lang=lang)
    await chat.send(user, "/start JOINcode_123")
    return user, await chat.tap(user, callbacks.data(callbacks.LANGUAGE, lang))


async def test_the_first_placement_questions_can_be_heard(speaking: Chat) -> None:
    ana, calls = await placement_start(speaking, 1001)
    assert buttons(calls)[0] == ("🔊 Escuchar", PLACEMENT_SOUND)
    (note,) = voices(await speaking.tap(ana, PLACEMENT_SOUND))
    assert note.files and int(note.params["duration"]) >= 2  # four words, one by one
    assert note.text == ("🔊 Escuchas cada respuesta en el orden de los botones.\n"
                         "🔊 You hear each answer in the order of the buttons.")  # and English
    ben, _ = await placement_start(speaking, 1002)
    (again,) = voices(await speaking.tap(ben, PLACEMENT_SOUND))
    assert not again.files  # the same clip, by file_id


async def test_the_second_placement_question_is_heard_sentence_first_and_uploaded_once(
        speaking: Chat) -> None:
    sound = callbacks.data(callbacks.PLACEMENT_AUDIO, 1)
    clips = []
    for user_id in (1001, 1002):
        ana, _ = await placement_start(speaking, user_id)
        await speaking.tap(ana, callbacks.data(callbacks.PLACEMENT, 0, 1))  # 📚 = book
        (note,) = voices(await speaking.tap(ana, sound))
        clips.append(note)
    first, second = clips
    assert first.files and not second.files  # the new clip is uploaded once, then by file_id
    # the gapped sentence, then four sentences: longer than the four sentences alone (~10 s)
    assert int(first.params["duration"]) >= 12
    said = [row["clip_key"] for row in speaking.db.query("SELECT clip_key FROM voice_clips")]
    assert len(said) == 1


async def test_an_english_speakers_placement_audio_has_one_caption_line(speaking: Chat) -> None:
    ana, _ = await placement_start(speaking, 1001, "en")
    (note,) = voices(await speaking.tap(ana, PLACEMENT_SOUND))
    assert note.text == "🔊 You hear each answer in the order of the buttons."


async def test_placement_audio_stops_at_the_first_band_and_old_buttons_are_closed(
        speaking: Chat) -> None:
    ana, _ = await placement_start(speaking, 1001)
    for question, right in enumerate((1, 1, 0)):  # band 1, all right
        calls = await speaking.tap(ana, callbacks.data(callbacks.PLACEMENT, question, right))
    assert callbacks.PLACEMENT_AUDIO not in {d.split(":")[0] for _, d in buttons(calls)}
    old = await speaking.tap(ana, PLACEMENT_SOUND)
    assert not voices(old)
    assert "Esa pregunta de nivel ya está cerrada." in texts(old)
    forged = await speaking.tap(ana, callbacks.data(callbacks.PLACEMENT_AUDIO, 3))
    assert not voices(forged)


async def test_without_a_voice_placement_has_no_listen_button(chat: Chat) -> None:
    _, calls = await placement_start(chat, 1001)
    assert all(not d.startswith(callbacks.PLACEMENT_AUDIO) for _, d in buttons(calls))
