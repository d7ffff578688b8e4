"""A family's own words that say the child will miss a coming school day ("Ana no va a ir a la
escuela mañana") got no button at all: the dated "not at school on DAY" was four taps away in
the 📝 list. Now beside Send: "✉️ My words + 📅 excuse Ana DAY", the day named as the family
reads it; the teacher reads the day excused with ↩️ to undo it, and the family is told both
times. Never a weekend or a day off, nor words that say she WILL go; a day gone only as
the words say it (test_family_words_day_gone.py: "Faltó el lunes" excuses last Monday)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.presentation import callbacks
from tests.clock import START
from tests.families import link, rivera
from tests.harness import TEACHER_ID, Chat, buttons, enrol_student, excused_days, texts

ANA, MARIA = 1001, 2001
TUESDAY = datetime(2026, 9, 15, 14, tzinfo=START.tzinfo)  # a school day, 10:00 at school
FRIDAY = datetime(2026, 9, 18, 14, tzinfo=START.tzinfo)
WEDNESDAY_16 = callbacks.data(callbacks.ASK, ANA, "absent", "20260916")


def maria(chat: Chat) -> dict[str, Any]:
    return chat.user(MARIA, "María", "es")


async def linked(chat: Chat) -> None:
    enrol_student(chat.db, START, ANA, "Ana", "es")
    await link(chat, rivera(chat), "Ana", maria(chat))
    await chat.deliver()
    chat.clock.now = TUESDAY


def excuse_buttons(offer: Any) -> list[tuple[str, str]]:
    return [(label, data) for label, data in buttons(offer)
            if data.startswith(callbacks.ASK + ":") and len(data.split(":")) > 2]


async def test_words_about_tomorrow_offer_to_excuse_tomorrow(chat: Chat) -> None:
    await linked(chat)
    offer = await chat.send(maria(chat), "Ana no va a ir a la escuela mañana, tiene cita")
    assert excuse_buttons(offer) == [("✉️ Mi mensaje + 📅 justificar a Ana el mié 16 de septiembre",
                                      WEDNESDAY_16)]
    assert buttons(offer)[0][1] == WEDNESDAY_16  # first, as today's
    assert ("✉️ Solo mi mensaje (día no justificado)",
            callbacks.data(callbacks.ASK, ANA)) in buttons(offer)
    told = await chat.tap(maria(chat), WEDNESDAY_16)
    assert "📅 El mié 16 de septiembre queda justificado para Ana" in texts(told)
    [relay] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert "no va a ir a la escuela mañana" in relay.text
    assert "(excused: Wed 16 Sep)" in relay.text
    assert ("↩️ Not excused: Wed 16 Sep",
            callbacks.data(callbacks.EXCUSED, ANA, "20260916")) in buttons([relay])
    assert excused_days(chat) == [(ANA, "2026-09-16")]
    # the teacher's ↩️ makes it a school day again, and María is told
    await chat.tap(rivera(chat), callbacks.data(callbacks.EXCUSED, ANA, "20260916"))
    assert excused_days(chat) == []
    [undone] = [c for c in await chat.deliver() if c.chat_id == MARIA]
    assert "mié 16 de septiembre" in undone.text and "Ana" in undone.text


async def test_a_weekday_names_the_coming_one_in_english_too(chat: Chat) -> None:
    await linked(chat)
    offer = await chat.send(maria(chat), "she will miss school on Thursday")
    assert [data for _, data in excuse_buttons(offer)] == [
        callbacks.data(callbacks.ASK, ANA, "absent", "20260917")]


async def test_words_that_say_she_will_go_offer_nothing_to_excuse(chat: Chat) -> None:
    await linked(chat)
    for text in ("She WILL go tomorrow", "Ana ya no va a faltar mañana",
                 "She won't miss school tomorrow",
                 "¿Ana va a faltar mañana?", "mañana tenemos reunión"):
        offer = await chat.send(maria(chat), text)
        assert excuse_buttons(offer) == [], text
        await chat.tap(maria(chat), callbacks.data(callbacks.ASK, ANA, "no"))
    assert excused_days(chat) == []


async def test_a_weekend_or_a_day_off_tomorrow_offers_nothing(chat: Chat) -> None:
    await linked(chat)
    chat.clock.now = FRIDAY
    offer = await chat.send(maria(chat), "Ana no va a ir mañana")  # Saturday: no school
    assert excuse_buttons(offer) == []
    await chat.tap(maria(chat), callbacks.data(callbacks.ASK, ANA, "no"))
    offer = await chat.send(maria(chat), "Ana no va a ir el lunes")  # Monday, three days on
    assert [data for _, data in excuse_buttons(offer)] == [
        callbacks.data(callbacks.ASK, ANA, "absent", "20260921")]


async def test_a_forged_day_excuses_nothing_and_her_words_still_go(chat: Chat) -> None:
    await linked(chat)
    for day in ("20260919", "20260930", "20260914"):  # a Saturday, weeks on, a day gone
        await chat.send(maria(chat), "Ana no va a ir a la escuela mañana")
        await chat.tap(maria(chat), callbacks.data(callbacks.ASK, ANA, "absent", day))
    relays = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert len(relays) == 3 and all("excused" not in c.text for c in relays)
    assert excused_days(chat) == []

