"""The ✅ on a pushed preview's last card checks that preview's words (levels 1-3), as the ✅
under a bundled pushed preview does at levels 4-6: a newcomer who read the teacher's three
cards and tapped ✅ was asked other words among them."""

from __future__ import annotations

import pytest

from bot.presentation import callbacks
from bot.store.packs import pack_words
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    check_now,
    join_and_confirm,
    page_through,
    pointer,
    texts,
)

CARDS_ABOVE = ("👆 Tus tarjetas nuevas están aquí. Léelas y luego toca ✅ en la última "
               "tarjeta.\n👆 Your new cards are here. Read them, then tap ✅ on the last card.")


def asked(chat: Chat, user_id: int = 1001) -> list[str]:
    """The English terms the student's open check asks, in order."""
    return [r[0] for r in chat.db.execute(
        "SELECT w.term FROM check_items c JOIN words w ON w.id = c.word_id "
        "WHERE c.student_id = ? AND c.answered_at IS NULL ORDER BY c.id", [user_id])]


def read(chat: Chat, user_id: int = 1001) -> list[str]:
    """The English terms of the words whose cards the student has read."""
    return [r[0] for r in chat.db.execute(
        "SELECT w.term FROM mastery m JOIN words w ON w.id = m.word_id "
        "WHERE m.student_id = ? AND m.shown_at IS NOT NULL ORDER BY w.id", [user_id])]


def last_words(chat: Chat, count: int) -> list[str]:
    """The class pack's last words: ones a new student would not unlock for weeks."""
    return [w.word.term for w in pack_words(chat.db, "science.ecosystems")][-count:]


async def push_to(chat: Chat, user: dict, words: list[str]) -> list:
    """The teacher pushes these words to the class; return the calls delivery made to her."""
    teacher = chat.user(TEACHER_ID, "Rivera", "en")
    await chat.send(teacher, f"/push science.ecosystems {', '.join(words)}")
    return [c for c in await chat.deliver() if c.chat_id == user["id"]]


@pytest.mark.parametrize("count", [3, 1])
async def test_the_check_on_a_pushed_previews_last_card_asks_its_words_and_no_other(
        chat: Chat, count: int) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=2)
    await page_through(chat, ana, await chat.send(ana, "/words"))
    before = read(chat)  # read yesterday: ready for a check today
    chat.clock.advance(days=1)
    pushed = last_words(chat, count)
    cards = await page_through(chat, ana, await push_to(chat, ana, pushed))
    assert len(cards) == count
    assert ("✅ Ponme a prueba", "ck:1") in cards[-1].buttons  # it names the push
    started = texts(await chat.tap(ana, "ck:1"))
    assert f"Pregunta 1/{count}" in started
    assert sorted(asked(chat)) == sorted(pushed)
    while asked(chat):
        await answer_current(chat, ana, right=True)
    chat.clock.advance(minutes=5)
    await chat.send(ana, "/check")  # the words she read before wait for the next check
    assert set(asked(chat)) == set(before)


async def test_the_cards_a_check_points_to_end_with_the_check_on_the_pushed_words(
        chat: Chat) -> None:
    """/check finds the pushed cards unread and points to them ("tap ✅ on the last card"):
    that ✅ starts the check, on the cards she was pointed to."""
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=2)
    await page_through(chat, ana, await chat.send(ana, "/words"))  # read today: not asked
    pushed = last_words(chat, 3)  # while cards wait unread
    (card,) = await push_to(chat, ana, pushed)
    chat.clock.advance(minutes=5)
    calls = await check_now(chat, ana)  # the line, the cards it points to, then their ✅
    assert (calls[0].text, pointer(calls)) == (CARDS_ABOVE, card.result_id)
    assert "Pregunta 1/3" in texts(calls)
    assert sorted(asked(chat)) == sorted(pushed)


async def test_an_old_last_card_check_without_its_push_still_checks_every_word(
        chat: Chat) -> None:
    """A last card shown before its ✅ named the push carries a plain ✅: it checks every
    ready word, as it always did."""
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=2)
    await page_through(chat, ana, await chat.send(ana, "/words"))
    before = read(chat)
    chat.clock.advance(days=1)
    pushed = last_words(chat, 3)
    cards = await page_through(chat, ana, await push_to(chat, ana, pushed))
    await chat.tap_on(ana, callbacks.CHECK, int(cards[-1].params["message_id"]))
    assert set(asked(chat)) - set(pushed) and set(asked(chat)) <= set(before) | set(pushed)
