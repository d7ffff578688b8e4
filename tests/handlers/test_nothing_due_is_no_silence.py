"""A school day on which a student had nothing to do (no word ready, no card waiting: the
reminder job keeps it, store.rest_days) is no school day of silence. Teacher playtest (Ms.
Okafor, three school weeks): the day after "🏁 Minh has finished every word you pushed", Minh
sent /check and read "✅ All done for now" on Thursday and Friday; on Monday at 16:00 his
teacher got "🔇 Minh has not answered or opened a card since Wed 30 Sep (3 school days). A
quick word with Minh?" and /report said "💤 Inactive for 3+ school days: Minh", while his
family's update counted those days as "nothing was due: no days missed"."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.store import check_items
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    class_pack_in_review,
    join_and_confirm,
    texts,
)


def okafor(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Okafor", "en")


async def at_four(chat: Chat) -> list[str]:
    """16:00 at school: the reminder job (it keeps a day with nothing to do), then the
    teachers' daily alerts, delivered; the teacher's messages."""
    chat.clock.now = chat.clock.now.replace(hour=20, minute=0)  # 16:00 in New York
    seen = len(chat.api.calls)
    for job in ("school-reminder", "teacher-alerts"):
        await chat.app.job_queue.get_jobs_by_name(job)[0].run(chat.app)
    await chat.deliver()
    return [c.text for c in chat.api.calls[seen:] if c.chat_id == TEACHER_ID and c.text]


async def finished_then_nothing_due(chat: Chat) -> list[str]:
    """Minh answers, right, every question each school day brings, until 3 school days in a
    row bring none (he opens /check on each: "All done for now"); what his teacher was sent."""
    minh = chat.user(name="Minh", lang="vi")
    await join_and_confirm(chat, minh, lang="vi", level=5)
    class_pack_in_review(chat.db, chat.clock())
    told: list[str] = []
    idle = 0
    for _ in range(20):
        chat.clock.now = chat.clock.now.replace(hour=19) + timedelta(days=1)
        while chat.clock.now.weekday() >= 5:
            chat.clock.now += timedelta(days=1)
        await chat.send(minh, "/check")
        asked = check_items.next_open_item(chat.db, 1001) is not None
        while check_items.next_open_item(chat.db, 1001) is not None:
            chat.clock.advance(seconds=20)
            await answer_current(chat, minh, right=True)
        told += await at_four(chat)
        idle = 0 if asked else idle + 1
        if idle == 3:
            return told
    raise AssertionError("something came due every few days: no three idle school days")


async def test_days_with_nothing_due_are_no_silence(chat: Chat) -> None:
    told = await finished_then_nothing_due(chat)
    report = texts(await chat.send(okafor(chat), "/report"))
    assert any("🏁 Minh has finished every word" in t for t in told)
    assert ("💤" in report, [t for t in told if "🔇" in t]) == (False, [])


async def test_a_day_with_something_due_and_not_done_is_still_silence(chat: Chat) -> None:
    """The other side: words due, reminders sent, nothing done for 3 school days: 🔇."""
    minh = chat.user(name="Minh", lang="vi")
    await join_and_confirm(chat, minh, lang="vi", level=5)
    class_pack_in_review(chat.db, chat.clock())
    chat.clock.advance(days=1)
    await chat.send(minh, "/words")  # a sign of life on Tuesday, then nothing
    told = []
    for days in (1, 1, 1):  # Wednesday (due), Thursday, Friday
        chat.clock.now = chat.clock.now.replace(hour=19) + timedelta(days=days)
        told += await at_four(chat)
    assert [t for t in told if "🔇 Minh" in t]
