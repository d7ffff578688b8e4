"""Haitian playtest: on Tuesday at 07:00 Jb's mother wrote "Jb pa t ale lekòl yè, li te malad"
(Jb didn't go to school yesterday, he was sick). Puente offered "✉️ My words + 🤒 excuse Jb
today" and "🤒 Send “sick today” instead": both excused TUESDAY, a day he could attend, and
Monday stayed missed; the teacher read "excused: Tue 15 Sep". Words about a day gone now offer
that day (the last school day before today, a day off skipped), never today; sent alone, the
teacher reads what Puente recognised and has a button to excuse it."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from bot.presentation import callbacks
from tests.clock import START
from tests.families import link, rivera
from tests.harness import TEACHER_ID, Chat, buttons, enrol_student, excused_days, texts

JB, MME_PIERRE = 1001, 2001
TUESDAY_7 = datetime(2026, 9, 15, 11, tzinfo=START.tzinfo)  # 07:00 at school
THURSDAY = datetime(2026, 9, 17, 14, tzinfo=START.tzinfo)
MONDAY_21 = datetime(2026, 9, 21, 11, tzinfo=START.tzinfo)
YESTERDAY = "Jb pa t ale lekòl yè, li te malad"
EXCUSE_MONDAY = callbacks.data(callbacks.ASK, JB, "absent", "20260914")
ONLY_WORDS = callbacks.data(callbacks.ASK, JB)


def mother(chat: Chat) -> dict[str, Any]:
    return chat.user(MME_PIERRE, "Mme Pierre", "ht")


async def linked(chat: Chat, now: datetime = TUESDAY_7) -> None:
    enrol_student(chat.db, START, JB, "Jb", "ht")
    await link(chat, rivera(chat), "Jb", mother(chat))
    await chat.deliver()
    chat.clock.now = now


def excusing(offer: Any) -> list[tuple[str, str]]:
    """The buttons that excuse a day: her words + a day, or a ready-made note instead."""
    return [(label, data) for label, data in buttons(offer)
            if (data.startswith(callbacks.ASK + ":") and len(data.split(":")) > 2)
            or data.startswith(callbacks.FAMILY_NOTE_SEND + ":")]


async def to_teacher(chat: Chat) -> list[Any]:
    return [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]


async def test_yesterday_sick_offers_to_excuse_monday_never_today(chat: Chat) -> None:
    await linked(chat)
    offer = await chat.send(mother(chat), YESTERDAY)
    assert excusing(offer) == [("✉️ Mesaj mwen + 📅 eskize Jb lendi 14 septanm", EXCUSE_MONDAY)]
    told = await chat.tap(mother(chat), EXCUSE_MONDAY)
    assert "lendi 14 septanm" in texts(told)
    [relay] = await to_teacher(chat)
    assert "(excused: Mon 14 Sep)" in relay.text and "Tue 15 Sep" not in relay.text
    assert excused_days(chat) == [(JB, "2026-09-14")]


async def test_yesterday_in_french_and_in_english_is_the_day_gone_too(chat: Chat) -> None:
    await linked(chat)
    for text in ("Jb n'est pas allé à l'école hier, il était malade",
                 "He was sick yesterday", "Jb pa t ale lekòl, li te malad"):
        offer = await chat.send(mother(chat), text)
        assert [data for _, data in excusing(offer)] == [EXCUSE_MONDAY], text
        await chat.tap(mother(chat), callbacks.data(callbacks.ASK, JB, "no"))


async def test_on_a_monday_yesterday_is_friday_and_a_day_off_is_skipped(chat: Chat) -> None:
    await linked(chat, THURSDAY)
    await chat.send(rivera(chat), "/daysoff Fri 25 Sep")
    chat.clock.now = MONDAY_21
    offer = await chat.send(mother(chat), YESTERDAY)
    assert [data for _, data in excusing(offer)] == [
        callbacks.data(callbacks.ASK, JB, "absent", "20260918")]
    await chat.tap(mother(chat), callbacks.data(callbacks.ASK, JB, "no"))
    chat.clock.now = MONDAY_21 + timedelta(weeks=1)  # Friday 25 was a day off
    offer = await chat.send(mother(chat), YESTERDAY)
    assert [data for _, data in excusing(offer)] == [
        callbacks.data(callbacks.ASK, JB, "absent", "20260924")]


async def test_a_weekday_gone_is_that_day_not_the_coming_one(chat: Chat) -> None:
    await linked(chat, THURSDAY)
    offer = await chat.send(mother(chat), "Faltó el lunes, lo siento")
    assert [data for _, data in excusing(offer)] == [EXCUSE_MONDAY]


async def test_sick_today_still_excuses_today(chat: Chat) -> None:
    await linked(chat)
    offer = await chat.send(mother(chat), "Jb malad jodi a, li p ap ka vini")
    assert [data for _, data in excusing(offer)] == [
        callbacks.data(callbacks.ASK, JB, "sick"),
        callbacks.data(callbacks.FAMILY_NOTE_SEND, JB, "sick")]


async def test_a_forged_day_gone_excuses_nothing(chat: Chat) -> None:
    await linked(chat, THURSDAY)
    for day in ("20260915", "20260901"):  # not the day her words name; weeks ago
        await chat.send(mother(chat), YESTERDAY)
        await chat.tap(mother(chat), callbacks.data(callbacks.ASK, JB, "absent", day))
    relays = await to_teacher(chat)
    assert len(relays) == 2 and all("excused" not in c.text for c in relays)
    assert excused_days(chat) == []


async def test_a_coming_absence_sent_as_her_words_only_gives_the_teacher_the_day(
        chat: Chat) -> None:
    """Mme Pierre sent "li p ap ale lekòl demen" as "my words only": Mr. Davis, who reads
    English only, got her Kreyòl and "No English translation…", no button to excuse it."""
    await linked(chat)
    await chat.send(mother(chat), "li p ap ale lekòl demen")
    await chat.tap(mother(chat), ONLY_WORDS)
    [relay] = await to_teacher(chat)
    assert "Puente recognised: Jb will be absent Wed 16 Sep" in relay.text
    excuse = callbacks.data(callbacks.EXCUSE, JB, "20260916")
    assert ("📅 Excuse Wed 16 Sep", excuse) in buttons([relay])
    assert excused_days(chat) == []
    await chat.tap(rivera(chat), excuse)
    assert excused_days(chat) == [(JB, "2026-09-16")]


async def test_a_day_gone_sent_as_her_words_only_gives_the_teacher_that_day(
        chat: Chat) -> None:
    await linked(chat)
    await chat.send(mother(chat), YESTERDAY)
    await chat.tap(mother(chat), ONLY_WORDS)
    [relay] = await to_teacher(chat)
    assert "Puente recognised: Jb was absent Mon 14 Sep" in relay.text
    assert "Tue 15 Sep" not in relay.text
    excuse = callbacks.data(callbacks.EXCUSE, JB, "20260914")
    assert ("🤒 Excuse Mon 14 Sep", excuse) in buttons([relay])
    await chat.tap(rivera(chat), excuse)
    assert excused_days(chat) == [(JB, "2026-09-14")]
