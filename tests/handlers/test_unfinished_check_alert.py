"""The teacher's "keeps missing" alert comes from the answers, not from a check's end: a newcomer
who misses every word and walks away from each check before its last question is the student
the alert is for (teacher playtest H1: 0 right of 10 in 12 days, and no alert). The school's
daily job sends it, once; a student who stops answering is not reported "still missing" week
after week."""

from __future__ import annotations

from bot.store import check_items
from tests.harness import TEACHER_ID, Chat, answer_current, check_now, join_and_confirm

HODAN = 1001


async def run_alert_job(chat: Chat) -> list[str]:
    """Run the school's daily teacher-alert job now; the alerts the teacher got."""
    before = len(chat.api.calls)
    await chat.app.job_queue.get_jobs_by_name("teacher-alerts")[0].run(chat.app)
    await chat.deliver()  # the alerts go through the outbox
    return [c.text for c in chat.api.calls[before:]
            if c.chat_id == TEACHER_ID and not c.text.startswith("🔇")]  # not "gone quiet"


async def half_a_check(chat: Chat, student: dict, answers: int = 2) -> list[str]:
    """/check, miss `answers` questions, then walk away; the alerts the teacher got then."""
    await check_now(chat, student)
    said: list[str] = []
    for _ in range(answers):
        if check_items.next_open_item(chat.db, HODAN) is None:
            break
        said += [c.text for c in await answer_current(chat, student, False)
                 + await chat.deliver()
                 if c.chat_id == TEACHER_ID]
    assert check_items.next_open_item(chat.db, HODAN) is not None  # the check is left unfinished
    return said


async def test_a_newcomer_who_never_finishes_a_check_still_gets_her_teacher_alerted(
        chat: Chat) -> None:
    hodan = chat.user(HODAN, "Hodan", lang="so")
    await join_and_confirm(chat, hodan, lang="so", level=1)
    at_checks: list[str] = []
    by_job: list[list[str]] = []
    for _ in range(4):  # Mon-Thu: a check a day, every answer wrong, never finished
        at_checks += await half_a_check(chat, hodan)
        by_job.append(await run_alert_job(chat))
        chat.clock.advance(days=1)

    sent = [text for day in by_job for text in day]
    assert not at_checks  # no check ended, so nothing came at one
    assert len(sent) >= 1 and "Hodan has missed these words several times in a row" in sent[0]
    assert all(len(day) <= 1 for day in by_job)  # at most one alert a day
    assert await run_alert_job(chat) == []  # a word already named is not named again


async def test_a_student_who_stops_answering_is_not_reported_still_missing_every_week(
        chat: Chat) -> None:
    hodan = chat.user(HODAN, "Hodan", lang="so")
    await join_and_confirm(chat, hodan, lang="so", level=1)
    named: list[str] = []
    while not named:  # until the alert comes; then she answers no more
        await half_a_check(chat, hodan)
        named += await run_alert_job(chat)
        chat.clock.advance(days=1)
    later: list[str] = []
    for _ in range(21):  # three weeks without a single answer
        later += await run_alert_job(chat)
        chat.clock.advance(days=1)
    assert later == []  # "still missing" needs a miss since the alert
