"""One rule for what /check does and what counts as ready (playtest: Pa Houa, a level-1 Hmong
newcomer). Due reviews are never held behind a card she cannot find: her unread cards come
right under the reply (a line pointing up to yesterday's message was lost among three open
card sets), and their ✅ or a second /check asks the reviews; /progress counts only words a
/check would ask; and /words says what its cards are, "new" meaning first shown today and
never answered (as /progress counts New)."""

from __future__ import annotations

from bot.store import check_items
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    check_now,
    join_and_confirm,
    page_through,
    texts,
)

PA = 1001


def asked(chat: Chat) -> set[str]:
    """The English terms of the words her open check asks."""
    return {r[0] for r in chat.db.execute(
        "SELECT DISTINCT w.term FROM check_items c JOIN words w ON w.id = c.word_id "
        "WHERE c.student_id = ? AND c.answered_at IS NULL", [PA])}


async def first_day(chat: Chat) -> dict:
    """Pa Houa joins at level 1, reads her three cards and answers their check; the teacher
    pushes predator and prey; its first card reaches her chat, and she does not tap it (a card
    delivered is not a card read)."""
    pa = chat.user(PA, "PaHoua", lang="en")
    await join_and_confirm(chat, pa, lang="hmn", level=1)
    await check_now(chat, pa)
    while check_items.next_open_item(chat.db, PA) is not None:
        await answer_current(chat, pa, right=True)
    chat.clock.advance(minutes=10)
    await chat.send(chat.user(TEACHER_ID, "Rivera", "en"),
                    "/push science.ecosystems predator, prey")
    (pushed,) = [c for c in await chat.deliver() if c.chat_id == PA]
    assert "<b>predator</b>" in pushed.text and "<b>prey</b>" not in pushed.text
    return pa


async def test_due_reviews_come_with_the_cards_she_has_not_read_right_under_check(
        chat: Chat) -> None:
    """Her unread card is never pointed up to; at level 1, with words ready, the check asks
    yesterday's words first and offers the card after it (test_newcomer_cards_come_alone.py),
    never a card instead of the check."""
    pa = await first_day(chat)
    await chat.send(pa, "/words")  # card 1 of 5; she never taps Next
    chat.clock.advance(days=1)
    calls = await chat.send(pa, "/check")
    assert all(c.reply_to is None for c in calls)  # nothing points up to yesterday's cards
    assert {"ecosystem", "organism", "habitat"} <= asked(chat)  # yesterday's words, now
    # prey's card she never opened is never asked (predator's was /words' first: new first)
    assert "prey" not in asked(chat)


async def test_progress_says_ready_only_when_check_would_ask_something(chat: Chat) -> None:
    pa = await first_day(chat)  # predator's card first read today, prey's waiting
    progress = texts(await chat.send(pa, "/progress"))
    calls = await chat.send(pa, "/check")
    assert check_items.next_open_item(chat.db, PA) is None  # predator waits for prey's card ...
    assert "ready" not in progress and "New cards to read" in progress  # ... and says so
    assert "send /check" not in texts(calls)  # the cards it points to end with ✅
    await page_through(chat, pa, calls)
    assert "1/" in texts(await chat.tap(pa, "ck:1"))  # their ✅: a check on them


async def test_words_answered_on_the_day_they_came_are_not_new(chat: Chat) -> None:
    pa = await first_day(chat)  # three starter cards (answered) and two pushed, all today
    header = texts(await chat.send(pa, "/words")).split("\n\n")[0]
    # not "Your words: 5 (new today: 1)", nor "New words: 5" beside /progress's "New: 2"
    assert header.endswith("📘 New words: 2 · Words to look at again: 3")
    chat.clock.advance(days=1)
    header = texts(await chat.send(pa, "/words")).split("\n\n")[0]
    # prey: delivered, never opened; predator's card was yesterday's /words' first (new cards
    # come first), opened then and not answered: no longer new
    assert header.endswith("📘 New words: 1 · Words to look at again: 4")


async def test_a_pushed_previews_check_asks_its_cards_while_other_cards_wait(
        chat: Chat) -> None:
    """The ✅ under a push she read to the end asks its words: cards of another push, not
    read yet, do not hold them back (only the push's own cards can)."""
    pa = await first_day(chat)
    pushed = [c for c in chat.api.calls if c.chat_id == PA and "<b>predator</b>" in c.text]
    await page_through(chat, pa, pushed[-1:])  # predator, then prey: all of the push
    await chat.send(chat.user(TEACHER_ID, "Rivera", "en"),
                    "/push science.ecosystems food chain, food web")
    await chat.deliver()  # food chain's card; food web's waits
    chat.clock.advance(minutes=2)
    calls = await chat.tap(pa, "ck:1")  # the ✅ under predator and prey
    assert "1/2" in texts(calls) and asked(chat) == {"predator", "prey"}
