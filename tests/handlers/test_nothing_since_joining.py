"""A student who does nothing after joining (teacher playtest, grade 7 science): the card sent
on Puente's own move right after the placement is delivered, not read, so /report names him
near the top as having done nothing since joining, and his daily reminder backs off."""

from __future__ import annotations

from datetime import timedelta

from bot.presentation import callbacks
from bot.store import study
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    buttons,
    check_now,
    is_next,
    page_through,
    texts,
)


def okafor(chat: Chat) -> dict:
    return chat.user(TEACHER_ID, "Okafor", "en")


async def placed_at_level_one(chat: Chat, user: dict) -> list:
    """Join, confirm Vietnamese, and end the placement with "I don't know" (level 1): the
    first card of the words comes right after, unasked."""
    await chat.send(user, "/start JOINcode_123")
    await chat.tap(user, callbacks.data(callbacks.LANGUAGE, "vi"))
    return await chat.tap(user, "pl:0:4")  # 🤷 on the first question: level 1, cards follow


async def test_the_card_sent_after_the_placement_is_not_read_until_he_taps_it(
        chat: Chat) -> None:
    minh = chat.user(1001, "Minh", "vi")
    calls = await placed_at_level_one(chat, minh)
    assert any(is_next(label) for label, _ in buttons(calls))  # the first card, with Next
    assert study.shown_before(chat.db, 1001, chat.clock() + timedelta(seconds=1)) == set()
    report = texts(await chat.send(okafor(chat), "/report"))
    assert "📖 Reads the cards" not in report
    assert "🚫 Nothing done since joining (no card opened, no answer): Minh (joined today)" \
        in report

    next_data = next(data for label, data in buttons(calls) if is_next(label))
    await chat.tap(minh, next_data)  # he turns to card 2: card 1 was on screen, both are read
    assert len(study.shown_before(chat.db, 1001, chat.clock() + timedelta(seconds=1))) == 2


async def reminder_days(chat: Chat, user_id: int, school_days: int) -> list[str]:
    """Run the school's 16:00 reminder on the next `school_days` school days; the days (as
    "Tue 15") it wrote to the student."""
    job = chat.app.job_queue.get_jobs_by_name("school-reminder")[0]
    reminded = []
    for _ in range(school_days):
        chat.clock.now = chat.clock.now.replace(hour=20) + timedelta(days=1)  # 16:00 New York
        while chat.clock.now.weekday() >= 5:
            chat.clock.now += timedelta(days=1)
        before = len(chat.api.calls)
        await job.run(chat.app)
        if any(c.chat_id == user_id for c in chat.api.calls[before:]):
            reminded.append(chat.clock.now.strftime("%a %d"))
    return reminded


async def test_reminders_nobody_answers_slow_down_and_the_teacher_is_told(chat: Chat) -> None:
    """Minh read his cards on Monday, then got 7 identical reminders in 7 school days: after
    3 unanswered, one every 3 school days; /report says so on his line; an answer brings them
    back daily."""
    minh = chat.user(1001, "Minh", "vi")
    await page_through(chat, minh, await placed_at_level_one(chat, minh))  # Monday 14 Sep
    assert await reminder_days(chat, 1001, 9) == [
        "Tue 15", "Wed 16", "Thu 17", "Tue 22", "Fri 25"]
    report = texts(await chat.send(okafor(chat), "/report"))
    assert ("💤 Inactive for 3+ school days: Minh (Mon 14 Sep) 🔕 after 3 reminders with no "
            "answer, reminded only every 3 school days") in report

    await check_now(chat, minh)  # he answers: the next reminders come daily again
    await answer_current(chat, minh, right=True)
    assert await reminder_days(chat, 1001, 2) == ["Mon 28", "Tue 29"]
    assert "🔕" not in texts(await chat.send(okafor(chat), "/report"))
