"""/check or ✅ Check while a check is open points to its open question, never a second check:
a new check would leave the first one's buttons dead and its answers unscored. A ✅ tapped
above the open question (the cards' own, again) points down to it and sends nothing."""

from __future__ import annotations

from bot.presentation import callbacks
from bot.store import check_items
from tests.harness import (
    Chat,
    answer_current,
    check_now,
    join_and_confirm,
    open_item,
    page_through,
    texts,
)


async def test_check_typed_mid_check_sends_the_open_question_not_a_new_check(
        chat: Chat) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=3)
    await check_now(chat, ana)
    await answer_current(chat, ana, right=True)
    waiting = open_item(chat)  # question 2 of 5, its buttons (or its 🤷, typed) on screen
    items = chat.db["check_items"].count
    shown = chat.showing(ana, f"an:{waiting.id}:0" if waiting.item.options
                         else f"dk:{waiting.id}")
    calls = await chat.send(ana, "/check")
    sent = [c for c in calls if c.method.startswith("send")]
    # a reply to the open question, not a second copy of it (playtest: two live copies)
    assert [c.method for c in sent] == ["sendMessage"] and not sent[0].buttons
    assert sent[0].reply_to == shown and "👆" in sent[0].text
    assert chat.db["check_items"].count == items and open_item(chat).id == waiting.id
    reply = texts(await answer_current(chat, ana, right=True))  # the check goes on
    assert "Pregunta 3/5" in reply


async def test_the_cards_check_tapped_again_mid_check_points_down_to_the_open_question(
        chat: Chat) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=3)
    await check_now(chat, ana)  # the ✅ under her last card started it
    await answer_current(chat, ana, right=True)
    waiting = open_item(chat)  # question 2 of 5, below her cards
    items = chat.db["check_items"].count
    calls = await chat.tap(ana, callbacks.CHECK)  # that ✅, tapped again
    assert [(c.method, c.params.get("text")) for c in calls] == [
        ("answerCallbackQuery", "👇 Tu pregunta te espera más abajo.")]  # a toast, no message
    assert chat.db["check_items"].count == items and open_item(chat).id == waiting.id
    reply = texts(await answer_current(chat, ana, right=True))  # the check goes on
    assert "Pregunta 3/5" in reply


async def test_a_check_tapped_on_cards_below_the_open_question_sends_it_again(
        chat: Chat) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=3)
    await check_now(chat, ana)
    await answer_current(chat, ana, right=True)
    waiting = open_item(chat)  # question 2 of 5 ...
    cards = await page_through(chat, ana, await chat.send(ana, "/words"))  # ... cards below it
    assert any(d == callbacks.CHECK for _, d in cards[-1].buttons)
    calls = await chat.tap(ana, callbacks.CHECK)  # the ✅ under these cards: far from it
    sent = [c for c in calls if c.method.startswith("send")]
    assert [c.method for c in sent] == ["sendMessage"]
    assert sent[0].text.startswith("Pregunta 2/5") and open_item(chat).id == waiting.id


async def test_a_check_asked_for_twice_in_a_row_is_one_check_scored_whole(chat: Chat) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=3)
    await check_now(chat, ana)
    first = open_item(chat)
    await chat.send(ana, "/check")  # e.g. she did not see the question come in
    assert open_item(chat).id == first.id
    reply = ""
    while check_items.next_open_item(chat.db, 1001) is not None:
        reply = texts(await answer_current(chat, ana, right=True))
    assert "Prueba terminada: acertaste 5 de 5. ¡Excelente! 🌟" in reply
