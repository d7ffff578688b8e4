"""A spelling fix of her last typed answer, sent after the next question came: Ana typed
"populaton", read "✅ Right! Check the spelling: population." with the next question under it,
and sent "population" a few seconds later. It was graded against that next question ("Not
quite. The answer is community.": a miss on a question she had not read). The word her last
answer misspelled, sent while the question it opened is still open and within a minute, is
now set aside: she is told so in a reply quoting the open question, which stays open."""

from __future__ import annotations

from bot.domain.sent_twice import CORRECTION_WINDOW
from bot.store import check_items
from tests.harness import (
    Chat,
    attempts_right,
    spanish_student,
    texts,
    typed_questions,
)

LAST_ES = "Esa palabra es la respuesta de la pregunta anterior"
LAST_EN = "That word is the answer to the question before"


async def test_the_last_questions_word_sent_as_a_correction_is_not_a_miss_on_the_next(
        chat: Chat) -> None:
    user = await spanish_student(chat, "Lucía")
    _, second = typed_questions(chat, 1001, "consumer", "habitat")
    question = (await chat.send(user, "consumr"))[-1]  # a typo: graded, the next one asked
    assert "habitat" not in question.text and question.result_id is not None
    chat.clock.advance(seconds=8)  # past the 4 s copy window: she read her feedback, retyped
    reply = await chat.send(user, "Consumer")
    assert len(reply) == 1 and reply[0].reply_to == question.result_id
    assert LAST_ES in reply[0].text and LAST_EN in reply[0].text
    assert "Not quite" not in reply[0].text and "✅" not in reply[0].text
    assert len(attempts_right(chat)) == 1  # her typo's answer alone, no miss on habitat
    assert not check_items.get_item(chat.db, second).answered
    chat.clock.advance(seconds=20)
    assert "✅" in texts(await chat.send(user, "habitat"))  # the question still takes its answer


async def test_the_same_word_later_or_as_the_open_questions_answer_is_graded(
        chat: Chat) -> None:
    user = await spanish_student(chat, "Lucía")
    typed_questions(chat, 1001, "consumer", "habitat", "producer")
    await chat.send(user, "consumr")
    chat.clock.advance(seconds=CORRECTION_WINDOW.total_seconds() + 1)  # a guess, not a fix
    reply = texts(await chat.send(user, "consumer"))
    assert LAST_EN not in reply and attempts_right(chat) == [1, 0]
    chat.clock.advance(seconds=5)
    assert "✅" in texts(await chat.send(user, "producer"))  # a quick right answer: counted
    assert attempts_right(chat) == [1, 0, 1]


async def test_her_right_word_again_after_the_copy_window_is_her_guess_at_the_next(
        chat: Chat) -> None:
    # Nothing to correct: "consumer" was right as she typed it, so "consumer" again once she
    # had time to read the next question is her answer to it (test_typed_twice.py)
    user = await spanish_student(chat, "Lucía")
    typed_questions(chat, 1001, "consumer", "habitat")
    await chat.send(user, "consumer")
    chat.clock.advance(seconds=10)
    assert LAST_EN not in texts(await chat.send(user, "consumer"))
    assert attempts_right(chat) == [1, 0]
