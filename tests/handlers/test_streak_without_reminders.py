"""The streak keeps a school day with nothing to do (no word ready, no card waiting), and it
did so only when the reminder job noted the day: a student who turned reminders off (/remind
off) lost the skip, and his streak fell back after a Friday with nothing to do. The school's
daily job now notes the rest days of every enrolled student, reminded or not."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from bot.domain.scaffold import ItemType
from bot.store import study
from tests.harness import Chat, class_pack_in_review, join_and_confirm, texts

MINJUN = 1001


def studied(chat: Chat, back: int) -> None:
    """Every word answered right now, not ready again until `back` days later."""
    now = chat.clock()
    for word_id, state in study.student_mastery(chat.db, MINJUN).items():
        study.record_attempt(chat.db, MINJUN, word_id, ItemType.CHOICE, "es", True, now)
        study.save_mastery(chat.db, MINJUN, word_id, replace(
            state, answered=True, last_answered=now, first_correct_at=now - timedelta(days=9),
            success_days=frozenset({"2026-09-01", "2026-09-02"}),
            due_at=now + timedelta(days=back)), now, answered=True)


def on(day: int, hour: int) -> datetime:
    """`day` days after Monday 14 Sep 2026, at `hour` in New York (summer time: UTC-4)."""
    return datetime(2026, 9, 14 + day, hour + 4, tzinfo=UTC)


async def school_job(chat: Chat) -> None:
    await chat.app.job_queue.get_jobs_by_name("school-reminder")[0].run(chat.app)


async def streak_on_monday(chat: Chat, remind: str | None) -> str:
    """Minjun studies Monday to Thursday, has nothing to do on Friday, studies on Monday: his
    /progress on Monday evening."""
    minjun = chat.user(MINJUN, "Minjun", "es")
    await join_and_confirm(chat, minjun, level=5)
    if remind:
        await chat.send(minjun, f"/remind {remind}")
    class_pack_in_review(chat.db, chat.clock())  # every word met: nothing to open
    for day in range(3):  # Monday to Wednesday
        chat.clock.now = on(day, 11)
        studied(chat, back=1)
    chat.clock.now = on(3, 11)
    studied(chat, back=4)  # Thursday: all done, back on Monday
    chat.clock.now = on(4, 16)  # Friday, nothing to do
    await school_job(chat)
    chat.clock.now = on(7, 9)  # Monday morning, words ready again: he studies
    studied(chat, back=1)
    chat.clock.now = on(7, 17)
    return texts(await chat.send(minjun, "/progress"))


async def test_reminders_off_still_keep_the_streak_over_a_day_with_nothing_to_do(
        chat: Chat) -> None:
    assert "Days in a row: 5" in await streak_on_monday(chat, "off")  # not 1


async def test_reminders_on_keep_it_as_before(chat: Chat) -> None:
    assert "Days in a row: 5" in await streak_on_monday(chat, None)
