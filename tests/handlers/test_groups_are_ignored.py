"""Puente answers nobody in a group or a channel, and what a student does there costs her
nothing in her own chat with Puente."""

from __future__ import annotations

import time
from typing import Any

from bot.demo.offline import Failure
from tests.harness import TEACHER_ID, Chat, accepted, join_and_confirm, texts

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


BOT = {"id": 4242, "is_bot": True, "first_name": "Puente", "username": "PuenteDemoBot"}
RIGHTS = ("can_be_edited", "is_anonymous", "can_manage_chat", "can_delete_messages",
          "can_manage_video_chats", "can_restrict_members", "can_promote_members",
          "can_change_info", "can_invite_users", "can_post_stories", "can_edit_stories",
          "can_delete_stories")


def member(status: str) -> dict[str, Any]:
    """The bot's place in a chat as Telegram sends it (an administrator's with its rights)."""
    rights = dict.fromkeys(RIGHTS, False) if status == "administrator" \
        else {"until_date": 0} if status == "kicked" else {}
    return {"status": status, "user": BOT, **rights}


def bot_status(chat: Chat, user: dict[str, Any], old: str, new: str,
               where: dict[str, Any] = GROUP) -> dict[str, Any]:
    """Telegram's word to the bot that `user` changed its place in a group (my_chat_member)."""
    return {"update_id": next(chat.factory._ids), "my_chat_member": {
        "chat": where, "from": user, "date": int(time.time()),
        "old_chat_member": member(old), "new_chat_member": member(new)}}


async def test_a_teacher_who_adds_the_bot_to_a_group_is_told_once_where_it_works(
        chat: Chat) -> None:
    teacher = chat.user(9001, "Rivera", "es-MX")
    added = {"update_id": next(chat.factory._ids), "message": {
        "message_id": next(chat.factory._ids), "date": int(time.time()), "chat": GROUP,
        "from": teacher, "new_chat_members": [BOT]}}
    told = accepted(await chat.process(bot_status(chat, teacher, "left", "member")))
    assert [c.chat_id for c in told] == [GROUP["id"]]
    said = texts(told)
    assert "privad" in said and "private" in said  # her language, and English for the class
    assert "/newclass" in said and "https://t.me/PuenteDemoBot" in said
    # the service message, being made an administrator and every command there: nothing more
    assert await chat.process(added) == []
    assert await chat.process(bot_status(chat, teacher, "member", "administrator")) == []
    assert await chat.process(in_group(chat, teacher, "/start")) == []
    assert await chat.process(in_group(chat, teacher, "/report")) == []
    assert len(chat.api.sent_to(GROUP["id"])) == 1


async def test_added_to_a_group_as_administrator_it_speaks_in_english_to_an_unknown_phone(
        chat: Chat) -> None:
    someone = chat.user(9002, "Kim", None)
    said = texts(accepted(await chat.process(
        bot_status(chat, someone, "kicked", "administrator"))))
    assert said.startswith("👋 Puente works in private chats") and "privad" not in said


async def test_added_to_a_channel_or_removed_from_a_group_it_says_nothing(chat: Chat) -> None:
    teacher = chat.user(9001, "Rivera", "en")
    channel = {"id": -1009999, "type": "channel", "title": "7B news"}
    assert await chat.process(bot_status(chat, teacher, "left", "administrator", channel)) == []
    assert await chat.process(bot_status(chat, teacher, "member", "left")) == []


async def test_a_group_that_added_the_bot_gets_no_answer_to_its_messages(chat: Chat) -> None:
    teacher = chat.user(9001, "Rivera", "en")
    await chat.process(bot_status(chat, teacher, "left", "member"))
    hello = {"update_id": next(chat.factory._ids), "message": {
        "message_id": next(chat.factory._ids), "date": int(time.time()), "chat": GROUP,
        "from": chat.user(1001, "Ana", "es"), "text": "hola @PuenteDemoBot, what is cat?"}}
    assert await chat.process(hello) == []
    assert await chat.process(in_group(chat, teacher, "/newclass 7B")) == []


async def test_adding_the_bot_to_a_group_keeps_nothing_about_the_group(chat: Chat) -> None:
    teacher = chat.user(9001, "Rivera", "en")
    before = {t: chat.db[t].count for t in chat.db.table_names()}
    await chat.process(bot_status(chat, teacher, "left", "member"))
    assert {t: chat.db[t].count for t in chat.db.table_names()} == before


async def test_a_student_who_adds_the_bot_to_a_group_it_cannot_post_in_still_gets_pushes(
        chat: Chat) -> None:
    ana = chat.user(1001, "Ana", "es")
    await join_and_confirm(chat, ana)
    chat.api.fail_next(GROUP["id"], Failure(403, "Forbidden: bot was kicked from the supergroup"
                                                 " chat"))
    assert await chat.process(bot_status(chat, ana, "left", "member")) == []
    said = texts(await chat.send(chat.user(TEACHER_ID, "Rivera", "en"),
                                 "/push science.ecosystems habitat"))
    assert "blocked Puente" not in said
