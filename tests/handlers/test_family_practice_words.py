"""Somali playtest: Hodan's father asked "Erayadee ayay Hodan guriga ku celcelin kartaa?"
(which words can Hodan practise at home?) and got a generic "Send to the teacher?", though
Puente has the very list: the weekly update's words to practise. Now the list comes first, as
the weekly update renders it, and the question can still go to the teacher."""

from __future__ import annotations

import pytest

from bot.presentation import callbacks
from tests.families import CHILD, practising
from tests.harness import TEACHER_ID, Chat, buttons, texts


@pytest.mark.parametrize(("lang", "name", "text", "first", "listed"), [
    ("so", "Hodan", "Erayadee ayay Hodan guriga ku celcelin kartaa?",
     "📖 Erayada Hodan guriga ku celcelin karto", "📖 Erayada lagu tababaranayo:"),
    ("es", "Ana", "¿Qué palabras puede practicar Ana en casa?",
     "📖 Las palabras que Ana puede practicar en casa", "📖 Palabras que está practicando:"),
    ("en", "Ana", "What words can Ana practise at home?",
     "📖 The words Ana can practise at home", "📖 Words being practised:"),
])
async def test_which_words_to_practise_gets_the_weekly_list_then_can_still_be_sent(
        chat: Chat, lang: str, name: str, text: str, first: str, listed: str) -> None:
    parent = await practising(chat, lang, name)
    offer = await chat.send(parent, text)
    shown = texts(offer)
    assert shown.startswith(first)
    # the weekly update's own list, as it renders it: being practised, then new
    assert shown.index(listed) < shown.index("<b>prey</b>") < shown.index("<b>predator</b>")
    assert "<b>habitat</b>" in shown
    send = callbacks.data(callbacks.ASK, CHILD)
    assert send in [data for _, data in buttons(offer)]
    await chat.tap(parent, send)
    [relayed] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert text.rstrip("?")[-10:] in relayed.text


async def test_a_message_that_only_mentions_words_gets_no_list(chat: Chat) -> None:
    parent = await practising(chat, "en", "Ana")
    shown = texts(await chat.send(parent, "Thank you, Ana likes the new words a lot"))
    assert "📖" not in shown and "<b>prey</b>" not in shown
