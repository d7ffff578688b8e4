"""What a teacher is told about a student matches what is true now (data-coach playtest): the
⏱️ guessing signal is read over the recent window and dated, and while it holds no level
change is advised; a student who opens checks and answers nothing is not "inactive"."""

from __future__ import annotations

import csv
import io
import random

from bot.presentation.report_csv import csv_bytes
from bot.services import class_reports
from bot.store import check_items, reminder_log
from tests.harness import (
    TEACHER_ID,
    Chat,
    check_now,
    join_and_confirm,
    paced_check,
    school_days,
    texts,
)

WIDLENE, MINH = 1001, 1002
TAPPING = "answers very fast and about as often right as chance"
CONSIDER = "Consider level"


def rivera(chat: Chat) -> dict:
    return chat.user(TEACHER_ID, "Rivera", lang="en")

async def day_of_checks(chat: Chat, day, rng: random.Random, widlene_seconds: float
                        ) -> list[str]:
    """One school day: Widlene taps at random `widlene_seconds` apart, Minh reads and is
    right; then the school's daily alert job. What the teacher got."""
    chat.clock.now = day
    seen = len(chat.api.calls)
    await paced_check(chat, chat.user(WIDLENE, "Widlene", "ht"), rng, widlene_seconds, False)
    await paced_check(chat, chat.user(MINH, "Minh", "vi"), rng, 15, knows=True)
    chat.clock.now = day.replace(hour=20)
    await chat.app.job_queue.get_jobs_by_name("teacher-alerts")[0].run(chat.app)
    await chat.deliver()
    return [c.text for c in chat.api.calls[seen:] if c.chat_id == TEACHER_ID and c.text]


async def join_both(chat: Chat, level: int = 2) -> None:
    await join_and_confirm(chat, chat.user(WIDLENE, "Widlene", "ht"), lang="ht", level=level)
    await join_and_confirm(chat, chat.user(MINH, "Minh", "vi"), lang="vi", level=2)


async def test_no_level_is_advised_while_the_guessing_signal_holds(chat: Chat) -> None:
    """Thu "⏱️ maybe tapping", Wed "📉 Consider level 1", Fri "⏱️" again: opposite advice.
    Once her answers looked like guessing, slower wrong answers in the days after bring her
    stuck words, never "consider level 1", while the signal holds."""
    rng = random.Random(3)
    await join_both(chat)
    days = school_days(9)
    got = [await day_of_checks(chat, day, rng, 2) for day in days[:4]]
    told = [t for texts_ in got for t in texts_ if TAPPING in t]
    # dated (it may be read later), as the day fast taps were last seen, not "last seen": a
    # teacher read that as the day the child last opened the app (playtest)
    assert told and all("Fast taps last on " in t and "Last seen" not in t for t in told)
    later = [await day_of_checks(chat, day, rng, 12) for day in days[4:]]  # slow, still wrong
    assert not any(CONSIDER in t for texts_ in later for t in texts_), later


async def test_the_guessing_flag_is_dated_and_goes_once_the_behaviour_is_past(
        chat: Chat) -> None:
    rng = random.Random(0)
    await join_both(chat, level=1)
    days = school_days(16)
    for day in days[:4]:
        await day_of_checks(chat, day, rng, 2)
    chat.clock.now = days[4].replace(hour=20)
    report = texts(await chat.send(rivera(chat), "/report"))
    assert "⏱️ Answering very fast" in report
    assert "Widlene (fast taps last on Thu 17 Sep)" in report and "last seen" not in report
    student = texts(await chat.send(rivera(chat), "/student Widlene"))
    assert "Maybe tapping without reading" in student
    assert "Fast taps last on Thu 17 Sep." in student

    chat.clock.now = days[15].replace(hour=20)  # she stopped: 12 school days without a tap
    report = texts(await chat.send(rivera(chat), "/report"))
    assert "💤 Inactive" in report and "Widlene" in report
    assert "⏱️" not in report and "clock marks" not in report
    student = texts(await chat.send(rivera(chat), "/student Widlene"))
    assert "⏱️" not in student
    _, matrix = class_reports.class_report(chat.db, TEACHER_ID, None, now=chat.clock())
    rows = list(csv.DictReader(io.StringIO(csv_bytes(matrix).decode("utf-8-sig"))))
    assert {r["answers_near_chance"] for r in rows if r["student"] == "Widlene"} == {"0"}


async def test_a_student_who_opens_checks_and_never_answers_is_not_inactive(chat: Chat) -> None:
    """Mateo sends /check every school day and answers nothing (a Listen button, a typed
    question with only 🤷): /report read "💤 Inactive for 3+ school days" and his reminders
    slowed down as if he ignored them. He comes, and cannot answer: the teacher is told so."""
    mateo = chat.user(WIDLENE, "Mateo", "es")
    await join_and_confirm(chat, mateo, lang="es", level=1)
    job = chat.app.job_queue.get_jobs_by_name("school-reminder")[0]
    reminded = 0
    for day in school_days(5):
        chat.clock.now = day
        await check_now(chat, mateo)
        assert check_items.next_open_item(chat.db, WIDLENE) is not None  # asked, unanswered
        chat.clock.now = day.replace(hour=20)  # the school's 16:00 reminder
        before = len(chat.api.calls)
        await job.run(chat.app)
        reminded += any(c.chat_id == WIDLENE for c in chat.api.calls[before:])
    report = texts(await chat.send(rivera(chat), "/report"))
    assert "🧩 Opens checks but does not answer" in report
    assert "Mateo (since Mon 14 Sep)" in report
    assert "💤" not in report and "📖 Reads the cards" not in report and "🔕" not in report
    assert len(reminder_log.unanswered(chat.db, WIDLENE, chat.clock())) <= 1
    assert reminded in (0, 5)  # the reminder never backs off: every day, or never needed
