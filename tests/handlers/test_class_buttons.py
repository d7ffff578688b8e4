"""A teacher of two classes typing /report, /roster or /push without a class (playtest: "Which
class? Add its name." and a long /push typed again): a button per class finishes the same
command. The buttons carry a class id and a token of the held command, both checked: another
teacher's class, a forged token or a tap after ten minutes runs nothing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.presentation import callbacks
from bot.services.class_choice import with_class
from bot.store import people
from tests.clock import START
from tests.harness import MATH_TEACHER_ID, TEACHER_ID, Chat, buttons, enrol_student, texts


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


def second_class(chat: Chat) -> people.ClassInfo:
    """Ms. Rivera's Science 7 beside her Science 7B, with Lucía in it (Ana in 7B)."""
    seven = people.create_class(chat.db, TEACHER_ID, "Science 7", "SEVENcode_12",
                                START + timedelta(days=180), "science.ecosystems", START)
    enrol_student(chat.db, chat.clock(), 1001, "Ana", "es")
    enrol_student(chat.db, chat.clock(), 1002, "Lucía", "es", code=seven.join_code)
    return seven


def class_button(calls: list, name: str) -> str:
    return next(data for label, data in buttons(calls) if label == name)


async def test_roster_without_a_class_offers_a_button_per_class_that_finishes_it(
        chat: Chat) -> None:
    second_class(chat)
    asked = await chat.send(rivera(chat), "/roster")
    assert texts(asked) == ("Which class? Tap it below, or add its name. Your classes: "
                            "Science 7, Science 7B")
    assert [label for label, _ in buttons(asked)] == ["Science 7", "Science 7B"]
    assert all(len(data.encode()) <= 64 for _, data in buttons(asked))
    roster = texts(await chat.tap(rivera(chat), class_button(asked, "Science 7")))
    assert roster.strip().startswith("<b>Science 7</b>: 1 student") and "Lucía" in roster


async def test_report_finishes_with_the_tapped_class(chat: Chat) -> None:
    second_class(chat)
    asked = await chat.send(rivera(chat), "/report")
    report = texts(await chat.tap(rivera(chat), class_button(asked, "Science 7B")))
    assert report.strip().startswith("<b>Science 7B</b>: 1 student")


async def test_a_long_push_is_not_typed_again(chat: Chat) -> None:
    second_class(chat)
    asked = await chat.send(rivera(chat), "/push science.ecosystems ecosystem, habitat")
    sent = texts(await chat.tap(rivera(chat), class_button(asked, "Science 7")))
    assert "Sending 2 words to 1 student of <b>Science 7</b>" in sent


def test_the_class_goes_where_each_command_takes_it() -> None:
    assert with_class("/report", "Science 7B") == "/report Science 7B"
    assert with_class("/push science.ecosystems ecosystem, habitat at 8:00", "Science 7") == \
        "/push science.ecosystems ecosystem habitat to Science 7 at 8:00"


async def test_another_teachers_class_or_a_forged_token_runs_nothing(chat: Chat) -> None:
    second_class(chat)
    people.upsert_teacher(chat.db, MATH_TEACHER_ID, "Okafor", START)
    math = people.create_class(chat.db, MATH_TEACHER_ID, "Math 6", "MATHcode_456",
                               START + timedelta(days=180), "math.number-operations", START)
    asked = await chat.send(rivera(chat), "/roster")
    token = class_button(asked, "Science 7").split(":")[2]
    forged = await chat.tap(rivera(chat), callbacks.data(callbacks.CLASS_PICK, math.id, token))
    assert "That button is old or not meant for this chat" in texts(forged)
    assert "Math 6" not in texts(forged)
    guessed = await chat.tap(rivera(chat), callbacks.data(
        callbacks.CLASS_PICK, math.id - 1, "AAAAAAAA"))
    assert "Science" not in texts(guessed)


async def test_a_button_tapped_after_ten_minutes_or_twice_runs_nothing(chat: Chat) -> None:
    second_class(chat)
    asked = await chat.send(rivera(chat), "/roster")
    chat.clock.advance(minutes=11)
    late = await chat.tap(rivera(chat), class_button(asked, "Science 7"))
    assert "Lucía" not in texts(late) and "old or not meant" in texts(late)
    asked = await chat.send(rivera(chat), "/roster")
    first, second = await chat.double_tap(rivera(chat), class_button(asked, "Science 7"))
    assert "Lucía" in texts(first) and "Lucía" not in texts(second)
