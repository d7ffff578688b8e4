"""Maricel's father works nights and reads Puente at 5-6 a.m. (Civics 10 playtest): the
teacher's 21:00 answer waited for quiet hours to end at 07:00, while he was on Puente at
05:00, and would have woken him at 07:00. A family member who writes in quiet hours is awake:
what waits in their chat goes at once."""

from __future__ import annotations

from typing import Any

from bot.presentation import callbacks
from tests.harness import TEACHER_ID, Chat, answer_as_written, join_and_confirm, texts

FATHER = 2001


def teacher(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Okafor", "en")


async def father_asked(chat: Chat) -> tuple[dict[str, Any], int]:
    """Link Maricel's father (Tagalog), have him ask the teacher; him and the relayed message's
    id the teacher replies to."""
    await join_and_confirm(chat, chat.user(1001, "Maricel", "en"), lang="tl")
    link = texts(await chat.send(teacher(chat), "/family Maricel")).split("?start=")[1].split()[0]
    father = chat.user(FATHER, "Tatay", "en")
    await chat.send(father, f"/start {link}")
    await chat.tap(father, callbacks.data(callbacks.FAMILY_LANG, "tl"))
    await chat.send(father, "/ask Sir, may assignment po ba si Maricel na hindi pa napapasa?")
    await chat.deliver()
    asked = chat.db.execute("SELECT relay_message_id FROM thread_messages WHERE direction = "
                            "'ask' ORDER BY id DESC LIMIT 1").fetchone()[0]
    return father, asked


async def answered_at_nine_pm(chat: Chat) -> dict[str, Any]:
    father, asked = await father_asked(chat)
    chat.clock.advance(hours=10)  # 21:00 in New York: quiet hours
    await answer_as_written(chat, teacher(chat), "Yes, the civics worksheet. Due Friday.", asked)
    assert await chat.deliver() == []  # he may be asleep: it waits
    return father


async def test_a_father_writing_at_five_am_gets_the_answer_waiting_for_him(chat: Chat) -> None:
    father = await answered_at_nine_pm(chat)
    chat.clock.advance(hours=8)  # 05:00, home from his night shift
    await chat.send(father, "/now")
    delivered = await chat.deliver()
    assert [c.chat_id for c in delivered] == [FATHER]
    assert "Yes, the civics worksheet. Due Friday." in delivered[0].text


async def test_nobody_who_stays_silent_is_woken_before_quiet_hours_end(chat: Chat) -> None:
    await answered_at_nine_pm(chat)
    chat.clock.advance(hours=8)  # 05:00: he has not written
    assert await chat.deliver() == []
    chat.clock.advance(hours=2)  # 07:00
    assert [c.chat_id for c in await chat.deliver()] == [FATHER]
