"""Somali week playtest: Hodan's father typed "Hodan waa jirantahay" (Hodan is sick) and got
only "Send to the teacher?", no 🤒; "Hodan way jirantahay maanta, iskuulka ma imaan karto" was
excused as 📅 away, not 🤒 sick. jiran/jirran (sick) now say sick, in all their endings."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.presentation import callbacks
from tests.clock import START
from tests.families import link, rivera
from tests.harness import TEACHER_ID, Chat, buttons, enrol_student, excused_days

HODAN, AABE = 1001, 2001
FRIDAY = datetime(2026, 9, 18, 12, tzinfo=START.tzinfo)  # a school day


@pytest.mark.parametrize("text", [
    "Hodan waa jirantahay", "Hodan way jirantahay maanta, iskuulka ma imaan karto"])
async def test_the_father_saying_hodan_is_sick_gets_the_sick_note(chat: Chat, text: str
                                                                   ) -> None:
    enrol_student(chat.db, START, HODAN, "Hodan", "so")
    father = chat.user(AABE, "Aabe", "so")
    await link(chat, rivera(chat), "Hodan", father)
    await chat.deliver()
    chat.clock.now = FRIDAY
    offer = await chat.send(father, text)
    notes = [data for _, data in buttons(offer)
             if data.split(":")[0] == callbacks.FAMILY_NOTE_SEND]
    sick = callbacks.data(callbacks.FAMILY_NOTE_SEND, HODAN, "sick")
    assert notes == [sick]  # sick, not "📅 not at school"
    await chat.tap(father, sick)
    [relay] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert "Hodan is sick today and will stay home." in relay.text
    assert excused_days(chat) == [(HODAN, "2026-09-18")]
