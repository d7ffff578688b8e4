"""A student who does nothing after joining (teacher playtest, grade 7 science): the card sent
on Puente's own move right after the placement is delivered, not read, so /report names him
near the top as having done nothing since joining, and his daily reminder backs off."""

from __future__ import annotations

from datetime import timedelta

from bot.store import study
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    buttons,
    check_now,
    is_next,
    page_through,
    placed_at_level_one,
    reminder_days,
    texts,
)


def okafor(chat: Chat) -> dict:
    return chat.user(TEACHER_ID, "Okafor", "en")


async def test_the_card_sent_after_the_placement_is_not_read_until_he_taps_it(
        chat: Chat) -> None:
    minh = chat.user(1001, "Minh", "vi")
    calls = await placed_at_level_one(chat, minh)
    assert any(is_next(label) for label, _ in buttons(calls))  # the first card, with Next
    assert study.shown_before(chat.db, 1001, chat.clock() + timedelta(seconds=1)) == set()
    report = texts(await chat.send(okafor(chat), "/report"))
    assert "📖 Reads the cards" not in report
    assert "🚫 Nothing done" not in report  # minutes after he joined: no alarm yet
    assert "🆕 Joined recently (nothing expected before their first full school day): Minh" \
        in report

    next_data = next(data for label, data in buttons(calls) if is_next(label))
    await chat.tap(minh, next_data)  # he turns to card 2: card 1 was on screen, both are read
    assert len(study.shown_before(chat.db, 1001, chat.clock() + timedelta(seconds=1))) == 2


async def test_the_next_school_day_he_is_named_as_having_done_nothing(chat: Chat) -> None:
    await placed_at_level_one(chat, chat.user(1001, "Minh", "vi"))
    chat.clock.advance(days=1)  # Tuesday: his first full school day since he joined
    report = texts(await chat.send(okafor(chat), "/report"))
    assert ("🚫 Nothing done since joining (no card opened, no answer): Minh (joined Mon 14 "
            "Sep, 1 school day ago)") in report
    assert "🆕 Joined recently" not in report


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
