"""Playtest (a Haitian Creole grandmother who cannot read): the teacher's ready-made replies
and announcements, written by people in every language, reached her as text only. Each now
carries "🔊 Listen to this message", read in her language (never the English beneath); a
teacher's own words, machine translated, are never read aloud."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.presentation import callbacks
from bot.services import hear_message
from tests.harness import (
    TEACHER_ID,
    Call,
    Chat,
    buttons,
    join_and_confirm,
    texts,
    voices,
    with_speech,
)

GRANDMOTHER, STRANGER = 2001, 2003
LISTEN_HT = "🔊 Koute mesaj sa a"


@pytest.fixture
def speaking(chat: Chat, tmp_path: Path) -> Chat:
    return with_speech(chat, tmp_path / "clips")


def teacher(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def grandmother(chat: Chat) -> dict[str, Any]:
    """Ana (Haitian Creole) joins; her grandmother links in Haitian Creole."""
    await join_and_confirm(chat, chat.user(lang="ht"), lang="ht")
    made = texts(await chat.send(teacher(chat), "/family Ana"))
    person = chat.user(GRANDMOTHER, "Mirlande", "ht")
    await chat.send(person, f"/start {made.split('?start=')[1].split()[0]}")
    await chat.tap(person, callbacks.data(callbacks.FAMILY_LANG, "ht"))
    await chat.deliver()
    return person


def to(calls: list[Call], chat_id: int) -> Call:
    [found] = [c for c in calls if c.chat_id == chat_id]
    return found


def data_of(calls: list[Call], label: str) -> str:
    return next(d for text, d in buttons(calls) if text == label)


async def test_a_ready_made_reply_can_be_heard_in_creole(speaking: Chat) -> None:
    her = await grandmother(speaking)
    await speaking.send(her, "/ask Kijan Ana ap fè?")
    await speaking.deliver()  # to the teacher, with the ready-made replies under it
    await speaking.tap(teacher(speaking), callbacks.data(callbacks.READY_REPLY, "call"))
    answer = to(await speaking.deliver(), GRANDMOTHER)
    [(label, data)] = buttons([answer])
    assert label == LISTEN_HT
    row_id = callbacks.hear_message(callbacks.parse(data)).row_id
    assert row_id is not None
    said = hear_message.queued_message(speaking.db, GRANDMOTHER, row_id).says
    assert ("ht", "Mèsi pou mesaj ou. M ap kontakte ou byento.") in said
    assert not any("Thank you" in text for _, text in said)  # the English beneath is not read
    [note] = voices(await speaking.tap(her, data))
    assert note.chat_id == GRANDMOTHER and note.params["caption"] == "🔊 Mesaj sa a, li fò"
    # the delivered text is forgotten (a person's message); the reading people wrote stays
    assert voices(await speaking.tap(her, data))
    assert not voices(await speaking.tap(speaking.user(STRANGER, "Eve", "en"), data))


async def test_a_ready_made_announcement_can_be_heard_a_typed_one_cannot(
        speaking: Chat) -> None:
    her = await grandmother(speaking)
    menu = await speaking.send(teacher(speaking), "/announce Science 7B")
    days = await speaking.tap(teacher(speaking), data_of(menu, "There is no school on ___."))
    preview = await speaking.tap(teacher(speaking), data_of(days, "Mon 21 Sep"))
    await speaking.tap(teacher(speaking), data_of(preview, "Send to families"))
    notice = to(await speaking.deliver(), GRANDMOTHER)
    [(label, data)] = buttons([notice])
    assert label == LISTEN_HT
    [note] = voices(await speaking.tap(her, data))
    assert note.params["caption"] == "🔊 Mesaj sa a, li fò"
    # the teacher's own words (machine translated, or English as written): no 🔊; English
    # she cannot read offers "🔤 I cannot read this" instead
    typed = await speaking.send(teacher(speaking), "/announce Science 7B Bring a coat tomorrow")
    await speaking.tap(teacher(speaking), data_of(typed, "Send to families"))
    assert [d for _, d in buttons([to(await speaking.deliver(), GRANDMOTHER)])] == [
        callbacks.data(callbacks.CANNOT_READ)]


async def test_without_speech_a_ready_made_reply_has_no_button(chat: Chat) -> None:
    her = await grandmother(chat)
    await chat.send(her, "/ask Kijan Ana ap fè?")
    await chat.deliver()
    await chat.tap(teacher(chat), callbacks.data(callbacks.READY_REPLY, "well"))
    assert buttons([to(await chat.deliver(), GRANDMOTHER)]) == []
