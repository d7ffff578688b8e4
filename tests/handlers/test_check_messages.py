"""How many messages a /check costs: the bot has 30 a second for the whole school (Telegram),
and 300 students sending /check within seconds waited over 20 s for about 900 of them
(bench/class_answers.py). "Read your cards first" opens the first card's message instead of
being a message of its own; the student reads the same lines, in the same order."""

from __future__ import annotations

import pytest

from bot.presentation import card_views
from bot.presentation.i18n import Markup
from bot.presentation.views import MESSAGE_LIMIT
from bot.store import check_items
from tests.harness import Chat, join_and_confirm, page_through

CARDS_FIRST = "📘 Primero, lee tus tarjetas nuevas. Después toca ✅ para tu prueba.\n" \
    "📘 First, read your new cards. Then tap ✅ for your check."


def sent(calls: list) -> list:
    return [c for c in calls if c.method.startswith("send") and c.method != "sendChatAction"]


def english_first(line: str) -> str:
    home, english = line.split("\n")
    return f"{english}\n{home}"


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5, 6])
async def test_read_your_cards_first_opens_the_first_card_never_a_message_of_its_own(
        chat: Chat, level: int) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=level)
    messages = sent(await chat.send(ana, "/check"))  # new cards, nothing to ask yet
    line = english_first(CARDS_FIRST) if level >= 5 else CARDS_FIRST
    assert check_items.next_open_item(chat.db, 1001) is None
    # the first thing she reads, then the cards' header, in one message
    assert messages[0].text.startswith(f"{line}\n\n📘 ")
    assert all("<b>" in m.text for m in messages)  # every message shows a card
    if level <= 3:  # one card a message: the line and card 1, turned with Next ▶
        assert len(messages) == 1
        cards = await page_through(chat, ana, messages)
        assert line not in cards[1].text  # Next ▶ shows card 2 without it
    else:  # the bundle splits as /words splits the same cards: the line adds no message
        assert line not in "".join(m.text for m in messages[1:])


def test_a_line_too_long_to_share_telegrams_4096_comes_alone() -> None:
    lead, short, long = Markup("📘 Read first"), Markup("<b>card</b>"), Markup("x" * 4090)
    assert card_views.with_lead(lead, [short, short]) == [f"{lead}\n\n{short}", short]
    assert card_views.with_lead(lead, [long, short]) == [lead, long, short]
    assert all(len(m) <= MESSAGE_LIMIT for m in card_views.with_lead(lead, [long]))
    assert card_views.with_lead(None, [short]) == [short]
