"""Teacher playtest (Mr. Novak, classes "Biology 9A" and "Biology 9B"): `/push ... to 9A` and
`/report 9B` got "You have no class called 9A". A name typed as whole words of one class's
name is that class; when it is part of several, each is offered under a ✅ that runs the
command with it."""

from __future__ import annotations

from typing import Any

from bot.store import people
from tests.clock import START
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, texts


def novak(chat: Chat) -> dict[str, Any]:
    people.create_class(chat.db, TEACHER_ID, "Biology 9A", "BIOcode_9A", START, None, START)
    people.create_class(chat.db, TEACHER_ID, "Biology 9B", "BIOcode_9B", START, None, START)
    return chat.user(TEACHER_ID, "Novak", "en")


def pushed_to(chat: Chat) -> list[str]:
    return [row[0] for row in chat.db.execute(
        "SELECT c.name FROM pushes p JOIN classes c ON c.id = p.class_id")]


async def test_part_of_one_class_name_is_that_class(chat: Chat) -> None:
    teacher = novak(chat)
    report = texts(await chat.send(teacher, "/report 9B"))
    assert "no class called" not in report and "Biology 9B" in report
    roster = texts(await chat.send(teacher, "/roster 9a"))
    assert "<b>Biology 9A</b>: 0 students" in roster
    said = texts(await chat.send(
        teacher, "/push science.cells-genetics heredity, trait to 9A"))
    assert "no class called" not in said
    assert pushed_to(chat) == ["Biology 9A"]


async def test_part_of_several_class_names_offers_each_to_tap(chat: Chat) -> None:
    teacher = novak(chat)
    await join_and_confirm(chat, chat.user(1001, "Ana", "es"))
    asked = await chat.send(teacher, "/roster biology")
    assert "You have no class called biology. Did you mean Biology 9A, Biology 9B?" \
        in texts(asked)
    offered = buttons(asked)
    assert [label for label, _ in offered] == ["✅ Biology 9A", "✅ Biology 9B"]
    roster = texts(await chat.tap(teacher, offered[1][1]))
    assert "<b>Biology 9B</b>: 0 students" in roster
