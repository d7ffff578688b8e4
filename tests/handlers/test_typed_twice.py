"""A typed answer that arrives twice (send tapped twice, or a phone resending on a weak
network) is graded once: the copy is set aside with a kind note, never graded against the next
question (bot/domain/sent_twice.py)."""

from __future__ import annotations

import pytest

from bot.store import check_items
from tests.harness import (
    Chat,
    attempts_right,
    spanish_student,
    texts,
    typed_questions,
)

SET_ASIDE_ES = "Tu respuesta llegó dos veces. Guardé la primera."
SET_ASIDE_EN = "Your answer came two times. I kept the first one."



async def test_a_right_answer_sent_twice_is_graded_once_and_she_is_told_kindly(
        chat: Chat) -> None:
    user = await spanish_student(chat)
    first, second = typed_questions(chat, 1001, "consumer", "habitat")
    assert "✅" in texts(await chat.send(user, "consumer"))
    chat.clock.advance(seconds=1)
    statements: list[str] = []
    chat.db.conn.set_trace_callback(statements.append)
    copy = await chat.send(user, "consumer")
    chat.db.conn.set_trace_callback(None)
    # One message: in her language, then English; no ✅ or ❌, no question skipped
    assert len(copy) == 1 and SET_ASIDE_ES in copy[0].text and SET_ASIDE_EN in copy[0].text
    assert "✅" not in copy[0].text and "❌" not in copy[0].text
    assert attempts_right(chat) == [1] and not check_items.get_item(chat.db, second).answered
    assert len(statements) <= 3  # who she is, her open question: reads only, nothing written
    chat.clock.advance(seconds=20)  # she reads the question still waiting and answers it
    assert "✅" in texts(await chat.send(user, "habitat"))
    assert attempts_right(chat) == [1, 1] and check_items.get_item(chat.db, first).answered


async def test_a_wrong_answer_sent_twice_is_one_miss_not_two(chat: Chat) -> None:
    user = await spanish_student(chat)
    _, second = typed_questions(chat, 1001, "consumer", "habitat")
    await chat.send(user, "zebra")
    reply = texts(await chat.send(user, " Zebra "))  # the same text, however case and spaces
    assert SET_ASIDE_ES in reply and attempts_right(chat) == [0]
    assert not check_items.get_item(chat.db, second).answered
    chat.clock.advance(seconds=2)
    assert SET_ASIDE_ES in texts(await chat.send(user, "zebra"))  # a third copy too
    assert attempts_right(chat) == [0]


@pytest.mark.parametrize(("gap", "graded"), [(0, False), (3.5, False), (4, True), (30, True)])
async def test_the_same_word_for_the_next_question_is_graded_once_she_had_time_to_read_it(
        chat: Chat, gap: float, graded: bool) -> None:
    # A child reads the next question and types before sending: seconds. The same word that
    # soon is a copy; later, it is her answer to the question she read (a miss here).
    user = await spanish_student(chat)
    _, second = typed_questions(chat, 1001, "consumer", "habitat")
    await chat.send(user, "consumer")
    chat.clock.advance(seconds=gap)
    reply = texts(await chat.send(user, "consumer"))
    assert check_items.get_item(chat.db, second).answered is graded
    assert attempts_right(chat) == ([1, 0] if graded else [1])
    assert (SET_ASIDE_ES in reply) is not graded
    assert ("habitat" in reply) is graded  # a miss shows the answer


async def test_the_right_answer_to_the_new_question_is_graded_however_soon_it_comes(
        chat: Chat) -> None:
    user = await spanish_student(chat)
    _, second = typed_questions(chat, 1001, "consumer", "habitat")
    await chat.send(user, "habitat")  # the word of the next question, for this one: a miss
    chat.clock.advance(seconds=1)
    assert "✅" in texts(await chat.send(user, "habitat"))
    assert attempts_right(chat) == [0, 1] and check_items.get_item(chat.db, second).answered


async def test_two_students_typing_the_same_word_at_once_are_both_graded(chat: Chat) -> None:
    ana, bo = await spanish_student(chat, "Ana", 1001), await spanish_student(chat, "Bo", 1002)
    typed_questions(chat, 1001, "consumer", "habitat")
    typed_questions(chat, 1002, "consumer", "habitat")
    assert "✅" in texts(await chat.send(ana, "consumer"))
    assert "✅" in texts(await chat.send(bo, "consumer"))  # not a copy of Ana's
    assert SET_ASIDE_ES in texts(await chat.send(ana, "consumer"))  # Ana's own copy is
    assert "✅" in texts(await chat.send(bo, "habitat"))
    assert attempts_right(chat, 1001) == [1] and attempts_right(chat, 1002) == [1, 1]


async def test_the_same_message_delivered_again_is_set_aside_however_late(
        chat: Chat) -> None:
    # A webhook Telegram retries brings the very message again (its id), perhaps much later
    user = await spanish_student(chat)
    _, second = typed_questions(chat, 1001, "consumer", "habitat")
    update = chat.factory.message(user, "zebra")
    await chat.process(update)
    chat.clock.advance(minutes=2)
    assert SET_ASIDE_ES in texts(await chat.process(update))
    assert attempts_right(chat) == [0] and not check_items.get_item(chat.db, second).answered


async def test_the_same_text_after_she_answered_in_between_is_graded(chat: Chat) -> None:
    # Only a copy of the answer that opened the question still open is set aside: once that
    # question is answered (here with its 🤷 button), the same text answers the one after it
    user = await spanish_student(chat)
    _, second, third = typed_questions(chat, 1001, "consumer", "habitat", "predator")
    await chat.send(user, "zebra")
    await chat.tap(user, f"dk:{second}")
    reply = texts(await chat.send(user, "zebra"))
    assert SET_ASIDE_ES not in reply and attempts_right(chat) == [0, 0, 0]
    assert check_items.get_item(chat.db, third).answered


async def test_another_word_straight_after_is_an_answer_to_the_next_question(
        chat: Chat) -> None:
    user = await spanish_student(chat)
    _, second = typed_questions(chat, 1001, "consumer", "habitat")
    await chat.send(user, "zebra")
    reply = texts(await chat.send(user, "window"))  # not a copy: graded, as before
    assert SET_ASIDE_ES not in reply and attempts_right(chat) == [0, 0]
    assert check_items.get_item(chat.db, second).answered


async def test_a_copy_of_the_checks_last_answer_is_set_aside_not_offered_to_the_teacher(
        chat: Chat) -> None:
    user = await spanish_student(chat)
    typed_questions(chat, 1001, "consumer")
    await chat.send(user, "consumer")
    chat.clock.advance(seconds=1)
    reply = texts(await chat.send(user, "consumer"))  # no question is open: nothing waits
    assert SET_ASIDE_ES in reply and SET_ASIDE_EN in reply and "maestr" not in reply
    assert "still waiting" not in reply and attempts_right(chat) == [1]
    chat.clock.advance(seconds=10)  # later, the same text is any text: one of her words
    later = texts(await chat.send(user, "consumer"))
    assert "consumer</b> is one of your words" in later and SET_ASIDE_EN not in later
