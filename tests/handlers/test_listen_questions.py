"""Playtest (a Haitian Creole 8-year-old at level 1 who reads little): the placement
instructions ("Chwazi repons lan. Si ou pa sèten, peze 🤷…") were never spoken, and check
questions in Creole ("Ki mo ki vle di sa a? …") had no 🔊. Both are now heard in Creole;
the English options never are."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.domain.scaffold import ItemType, spoken_gap
from bot.presentation import callbacks
from bot.services import listen, question_audio
from bot.speech import Part
from bot.store import check_items
from tests.harness import (
    Call,
    Chat,
    answer_current,
    answer_until,
    buttons,
    check_now,
    join_and_confirm,
    voices,
    with_speech,
)

PLACEMENT_SOUND = callbacks.data(callbacks.PLACEMENT_AUDIO, 0)


@pytest.fixture
def speaking(chat: Chat, tmp_path: Path) -> Chat:
    return with_speech(chat, tmp_path / "clips")


async def placement_start(chat: Chat, user_id: int, lang: str) -> dict[str, Any]:
    user = chat.user(user_id, lang=lang)
    await chat.send(user, "/start JOINcode_123")
    await chat.tap(user, callbacks.data(callbacks.LANGUAGE, lang))
    return user


async def test_the_placement_instructions_are_heard_in_creole_first(speaking: Chat) -> None:
    child = await placement_start(speaking, 1001, "ht")
    [creole] = voices(await speaking.tap(child, PLACEMENT_SOUND))
    somali = await placement_start(speaking, 1002, "so")  # no Somali voice: the answers only
    [answers_only] = voices(await speaking.tap(somali, PLACEMENT_SOUND))
    assert creole.files and answers_only.files  # two different clips
    assert int(creole.params["duration"]) >= int(answers_only.params["duration"]) + 4
    # the second question shows no instructions: its clip is everyone's
    speech = speaking.app.bot_data.services.speech
    instructions = [("ht", "Chwazi repons lan. Si ou pa sèten, peze “M pa konnen”")]
    note = listen.placement_note(speech, ("tree.",), "ht", instructions)
    assert note.parts == (Part(instructions[0][1], "ht"), Part("tree.", speech.english))


async def level_one_choice(chat: Chat, user: dict[str, Any]) -> tuple[list[Call], str]:
    """Checks until a choice question with a 🔊 (levels 1-2 also get listening items)."""
    for _ in range(6):
        calls = await check_now(chat, user)
        for _ in range(8):
            sound = [d for _, d in buttons(calls[-1:]) if d.startswith(callbacks.QUESTION_AUDIO)]
            if sound:
                return calls, sound[0]
            if check_items.next_open_item(chat.db, user["id"]) is None:
                break
            calls = await answer_current(chat, user, right=True)
        chat.clock.advance(days=1)
    raise AssertionError("no choice question with a 🔊")


async def test_a_level_one_choice_question_is_heard_in_creole_not_its_options(
        speaking: Chat) -> None:
    child = speaking.user(1001, lang="ht")
    await join_and_confirm(speaking, child, "ht", 1)
    calls, sound = await level_one_choice(speaking, child)
    assert buttons(calls[-1:])[0] == ("🔊 Koute", sound)  # above the options
    item = check_items.next_open_item(speaking.db, 1001)
    assert item is not None
    reading = question_audio.question_reading(speaking.db, 1001, item.id)
    assert reading.lang == "ht"
    assert reading.stem == item.item.prompt  # the Creole definition people wrote
    heard = f"Ki mo ki vle di sa a? {reading.stem or ''}".lower()
    assert not any(option.lower() in heard for option in item.item.options)
    [note] = voices(await speaking.tap(child, sound))
    assert note.params["caption"] == "🔊 Koute"
    # only her own open question: another student's tap, or after answering, hears nothing
    other = speaking.user(1002, lang="ht")
    await join_and_confirm(speaking, other, "ht", 1)
    assert not voices(await speaking.tap(other, sound))
    await answer_current(speaking, child, right=True)
    assert not voices(await speaking.tap(child, sound))


async def test_a_somali_choice_question_has_no_button_no_voice_speaks_it(
        speaking: Chat) -> None:
    child = speaking.user(1001, lang="so")
    await join_and_confirm(speaking, child, "so", 1)
    calls = await check_now(speaking, child)
    assert not any(d.startswith(callbacks.QUESTION_AUDIO) for _, d in buttons(calls))


async def test_a_somali_level_two_gap_sentence_is_heard_in_english_the_gap_a_pause(
        speaking: Chat) -> None:
    """Hodan (Somali, level 2): the gap sentence is English, which eSpeak reads; no Somali
    voice is needed to hear it (Somali playtest)."""
    child = speaking.user(1001, lang="so")
    await join_and_confirm(speaking, child, "so", 2)
    await check_now(speaking, child)
    item = await answer_until(speaking, child, lambda s: s.item.item_type is ItemType.CLOZE
                              and not s.item.typed and not s.poll_id)
    sound = callbacks.data(callbacks.QUESTION_AUDIO, item.id)
    shown = speaking.latest(child, speaking.showing(child, sound))
    assert shown.buttons[0] == ("🔊 Dhageyso", sound)  # above the options
    speech = speaking.app.bot_data.services.speech
    reading = question_audio.question_reading(speaking.db, 1001, item.id)
    note = listen.gap_note(speech, reading.lang, "Erayga kee?", reading.sentence or "")
    assert note.parts == (Part(spoken_gap(item.item.prompt), speech.english),)  # no Somali
    assert "…" in note.parts[0].text and "_" not in note.parts[0].text
    assert not any(option in note.parts[0].text.split() for option in item.item.options)
    [heard] = voices(await speaking.tap(child, sound))
    assert heard.params["caption"] == "🔊 Dhageyso"


async def test_a_creole_gap_sentence_is_asked_in_creole_then_read_in_english(
        speaking: Chat) -> None:
    child = speaking.user(1001, lang="ht")
    await join_and_confirm(speaking, child, "ht", 2)
    await check_now(speaking, child)
    item = await answer_until(speaking, child, lambda s: s.item.item_type is ItemType.CLOZE
                              and not s.item.typed and not s.poll_id)
    speech = speaking.app.bot_data.services.speech
    reading = question_audio.question_reading(speaking.db, 1001, item.id)
    assert reading.stem is None and reading.sentence == item.item.prompt
    note = listen.gap_note(speech, "ht", "Ki mo ki ranpli espas vid la?", item.item.prompt)
    assert note.parts == (Part("Ki mo ki ranpli espas vid la?", speech.voice_for("ht")),
                          Part(spoken_gap(item.item.prompt), speech.english))
    assert voices(await speaking.tap(child, callbacks.data(callbacks.QUESTION_AUDIO, item.id)))
