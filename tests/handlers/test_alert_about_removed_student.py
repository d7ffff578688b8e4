"""The teacher's daily "keeps missing" alert and the "gone quiet" note wait in the outbox
(quiet hours). A student removed from the class, or who deleted their data, before the alert
goes out is no longer the teacher's: her name must not reach the teacher after that."""

from __future__ import annotations

from typing import Any

from bot.store import check_items
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    buttons,
    check_now,
    join_and_confirm,
    school_days,
)

ANA, WID = 1001, 1003


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def alert_waiting_overnight(chat: Chat, student: dict[str, Any]) -> None:
    """Checks at 21:00 (quiet hours), every answer wrong, until the alert is queued."""
    await chat.deliver()  # the join note: not what this is about
    for _ in range(6):
        chat.clock.advance(hours=(21 - chat.clock().astimezone(
            chat.app.bot_data.services.config.school.timezone).hour) % 24)
        await check_now(chat, student)
        while check_items.next_open_item(chat.db, student["id"]) is not None:
            await answer_current(chat, student, False)
        if pending(chat, "stuck-alert"):
            return
        chat.clock.advance(days=1)
    raise AssertionError("no alert was queued")


def pending(chat: Chat, kind: str) -> int:
    return int(chat.db.execute("SELECT count(*) FROM outbox WHERE kind = ? AND status = "
                               "'pending'", [kind]).fetchone()[0])


async def remove(chat: Chat, name: str) -> None:
    asked = await chat.send(rivera(chat), f"/remove {name}")
    await chat.tap(rivera(chat), next(d for _, d in buttons(asked)
                                      if d.startswith("rm:") and d != "rm:no"))


async def morning_for_the_teacher(chat: Chat) -> list[str]:
    """What the outbox brings the teacher at 07:30 the next morning (school time)."""
    local = chat.clock().astimezone(chat.app.bot_data.services.config.school.timezone)
    chat.clock.advance(hours=(7 - local.hour) % 24 or 24, minutes=30 - local.minute)
    return [c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID]


async def test_a_waiting_alert_about_a_removed_student_is_not_sent(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(ANA, "Ana", "es"), level=3)
    await alert_waiting_overnight(chat, chat.user(ANA, "Ana", "es"))
    await remove(chat, "Ana")
    assert await morning_for_the_teacher(chat) == []
    assert pending(chat, "stuck-alert") == 0


async def test_a_waiting_alert_goes_when_the_student_is_still_the_teachers(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(ANA, "Ana", "es"), level=3)
    await alert_waiting_overnight(chat, chat.user(ANA, "Ana", "es"))
    told = await morning_for_the_teacher(chat)
    assert len(told) == 1 and "Ana has missed these words several times in a row" in told[0]


async def test_a_waiting_alert_about_a_student_who_deleted_their_data_is_not_sent(
        chat: Chat) -> None:
    ana = chat.user(ANA, "Ana", "es")
    await join_and_confirm(chat, ana, level=3)
    await alert_waiting_overnight(chat, ana)
    await chat.send(ana, "/deleteme")
    await chat.tap(ana, "dl:yes")
    told = await morning_for_the_teacher(chat)  # only the goodbye note, which says so
    assert told == ["ℹ️ <b>Ana</b> left <b>Science 7B</b> and deleted their Puente data."]


async def quiet_note_waiting(chat: Chat) -> None:
    """Wid joins and never answers; the school's alert job books the "gone quiet" note on
    the third school day (not delivered yet)."""
    await join_and_confirm(chat, chat.user(WID, "Wid", "so"), lang="so", level=2)
    await chat.deliver()
    for day in school_days(4):
        chat.clock.now = day.replace(hour=20)
        await chat.app.job_queue.get_jobs_by_name("teacher-alerts")[0].run(chat.app)
        if pending(chat, "alert-advice"):
            return
    raise AssertionError("no quiet note was queued")


async def test_a_waiting_quiet_note_about_a_removed_student_is_not_sent(chat: Chat) -> None:
    await quiet_note_waiting(chat)
    await remove(chat, "Wid")
    assert not any("Wid" in text for text in await morning_for_the_teacher(chat))
    assert pending(chat, "alert-advice") == 0


async def test_a_waiting_quiet_note_goes_when_the_student_stays(chat: Chat) -> None:
    await quiet_note_waiting(chat)
    assert any(text.startswith("🔇 Wid") for text in await morning_for_the_teacher(chat))
