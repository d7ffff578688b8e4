"""/check sent twice in a row (the play-test's Somali and Hmong students): a word is asked right
after its card only in the check its cards lead to (✅ under the last card), never by a second
/check while cards still wait (which points to those cards, and sends none again); a word
answered today is not asked again that day; and /check while a question is open points to
it (a reply to its message) rather than sending a second live copy, which it sends only when
that message is gone."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from bot.demo.offline import Call
from bot.presentation import callbacks
from bot.store import check_items, study
from tests.harness import (
    Chat,
    answer_current,
    check_now,
    join_and_confirm,
    open_item,
    page_through,
    poll_message,
    texts,
)

CARDS_ABOVE = ("👆 Koj cov daim npav tshiab nyob ntawm no. Nyeem lawv, ces nias ✅ ntawm daim "
               "kawg.\n👆 Your new cards are here. Read them, then tap ✅ on the last card.")
ALL_DONE = ("✅ Hadda waad dhammaysay. Erayo kale ayaa soo laabanaya berri.\n"
            "✅ All done for now. More words come back tomorrow.")


def first_set_in_review(chat: Chat) -> list[int]:
    """Her first words, read and answered right on two days, come back in two days: their
    places open, so new words unlock (and none of the first set is ready today)."""
    now, first = chat.clock(), sorted(study.student_mastery(chat.db, 1001))
    for word_id in first:
        state = study.get_mastery(chat.db, 1001, word_id)
        assert state is not None
        study.save_mastery(chat.db, 1001, word_id, replace(
            state, success_days=frozenset({"2026-09-10", "2026-09-11"}), answered=True,
            due_at=now + timedelta(days=2), first_correct_at=now - timedelta(days=4)), now)
    return first


async def test_a_second_check_while_cards_wait_points_to_them_not_the_card_just_read(
        chat: Chat) -> None:
    ana = chat.user(lang="hmn")
    await join_and_confirm(chat, ana, lang="hmn", level=2)
    await page_through(chat, ana, await chat.send(ana, "/words"))
    old = first_set_in_review(chat)
    # her new cards: why no question comes yet, over the first card
    (first,) = await chat.send(ana, "/check")
    line, card = first.text.split("\n\n", 1)
    assert line.endswith("📘 First, read your new cards. Then tap ✅ for your check.")
    assert "📘" in card and check_items.next_open_item(chat.db, 1001) is None
    chat.clock.advance(seconds=5)
    again = [c for c in await chat.send(ana, "/check") if c.method.startswith("send")]
    assert check_items.next_open_item(chat.db, 1001) is None  # not the first card's word, 5 s on
    assert [c.text for c in again] == [CARDS_ABOVE]  # one line, no card sent again ...
    assert again[0].reply_to == first.result_id  # ... under the cards she has
    cards = await page_through(chat, ana, again)
    assert any(d == callbacks.CHECK for _, d in cards[-1].buttons)
    await chat.tap(ana, callbacks.CHECK)  # card -> ✅: the check right after the cards
    asked = [open_item(chat)]
    while (stored := check_items.next_open_item(chat.db, 1001)) is not None:
        await answer_current(chat, ana, right=True)
        asked.append(stored)
    new = set(study.student_mastery(chat.db, 1001)) - set(old)
    assert {s.item.word_id for s in asked} == new  # the new words, together, after the cards


async def test_a_second_check_after_the_card_check_asks_nothing_again_today(
        chat: Chat) -> None:
    ana = chat.user(lang="so")
    await join_and_confirm(chat, ana, lang="so", level=1)
    await check_now(chat, ana)  # cards, then ✅: the check on their words
    while check_items.next_open_item(chat.db, 1001) is not None:
        await answer_current(chat, ana, right=True)
    for _ in range(2):
        chat.clock.advance(seconds=5)
        assert texts(await chat.send(ana, "/check")) == ALL_DONE
        assert check_items.next_open_item(chat.db, 1001) is None


async def a_poll_asked_again(chat: Chat, ana: dict) -> tuple[check_items.StoredItem, list[Call]]:
    """Her check opens with a quiz poll (✅ tapped under her cards), and she sends /check a
    few seconds later; return the poll's item and the calls /check made."""
    await join_and_confirm(chat, ana, lang="so", level=1)
    await check_now(chat, ana)
    poll = open_item(chat)
    assert poll.poll_id is not None  # the check opens with a quiz poll
    chat.clock.advance(seconds=5)
    return poll, await chat.send(ana, "/check")  # e.g. she did not see the poll come in


async def test_check_while_a_quiz_poll_is_open_points_to_it_and_sends_no_second_copy(
        chat: Chat) -> None:
    """Playtest: ✅ Check me sent question 1 as a quiz poll, then /check sent it again as
    buttons: two live copies, and no word that the first was still open."""
    ana = chat.user(lang="so")
    poll, again = await a_poll_asked_again(chat, ana)
    assert [c.method for c in again] == ["sendMessage"] and not again[0].buttons
    assert again[0].text.endswith("👆 A question is still waiting for you above.")
    assert again[0].reply_to == poll_message(chat)  # a tap on the quote shows the poll
    reply = texts(await chat.vote(ana, poll.poll_id, poll.item.options.index(poll.item.answer)))
    assert f"<b>{poll.item.answer}</b>" in reply and "Su'aal 2/3" in reply  # graded, once
    assert chat.db.execute("SELECT count(*) FROM attempts").fetchone()[0] == 1


async def test_a_quiz_poll_she_deleted_comes_again_as_buttons_and_grades_once(
        chat: Chat) -> None:
    ana = chat.user(lang="so")
    await join_and_confirm(chat, ana, lang="so", level=1)
    await check_now(chat, ana)
    poll = open_item(chat)
    chat.delete(ana, poll_message(chat))  # nothing to point to: the question comes again
    chat.clock.advance(seconds=5)
    again = [c for c in await chat.send(ana, "/check") if c.buttons]
    assert [label for label, _ in again[0].buttons] == [  # its 🤷 too, as in the poll
        *poll.item.options, "🤷 Ma aqaan · I don't know"]
    right = poll.item.options.index(poll.item.answer)
    assert "Su'aal 2/3" in texts(await chat.tap(ana, f"an:{poll.id}:{right}"))
    assert await chat.vote(ana, poll.poll_id, right) == []  # graded once
    assert chat.db.execute("SELECT count(*) FROM attempts").fetchone()[0] == 1


async def test_check_sent_twice_in_a_moment_asks_its_question_once(chat: Chat) -> None:
    """Regression playtest (Kofi, level 4): a double tap on /check sent question 1 as a quiz
    poll and then the same question again under it, with buttons. A second /check within a
    double tap's window sends nothing; one a few seconds later points to it."""
    kofi = chat.user(lang="fr")
    await join_and_confirm(chat, kofi, lang="fr", level=4)
    await page_through(chat, kofi, await chat.send(kofi, "/words"))
    chat.clock.advance(days=1)
    first = await check_now(chat, kofi)
    assert open_item(chat) is not None and first
    chat.clock.advance(seconds=1)
    assert not [c for c in await chat.send(kofi, "/check") if c.method.startswith("send")]
    chat.clock.advance(seconds=5)
    again = [c for c in await chat.send(kofi, "/check") if c.method.startswith("send")]
    # a /check she meant: it points to the open question, no second copy of it
    assert [c.reply_to for c in again] == [first[-1].result_id]
