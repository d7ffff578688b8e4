"""A newcomer who opened one card of three is never asked to type an English word from memory:
the cards she has not read come first and lead to a check with options she has seen."""

from __future__ import annotations

from bot.domain.scaffold import ItemType
from tests.harness import Chat, check_now, join_and_confirm, open_item


async def test_a_level_one_child_who_read_one_card_gets_a_choice_not_a_typed_question(
        chat: Chat) -> None:
    ana = chat.user()
    await join_and_confirm(chat, ana, "so", level=1)
    await chat.send(ana, "/words")  # the first of three cards, and no Next tapped
    chat.clock.advance(days=1)
    await check_now(chat, ana)  # reads the cards /check shows first, then taps ✅ Check
    item = open_item(chat, ana["id"]).item
    assert item.item_type is not ItemType.TYPED and not item.typed
    assert len(item.options) >= 2
