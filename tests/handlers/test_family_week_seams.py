"""Each word a child masters is named in exactly one weekly family update, whatever holidays
do to the week's days (playtest: a word mastered on a Friday evening, after a school Friday's
update whose days ended on Thursday, was in neither that update nor the next, sent on a
Friday holiday, whose days began on Saturday)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.mastery import changed, new_mastery
from bot.handlers.family import queue_weekly_updates
from bot.store import study
from bot.store.packs import pack_words
from tests.harness import TEACHER_ID, Chat, join_and_confirm, texts, with_holidays

LEARNED = "🌟 Words Ana learned this week"


def local(chat: Chat, day: date, hour: int) -> datetime:
    """A time of the school's day, in its zone."""
    zone: ZoneInfo = chat.app.bot_data.services.config.school.timezone
    return datetime(day.year, day.month, day.day, hour, tzinfo=zone)


async def ana_and_her_family(chat: Chat) -> dict[str, Any]:
    await join_and_confirm(chat, chat.user(1001, "Ana", "es"))
    teacher = chat.user(TEACHER_ID, "Rivera", "en")
    link = texts(await chat.send(teacher, "/family Ana")).split("?start=")[1].split()[0]
    mom = chat.user(2001, "María", lang="en")
    await chat.send(mom, f"/start {link}")
    await chat.tap(mom, "fa:en")
    return mom


def master(chat: Chat, term: str, at: datetime) -> None:
    word = next(w.id for w in pack_words(chat.db, "science.ecosystems") if w.word.term == term)
    study.save_mastery(chat.db, 1001, word, changed(new_mastery(word, at), mastered_at=at),
                       at, answered=True)


async def weekly_update(chat: Chat, at: datetime) -> str:
    """The weekly job at `at`: the update the family got."""
    chat.clock.now = at
    queue_weekly_updates(chat.app.bot_data.services)
    return "\n".join(c.text for c in await chat.deliver() if c.chat_id == 2001)


def learned(update: str) -> list[str]:
    """The words an update lists as learned this week."""
    if LEARNED not in update:
        return []
    section = update.split(LEARNED)[1].split("\n\n")[0]
    return [part.split("</b>")[0] for part in section.split("<b>")[1:]]


async def test_a_word_mastered_after_a_school_fridays_update_comes_in_the_holiday_friday_one(
        chat: Chat) -> None:
    with_holidays(chat, date(2026, 9, 25))  # the next Friday: no school
    await ana_and_her_family(chat)
    first = await weekly_update(chat, local(chat, date(2026, 9, 18), 17))  # a school Friday
    master(chat, "habitat", local(chat, date(2026, 9, 18), 19))  # that evening
    master(chat, "predator", local(chat, date(2026, 9, 21), 15))  # Monday
    second = await weekly_update(chat, local(chat, date(2026, 9, 25), 17))  # the holiday
    third = await weekly_update(chat, local(chat, date(2026, 10, 2), 17))

    assert learned(first) == [] and learned(third) == []
    assert sorted(learned(second)) == ["habitat", "predator"]
    assert "🗓️ Days counted: Fri 18 Sep – Fri 25 Sep" in second


async def test_a_word_mastered_on_a_holiday_friday_is_not_named_again_the_next_week(
        chat: Chat) -> None:
    with_holidays(chat, date(2026, 9, 18))  # Friday: no school, the update counts it
    await ana_and_her_family(chat)
    master(chat, "habitat", local(chat, date(2026, 9, 18), 11))  # the holiday's morning
    first = await weekly_update(chat, local(chat, date(2026, 9, 18), 17))
    second = await weekly_update(chat, local(chat, date(2026, 9, 25), 17))

    assert learned(first) == ["habitat"] and learned(second) == []
    assert "🗓️ Days counted: Sat 19 Sep – Thu 24 Sep" in second
