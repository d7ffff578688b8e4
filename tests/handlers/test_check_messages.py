"""How many messages a /check costs: the bot has 30 a second for the whole school (Telegram),
and 300 students sending /check within seconds waited over 20 s for about 900 of them
(bench/class_answers.py). "Read your cards first" opens the first card's message, and why a
check is short opens its first question's, instead of each being a message of its own; the
student reads the same lines, in the same order."""

from __future__ import annotations

import pytest

from bot.presentation import card_views
from bot.presentation.i18n import Markup
from bot.presentation.views import MESSAGE_LIMIT
from bot.store import check_items, study
from tests.harness import Chat, answer_current, join_and_confirm, page_through, words_in_review

CARDS_FIRST = "📘 Primero, lee tus tarjetas nuevas. Después toca ✅ para tu prueba.\n" \
    "📘 First, read your new cards. Then tap ✅ for your check."
SHORT = "🌱 Esta vez la prueba es corta: ahora solo unas pocas palabras están listas para " \
    "practicar.\n🌱 A short check this time: only a few words are ready to practise now."


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


async def one_word_left(chat: Chat, level: int) -> dict:
    """Her first cards previewed; every word but one is in review, due in two days."""
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=level)
    await chat.send(ana, "/words")
    words_in_review(chat.db, chat.clock(), sorted(study.student_mastery(chat.db, 1001))[1:])
    return ana


@pytest.mark.parametrize(("level", "cards"), [(2, 0), (3, 1), (4, 2), (5, 2)])
async def test_why_a_check_is_short_opens_its_question_and_goes_with_the_answer(
        chat: Chat, level: int, cards: int) -> None:
    ana = await one_word_left(chat, level)
    messages = sent(await chat.send(ana, "/check"))
    line = english_first(SHORT) if level >= 5 else SHORT
    assert len(messages) == cards + 1  # her new cards (levels 3-6), then one message:
    question = messages[-1]
    assert question.text.startswith(f"{line}\n") and "1/1" in question.text  # why, the question
    reply = await answer_current(chat, ana, right=True)
    assert not any(line in c.text for c in reply)  # no feedback says it again
    edits = [c for c in reply if c.method == "editMessageText"]
    if level in (2, 4):  # tapped: the feedback replaces it in the same message, once answered
        assert [int(c.params["message_id"]) for c in edits] == [question.result_id]
        assert not [c for c in reply if c.method == "sendMessage"]
    else:  # typed (levels 3, 5): the feedback is a message below the question, which keeps it
        assert edits == [] and check_items.next_open_item(chat.db, 1001) is None


async def test_before_a_quiz_poll_why_the_check_is_short_stays_a_message_of_its_own(
        chat: Chat) -> None:
    # A poll's question is plain text of at most 300 characters, which its own question needs
    ana = await one_word_left(chat, level=1)
    line, poll = sent(await chat.send(ana, "/check"))
    assert line.text.startswith(SHORT) and poll.method == "sendPoll"
    assert "🌱" not in poll.text


def test_a_line_too_long_to_share_telegrams_4096_comes_alone() -> None:
    lead, short, long = Markup("📘 Read first"), Markup("<b>card</b>"), Markup("x" * 4090)
    assert card_views.with_lead(lead, [short, short]) == [f"{lead}\n\n{short}", short]
    assert card_views.with_lead(lead, [long, short]) == [lead, long, short]
    assert all(len(m) <= MESSAGE_LIMIT for m in card_views.with_lead(lead, [long]))
    assert card_views.with_lead(None, [short]) == [short]
