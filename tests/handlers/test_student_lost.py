"""Somali playtest: Hodan (level 2), lost, sent "?" and "😢" outside a check and got only
"Taabo /words … ama /check"; a typed text gets a ✉️ to the teacher, these got nothing. Now a
bare "?", emoji alone (not a content "👍") or a sticker also offers "🆘 I'm lost, please help
me": one tap sends the ready-made note to her teacher, in English; "😭" typed at a question
gets it too, and counts as no answer."""

from __future__ import annotations

from typing import Any

import pytest

from bot.presentation import callbacks
from tests.harness import (
    TEACHER_ID,
    Chat,
    ask_typed,
    buttons,
    join_and_confirm,
    open_item,
    sticker,
    texts,
)

LOST = callbacks.data(callbacks.STUDENT_LOST)
SOS = "🆘 Waan wareeray, fadlan i caawi"


async def hodan(chat: Chat) -> dict[str, Any]:
    user = chat.user(name="Hodan", lang="so")
    await join_and_confirm(chat, user, lang="so", level=2)
    await chat.deliver()  # the teacher's note that she joined
    return user


@pytest.mark.parametrize("text", ["?", "??", "😢", "🤔"])
async def test_a_bare_question_mark_or_sad_emoji_offers_help_from_the_teacher(
        chat: Chat, text: str) -> None:
    user = await hodan(chat)
    offer = await chat.send(user, text)
    assert "Taabo /words" in texts(offer)
    assert buttons(offer) == [(SOS, LOST)]
    await chat.double_tap(user, LOST)  # a double tap: it goes once
    [relay] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert "I'm lost. Please help me." in relay.text  # the teacher reads it in English
    assert "Waan wareeray. Fadlan i caawi." in relay.text  # and what she chose, in Somali
    await chat.tap_on(user, LOST, offer[-1].result_id)  # an old screen: nothing more
    assert [c for c in await chat.deliver() if c.chat_id == TEACHER_ID] == []


async def test_a_content_emoji_gets_no_help_button(chat: Chat) -> None:
    user = await hodan(chat)
    for text in ("👍", "🙏", "ok"):
        assert (SOS, LOST) not in buttons(await chat.send(user, text)), text


async def test_a_sticker_offers_help_from_the_teacher(chat: Chat) -> None:
    user = await hodan(chat)
    offer = await sticker(chat, user)
    assert "/words" in texts(offer)
    assert buttons(offer) == [(SOS, LOST)]


async def test_crying_at_a_typed_question_offers_help_and_counts_no_answer(chat: Chat) -> None:
    user = await hodan(chat)
    ask_typed(chat, "science.ecosystems", "ecosystem", "so")
    attempts = chat.db["attempts"].count
    offer = await chat.send(user, "😭")
    assert "I don't see a word there" in texts(offer)
    assert buttons(offer) == [(SOS, LOST)]
    assert chat.db["attempts"].count == attempts  # not graded
    await chat.tap(user, LOST)
    [relay] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert "I'm lost. Please help me." in relay.text
    assert open_item(chat).item.answer == "ecosystem"  # the question still waits


async def test_only_a_student_can_send_the_lost_note(chat: Chat) -> None:
    await hodan(chat)
    teacher = chat.user(TEACHER_ID, "Rivera", "en")
    await chat.tap(teacher, LOST)
    assert [c for c in await chat.deliver() if c.chat_id == TEACHER_ID] == []


@pytest.mark.parametrize("text", ["ma fahmin", "ana mish fahem", "I don't understand"])
async def test_i_dont_understand_alone_outside_a_check_offers_help_not_a_message(
        chat: Chat, text: str) -> None:
    """Sudanese playtest: "ana mish fahem" after his check was offered to the teacher as a
    message, who would have read Arabizi; the 🆘 note reaches them in English."""
    user = await hodan(chat)
    offer = await chat.send(user, text)
    assert buttons(offer) == [(SOS, LOST)]
    longer = await chat.send(user, "I don't understand the homework for tomorrow, can you help")
    assert (SOS, LOST) not in buttons(longer)  # a message with more in it is still offered
