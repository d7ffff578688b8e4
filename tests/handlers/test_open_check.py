"""/check or ✅ Check while a check is open asks its open question again, never a second check:
a new check would leave the first one's buttons dead and its answers unscored."""

from __future__ import annotations

import pytest

from bot.presentation import callbacks
from bot.store import study
from tests.harness import Chat, answer_current, check_now, join_and_confirm, open_item, texts


@pytest.mark.parametrize("ask", ["/check", "✅"])
async def test_checking_again_mid_check_sends_the_open_question_not_a_new_check(
    chat: Chat, ask: str
) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=3)
    await check_now(chat, ana)
    await answer_current(chat, ana, right=True)
    waiting = open_item(chat)  # question 2 of 5, its buttons on screen
    items = chat.db["check_items"].count
    calls = await (
        chat.send(ana, "/check") if ask == "/check" else chat.tap(ana, callbacks.CHECK)
    )  # the ✅ under her cards, tapped again
    sent = [c for c in calls if c.method.startswith("send")]
    assert [c.method for c in sent] == ["sendMessage"]
    assert sent[0].text.startswith("Pregunta 2/5")
    assert sorted(d for _, d in sent[0].buttons) == [
        f"an:{waiting.id}:{n}" for n in range(len(waiting.item.options))
    ]
    assert chat.db["check_items"].count == items and open_item(chat).id == waiting.id
    reply = texts(await answer_current(chat, ana, right=True))  # the check goes on
    assert "Pregunta 3/5" in reply


async def test_a_check_asked_for_twice_in_a_row_is_one_check_scored_whole(chat: Chat) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=3)
    await check_now(chat, ana)
    first = open_item(chat)
    await chat.send(ana, "/check")  # e.g. she did not see the question come in
    assert open_item(chat).id == first.id
    reply = ""
    while study.next_open_item(chat.db, 1001) is not None:
        reply = texts(await answer_current(chat, ana, right=True))
    assert "Prueba terminada: 5 de 5 correctas. ¡Excelente! 🌟" in reply
