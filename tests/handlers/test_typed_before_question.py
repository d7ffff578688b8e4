"""A text typed before the open question existed (a quick correction of her last answer, sent
while it was being graded) is no answer to it: a private chat numbers both sides' messages with
one sequence, so its message id is lower than the question's. It is not graded; she is told so
kindly, in a reply quoting the question, which stays open (answers.SentBefore)."""

from __future__ import annotations

from bot.store import check_items
from tests.harness import (
    Chat,
    attempts_right,
    spanish_student,
    texts,
    typed_questions,
)

BEFORE_ES = "Ese mensaje llegó antes que esta pregunta"
BEFORE_EN = "That message came before this question"


async def test_a_correction_sent_before_the_next_question_is_not_graded_against_it(
        chat: Chat) -> None:
    user = await spanish_student(chat, "Lucía")
    _, second = typed_questions(chat, 1001, "consumer", "habitat")
    # Both texts reach Telegram before Puente answers the first: both ids are below the
    # message that will carry the next question
    answer = chat.factory.message(user, "producer")
    correction = chat.factory.message(user, "sorry I mean consumer")
    asked = await chat.process(answer)
    question = asked[-1]
    assert question.result_id is not None
    chat.clock.advance(seconds=6)  # past the copy window: only the ids tell
    reply = await chat.process(correction)
    # One message, quoting the question it did not answer; nothing graded, the question open
    assert len(reply) == 1 and reply[0].reply_to == question.result_id
    assert BEFORE_ES in reply[0].text and BEFORE_EN in reply[0].text
    assert "❌" not in reply[0].text and "✅" not in reply[0].text
    assert attempts_right(chat) == [0] and not check_items.get_item(chat.db, second).answered
    chat.clock.advance(seconds=20)  # she reads the question and answers it
    assert "✅" in texts(await chat.send(user, "habitat"))
    assert attempts_right(chat) == [0, 1]


async def test_a_right_word_sent_before_the_question_is_not_counted_either(chat: Chat) -> None:
    # Typed before the question existed, even its word is a guess at something else
    user = await spanish_student(chat, "Lucía")
    _, second = typed_questions(chat, 1001, "consumer", "habitat")
    answer, early = chat.factory.message(user, "consumer"), chat.factory.message(user, "habitat")
    await chat.process(answer)
    assert BEFORE_EN in texts(await chat.process(early))
    assert attempts_right(chat) == [1] and not check_items.get_item(chat.db, second).answered


async def test_a_text_sent_after_the_question_is_graded_at_once(chat: Chat) -> None:
    # The rule costs a quick student nothing: her answer to the question she read is graded
    user = await spanish_student(chat, "Lucía")
    _, second = typed_questions(chat, 1001, "consumer", "habitat")
    await chat.send(user, "consumer")
    reply = texts(await chat.send(user, "window"))  # typed after it came: a miss, graded
    assert BEFORE_EN not in reply and attempts_right(chat) == [1, 0]
    assert check_items.get_item(chat.db, second).answered


async def test_a_question_asked_again_still_takes_an_answer_typed_after_its_first_copy(
        chat: Chat) -> None:
    # She deleted the question and sends /check, then at once its answer: /check asks it again
    # below her answer, but she typed it having read the first copy, which existed before it
    user = await spanish_student(chat, "Lucía")
    _, second = typed_questions(chat, 1001, "consumer", "habitat")
    asked = (await chat.send(user, "consumer"))[-1].result_id  # the next question, habitat
    assert asked is not None
    chat.delete(user, asked)
    check, answer = chat.factory.message(user, "/check"), chat.factory.message(user, "habitat")
    again = await chat.process(check)
    assert any(c.result_id is not None and c.result_id > answer["message"]["message_id"]
               and "habitat" not in c.text for c in again)  # asked again, below her answer
    reply = texts(await chat.process(answer))
    assert "✅" in reply and BEFORE_EN not in reply
    assert attempts_right(chat) == [1, 1] and check_items.get_item(chat.db, second).answered
