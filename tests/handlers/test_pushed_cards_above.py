"""Pushed cards she has not opened yet are pointed to, not pasted again (playtest: Wei, level
4, got "📘 New words: 5" from a push, sent /check without reading them, and the same five
cards came again before the quiz; Marisol got "gravity" twice the same way). Cards that
reached her today are pointed to with one line, a reply to their first message; cards from an
earlier day come again under the reply (a day later they are far up her chat and old news).
/words always sends them: she asked for the cards."""

from __future__ import annotations

from datetime import timedelta

from tests.clock import START
from tests.harness import (
    TEACHER_ID,
    Chat,
    join_and_confirm,
    page_through,
    pointer,
    texts,
)

PUSHED = ["matter", "mass", "solid", "liquid", "gas"]
CARDS_LATER = ("👆 你的新单词卡在这里。做完这次测验再读。\n"
               "👆 Your new cards are here. Read them after this check.")
CARDS_ABOVE = ("👆 你的新单词卡在这里。读完以后，在最后一张卡上点 ✅。\n"
               "👆 Your new cards are here. Read them, then tap ✅ on the last card.")


async def push(chat: Chat, words: list[str], at: str = "") -> list:
    """The teacher pushes these matter words (`at`: booked for a time); return what delivery
    sent the students now."""
    teacher = chat.user(TEACHER_ID, "Rivera", "en")
    await chat.send(teacher, f"/push science.matter-and-forces {', '.join(words)}{at}")
    return [c for c in await chat.deliver() if c.chat_id != TEACHER_ID]


async def pushed(chat: Chat, user: dict, read_before: bool = True) -> int:
    """Wei (level 4) read yesterday's words (`read_before`); today the teacher's five matter
    words reach her as one bundled preview she does not open. Return its first message."""
    await join_and_confirm(chat, user, lang="zh", level=4)
    if read_before:
        await chat.send(user, "/words")
    chat.clock.advance(days=1)
    cards = await push(chat, PUSHED)
    assert "📘" in cards[0].text and cards[0].result_id is not None
    return cards[0].result_id


def in_order(text: str) -> list[str]:
    """The matter words whose cards this text shows, top to bottom."""
    return [w for _, w in sorted((text.index(f"<b>{w}</b>"), w) for w in PUSHED
                                 if f"<b>{w}</b>" in text)]


def copies(calls: list, term: str = "matter") -> int:
    """How many of these messages show the word's card."""
    return sum(f"<b>{term}</b>" in c.text for c in calls)


async def test_cards_pushed_today_are_pointed_to_and_the_reviews_asked(chat: Chat) -> None:
    wei = chat.user(1001, "Wei", "zh")
    first = await pushed(chat, wei)
    chat.clock.advance(hours=1)
    calls = await chat.send(wei, "/check")
    (line,) = [c for c in calls if c.reply_to]
    assert (line.text, line.reply_to) == (CARDS_LATER, first)
    assert copies(calls) == 0  # no second "📘 New words: 5"
    assert "1/" in texts(calls)  # yesterday's words are asked now


async def test_with_nothing_else_to_ask_the_line_leads_to_the_cards_check(chat: Chat) -> None:
    wei = chat.user(1001, "Wei", "zh")
    first = await pushed(chat, wei, read_before=False)
    chat.clock.advance(minutes=20)
    calls = await chat.send(wei, "/check")
    assert [(c.text, c.reply_to) for c in calls] == [(CARDS_ABOVE, first)]
    check = next(d for c in chat.api.calls if c.chat_id == 1001 for _, d in c.buttons
                 if d.startswith("ck:"))  # the ✅ under the cards' last message
    started = texts(await chat.tap(wei, check))
    assert "第 1/" in started and copies([c for c in chat.api.calls if c.chat_id == 1001]) == 1


async def test_cards_pushed_yesterday_come_again_in_the_teachers_order(chat: Chat) -> None:
    """A day on, they are far up her chat: they come again, as the push showed them (gas
    first, as the teacher pushed them; they came back in the pack's order, matter first)."""
    wei = chat.user(1001, "Wei", "zh")
    await join_and_confirm(chat, wei, lang="zh", level=4)
    await chat.send(wei, "/words")
    chat.clock.advance(days=1)
    order = ["gas", "matter", "liquid", "mass"]
    assert in_order(texts(await push(chat, order))) == order
    chat.clock.advance(days=1)
    calls = await chat.send(wei, "/check")
    assert pointer(calls) is None
    assert in_order(texts(calls)) == order and copies(calls) == 1


async def test_only_the_cards_from_an_earlier_day_come_again(chat: Chat) -> None:
    """Thursday's push and Friday's, neither opened: Friday's /check pasted all ten cards
    under Friday's five (playtest). The line points to Friday's; Thursday's come again."""
    wei = chat.user(1001, "Wei", "zh")
    await pushed(chat, wei)  # Thursday: matter ... gas
    chat.clock.advance(days=1)
    (friday, *_) = await push(chat, ["temperature", "evaporation"])
    calls = await chat.send(wei, "/check")
    assert pointer(calls) == friday.result_id
    assert copies(calls, "temperature") == 0 and copies(calls, "evaporation") == 0
    assert in_order(texts(calls)) == PUSHED  # Thursday's, under the line


async def test_words_sends_the_cards_even_when_they_came_today(chat: Chat) -> None:
    wei = chat.user(1001, "Wei", "zh")
    await pushed(chat, wei)
    calls = await chat.send(wei, "/words")
    assert pointer(calls) is None and copies(calls) == 1


async def test_a_deleted_push_message_brings_its_cards_again(chat: Chat) -> None:
    wei = chat.user(1001, "Wei", "zh")
    first = await pushed(chat, wei)
    chat.delete(wei, first)
    calls = await chat.send(wei, "/check")
    assert [c.reply_to for c in chat.api.refused] == [first]
    assert copies(calls) == 1


async def test_a_push_booked_last_night_counts_as_sent_when_it_arrives(chat: Chat) -> None:
    """Booked at 21:00 for 07:30, it reached her chat this morning: /check points to it
    (it used to count as sent yesterday, and came again)."""
    marisol = chat.user(1001, "Marisol", "es")
    await join_and_confirm(chat, marisol, lang="es", level=2)
    await page_through(chat, marisol, await chat.send(marisol, "/words"))
    chat.clock.now = START + timedelta(hours=10)  # 21:00 in New York
    assert await push(chat, ["gravity"], at=" at 07:30") == []
    chat.clock.now = START + timedelta(hours=21)  # 08:00 the next morning
    (card,) = [c for c in await chat.deliver() if c.chat_id == 1001]
    assert "<b>gravity</b>" in card.text
    chat.clock.advance(hours=1)
    calls = await chat.send(marisol, "/check")
    assert pointer(calls) == card.result_id
    assert copies(calls, "gravity") == 0
