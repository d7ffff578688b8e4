"""Levels 1-2: when /check must send a newcomer's unread cards again, the cards come alone,
under one short line, and the last card's ✅ starts the check, due reviews included. A level-1
child got the cards, four lines on why the check was short and a quiz under them, all at
once, after a reminder that said "the cards come first" (playtest, Hodan). Levels 3-6, and
cards already on screen today, keep the check with them."""

from __future__ import annotations

import pytest

from bot.store import check_items
from bot.store.packs import pack_words
from tests.harness import (
    TEACHER_ID,
    Chat,
    class_pack_in_review,
    is_check,
    join_and_confirm,
    page_through,
    pointer,
    texts,
)

CARDS_FIRST = {
    "so": "📘 Marka hore akhri kaararkaaga cusub. Kadib taabo ✅ si aad u bilowdo "
          "tijaabadaada.\n📘 First, read your new cards. Then tap ✅ for your check.",
    "es": "📘 Primero, lee tus tarjetas nuevas. Después toca ✅ para tu prueba.\n"
          "📘 First, read your new cards. Then tap ✅ for your check.",
}


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


@pytest.mark.parametrize(("lang", "level"), [("so", 1), ("es", 2)])
async def test_at_levels_one_and_two_the_cards_come_alone_and_their_check_asks_the_reviews(
        chat: Chat, lang: str, level: int) -> None:
    hodan = await reviews_due_and_a_day_old_push(chat, lang, level)
    calls = [c for c in await chat.send(hodan, "/check") if c.method.startswith("send")]
    assert [c.method for c in calls] == ["sendMessage", "sendMessage"]  # no quiz, no "🌱"
    assert calls[0].text == CARDS_FIRST[lang]  # one short line, then the cards
    assert "📘" in calls[1].text and check_items.next_open_item(chat.db, 1001) is None
    cards = await page_through(chat, hodan, calls)
    check = next(d for _, d in cards[-1].buttons if is_check(d))  # the last card's ✅
    chat.clock.advance(seconds=30)
    asked = await chat.tap_on(hodan, check, calls[1].result_id)
    assert check_items.next_open_item(chat.db, 1001) is not None and reviews(chat)  # due reviews
    assert "1/" in texts(asked)  # question 1, under the cards she has read


async def test_a_second_check_before_reading_them_points_up_and_asks_the_reviews(
        chat: Chat) -> None:
    """The cards came today: a second /check points to them and asks the due reviews, so a
    child who never turns the cards is not kept from her reviews."""
    hodan = await reviews_due_and_a_day_old_push(chat, "so", 1)
    first = await chat.send(hodan, "/check")
    chat.clock.advance(minutes=2)
    again = await chat.send(hodan, "/check")
    assert pointer(again) == [c for c in first if "📘" in c.text][-1].result_id
    assert reviews(chat)


async def test_at_level_three_the_check_still_comes_with_the_cards(chat: Chat) -> None:
    ana = await reviews_due_and_a_day_old_push(chat, "es", 3)
    calls = await chat.send(ana, "/check")
    assert "📘" in texts(calls) and reviews(chat)
    assert "Primero, lee tus tarjetas nuevas" not in texts(calls)

