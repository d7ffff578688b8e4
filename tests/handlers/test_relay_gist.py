"""Somali playtest: the teacher read "sidee buu u socdaa?" and "ma fahmin su'aasha" as raw
Somali with "No English translation" (no model for Somali exists), and answered "Hodan is
doing well" to a student who had written that she did not understand the question. Where
Puente recognises such words it now says so, in one line, under the message."""

from __future__ import annotations

from typing import Any

from tests.families import FATHER, link, rivera
from tests.harness import TEACHER_ID, Chat, join_and_confirm

PROGRESS = "Puente recognised: a question about how Ana is doing"
LOST = "Puente recognised: “I don’t understand”"


async def relayed(chat: Chat) -> str:
    return "\n".join(c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID)


async def somali_father(chat: Chat) -> dict[str, Any]:
    await join_and_confirm(chat, chat.user(lang="es"))
    father = chat.user(FATHER, "Aabe", "so")
    await link(chat, rivera(chat), "Ana", father)
    await chat.deliver()
    return father


async def test_a_somali_fathers_how_is_she_doing_is_named_for_the_teacher(chat: Chat) -> None:
    father = await somali_father(chat)
    await chat.send(father, "/ask Macallin, sidee buu Ana u socdaa?")
    text = await relayed(chat)
    assert "sidee buu Ana u socdaa" in text and PROGRESS in text and LOST not in text


async def test_i_dont_understand_the_question_is_named_and_other_words_are_not(
        chat: Chat) -> None:
    father = await somali_father(chat)
    await chat.send(father, "/ask ma fahmin su'aasha")
    assert LOST in await relayed(chat)
    await chat.send(father, "/ask Ana waxay rabtaa buug cusub")  # "Ana wants a new book"
    text = await relayed(chat)
    assert "buug cusub" in text and "Puente recognised" not in text
