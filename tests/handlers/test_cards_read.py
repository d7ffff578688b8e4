"""A word counts as previewed only once its card was shown to the student: the card they paged
to (one card a message, levels 1-3), or every card of a preview that shows them all at once
(levels 4-6). A check never asks a word whose card the student has not seen; a /check with
unread cards shows them first: a line pointing to the message she has them in when it came
today, else the cards again."""

from __future__ import annotations

from bot.domain.checks import MAX_CHECK
from bot.presentation import callbacks
from bot.store import check_items
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    is_check,
    join_and_confirm,
    page_through,
    texts,
)


def asked(chat: Chat, user_id: int = 1001) -> set[str]:
    """The English terms of every word a check asked this student."""
    return {r[0] for r in chat.db.execute(
        "SELECT DISTINCT w.term FROM check_items c JOIN words w ON w.id = c.word_id "
        "WHERE c.student_id = ?", [user_id])}


def card_terms(text: str, terms: list[str]) -> list[str]:
    """The terms whose cards a message shows (a card names its word in bold)."""
    return [t for t in terms if f"<b>{t}</b>" in text]


CARDS_FIRST_SO = ("📘 Marka hore akhri kaararkaaga cusub. Kadib taabo ✅ si aad u bilowdo "
                  "tijaabadaada.\n📘 First, read your new cards. Then tap ✅ for your check.")
CHECK_SO = ("✅ I tijaabi", "ck")
TERMS = ["ecosystem", "organism", "habitat", "population", "community", "producer",
         "consumer", "decomposer", "predator", "prey", "food chain", "food web"]


async def finish_check(chat: Chat, user: dict) -> None:
    while check_items.next_open_item(chat.db, user["id"]) is not None:
        await answer_current(chat, user, True)


async def test_a_check_asks_only_the_cards_she_opened_and_shows_the_others_first(
        chat: Chat) -> None:
    """The playtest: she saw card 1/3 (ecosystem) and question 1 asked about "organism". At
    level 1 one card read leaves no fair options, so the check waits for the other cards."""
    ana = chat.user(lang="so")
    await join_and_confirm(chat, ana, lang="so", level=1)
    (first,) = await chat.send(ana, "/words")
    assert card_terms(first.text, TERMS) == ["ecosystem"]  # card 1 of 3, never paged
    chat.clock.advance(days=1)

    calls = [c for c in await chat.send(ana, "/check") if c.method in ("sendMessage", "sendPoll")]

    assert asked(chat) == set()  # never organism or habitat, and ecosystem not typed
    # yesterday's message is not pointed up to: the cards she has not read come again, the
    # line over the first, in one message
    assert [c.text.split("\n\n")[0] for c in calls] == [CARDS_FIRST_SO]
    assert [card_terms(c.text, TERMS) for c in calls] == [["organism"]]
    assert all(c.reply_to is None for c in calls)
    assert check_items.next_open_item(chat.db, 1001) is None
    shown = await page_through(chat, ana, calls)  # now she reads organism and habitat
    assert [card_terms(c.text, TERMS) for c in shown] == [["organism"], ["habitat"]]
    assert CHECK_SO in shown[-1].buttons
    await chat.tap(ana, callbacks.CHECK)
    assert asked(chat) == {"ecosystem", "organism", "habitat"}
    await finish_check(chat, ana)


async def test_words_she_paged_to_are_asked_and_the_rest_wait(chat: Chat) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=3)
    first = await chat.send(ana, "/words")
    next_card = next(d for c in first for label, d in c.buttons if "2/5" in label)
    await chat.tap(ana, next_card)  # cards 1 and 2 of 5
    chat.clock.advance(days=1)
    await chat.send(ana, "/check")
    assert asked(chat) == {"ecosystem", "organism"}


async def test_after_a_push_she_never_paged_through_no_unread_word_is_asked(
        chat: Chat) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=2)
    await page_through(chat, ana, await chat.send(ana, "/words"))  # her four words, all read
    teacher = chat.user(TEACHER_ID, "Rivera", "en")
    await chat.send(teacher, "/push science.ecosystems predator, prey, food chain")
    (pushed,) = [c for c in await chat.deliver() if c.chat_id == 1001]
    assert card_terms(pushed.text, TERMS) == ["predator"]  # the first card; never paged
    chat.clock.advance(days=1)

    calls = [c for c in await chat.send(ana, "/check") if c.method in ("sendMessage", "sendPoll")]

    # its first card was delivered, but she never tapped it: delivered is not read
    assert not asked(chat) & {"predator", "prey", "food chain"}
    # words are ready: the check asks them first, the cards are offered after it (📘 under its
    # last message), not instead of it (playtest, Vietnamese level 2)
    assert "Then tap ✅ for your check" not in texts(calls)
    assert all(c.reply_to is None for c in calls) and "👆" not in texts(calls)
    assert check_items.next_open_item(chat.db, 1001) is not None  # her older words,
    assert len(asked(chat) - {"predator", "prey", "food chain"}) == 4  # ready since yesterday


async def test_a_preview_that_shows_every_card_counts_them_all_as_seen(chat: Chat) -> None:
    eva = chat.user(lang="es")
    await join_and_confirm(chat, eva, level=5)
    shown = card_terms(texts(await chat.send(eva, "/words")), TERMS)
    assert len(shown) == 6
    chat.clock.advance(days=1)
    calls = await chat.send(eva, "/check")
    assert "📘" not in texts(calls)  # no card to read first
    assert len(asked(chat)) == MAX_CHECK and asked(chat) <= set(shown)


async def level_five_push(chat: Chat, push: str) -> dict:
    """A level-5 student who read her words; the teacher sends `push` (/push ...)."""
    eva = chat.user(lang="es")
    await join_and_confirm(chat, eva, level=5)
    await chat.send(eva, "/words")
    await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), push)
    return eva


async def test_a_delivered_push_she_never_touched_is_not_asked_at_levels_four_to_six(
        chat: Chat) -> None:
    eva = await level_five_push(chat, "/push science.ecosystems predator, prey")
    await chat.deliver()  # every card at once, in one or more messages; she taps none of them
    chat.clock.advance(days=1)
    calls = await chat.send(eva, "/check")
    assert "📘" in texts(calls)  # predator and prey come first, as cards she has not read
    assert not asked(chat) & {"predator", "prey"}  # and are not asked before she reads them
    assert check_items.next_open_item(chat.db, 1001) is not None  # her words read before are


async def test_check_under_a_delivered_push_asks_its_words(chat: Chat) -> None:
    """The ✅ under the pushed cards is her tap on them: she read them, so it checks them."""
    eva = await level_five_push(chat, "/push science.ecosystems predator, prey")
    pushed = [c for c in await chat.deliver() if c.chat_id == 1001]
    (check,) = [d for c in pushed for _, d in c.buttons if is_check(d)]
    chat.clock.advance(hours=2)
    calls = await chat.tap(eva, check)
    assert "📘" not in texts(calls)  # not sent again: they are on her screen
    assert asked(chat) == {"predator", "prey"}


async def test_a_push_waiting_for_its_time_is_neither_shown_nor_asked_before_its_time(
        chat: Chat) -> None:
    eva = await level_five_push(chat, "/push science.ecosystems predator, prey at 13:00")
    calls = await chat.send(eva, "/check")  # before 13:00: the push is still in the outbox
    assert not asked(chat) & {"predator", "prey"}
    assert card_terms(texts(calls), ["predator", "prey"]) == []  # they come at 13:00


async def test_the_teacher_counts_only_the_cards_she_opened_as_she_does(chat: Chat) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=1)
    await chat.send(ana, "/words")  # card 1 of 3: ecosystem
    teacher = chat.user(TEACHER_ID, "Rivera", "en")
    roster = texts(await chat.send(teacher, "/roster")).replace("\u2068", "").replace(
        "\u2069", "")
    drill = texts(await chat.send(teacher, "/student Ana"))
    progress = texts(await chat.send(ana, "/progress")).replace("\u2068", "").replace(
        "\u2069", "")
    # as /student says
    assert roster.endswith(": 🆕 Opened, not answered yet: 1 · 📭 2 cards not opened yet")
    assert "\n🆕 New: 1\n" in progress
    counted, unopened = drill.split("\n📭 ")
    assert "ecosystem" in counted and "organism" not in counted and "habitat" not in counted
    assert unopened == "Cards not opened yet: organism, habitat"  # unlocked, never opened
