"""Puente answers nobody in a group or a channel, and what a student does there costs her
nothing in her own chat with Puente."""

from __future__ import annotations

import time
from typing import Any

from tests.harness import Chat, join_and_confirm, texts

GROUP = {"id": -1001234, "type": "supergroup", "title": "7B <b>& friends</b>"}


def in_group(chat: Chat, user: dict[str, Any], text: str) -> dict[str, Any]:
    """A command a student sends in a class group Puente was added to (with privacy mode on,
    Telegram gives a bot the commands sent there)."""
    length = len(text.split()[0])
    return {"update_id": next(chat.factory._ids), "message": {
        "message_id": next(chat.factory._ids), "date": int(time.time()), "chat": GROUP,
        "from": user, "text": text,
        "entities": [{"type": "bot_command", "offset": 0, "length": length}]}}


async def test_a_student_spamming_commands_in_a_group_is_not_told_off_there_nor_paused(
        chat: Chat) -> None:
    ana = chat.user(1001, "Ana", "es")
    await join_and_confirm(chat, ana)
    for n in range(40):  # a 13-year-old's game in the class group
        assert await chat.process(in_group(chat, ana, f"/start@PuenteDemoBot {n}")) == []
    assert chat.api.sent_to(GROUP["id"]) == []
    said = texts(await chat.send(ana, "/words"))  # her own chat with Puente still answers
    assert "📘" in said and "rápido" not in said


async def test_the_bot_added_to_a_group_says_nothing_there(chat: Chat) -> None:
    teacher = chat.user(9001, "Rivera", "en")
    bot = {"id": 4242, "is_bot": True, "first_name": "Puente", "username": "PuenteDemoBot"}
    added = {"update_id": next(chat.factory._ids), "message": {
        "message_id": next(chat.factory._ids), "date": int(time.time()), "chat": GROUP,
        "from": teacher, "new_chat_members": [bot]}}
    member = {"update_id": next(chat.factory._ids), "my_chat_member": {
        "chat": GROUP, "from": teacher, "date": int(time.time()),
        "old_chat_member": {"status": "left", "user": bot},
        "new_chat_member": {"status": "member", "user": bot}}}
    assert await chat.process(member) == []
    assert await chat.process(added) == []
    assert await chat.process(in_group(chat, teacher, "/start")) == []
    assert await chat.process(in_group(chat, teacher, "/report")) == []
