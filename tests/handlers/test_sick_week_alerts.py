"""A teacher playtest: Abdi (Somali, WIDA 1) missed his words for a week, then was home sick
for a week (his mother sent "🤒 Abdi is sick today" each morning). His teacher got an alert
about him nearly every day of the two weeks, "⚠️ Abdi is still missing these words, a week or
more after I first told you" among them while he was at home. "Still missing" now needs a
miss since the alert that named the word, never comes on a day he is excused (or a day off),
and the first alert after the excused days says he was away."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from bot.presentation import callbacks
from bot.store import check_items
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    check_now,
    join_and_confirm,
    school_days,
    texts,
)

ABDI = 1001
MOM = 2001
STILL = "is still missing these words"


async def link_mother(chat: Chat) -> dict[str, Any]:
    """Abdi's mother links, in English (the teacher's /family link)."""
    teacher = chat.user(TEACHER_ID, "Rivera", "en")
    made = texts(await chat.send(teacher, "/family Abdi"))
    mom = chat.user(MOM, "Hawa", "en")
    await chat.send(mom, f"/start {made.split('?start=')[1].split()[0]}")
    await chat.tap(mom, callbacks.data(callbacks.FAMILY_LANG, "en"))
    await chat.deliver()
    return mom


async def sick_today(chat: Chat, mom: dict[str, Any]) -> None:
    """The mother sends the ready-made "Abdi is sick today"; its relay to the teacher is
    delivered (and not counted as an alert)."""
    await chat.tap(mom, callbacks.data(callbacks.FAMILY_NOTE))
    await chat.tap(mom, callbacks.data(callbacks.FAMILY_NOTE_SEND, ABDI, "sick"))
    await chat.deliver()


async def missed_check(chat: Chat, abdi: dict[str, Any]) -> None:
    """/check, every answer wrong, read for 12 s each (he reads: no guessing signal)."""
    await check_now(chat, abdi)
    for _ in range(30):
        if check_items.next_open_item(chat.db, ABDI) is None:
            return
        chat.clock.advance(seconds=12)
        await answer_current(chat, abdi, False)


async def alert_job(chat: Chat, day: datetime) -> list[str]:
    """The school's daily teacher-alert job on `day` evening; the alerts the teacher got."""
    chat.clock.now = day.replace(hour=20)
    before = len(chat.api.calls)
    await chat.app.job_queue.get_jobs_by_name("teacher-alerts")[0].run(chat.app)
    await chat.deliver()
    return [c.text for c in chat.api.calls[before:] if c.chat_id == TEACHER_ID and c.text]


async def two_weeks(chat: Chat, back: int = 2) -> dict[date, list[str]]:
    """Week 1: a check a day, every answer missed; week 2: home sick, excused each day; then
    `back` school days of checks again. The teacher's alerts, by day."""
    abdi = chat.user(ABDI, "Abdi", "so")
    await join_and_confirm(chat, abdi, lang="so", level=1)
    mom = await link_mother(chat)
    days = school_days(10 + back)
    got: dict[date, list[str]] = {}
    for n, day in enumerate(days):
        chat.clock.now = day
        if 5 <= n < 10:
            await sick_today(chat, mom)
        else:
            await missed_check(chat, abdi)
        got[day.date()] = await alert_job(chat, day)
    return got


async def test_no_alert_on_his_excused_days_and_the_first_after_says_he_was_away(
        chat: Chat) -> None:
    got = await two_weeks(chat, back=3)
    sent = {d: t for d, t in got.items() if t}
    # before: the first alert on Wed 16, "still missing" on Wed 23 at home sick, and again
    # on Wed 30
    assert list(sent) == [date(2026, 9, 16), date(2026, 9, 30)]
    assert "Abdi has missed these words several times in a row" in sent[date(2026, 9, 16)][0]
    # "still missing" on his fifth school day after the alert (Thu, Fri, Mon, Tue, Wed),
    # with the misses of Thu 17 and Fri 18 as evidence; and the days he was away
    assert STILL in sent[date(2026, 9, 30)][0]
    assert "📅 (Abdi was away from school Mon 21 Sep – Fri 25 Sep, as the family said.)" \
        in sent[date(2026, 9, 30)][0]
    assert sum(len(t) for t in got.values()) == 2  # before: 3 (Wed 16, Wed 23, Wed 30)


async def test_a_check_on_a_day_the_family_excused_alerts_nobody_that_day(chat: Chat) -> None:
    """Abdi practises at home on his sick day: his newly stuck words wait for the next school
    day's alert (the teacher can do nothing about them today)."""
    abdi = chat.user(ABDI, "Abdi", "so")
    await join_and_confirm(chat, abdi, lang="so", level=1)
    mom = await link_mother(chat)
    days = school_days(4)
    got: list[list[str]] = []
    for n, day in enumerate(days):
        chat.clock.now = day
        if n == 2:
            await sick_today(chat, mom)
        before = len(chat.api.calls)
        await missed_check(chat, abdi)
        await chat.deliver()  # an alert at the check's end
        at_check = [c.text for c in chat.api.calls[before:] if c.chat_id == TEACHER_ID]
        got.append(at_check + await alert_job(chat, day))
    first = next(n for n, t in enumerate(got) if t)
    assert first == 3  # Thu, not Wed (excused): stuck by then, named the next school day
    assert "📅 (Abdi was away from school Wed 16 Sep, as the family said.)" in got[3][0]
