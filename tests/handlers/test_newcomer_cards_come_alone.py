"""Levels 1-2: when /check finds a newcomer's unread cards that must come again and words are
ready, the check asks the ready words first and offers the cards after it (a button under its
last message), never instead of it: "👉 2 words ready: /check" was answered with "📘 First,
read your new cards…" and a new card (playtest, Vietnamese level 2). Not with it either: a
level-1 child got the cards, four lines on why the check was short and a quiz under them, all
at once (playtest, Hodan). Levels 3-6, and cards already on screen today, keep the check with
them."""

from __future__ import annotations

import pytest

from bot.presentation import callbacks
from bot.store import check_items
from bot.store.packs import pack_words
from bot.store.previews import student_previews
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    buttons,
    class_pack_in_review,
    join_and_confirm,
    texts,
)

NEW_CARDS = {"so": "📘 Kaararkayga cusub · My new cards",
             "es": "📘 Mis tarjetas nuevas · My new cards",
             "vi": "📘 Thẻ từ mới của mình · My new cards"}


async def reviews_due_and_a_day_old_push(chat: Chat, lang: str, level: int) -> dict:
    """Her class words in review and due, and a push delivered yesterday whose first card
    she never turned: /check must send its cards again."""
    hodan = chat.user(lang=lang)
    await join_and_confirm(chat, hodan, lang=lang, level=level)
    class_pack_in_review(chat.db, chat.clock())
    chat.clock.advance(days=3)  # the reviews are due
    teacher = chat.user(TEACHER_ID, "Rivera", "en")
    await chat.send(teacher, "/push general.academic-nouns evidence, example, detail")
    await chat.deliver()
    chat.clock.advance(days=1)
    return hodan


def reviews(chat: Chat) -> set[int]:
    """The class words (in review) the open check asks."""
    ecosystems = {r.id for r in pack_words(chat.db, "science.ecosystems")}
    asked = chat.db.execute("SELECT word_id FROM check_items WHERE student_id = 1001 "
                            "AND answered_at IS NULL").fetchall()
    return {w for (w,) in asked} & ecosystems


@pytest.mark.parametrize(("lang", "level"), [("so", 1), ("es", 2), ("vi", 2)])
async def test_at_levels_one_and_two_the_check_asks_the_reviews_and_offers_the_cards_after(
        chat: Chat, lang: str, level: int) -> None:
    hodan = await reviews_due_and_a_day_old_push(chat, lang, level)
    calls = [c for c in await chat.send(hodan, "/check") if c.method.startswith("send")]
    assert "First, read your new cards" not in texts(calls)
    assert reviews(chat)  # the due reviews are asked now
    assert "1/" in texts(calls)  # question 1, no card in front of it
    assert not any("📘" in c.text for c in calls)
    last: list = []
    while check_items.next_open_item(chat.db, 1001) is not None:
        last = await answer_current(chat, hodan, right=True)
        chat.clock.advance(seconds=20)
    offered = [(label, d) for label, d in buttons(last) if d == callbacks.NEW_CARDS]
    assert [label for label, _ in offered] == [NEW_CARDS[lang]]  # the check's last message
    cards = [c for c in await chat.tap(hodan, offered[0][1]) if c.method == "sendMessage"]
    pushed = {r.id for r in pack_words(chat.db, "general.academic-nouns")}
    assert cards and "📘" in cards[0].text
    assert student_previews(chat.db, 1001)[0].word_ids[0] in pushed  # the new card first


async def test_at_level_three_the_check_still_comes_with_the_cards(chat: Chat) -> None:
    ana = await reviews_due_and_a_day_old_push(chat, "es", 3)
    calls = await chat.send(ana, "/check")
    assert "📘" in texts(calls) and reviews(chat)
    assert "Primero, lee tus tarjetas nuevas" not in texts(calls)

