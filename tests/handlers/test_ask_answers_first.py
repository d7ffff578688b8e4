"""A family's "how is Ana doing?" or "which words can Hodan practise at home?" typed alone got
the child's week (or the words to practise) before the offer to send it; the same words after
/ask went to the teacher with no answer, though Puente had it. Now /ask shows the same answer
first, then sends the words to the teacher, as /ask promises."""

from __future__ import annotations

import pytest

from bot.presentation import callbacks
from tests.families import CHILD, practising
from tests.harness import TEACHER_ID, Chat, texts


@pytest.mark.parametrize(("lang", "name", "text", "first"), [
    ("es", "Ana", "¿Cómo va Ana?", "📈 "),
    ("so", "Hodan", "Erayadee ayay Hodan guriga ku celcelin kartaa?",
     "📖 Erayada Hodan guriga ku celcelin karto"),
])
async def test_ask_with_a_question_puente_answers_gets_the_free_text_answer_then_is_sent(
        chat: Chat, lang: str, name: str, text: str, first: str) -> None:
    parent = await practising(chat, lang, name)
    [answer, offer] = await chat.send(parent, text)
    [shown, sent] = await chat.send(parent, f"/ask {text}")
    assert shown.text.startswith(first) and "<b>prey</b>" in shown.text  # her words
    assert shown.text == answer.text
    assert shown.buttons == answer.buttons
    send = callbacks.data(callbacks.ASK, CHILD)
    assert send in [data for _, data in offer.buttons]  # typed alone: offered
    assert send not in [data for _, data in sent.buttons]  # after /ask: on its way already
    [relayed] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert text.rstrip("?")[-10:] in relayed.text


async def test_ask_with_a_question_for_the_teacher_gets_no_week_first(chat: Chat) -> None:
    parent = await practising(chat, "es", "Ana")
    asked = await chat.send(parent, "/ask ¿Puede Ana traer su libro mañana?")
    assert "📈" not in texts(asked) and "📖" not in texts(asked)
    [relayed] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert "traer su libro" in relayed.text


async def test_a_question_after_a_bare_ask_is_answered_first_too(chat: Chat) -> None:
    parent = await practising(chat, "es", "Ana")
    await chat.send(parent, "/ask")
    [shown, sent] = await chat.send(parent, "¿Cómo va Ana?")
    assert shown.text.startswith("📈 ")
    assert sent.text.startswith("Su mensaje va en camino al maestro o la maestra de Ana.")
    [relayed] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert "Cómo va Ana" in relayed.text
