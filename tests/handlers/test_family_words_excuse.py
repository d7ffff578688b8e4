"""Haitian playtest: Mirlande typed "Jean-Baptiste malad jodi a, li gen lafyèv…" and was offered
Send, "🤒 sick today" instead, or Don't send. Nothing said 🤒 excused the day, so she sent her
words: Jb got his reminder, the teacher read "🔇 has not answered", and the day counted against
him; 🤒 dropped her details. Now the first button sends her words AND excuses the day, every
label says whether it does, and under words sent alone the teacher has "🤒 Excuse DAY"."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from bot.presentation import callbacks
from tests.clock import START
from tests.families import link, rivera
from tests.harness import TEACHER_ID, Chat, buttons, enrol_student, excused_days, texts

JB, MIRLANDE = 1001, 2001
THURSDAY = datetime(2026, 9, 17, 14, tzinfo=START.tzinfo)  # a school day
SATURDAY = datetime(2026, 9, 19, 14, tzinfo=START.tzinfo)
HER_WORDS = ("Bonjou Madam Ortiz, Jean-Baptiste malad jodi a, li gen lafyèv ak tèt fè mal. "
             "Li pap ka vini lekòl jodi a")
WORDS_AND_EXCUSE = callbacks.data(callbacks.ASK, JB, "sick")
EXCUSE_THURSDAY = callbacks.data(callbacks.EXCUSE, JB, "20260917")


def mirlande(chat: Chat) -> dict[str, Any]:
    return chat.user(MIRLANDE, "Mirlande", "ht")


async def linked(chat: Chat) -> None:
    enrol_student(chat.db, START, JB, "Jb", "ht")
    await link(chat, rivera(chat), "Jb", mirlande(chat))
    await chat.deliver()
    chat.clock.now = THURSDAY


async def to_teacher(chat: Chat) -> list[Any]:
    return [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]


async def test_her_words_and_the_excused_day_go_together(chat: Chat) -> None:
    await linked(chat)
    offer = await chat.send(mirlande(chat), HER_WORDS)
    labels = dict((data, label) for label, data in buttons(offer))
    # first: her words and the day excused; every label says whether the day is excused
    assert buttons(offer)[0] == ("✉️ Mesaj mwen + 🤒 eskize Jb jodi a", WORDS_AND_EXCUSE)
    assert labels[callbacks.data(callbacks.ASK, JB)] == "✉️ Mesaj mwen sèlman (jou a pa eskize)"
    assert labels[callbacks.data(callbacks.FAMILY_NOTE_SEND, JB, "sick")] == \
        "🤒 Voye “malad jodi a” pito (jou a eskize)"
    await chat.tap(mirlande(chat), WORDS_AND_EXCUSE)
    [relay] = await to_teacher(chat)
    assert "li gen lafyèv ak tèt fè mal" in relay.text  # her details reach the teacher
    assert "(excused: Thu 17 Sep)" in relay.text  # as under the ready-made note
    assert ("↩️ Not excused: Thu 17 Sep",
            callbacks.data(callbacks.EXCUSED, JB, "20260917")) in buttons([relay])
    assert EXCUSE_THURSDAY not in [data for _, data in buttons([relay])]
    assert excused_days(chat) == [(JB, "2026-09-17")]
    # her words are no longer held: the old offer's buttons send nothing more
    await chat.tap(mirlande(chat), callbacks.data(callbacks.ASK, JB))
    assert await to_teacher(chat) == []


async def test_words_sent_alone_excuse_nothing_and_the_teacher_can_excuse_the_day(
        chat: Chat) -> None:
    await linked(chat)
    await chat.send(mirlande(chat), HER_WORDS)
    await chat.tap(mirlande(chat), callbacks.data(callbacks.ASK, JB))
    [relay] = await to_teacher(chat)
    assert excused_days(chat) == []
    assert ("🤒 Excuse Thu 17 Sep", EXCUSE_THURSDAY) in buttons([relay])
    done = await chat.tap(rivera(chat), EXCUSE_THURSDAY)
    assert "Thu 17 Sep is excused for Jb" in texts(done)
    assert ("↩️ Not excused: Thu 17 Sep",
            callbacks.data(callbacks.EXCUSED, JB, "20260917")) in buttons(done)
    assert excused_days(chat) == [(JB, "2026-09-17")]
    [told] = [c for c in await chat.deliver() if c.chat_id == MIRLANDE]
    assert "Pwofesè a eskize" in told.text and "Jb" in told.text
    # undone with the ↩️ that exists for every excused day
    await chat.tap(rivera(chat), callbacks.data(callbacks.EXCUSED, JB, "20260917"))
    assert excused_days(chat) == []


async def test_only_a_teacher_of_the_child_excuses_a_school_day(chat: Chat) -> None:
    await linked(chat)
    stranger = chat.user(9555, "Other", "en")
    await chat.tap(stranger, EXCUSE_THURSDAY)
    await chat.tap(rivera(chat), callbacks.data(callbacks.EXCUSE, JB, "20260919"))  # Saturday
    # further ahead than a family (or /student's 🤒 Excuse a day) can name
    await chat.tap(rivera(chat), callbacks.data(callbacks.EXCUSE, JB, "20261001"))
    assert excused_days(chat) == []


async def test_a_message_that_says_nothing_of_sickness_has_no_excuse_button(
        chat: Chat) -> None:
    await linked(chat)
    offer = await chat.send(mirlande(chat), "Ki devwa Jb genyen pou semèn sa a?")
    assert WORDS_AND_EXCUSE not in [data for _, data in buttons(offer)]
    await chat.tap(mirlande(chat), callbacks.data(callbacks.ASK, JB))
    [relay] = await to_teacher(chat)
    assert all(data.split(":")[0] != callbacks.EXCUSE for _, data in buttons([relay]))


async def test_on_a_day_off_her_words_go_and_nothing_is_excused(chat: Chat) -> None:
    await linked(chat)
    chat.clock.now = SATURDAY
    offer = await chat.send(mirlande(chat), HER_WORDS)
    # no school to excuse: no 🤒 at all (a Saturday's "sick today" reached the teacher on
    # Monday undated, read as a Monday absence: playtest), her words go as she wrote them
    assert WORDS_AND_EXCUSE not in [data for _, data in buttons(offer)]
    await chat.tap(mirlande(chat), callbacks.data(callbacks.ASK, JB))
    [relay] = await to_teacher(chat)
    assert "li gen lafyèv" in relay.text and "excused" not in relay.text
    assert excused_days(chat) == []


async def test_a_sick_note_in_french_from_a_creole_reading_mother_offers_the_excusal(
        chat: Chat) -> None:
    await linked(chat)
    offer = await chat.send(mirlande(chat), "Bonjour Madame, Jean-Baptiste est malade "
                                            "aujourd'hui, il a de la fièvre.")
    assert WORDS_AND_EXCUSE in [data for _, data in buttons(offer)]
    await chat.tap(mirlande(chat), callbacks.data(callbacks.ASK, JB))
    [relay] = await to_teacher(chat)
    # she reads French too: the teacher is told an answer in French reaches her
    assert "They wrote this in French: if you can, answer in French" in relay.text


async def link_from_a_french_phone(chat: Chat) -> dict[str, Any]:
    enrol_student(chat.db, START, JB, "Jb", "ht")
    made = texts(await chat.send(rivera(chat), "/family Jb"))
    french_phone = chat.user(MIRLANDE, "Mirlande", "fr")
    await chat.send(french_phone, f"/start {made.split('?start=')[1].split()[0]}")
    return french_phone


async def test_the_teacher_reads_the_language_she_chose_not_her_phones(chat: Chat) -> None:
    french_phone = await link_from_a_french_phone(chat)
    assert [c for c in await chat.deliver() if c.chat_id == TEACHER_ID] == []  # it waits
    await chat.tap(french_phone, callbacks.data(callbacks.FAMILY_LANG, "ht"))
    [note] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert note.text == "👪 Mirlande linked to Jb's family updates (Haitian Creole)"
    chat.clock.now += timedelta(minutes=5)  # told once: the waiting note went with the choice
    assert [c for c in await chat.deliver() if c.chat_id == TEACHER_ID
            and "linked" in c.text] == []


async def test_a_link_with_no_language_chosen_is_told_after_a_moment(chat: Chat) -> None:
    await link_from_a_french_phone(chat)
    chat.clock.now += timedelta(minutes=3)
    [note] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert note.text == "👪 Mirlande linked to Jb's family updates (choosing a language now)"
    assert ("Unlink", callbacks.data(callbacks.UNLINK, 1)) in buttons([note])
