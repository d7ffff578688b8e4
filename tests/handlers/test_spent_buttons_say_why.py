"""A button tapped after it has done its work says so in its toast, never nothing (playtest:
Pa Houa's 🤷 under a question she had just typed the answer to, and a second ✉️ "Send to
teacher" after her message went, changed nothing and said nothing)."""

from __future__ import annotations

from typing import Any

from bot.demo.offline import Call
from bot.presentation import callbacks
from bot.store import check_items
from tests.harness import Chat, answer_current, class_pack_in_review, join_and_confirm, open_item

ANSWERED = "Ya respondiste esta pregunta. Tu siguiente pregunta está más abajo."
SENT = ("Ya se envió ✅ El mensaje salió una vez y va en camino al maestro o la maestra; "
        "no se envió de nuevo.")  # a second tap sends nothing, and says so
CLOSED = ("Estos botones ya están cerrados. Para escribir al maestro o la maestra, se puede "
          "enviar /ask con el mensaje.")


def toast(calls: list[Call]) -> str:
    """The tap's answer, its only call: a note over the chat."""
    assert [c.method for c in calls] == ["answerCallbackQuery"], [c.method for c in calls]
    return calls[0].text


async def typed_question(chat: Chat) -> dict[str, Any]:
    """A level-1 child whose class words are due for the review that could master them, at a
    typed question (her first words are cognates, asked typed, under a 🤷)."""
    ana = chat.user()
    await join_and_confirm(chat, ana, level=1)
    class_pack_in_review(chat.db, chat.clock(), 1001)
    chat.clock.advance(days=3)
    await chat.send(ana, "/check")
    while not open_item(chat).item.typed:
        await answer_current(chat, ana, True)
    return ana


def relayed(chat: Chat) -> int:
    return chat.db.execute("SELECT count(*) FROM outbox").fetchone()[0]


async def test_i_dont_know_under_a_question_answered_by_typing_says_it_is_answered(
        chat: Chat) -> None:
    ana = await typed_question(chat)
    typed = open_item(chat)
    question = chat.showing(ana, f"dk:{typed.id}")
    await chat.send(ana, typed.item.answer)  # right, typed: the 🤷 leaves the question
    answers = chat.db.execute("SELECT count(*) FROM attempts").fetchone()[0]
    chat.clock.advance(seconds=4)  # at once, as a child taps what her screen still shows
    assert toast(await chat.tap_on(ana, f"dk:{typed.id}", question)) == ANSWERED
    assert chat.db.execute("SELECT count(*) FROM attempts").fetchone()[0] == answers
    assert check_items.get_item(chat.db, typed.id).answered


async def offered(chat: Chat) -> tuple[dict, int]:
    """Ana writes something the bot cannot answer: it offers to send it to the teacher."""
    ana = chat.user()
    await join_and_confirm(chat, ana, level=3)
    await chat.send(ana, "mañana no puedo venir a la escuela porque estoy enferma")
    return ana, chat.showing(ana, "ak:no")


async def test_send_to_teacher_again_after_sending_says_already_sent(chat: Chat) -> None:
    ana, offer = await offered(chat)
    await chat.tap(ana, "ak:1001")
    sent = relayed(chat)
    assert toast(await chat.tap_on(ana, "ak:1001", offer)) == SENT
    assert toast(await chat.tap_on(ana, "ak:no", offer)) == SENT  # it went: "not sent" is late
    assert relayed(chat) == sent  # sent once


async def test_send_to_teacher_after_dont_send_says_the_buttons_are_closed(chat: Chat) -> None:
    ana, offer = await offered(chat)
    await chat.tap(ana, "ak:no")
    before = relayed(chat)
    assert toast(await chat.tap_on(ana, "ak:1001", offer)) == CLOSED
    assert relayed(chat) == before


async def test_flip_under_bundled_cards_tapped_again_points_to_the_flipped_cards(
        chat: Chat) -> None:
    ana = chat.user()
    await join_and_confirm(chat, ana, level=5)  # a few cards a message, 🔁 under them
    cards = await chat.send(ana, "/words")
    flip = next(d for c in cards for label, d in c.buttons if "🔁" in label)
    shown = chat.showing(ana, flip)
    await chat.tap(ana, flip)  # the cards come again, home language first; the 🔁 leaves
    assert toast(await chat.tap_on(ana, flip, shown)) == \
        "👇 Las tarjetas con tu idioma primero están más abajo."


async def test_back_to_the_placement_tapped_again_points_to_the_question(chat: Chat) -> None:
    ana = chat.user()
    await chat.send(ana, "/start JOINcode_123")
    await chat.tap(ana, callbacks.data(callbacks.LANGUAGE, "es"))
    await chat.tap(ana, callbacks.data(callbacks.PLACEMENT, 0, 1))
    await chat.send(ana, "/words")  # leaves the placement at question 2
    note = chat.showing(ana, callbacks.PLACEMENT_RESUME)
    await chat.tap(ana, callbacks.PLACEMENT_RESUME)  # question 2 again, below
    assert toast(await chat.tap_on(ana, callbacks.PLACEMENT_RESUME, note)) == \
        "👇 Tu pregunta te espera más abajo."
