"""zh family playtest: a grandmother typed "林林今天生病了，不去学校" in her own words and got only
"Send this to the teacher?"; nothing pointed her to the ready-made "🤒 sick today", which
excuses the day (no reminder to a sick child, no school day counted against her). Words that
say the child is sick now bring "🤒 Send “sick today” instead" beside Send."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.presentation import callbacks
from tests.clock import START
from tests.families import link, rivera, shared_phone
from tests.harness import TEACHER_ID, Chat, buttons, enrol_student

LIN, NAI_NAI = 1001, 2001
SICK_INSTEAD = "🤒 改发“今天生病了”"
TUESDAY = datetime(2026, 9, 15, 12, tzinfo=START.tzinfo)  # a school day, 08:00 at school


def grandmother(chat: Chat) -> dict[str, Any]:
    return chat.user(NAI_NAI, "奶奶", "zh")


async def linked(chat: Chat) -> None:
    enrol_student(chat.db, START, LIN, "Lin", "zh")
    await link(chat, rivera(chat), "Lin", grandmother(chat))
    await chat.deliver()
    chat.clock.now = TUESDAY


def excused_days(chat: Chat) -> list[tuple[int, str]]:
    return chat.db.execute("SELECT student_id, day FROM excused_days ORDER BY day").fetchall()


async def test_a_grandmothers_own_words_that_lin_is_sick_offer_the_ready_made_note(
        chat: Chat) -> None:
    await linked(chat)
    offer = await chat.send(grandmother(chat), "林林今天生病了，不去学校")
    sick = callbacks.data(callbacks.FAMILY_NOTE_SEND, LIN, "sick")
    assert (SICK_INSTEAD, sick) in buttons(offer)
    assert callbacks.data(callbacks.ASK, LIN) in [data for _, data in buttons(offer)]
    await chat.tap(grandmother(chat), sick)
    [relay] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert "Lin is sick today and will stay home." in relay.text
    assert "(excused: Tue 15 Sep)" in relay.text  # the same path as the list's "sick"
    assert "不去学校" not in relay.text  # her own words went nowhere
    assert excused_days(chat) == [(LIN, "2026-09-15")]
    # her words are no longer held: Send under the old offer sends nothing now
    await chat.tap(grandmother(chat), callbacks.data(callbacks.ASK, LIN))
    assert [c for c in await chat.deliver() if c.chat_id == TEACHER_ID] == []


async def test_words_that_say_nothing_of_sickness_get_no_sick_button(chat: Chat) -> None:
    await linked(chat)
    offer = await chat.send(grandmother(chat), "林林的作业在哪里？")
    assert all(data.split(":")[0] != callbacks.FAMILY_NOTE_SEND for _, data in buttons(offer))
    await chat.tap(grandmother(chat), callbacks.data(callbacks.ASK, LIN))
    [relay] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert "林林的作业在哪里" in relay.text
    assert excused_days(chat) == []


async def test_send_still_sends_her_own_words_beside_the_sick_button(chat: Chat) -> None:
    await linked(chat)
    await chat.send(grandmother(chat), "Lin is sick, she has a fever")
    await chat.tap(grandmother(chat), callbacks.data(callbacks.ASK, LIN))
    [relay] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert "she has a fever" in relay.text
    assert excused_days(chat) == []  # only the ready-made note excuses the day


async def test_a_shared_phone_gets_a_sick_button_naming_each_child(chat: Chat) -> None:
    mother = await shared_phone(chat)
    chat.clock.now = TUESDAY
    offer = await chat.send(mother, "Woodly malad jodi a")
    sick = [(label, data) for label, data in buttons(offer)
            if data.startswith(callbacks.FAMILY_NOTE_SEND + ":")]
    named = {data: label for label, data in sick}
    assert "Woodly" in named[callbacks.data(callbacks.FAMILY_NOTE_SEND, 1001, "sick")]
    assert "Nadia" in named[callbacks.data(callbacks.FAMILY_NOTE_SEND, 1002, "sick")]
    assert len(named) == 2
