"""Cards a newcomer has not read are pointed to where they are, never sent again (playtest,
WIDA levels 1-2: a student who never tapped Next had four live previews of the same five
words, numbered 1/5, 1/4, 1/3, 1/2). /check replies to the card message with one line; a
/check does not count one more card as read; a message she deleted brings the cards again,
in the order the teacher pushed them."""

from __future__ import annotations

from bot.store import check_items
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    is_check,
    is_next,
    join_and_confirm,
    page_through,
    texts,
)

CARDS_ABOVE = ("👆 Kaararkaaga cusub waa halkan. Akhri, kadib taabo ✅ kaarka ugu dambeeya.\n"
               "👆 Your new cards are here. Read them, then tap ✅ on the last card.")


def cards_read(chat: Chat, user_id: int = 1001) -> int:
    """How many of the student's words count as read (their card was shown)."""
    return chat.db.execute("SELECT count(*) FROM mastery WHERE student_id = ? "
                           "AND shown_at IS NOT NULL", [user_id]).fetchone()[0]


def terms(text: str) -> list[str]:
    return [t for t in ("ecosystem", "organism", "habitat", "food chain", "prey", "predator")
            if f"<b>{t}</b>" in text]


async def test_a_newcomer_who_never_taps_next_is_pointed_to_the_same_card_each_check(
        chat: Chat) -> None:
    hodan = chat.user(lang="so")
    await join_and_confirm(chat, hodan, lang="so", level=1)
    (words,) = await chat.send(hodan, "/words")  # card 1 of 3; she never taps Next
    for _ in range(3):
        chat.clock.advance(minutes=2)
        calls = await chat.send(hodan, "/check")
        assert [(c.method, c.text, c.reply_to) for c in calls] == [
            ("sendMessage", CARDS_ABOVE, words.result_id)]  # no card sent again
        assert cards_read(chat) == 1  # and none counted read that she never saw
        assert check_items.next_open_item(chat.db, 1001) is None
    cards = await page_through(chat, hodan, calls)  # she follows the line to her cards
    assert [terms(c.text) for c in cards] == [["ecosystem"], ["organism"], ["habitat"]]
    assert "Su'aal 1/" in texts(await chat.tap(hodan, "ck"))  # the last card's ✅


async def pushed_and_deleted(chat: Chat) -> tuple[dict, int]:
    """Ana (level 2) read her words; the teacher pushes food chain, prey, predator (in that
    order); she deletes its message without a tap, so none of its cards counts as read (a card
    delivered is not a card opened). Return her and its id."""
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=2)
    await page_through(chat, ana, await chat.send(ana, "/words"))
    chat.clock.advance(days=1)
    teacher = chat.user(TEACHER_ID, "Rivera", "en")
    await chat.send(teacher, "/push science.ecosystems food chain, prey, predator")
    (pushed,) = [c for c in await chat.deliver() if c.chat_id == 1001]
    assert terms(pushed.text) == ["food chain"] and pushed.result_id is not None
    chat.delete(ana, pushed.result_id)
    chat.clock.advance(hours=1)
    return ana, pushed.result_id


async def test_a_deleted_card_message_brings_its_cards_again_in_the_teachers_order(
        chat: Chat) -> None:
    ana, gone = await pushed_and_deleted(chat)
    calls = await chat.send(ana, "/check")
    (refused,) = chat.api.refused  # the line under the deleted message: Telegram refuses it
    assert refused.method == "sendMessage" and refused.reply_to == gone
    (card,) = [c for c in calls if "📘" in c.text]
    assert card.reply_to is None
    cards = await page_through(chat, ana, [card])  # food chain, prey, predator: as the
    assert [terms(c.text) for c in cards] == [["food chain"], ["prey"], ["predator"]]  # teacher
    # pushed them


async def test_after_the_cards_came_again_the_next_check_sends_the_unread_one_with_its_check(
        chat: Chat) -> None:
    """Cards sent beside a check end without ✅: after that check, /check sends the card she
    has not read under it, ending with ✅ (never "then send /check" pointing up to cards
    with no ✅); once it is read, /check asks them."""
    ana, _ = await pushed_and_deleted(chat)
    (card,) = [c for c in await chat.send(ana, "/check") if "📘" in c.text]  # the cards again
    assert terms(card.text) == ["food chain"]  # (Next ▶ turns to prey)
    assert check_items.next_open_item(chat.db, 1001) is not None  # a check on her older words
    while check_items.next_open_item(chat.db, 1001) is not None:
        await answer_current(chat, ana, right=True)
    chat.clock.advance(minutes=5)
    calls = await chat.send(ana, "/check")
    (again,) = [c for c in calls if terms(c.text)]
    assert terms(again.text) == ["prey"] and again.reply_to is None  # the cards not read
    assert "Then tap ✅ for your check" in texts(calls) and len(chat.api.refused) == 1
    assert check_items.next_open_item(chat.db, 1001) is None
    cards = await page_through(chat, ana, [again])
    assert [terms(c.text) for c in cards] == [["prey"], ["predator"]]
    assert [is_check(d) for _, d in cards[-1].buttons][-1]
    chat.clock.advance(minutes=5)
    assert "Pregunta 1/" in texts(await chat.send(ana, "/check"))


async def test_a_card_message_sent_before_it_was_remembered_is_learned_from_a_tap(
        chat: Chat) -> None:
    """A preview sent before Puente kept its message (an older release): a Next tapped on
    it tells which message it is, and /check points there."""
    hodan = chat.user(lang="so")
    await join_and_confirm(chat, hodan, lang="so", level=1)
    (words,) = await chat.send(hodan, "/words")
    chat.db.execute("UPDATE previews SET message_id = NULL")
    tap = next(d for label, d in words.buttons if is_next(label))
    assert words.result_id is not None
    await chat.tap_on(hodan, tap, words.result_id)  # card 2 of 3
    (line,) = await chat.send(hodan, "/check")
    assert (line.text, line.reply_to) == (CARDS_ABOVE, words.result_id)

