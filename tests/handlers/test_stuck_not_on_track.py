"""A teacher playtest: /report listed Widlene under "✅ On track" and, in the same report,
"🧩 Opens checks but does not answer (since Wed 23 Sep)" for six school days; another day
under ✅, "🆘 Needs help" and "⏱️" at once. A student stuck on how to answer (🧩) or tapping
without reading (⏱️) is not on track. A student who answered before and now only opens
checks is told to the teacher once, in the daily alert (a check opened every day is a visit:
the 🔇 "gone quiet" note never comes for her)."""

from __future__ import annotations

import random
from typing import Any

from bot.store import check_items
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    check_now,
    join_and_confirm,
    paced_check,
    page_through,
    school_days,
    texts,
)

WIDLENE = 1001
STUCK = "🧩 Widlene has opened checks since"


async def answered_check(chat: Chat, student: dict[str, Any], right: bool) -> None:
    """/check and answer every question, 12 s each."""
    await check_now(chat, student)
    for _ in range(30):
        if check_items.next_open_item(chat.db, WIDLENE) is None:
            return
        chat.clock.advance(seconds=12)
        await answer_current(chat, student, right)


async def alert_job(chat: Chat) -> list[str]:
    """The school's daily teacher-alert job, this evening; what the teacher got."""
    chat.clock.now = chat.clock.now.replace(hour=20)
    before = len(chat.api.calls)
    await chat.app.job_queue.get_jobs_by_name("teacher-alerts")[0].run(chat.app)
    await chat.deliver()
    return [c.text for c in chat.api.calls[before:] if c.chat_id == TEACHER_ID and c.text]


async def report(chat: Chat) -> str:
    teacher = chat.user(TEACHER_ID, "Rivera", "en")
    return texts(await chat.send(teacher, "/report"))


def on_track_line(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("✅ On track"))


async def test_a_student_who_only_opens_checks_is_not_on_track_and_is_told_once(
        chat: Chat) -> None:
    widlene = chat.user(WIDLENE, "Widlene", "ht")
    await join_and_confirm(chat, widlene, lang="ht", level=3)
    alerts: list[list[str]] = []
    for n, day in enumerate(school_days(10)):
        chat.clock.now = day
        if n < 4:
            await answered_check(chat, widlene, True)
        else:  # from Fri 18 Sep she opens a check every day and answers nothing
            await check_now(chat, widlene)
        alerts.append(await alert_job(chat))
    text = await report(chat)
    assert "🧩" in text and "Widlene" not in on_track_line(text)
    # the chart's caption says her row's colours are old answers
    assert "🧩 Widlene #1 (Fri 18 Sep): opens checks but answers none since that day" in text
    told = [n for n, day in enumerate(alerts) for t in day if t.startswith(STUCK)]
    assert told == [7]  # her third school day after Fri 18 (Wed 23), once
    said = next(t for day in alerts for t in day if t.startswith(STUCK))
    assert "since Fri 18 Sep but answered none of them (3 school days)" in said
    assert "/student Widlene" in said


async def test_a_reader_turned_random_tapper_is_not_on_track(chat: Chat) -> None:
    """A week of reading (words moving on), then a week of random taps in two seconds: her
    words in review kept her under ✅ beside the ⏱️ line."""
    rng = random.Random(0)
    widlene = chat.user(WIDLENE, "Widlene", "ht")
    await join_and_confirm(chat, widlene, lang="ht", level=1)
    for n, day in enumerate(school_days(10)):
        chat.clock.now = day
        if n < 5:
            await answered_check(chat, widlene, True)
        else:
            await paced_check(chat, widlene, rng, 2, knows=False)
    text = await report(chat)
    assert "⏱️" in text and "Widlene" in text
    assert "Widlene" not in on_track_line(text)


async def test_a_reader_who_opened_checks_and_went_quiet_is_never_told_no_check_yet(
        chat: Chat) -> None:
    """Re-playtest: Widlene read her cards, opened checks on three days without answering,
    then went quiet; /report then said "📖 Reads the cards, no check yet" (false: she opened
    checks) and "💤 Inactive (Tue 15 Sep)", the day of her cards, not her last check."""
    widlene = chat.user(WIDLENE, "Widlene", "ht")
    await join_and_confirm(chat, widlene, lang="ht", level=3)
    await page_through(chat, widlene, await chat.send(widlene, "/words"))
    for _ in range(3):  # Tue, Wed, Thu: /check opened, nothing answered
        chat.clock.advance(days=1)
        await check_now(chat, widlene)
    chat.clock.advance(days=7)
    text = await report(chat)
    assert "📖" not in text, text
    inactive = next(line for line in text.splitlines() if line.startswith("💤"))
    assert "Widlene" in inactive and "Thu 17 Sep" in inactive, inactive
