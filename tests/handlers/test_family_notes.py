"""A family's ready-made messages to the teacher (Arabic playtest: Fatima's homework question
and Thursday doctor's appointment reached the teacher as Arabic nobody could read, and her
"I could not read your English" too): a few notes written by people in every language, each
reaching the teacher with English people wrote, never a machine's guess."""

from __future__ import annotations

from typing import Any

from bot.presentation import callbacks
from tests.clock import START
from tests.families import link, rivera
from tests.harness import TEACHER_ID, Chat, buttons, enrol_student, texts

OMAR, FATIMA = 1001, 2001


def fatima(chat: Chat) -> dict[str, Any]:
    return chat.user(FATIMA, "Fatima", "ar")


async def linked(chat: Chat) -> None:
    enrol_student(chat.db, START, OMAR, "Omar", "ar")
    await link(chat, rivera(chat), "Omar", fatima(chat))
    await chat.deliver()


async def test_a_mother_sends_an_absence_in_arabic_and_the_teacher_reads_it_in_english(
        chat: Chat) -> None:
    await linked(chat)
    prompt = await chat.send(fatima(chat), "/ask")
    assert (("📝 رسائل جاهزة", callbacks.data(callbacks.FAMILY_NOTE))) in buttons(prompt)
    listed = await chat.tap(fatima(chat), callbacks.data(callbacks.FAMILY_NOTE))
    assert "اختاروا رسالة عن" in texts(listed)
    notes = [data for _, data in buttons(listed)]
    assert notes == [callbacks.data(callbacks.FAMILY_NOTE, OMAR, note) for note in
                     ("sick", "absent", "homework", "help", "progress", "cannot-read",
                      "meet")]
    days = await chat.tap(fatima(chat), notes[1])
    day = next(data for _, data in buttons(days) if data.count(":") == 3)
    shown = await chat.tap(fatima(chat), day)
    assert "غياب Omar عن المدرسة يوم" in texts(shown)  # her own words before it goes
    send = next(data for _, data in buttons(shown)
                if data.startswith(callbacks.FAMILY_NOTE_SEND + ":"))
    sent, again = await chat.double_tap(fatima(chat), send)  # a double tap sends it once
    assert texts(sent) and not texts(again)  # told where the answer will come, once
    [relay] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert "English (a ready-made message they chose; written by people, not a machine):" \
        in relay.text
    assert "Omar will not be at school on " in relay.text
    assert "machine translation" not in relay.text
    screen = next(c.result_id for c in listed if c.method == "sendMessage")
    await chat.tap_on(fatima(chat), send, screen)  # an old screen's button, later: no more
    assert [c for c in await chat.deliver() if c.chat_id == TEACHER_ID] == []


async def test_a_note_without_a_day_goes_after_one_confirming_tap(chat: Chat) -> None:
    await linked(chat)
    await chat.send(fatima(chat), "/help")
    await chat.tap(fatima(chat), callbacks.data(callbacks.FAMILY_NOTE))
    shown = await chat.tap(fatima(chat), callbacks.data(callbacks.FAMILY_NOTE, OMAR,
                                                        "cannot-read"))
    assert "لا أستطيع قراءة الإنجليزية" in texts(shown)
    await chat.tap(fatima(chat), callbacks.data(callbacks.FAMILY_NOTE_SEND, OMAR, "cannot-read"))
    relay = next(c for c in await chat.deliver() if c.chat_id == TEACHER_ID)
    assert "I cannot read English. Please answer me with a ready-made reply" in relay.text
    # the replies that answer it come first (not "I hope Omar feels better soon")
    assert relay.buttons[0][0] == "💬 I will find an interpreter and call you."


async def test_a_forged_child_or_note_sends_nothing(chat: Chat) -> None:
    await linked(chat)
    enrol_student(chat.db, START, 1002, "Ben", "es")
    await chat.send(fatima(chat), "/ask")
    await chat.tap(fatima(chat), callbacks.data(callbacks.FAMILY_NOTE_SEND, 1002, "sick"))
    await chat.tap(fatima(chat), callbacks.data(callbacks.FAMILY_NOTE_SEND, OMAR, "absent"))
    assert [c for c in await chat.deliver() if c.chat_id == TEACHER_ID] == []
    student = chat.user(OMAR, "Omar", "ar")  # a student is no family: nothing goes
    await chat.tap(student, callbacks.data(callbacks.FAMILY_NOTE_SEND, OMAR, "sick"))
    assert [c for c in await chat.deliver() if c.chat_id == TEACHER_ID] == []


async def test_a_text_typed_while_the_list_is_open_is_offered_not_sent(chat: Chat) -> None:
    """Re-playtest: after /ask, then 📝, Fatima typed her own Arabic line while the day list
    was open; it went to the teacher at once, untranslated, as the bare /ask's message."""
    await linked(chat)
    await chat.send(fatima(chat), "/ask")
    await chat.tap(fatima(chat), callbacks.data(callbacks.FAMILY_NOTE))
    said = await chat.send(fatima(chat), "ابني عنده موعد طبيب")
    assert buttons(said)  # "shall I send it?", with its buttons
    assert [c for c in await chat.deliver() if c.chat_id == TEACHER_ID] == []
