"""A family's /now when it counts one school day (Haitian playtest): "Jou ki konte: lendi 14
septanm – lendi 14 septanm" read as a range from a day to the same day. One day is named once;
two days still read as a range."""

from __future__ import annotations

from tests.clock import START
from tests.families import link, rivera
from tests.harness import Chat, answer_current, check_now, enrol_student, texts

WIDLENE, MOTHER = 1001, 2001


async def test_now_counting_one_day_names_it_once(chat: Chat) -> None:
    enrol_student(chat.db, START, WIDLENE, "Widlene", "ht")
    mother = chat.user(MOTHER, "Marie-Ange", "ht")
    await link(chat, rivera(chat), "Widlene", mother)
    widlene = chat.user(WIDLENE, "Widlene", "ht")
    await check_now(chat, widlene)  # she practises on her first school day
    for _ in range(3):
        await answer_current(chat, widlene, True)
    chat.clock.advance(days=1)
    week = texts(await chat.send(mother, "/now"))
    assert "🗓️ Jou ki konte: lendi 14 septanm\n" in week
    assert "septanm – " not in week
    assert "Widlene te pratike 1 nan 1 jou lekòl depi l kòmanse." in week
    chat.clock.advance(days=1)
    assert "🗓️ Jou ki konte: lendi 14 septanm – madi 15 septanm\n" in texts(
        await chat.send(mother, "/now"))
