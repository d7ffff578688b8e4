"""A teacher playtest (one class, 4 newcomers, two school weeks) read Puente's alerts as noise:
the same "📉 Most of Hodan's recent answers were wrong at level 2. Consider level 1" on 7 of 9
school days, for a student who tapped at random in seconds; nothing at all about Wid, who never
answered; and a /report of 1,758 characters repeating its rules every time."""

from __future__ import annotations

import random
from datetime import datetime
from itertools import pairwise
from typing import Any

from bot.presentation.views import plain_text
from bot.store import check_items
from tests.clock import START
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    check_now,
    join_and_confirm,
    school_days,
)

HODAN, ANA, WID, MINH = 1001, 1002, 1003, 1004
CHECKS_A_DAY = 3  # Hodan's: a check ends, she starts another


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def a_check(chat: Chat, student: dict[str, Any], rng: random.Random, right: float,
                  seconds: float) -> None:
    """/check and answer every question, each right with chance `right`, `seconds` apart."""
    await check_now(chat, student)
    for _ in range(30):
        if check_items.next_open_item(chat.db, student["id"]) is None:
            return
        chat.clock.advance(seconds=seconds)
        await answer_current(chat, student, rng.random() < right)



async def two_school_weeks(chat: Chat, days: int = 9) -> list[list[str]]:
    """Hodan taps at random in a second, 3 checks a day; Ana reads each question (25 s) and is
    mostly wrong; Minh reads and is mostly right; Wid joins and never answers. The school's
    daily alert job runs at its time. What the teacher got on each school day."""
    rng = random.Random(5)
    users = {HODAN: chat.user(HODAN, "Hodan", "so"), ANA: chat.user(ANA, "Ana", "es"),
             WID: chat.user(WID, "Wid", "so"), MINH: chat.user(MINH, "Minh", "vi")}
    for user_id, lang in ((HODAN, "so"), (ANA, "es"), (WID, "so"), (MINH, "vi")):
        await join_and_confirm(chat, users[user_id], lang=lang, level=2)
    got = []
    for day in school_days(days):
        chat.clock.now = day
        seen = len(chat.api.calls)
        for _ in range(CHECKS_A_DAY):
            await a_check(chat, users[HODAN], rng, 0.25, 1)
        await a_check(chat, users[ANA], rng, 0.25, 25)
        await a_check(chat, users[MINH], rng, 0.85, 20)
        chat.clock.now = day.replace(hour=20)  # the school's reminder_time, 16:00 in New York
        await chat.app.job_queue.get_jobs_by_name("teacher-alerts")[0].run(chat.app)
        await chat.deliver()
        got.append([c.text for c in chat.api.calls[seen:] if c.chat_id == TEACHER_ID and c.text])
    return got


def days_with(got: list[list[str]], words: str) -> list[int]:
    return [n for n, texts_ in enumerate(got) if any(words in t for t in texts_)]


async def test_a_fast_random_tapper_is_named_as_such_not_sent_down_a_level(chat: Chat) -> None:
    got = await two_school_weeks(chat)
    tapping = days_with(got, "Hodan answers very fast and about as often right as chance: "
                        "maybe tapping without reading. A quick word with Hodan?")
    assert 1 <= len(tapping) <= 2  # it was 7 of 9 school days
    assert all(b - a >= 5 for a, b in pairwise(tapping))
    assert days_with(got, "Consider level 1: /level Hodan 1") == []
    assert days_with(got, "Hodan has missed") == []  # taps say nothing about the words


async def test_the_same_level_advice_comes_once_a_school_week(chat: Chat) -> None:
    got = await two_school_weeks(chat)
    advice = days_with(got, "📉 Most of Ana's recent answers were wrong at level 2. Consider "
                            "level 1: /level Ana 1")
    assert 1 <= len(advice) <= 2  # it came on 7 of the playtest's 9 school days
    assert all(b - a >= 5 for a, b in pairwise(advice))
    assert days_with(got, "Ana has missed")  # new stuck words are news and still come


async def test_a_student_who_never_answers_is_told_once_after_three_school_days(
        chat: Chat) -> None:
    got = await two_school_weeks(chat)
    told = [t for day in got for t in day if "Wid" in t]
    assert told == ["🔇 Wid has not opened a card or answered anything since joining on Mon 14 "
                    "Sep (3 school days). A quick word with Wid? (I will not repeat this unless "
                    "Wid starts and then goes quiet again.)"]
    assert days_with(got, "🔇 Wid") == [3]  # Thursday: Tue, Wed, Thu without a sign
    assert days_with(got, "🔇 Minh") == days_with(got, "🔇 Ana") == []


async def test_a_student_silent_again_after_answering_is_a_new_silence(chat: Chat) -> None:
    await two_school_weeks(chat, days=4)  # Wid told on Thursday
    wid = chat.user(WID, "Wid", "so")
    chat.clock.now = datetime(2026, 9, 21, 15, 0, tzinfo=START.tzinfo)  # Monday: a check
    await a_check(chat, wid, random.Random(1), 1.0, 20)
    said = []
    for day in school_days(14)[6:]:  # Tue 22 to Thu 1 Oct, at the job's time
        chat.clock.now = day.replace(hour=20)
        seen = len(chat.api.calls)
        await chat.app.job_queue.get_jobs_by_name("teacher-alerts")[0].run(chat.app)
        await chat.deliver()
        said += [(day.day, c.text) for c in chat.api.calls[seen:]
                 if c.chat_id == TEACHER_ID and "🔇 Wid" in c.text]
    assert said == [(24, "🔇 Wid has not answered or opened a card since Mon 21 Sep (3 school "
                         "days). A quick word with Wid? (I will not repeat this unless Wid "
                         "comes back and then goes quiet again; /student Wid shows the "
                         "words.)")]


async def report_message(chat: Chat, command: str = "/report") -> str:
    """The /report message as the teacher reads it (no tags), without its chart and files."""
    calls = await chat.send(rivera(chat), command)
    return "\n".join(plain_text(c.text) for c in calls if c.method == "sendMessage")


async def test_report_explains_its_lines_once_then_points_to_report_help(chat: Chat) -> None:
    await two_school_weeks(chat)
    first = await report_message(chat)
    second = await report_message(chat)
    helped = await report_message(chat, "/report help")
    print(f"/report text in the playtest scenario: {len(first)} characters the first time, "
          f"{len(second)} after; /report help {len(helped)}")

    rule = "ℹ️ Mastered means: right on 3 different days with no miss in between"
    assert rule in first and rule not in second and rule in helped
    assert "ℹ️ What these lines mean: /report help" in second
    assert "🏅 Words mastered, all students together: " in second
    assert "student-words" not in first + second + helped
    assert "a bilingual colleague should look at unchecked translations" in first + helped
    assert "bilingual colleague" not in second
    assert len(second) < len(first) - 300


async def test_a_student_who_opens_checks_every_day_is_not_told_as_gone_quiet(
        chat: Chat) -> None:
    """Re-playtest: Sam sent /check every school day and answered nothing; /report said "🧩
    Opens checks but does not answer" while the 🔇 note said he had not come since Wednesday.
    Opening a check is a sign of life: no 🔇 note, and /report names him as stuck."""
    sam = chat.user(WID, "Sam", "so")
    await join_and_confirm(chat, sam, lang="so", level=2)
    told = []
    for day in school_days(5):
        chat.clock.now = day
        await check_now(chat, sam)  # opens the check, answers nothing
        chat.clock.now = day.replace(hour=20)
        seen = len(chat.api.calls)
        await chat.app.job_queue.get_jobs_by_name("teacher-alerts")[0].run(chat.app)
        await chat.deliver()
        told += [c.text for c in chat.api.calls[seen:] if c.chat_id == TEACHER_ID and c.text]
    assert not [t for t in told if "🔇" in t]
    assert "🧩" in await report_message(chat)
