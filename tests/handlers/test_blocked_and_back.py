"""A student who blocked Puente and opened the chat again gets the class's pushes and reminders
again; one who blocks it is known at once (Telegram says so with a my_chat_member update)."""

from __future__ import annotations

import time
from typing import Any

from bot.store import people
from tests.harness import TEACHER_ID, Chat, join_and_confirm, texts

LEFT_OUT = "🚫 Not sent to"


def member_update(chat: Chat, user: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    """Telegram's my_chat_member update in a private chat: she blocked the bot ("kicked") or
    opened the chat again ("member")."""
    bot = {"id": 4242, "is_bot": True, "first_name": "Puente", "username": "puente_bot"}
    return {"update_id": next(chat.factory._ids), "my_chat_member": {
        "chat": {"id": user["id"], "type": "private", "first_name": user["first_name"]},
        "from": user, "date": int(time.time()),
        "old_chat_member": {"status": old, "user": bot, **({"until_date": 0}
                                                              if old == "kicked" else {})},
        "new_chat_member": {"status": new, "user": bot, **({"until_date": 0}
                                                              if new == "kicked" else {})}}}


async def blocked_by_a_push(chat: Chat) -> tuple[dict[str, Any], dict[str, Any]]:
    """Ana and Bao in Science 7B; Bao blocked Puente, so a push marked him blocked."""
    ana, bao = chat.user(1001, "Ana", "es"), chat.user(1002, "Bao", "vi")
    await join_and_confirm(chat, ana, "es")
    await join_and_confirm(chat, bao, "vi")
    chat.api.block(1002, times=1)  # the push's preview is refused: he blocked the bot then
    await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/push science.ecosystems habitat")
    await chat.deliver()
    assert people.get_student(chat.db, 1002).blocked
    return ana, bao


def previews_to(chat: Chat, calls: list, user_id: int) -> int:
    return sum(1 for c in calls if c.chat_id == user_id and "📘" in c.text)


async def test_a_student_who_opens_the_chat_again_gets_the_next_push(chat: Chat) -> None:
    _, bao = await blocked_by_a_push(chat)
    await chat.process(member_update(chat, bao, "kicked", "member"))  # he unblocked Puente
    said = texts(await chat.send(chat.user(TEACHER_ID, "Rivera", "en"),
                                 "/push science.ecosystems predator"))
    assert LEFT_OUT not in said
    assert "Sending 1 word to 2 students" in said
    assert previews_to(chat, await chat.deliver(), 1002) == 1
    assert "🚫" not in texts(await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/roster"))


async def test_a_student_who_writes_again_is_no_longer_counted_as_blocked(chat: Chat) -> None:
    """Her unblocking reached no running Puente (it was down, or before this release): what
    she sends says she opened the chat again."""
    _, bao = await blocked_by_a_push(chat)
    await chat.send(bao, "/words")
    said = texts(await chat.send(chat.user(TEACHER_ID, "Rivera", "en"),
                                 "/push science.ecosystems predator"))
    assert LEFT_OUT not in said
    assert previews_to(chat, await chat.deliver(), 1002) == 1


async def test_a_student_who_blocks_puente_is_named_in_the_next_push_at_once(
        chat: Chat) -> None:
    ana = chat.user(1001, "Ana", "es")
    await join_and_confirm(chat, ana, "es")
    assert await chat.process(member_update(chat, ana, "member", "kicked")) == []
    assert people.get_student(chat.db, 1001).blocked
    said = texts(await chat.send(chat.user(TEACHER_ID, "Rivera", "en"),
                                 "/push science.ecosystems habitat"))
    assert f"{LEFT_OUT} Ana: blocked Puente" in said


async def test_blocking_or_unblocking_by_someone_in_no_class_stores_nothing(
        chat: Chat) -> None:
    stranger = chat.user(5005, "Sam", "en")
    before = chat.db.execute("SELECT count(*) FROM students").fetchone()[0]
    assert await chat.process(member_update(chat, stranger, "member", "kicked")) == []
    assert await chat.process(member_update(chat, stranger, "kicked", "member")) == []
    assert chat.db.execute("SELECT count(*) FROM students").fetchone()[0] == before
