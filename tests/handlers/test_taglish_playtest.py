"""Playtest: Jomar, 15, Tagalog, WIDA 3. /words and /progress counted new words two ways, a
student's /now (a family command) answered a generic line while words were ready, and the
teacher's reply reached him with an adult's "po/inyong" footer and no English line."""

from __future__ import annotations

from typing import Any

from bot.presentation import callbacks
from tests.harness import TEACHER_ID, Chat, join_and_confirm, page_through, texts

THANKS = callbacks.data(callbacks.READY_REPLY, "thanks")


async def jomar(chat: Chat, lang: str = "tl") -> dict[str, Any]:
    user = chat.user(1001, "Jomar", lang=lang)
    await join_and_confirm(chat, user, lang=lang, level=3)
    return user


async def test_progress_after_words_adds_up_to_the_new_words_words_said(chat: Chat) -> None:
    user = await jomar(chat)
    words = texts(await chat.send(user, "/words"))  # card 1 of 5, one card a message
    progress = texts(await chat.send(user, "/progress"))
    assert "📘 New words: 5" in words
    # was "🆕 New: 1" alone: the four cards not read yet were nowhere
    assert "🆕 New: 1 · 📭 Cards to read: 4" in progress
    assert "🆕 Bago: 1 · 📭 Mga card na babasahin pa: 4" in progress


async def test_progress_has_no_cards_to_read_once_every_card_is_read(chat: Chat) -> None:
    user = await jomar(chat)
    await page_through(chat, user, await chat.send(user, "/words"))
    progress = texts(await chat.send(user, "/progress"))
    assert "🆕 New: 5\n" in progress and "📭" not in progress


async def test_a_students_now_says_what_progress_says_to_do_next(chat: Chat) -> None:
    user = await jomar(chat)
    await page_through(chat, user, await chat.send(user, "/words"))
    now = texts(await chat.send(user, "/now"))
    # was "Tap /words to see your words or /check to practise. /help shows everything."
    assert now == "👉 5 salitang handa na: /check\n👉 5 words ready: /check"


async def test_a_students_now_points_to_the_cards_before_anything_is_ready(chat: Chat) -> None:
    user = await jomar(chat, "vi")
    now = texts(await chat.send(user, "/now"))
    assert "/words" in now and "New cards to read" in now and "/help" not in now


async def test_a_tagalog_student_reads_the_teachers_reply_footer_with_mo_and_english(
        chat: Chat) -> None:
    user = await jomar(chat)
    await chat.send(user, "/ask Hindi ko po maintindihan ang homework")
    await chat.deliver()
    await chat.tap(chat.user(TEACHER_ID, "Rivera", "en"), THANKS)
    [answer] = [c.text for c in await chat.deliver() if c.chat_id == user["id"]]
    footer = answer.split("\n")[-2:]
    assert footer == ["Para sumagot, ipadala mo ang /ask at ang mensahe mo.",
                      "To write back, send /ask and your message."]
    assert " po " not in answer.split("\n", 1)[1] and "inyong" not in answer
