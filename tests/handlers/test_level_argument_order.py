"""/level takes the class between the name and the level ("/level Wei 7B Science 6") as well
as after the level ("/level Wei 6 in 7B Science") or none ("/level Wei 6"); a name and a
class with no level gets a usage line with that student and that class."""

from __future__ import annotations

from typing import Any

import pytest

from bot.presentation import callbacks
from bot.store import people
from tests.harness import TEACHER_ID, Chat, join_and_confirm, texts

DMITRI, WEI = 1001, 1002
EVERY = ("Wei is now at WIDA level {} in each of your classes they are in: Science 7B, "
         "7B Science. A level is the student's, not one class's.")


def rivera(chat: Chat, lang: str = "en") -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", lang)


async def two_classes(chat: Chat, second: str = "7B Science") -> None:
    """Dmitri in Science 7B; Wei in Science 7B and the teacher's second class."""
    await join_and_confirm(chat, chat.user(DMITRI, "Dmitri", "ru"), "ru")
    await join_and_confirm(chat, chat.user(WEI, "Wei", "zh"), "zh", level=2)
    await chat.send(rivera(chat), f"/newclass {second}")
    code = next(c.join_code for c in people.teacher_classes(chat.db, TEACHER_ID)
                if c.name == second)
    await chat.send(chat.user(WEI, "Wei", "zh"), f"/start {code}")


def levels(chat: Chat, student_id: int) -> set[int | None]:
    return {e.wida_level for e in people.enrollments(chat.db, student_id)}


@pytest.mark.parametrize(("command", "level"), [
    ("/level Wei 7B Science 6", 6),      # name, class, level
    ("/level Wei Science 7B 5", 5),      # the other class, same student: still every class
    ("/level Wei 4 in 7B Science", 4),   # name, level, class
    ("/level Wei 4 7B Science", 4),
    ("/level Wei in 7B Science 3", 3),   # "in" before a class in the middle
    ("/level Wei 1", 1),                 # no class
])
async def test_the_class_may_come_before_or_after_the_level(chat: Chat, command: str,
                                                            level: int) -> None:
    await two_classes(chat)
    assert texts(await chat.send(rivera(chat), command)) == EVERY.format(level)
    assert levels(chat, WEI) == {level}


async def test_a_list_mixes_both_orders(chat: Chat) -> None:
    await two_classes(chat)
    reply = texts(await chat.send(rivera(chat), "/level Wei 7B Science 6, Dmitri 4"))
    assert reply.startswith(EVERY.format(6))
    assert "Dmitri is now at WIDA level 4 in Science 7B." in reply
    assert levels(chat, WEI) == {6} and levels(chat, DMITRI) == {4}


async def test_a_name_and_a_class_with_no_level_get_a_usage_line_with_both(chat: Chat) -> None:
    await two_classes(chat)
    assert texts(await chat.send(rivera(chat), "/level Wei 7B Science")) == (
        "Send the name, the class, then a WIDA level from 1 to 6: /level Wei 7B Science 3")
    assert levels(chat, WEI) == {2}  # nothing changed
    # a student not in that class is told so, not shown a usage line about it
    assert texts(await chat.send(rivera(chat), "/level Dmitri 7B Science")) == (
        "Dmitri is not in 7B Science. /roster 7B Science lists its students.")


async def test_a_class_name_ending_in_a_number_is_not_read_as_the_level(chat: Chat) -> None:
    await two_classes(chat, second="Math 6")
    assert texts(await chat.send(rivera(chat), "/level Wei Math 6")) == (
        "Send the name, the class, then a WIDA level from 1 to 6: /level Wei Math 6 3")
    assert levels(chat, WEI) == {2}
    assert texts(await chat.send(rivera(chat), "/level Wei Math 6 4")) == EVERY.format(
        4).replace("7B Science", "Math 6")
    assert texts(await chat.send(rivera(chat), "/level Wei 5 in Math 6")) == EVERY.format(
        5).replace("7B Science", "Math 6")


async def test_a_class_named_like_the_start_of_another_keeps_its_level(chat: Chat) -> None:
    """"Wei Math 6" with classes "Math" and "Math 6", Wei only in Math: level 6 in Math."""
    await two_classes(chat, second="Math")
    await chat.send(rivera(chat), "/newclass Math 6")
    assert texts(await chat.send(rivera(chat), "/level Wei Math 6")) == EVERY.format(
        6).replace("7B Science", "Math")


async def test_the_usage_line_is_in_the_teachers_language(chat: Chat) -> None:
    await two_classes(chat)
    await chat.send(rivera(chat), "/language")
    await chat.tap(rivera(chat), callbacks.data(callbacks.TEACHER_LANG, "fr"))
    assert texts(await chat.send(rivera(chat), "/level Wei 7B Science")) == (
        "Envoyez le nom, la classe puis un niveau WIDA de 1 à 6\u202f: /level Wei 7B Science 3")
