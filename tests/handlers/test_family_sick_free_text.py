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
from tests.harness import TEACHER_ID, Chat, buttons, enrol_student, excused_days

LIN, NAI_NAI = 1001, 2001
SICK_INSTEAD = "🤒 改发“今天生病了”（今天算请假）"  # it says the day is excused (Haitian playtest)
TUESDAY = datetime(2026, 9, 15, 12, tzinfo=START.tzinfo)  # a school day, 08:00 at school


def grandmother(chat: Chat) -> dict[str, Any]:
    return chat.user(NAI_NAI, "奶奶", "zh")


async def linked(chat: Chat) -> None:
    enrol_student(chat.db, START, LIN, "Lin", "zh")
    await link(chat, rivera(chat), "Lin", grandmother(chat))
    await chat.deliver()
    chat.clock.now = TUESDAY


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


def note_buttons(offer: Any) -> list[str]:
    return [data for _, data in buttons(offer)
            if data.split(":")[0] == callbacks.FAMILY_NOTE_SEND]


async def test_a_child_well_again_gets_no_sick_button(chat: Chat) -> None:
    """"她病好了" (she is better) said nothing of a sick day, yet offered "sick today"."""
    await linked(chat)
    for text in ("她病好了，明天去学校", "林林没有生病，只是累了", "Lin is not sick any more"):
        assert note_buttons(await chat.send(grandmother(chat), text)) == [], text
        await chat.tap(grandmother(chat), callbacks.data(callbacks.ASK, LIN))
    await chat.deliver()
    assert excused_days(chat) == []


async def test_away_today_in_her_own_words_offers_not_at_school_today(chat: Chat) -> None:
    """"Lin can't go to school today, we are at the hospital": not sick, but away; the
    ready-made "not at school" on today goes instead, and excuses the day."""
    await linked(chat)
    offer = await chat.send(grandmother(chat), "今天林林不能去学校，我们在医院")
    away = callbacks.data(callbacks.FAMILY_NOTE_SEND, LIN, "absent", "20260915")
    assert ("📅 改发“今天不能去上学”（今天算请假）", away) in buttons(offer)
    assert note_buttons(offer) == [away]  # not "sick today": she did not say so
    await chat.tap(grandmother(chat), away)
    [relay] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert "Lin will not be at school on" in relay.text
    assert "(excused: Tue 15 Sep)" in relay.text
    assert "医院" not in relay.text  # her own words went nowhere
    assert excused_days(chat) == [(LIN, "2026-09-15")]


async def test_a_doctor_who_said_something_is_no_absence(chat: Chat) -> None:
    await linked(chat)
    offer = await chat.send(grandmother(chat), "The doctor said Lin can read more")
    assert note_buttons(offer) == []


async def test_away_today_on_a_saturday_offers_nothing_to_excuse(chat: Chat) -> None:
    """No school on Saturday: "not at school today" would name a day with no school."""
    await linked(chat)
    chat.clock.now = datetime(2026, 9, 19, 12, tzinfo=START.tzinfo)  # a Saturday
    offer = await chat.send(grandmother(chat), "今天林林请假，去医院")
    assert note_buttons(offer) == []


async def test_a_shared_phone_gets_an_away_button_naming_each_child(chat: Chat) -> None:
    mother = await shared_phone(chat)
    chat.clock.now = TUESDAY
    offer = await chat.send(mother, "Nou lopital jodi a, yo p ap vini")
    named = {data: label for label, data in buttons(offer)
             if data.startswith(callbacks.FAMILY_NOTE_SEND + ":")}
    assert named == {callbacks.data(callbacks.FAMILY_NOTE_SEND, 1001, "absent", "20260915"):
                     "📅 Woodly p ap lekòl jodi a",
                     callbacks.data(callbacks.FAMILY_NOTE_SEND, 1002, "absent", "20260915"):
                     "📅 Nadia p ap lekòl jodi a"}


ANA, MOTHER = 1002, 2002
SATURDAY = datetime(2026, 9, 19, 12, tzinfo=START.tzinfo)


async def anas_mother(chat: Chat) -> dict[str, Any]:
    enrol_student(chat.db, START, ANA, "Ana", "en")
    mother = chat.user(MOTHER, "Maria", "en")
    await link(chat, rivera(chat), "Ana", mother)
    await chat.deliver()
    chat.clock.now = TUESDAY
    return mother


async def test_sick_yesterday_or_about_tomorrow_offers_no_sick_today(chat: Chat) -> None:
    """Playtest: "sick yesterday but fine today" got 🤒 and the day was excused; "won't be at
    school tomorrow, she is sick" got 🤒 and TODAY was excused."""
    mother = await anas_mother(chat)
    for text in ("She was sick yesterday but she is fine today",
                 "She won't be at school tomorrow, she is sick", "Is she sick?"):
        assert note_buttons(await chat.send(mother, text)) == [], text
        await chat.tap(mother, callbacks.data(callbacks.ASK, ANA))
    await chat.deliver()
    assert excused_days(chat) == []


async def test_a_fever_today_offers_sick_today(chat: Chat) -> None:
    mother = await anas_mother(chat)
    for text in ("She has a fever today", "Is Ana sick? She said her stomach hurts today"):
        offer = await chat.send(mother, text)
        assert note_buttons(offer) == [callbacks.data(callbacks.FAMILY_NOTE_SEND, ANA, "sick")]
        await chat.tap(mother, callbacks.data(callbacks.ASK, ANA))
    await chat.deliver()


async def test_sick_on_a_saturday_offers_nothing_to_excuse(chat: Chat) -> None:
    """Playtest: "she is sick today" on a Saturday got 🤒; the teacher read the undated "Ana is
    sick today and will stay home" on Monday as a Monday absence."""
    mother = await anas_mother(chat)
    chat.clock.now = SATURDAY
    assert note_buttons(await chat.send(mother, "She is sick today")) == []
    await chat.tap(mother, callbacks.data(callbacks.ASK, ANA))
    [relay] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert "She is sick today" in relay.text  # her own words still go
    assert excused_days(chat) == []


async def test_a_brother_fine_today_does_not_cancel_her_sick_today(chat: Chat) -> None:
    """Playtest: "Ana is sick today, her brother is fine today" got no button (a word for
    well anywhere cancelled it); "Her brother is sick today" offered to excuse Ana."""
    mother = await anas_mother(chat)
    offer = await chat.send(mother, "Ana is sick today, her brother is fine today")
    assert note_buttons(offer) == [callbacks.data(callbacks.FAMILY_NOTE_SEND, ANA, "sick")]
    await chat.tap(mother, callbacks.data(callbacks.ASK, ANA, "sick"))
    assert excused_days(chat) == [(ANA, "2026-09-15")]
    offer = await chat.send(mother, "Her brother is sick today, he stays home")
    assert note_buttons(offer) == []
    await chat.tap(mother, callbacks.data(callbacks.ASK, ANA))
    relays = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert "he stays home" in relays[-1].text  # sent as written, no 🤒 for Ana under it
    assert all(data.split(":")[0] != callbacks.EXCUSE for _, data in buttons(relays[-1:]))
