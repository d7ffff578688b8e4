"""The teacher's daily "keeps missing" alert goes through the outbox, as the "gone quiet" note
does: a check that ends late in the evening does not wake the teacher (it waits out quiet
hours), it still comes once a day at most, and a teacher who blocked the bot is marked by the
deliverer."""

from __future__ import annotations

from typing import Any

from bot.demo.offline import Failure
from bot.store import check_items, people
from tests.harness import TEACHER_ID, Chat, answer_current, check_now, join_and_confirm


def school_hour(chat: Chat) -> int:
    return chat.clock().astimezone(chat.app.bot_data.services.config.school.timezone).hour


async def miss_until_alerted(chat: Chat, student: dict[str, Any], hour: int) -> int:
    """A check a day at `hour` (school time), every answer wrong, until a check's end queues
    the alert; return the days it took. Nothing is delivered meanwhile."""
    for day in range(6):
        chat.clock.advance(hours=(hour - school_hour(chat)) % 24)
        await check_now(chat, student)
        while check_items.next_open_item(chat.db, 1001) is not None:
            await answer_current(chat, student, False)
        if chat.db.execute("SELECT count(*) FROM outbox WHERE kind = 'stuck-alert'"
                           ).fetchone()[0]:
            return day
        chat.clock.advance(days=1)
    raise AssertionError("no alert was queued")


async def test_an_alert_at_a_late_checks_end_waits_for_the_morning(chat: Chat) -> None:
    student = chat.user(lang="es")
    await join_and_confirm(chat, student, level=3)
    await miss_until_alerted(chat, student, 21)  # 21:00: quiet hours
    assert [c for c in await chat.deliver() if c.chat_id == TEACHER_ID] == []
    chat.clock.advance(hours=10)  # 07:00 the next day
    told = [c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert len(told) == 1 and "has missed these words several times in a row" in told[0]
    # the same morning, a new check and new misses: no second alert today
    await check_now(chat, student)
    while check_items.next_open_item(chat.db, 1001) is not None:
        await answer_current(chat, student, False)
    assert [c for c in await chat.deliver() if c.chat_id == TEACHER_ID] == []
    text = chat.db.execute("SELECT json_extract(payload, '$.text') FROM outbox "
                           "WHERE kind = 'stuck-alert'").fetchall()
    assert text == [("",)]  # it named the student: no text kept once delivered


async def test_a_teacher_who_blocked_the_bot_is_marked_by_the_deliverer(chat: Chat) -> None:
    student = chat.user(lang="es")
    await join_and_confirm(chat, student, level=3)
    await miss_until_alerted(chat, student, 10)
    chat.api.fail_next(TEACHER_ID, Failure(403, "Forbidden: bot was blocked by the user"))
    await chat.deliver()
    assert people.get_student(chat.db, 1001) is not None
    blocked = chat.db.execute("SELECT status FROM outbox WHERE kind = 'stuck-alert'").fetchall()
    assert blocked == [("blocked",)]
