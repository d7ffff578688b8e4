"""A newcomer who finished a check is done for today (the playtest: Hodan finished hers at
15:00 and read "Words to review: 1" at 16:00; Widlene's 5 of 5 ended "👉 4 words ready: /check";
both read "I didn't finish"). At levels 1-2 a check's last line offers more words, not owes
them; and a student who did a check today gets no review reminder that day, while one who did
not still does."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.store import check_items
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    check_now,
    join_and_confirm,
    page_through,
    texts,
)

ANA, BO = 1001, 1002


async def run_school_reminder(chat: Chat) -> dict[int, str]:
    """Run the school's 16:00 reminder job now; what each student was sent, by chat."""
    before = len(chat.api.calls)
    await chat.app.job_queue.get_jobs_by_name("school-reminder")[0].run(chat.app)
    said: dict[int, str] = {}
    for call in chat.api.calls[before:]:
        assert call.chat_id is not None
        said[call.chat_id] = said.get(call.chat_id, "") + call.text
    return said


async def test_a_check_at_three_means_no_review_reminder_at_four_but_others_get_theirs(
        chat: Chat) -> None:
    ana, bo = chat.user(ANA, "Ana", lang="en"), chat.user(BO, "Bo", lang="en")
    for user in (ana, bo):  # level 5: a set has more words than one check asks
        await join_and_confirm(chat, user, lang="en", level=5)
        await chat.send(user, "/words")
    chat.clock.now = chat.clock.now.replace(hour=19)  # 15:00 school time (New York)
    await check_now(chat, ana)
    while check_items.next_open_item(chat.db, ANA) is not None:
        await answer_current(chat, ana, right=True)
    chat.clock.now = chat.clock.now.replace(hour=20)  # 16:00 school time, the same day
    ready = texts(await chat.send(ana, "/progress"))
    assert "👉 1 word ready: /check" in ready  # a reminder could name it
    said = await run_school_reminder(chat)
    assert list(said) == [BO]  # Ana did her check today: not a word to her
    # all six of her cards: a set has more words than one check asks, and the reminder
    # counts them all (one check's worth, 5, hid a backlog: playtest), what today's check
    # holds apart ("8", then "11", "12" read as a pile that only grows: playtest)
    assert said[BO].startswith("Hi Bo! Today's check: 5 words. Still waiting after it: 1. "
                               "Tap /check (2 minutes).")
    chat.clock.advance(days=1)  # Tuesday 16:00: no check today, so her reminder comes
    said = await run_school_reminder(chat)
    assert sorted(said) == [ANA, BO]
    assert said[ANA].startswith(("Hi Ana! Words to review: ", "Hi Ana! Today's check: "))


async def test_a_check_late_the_evening_before_does_not_silence_todays_reminder(
        chat: Chat) -> None:
    # 22:30 in New York is already the next day in UTC: the school's day decides
    ana = chat.user(ANA, "Ana", lang="en")
    await join_and_confirm(chat, ana, lang="en", level=5)
    await chat.send(ana, "/words")
    chat.clock.now = chat.clock.now.replace(hour=2, minute=30) + timedelta(days=1)  # Mon 22:30
    await check_now(chat, ana)
    while check_items.next_open_item(chat.db, ANA) is not None:
        await answer_current(chat, ana, right=True)
    chat.clock.now = chat.clock.now.replace(hour=20, minute=0)  # Tuesday 16:00 school time
    said = await run_school_reminder(chat)
    assert said[ANA].startswith(("Hi Ana! Words to review: ", "Hi Ana! Today's check: "))


@pytest.mark.parametrize(("level", "last"), [
    (1, "Prueba terminada: acertaste 3 de 3. ¡Excelente! 🌟\n"
        "Check finished: 3 of 3 right. Excellent! 🌟\n"
        "🎉 ¡Muy bien! ¿Quieres más? /check\n"
        "🎉 Well done! Want more? /check"),
    (3, "Prueba terminada: acertaste 3 de 3. ¡Excelente! 🌟\n"
        "Check finished: 3 of 3 right. Excellent! 🌟\n"
        "👉 5 palabras listas: /check\n"
        "👉 5 words ready: /check")])
async def test_a_check_with_more_words_ready_offers_more_never_done_at_levels_1_2(
        chat: Chat, level: int, last: str) -> None:
    ana = chat.user(ANA, "Ana", lang="es")
    await join_and_confirm(chat, ana, level=level)
    await page_through(chat, ana, await chat.send(ana, "/words"))  # ready for a check tomorrow
    chat.clock.advance(days=1)
    rivera = chat.user(TEACHER_ID, "Rivera", "en")
    await chat.send(rivera, "/push science.ecosystems food chain, food web, predator")
    await page_through(chat, ana, [c for c in await chat.deliver() if c.chat_id == ANA])
    said = [texts(await chat.tap(ana, "ck:1"))]  # ✅ under the pushed cards: their words
    while check_items.next_open_item(chat.db, ANA) is not None:
        said.append(texts(await answer_current(chat, ana, right=True)))
    assert said[-1].endswith(last)  # yesterday's words are ready all the same
