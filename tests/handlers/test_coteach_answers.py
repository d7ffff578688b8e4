"""A family's message reaches every teacher of the class; one answer answers it for all of
them (playtest, Chem 11): Jean's father wrote once, the ESL co-teacher Ali answered, and Ms.
Rivera's /thread still said "⏳ waiting for your answer"; her ready-made "Jean is doing
well." then went in one tap, unasked, and the father read two answers from "the teacher"."""

from __future__ import annotations

from typing import Any

from bot.presentation import callbacks
from tests.clock import START
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_as_written,
    buttons,
    enrol_student,
    texts,
    write_as_written,
)

JEAN, PAPA, ALI = 1001, 2001, 9060


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def a_question_both_teachers_read(chat: Chat) -> tuple[dict[str, Any], dict[str, int]]:
    """Jean in Science 7B, Ali its co-teacher, Jean's father linked (Haitian Creole): he asks
    once. Ali's phone, and the relay each teacher got (teacher id -> its message id)."""
    enrol_student(chat.db, START, JEAN, "Jean", "ht")
    ali = chat.user(ALI, "Ali", "en")
    made = texts(await chat.send(rivera(chat), "/coteach"))
    await chat.send(ali, f"/teach {made.split('/teach ')[1].split('<')[0].strip()}")
    papa = chat.user(PAPA, "Papa", "ht")
    link = texts(await chat.send(rivera(chat), "/family Jean"))
    await chat.send(papa, f"/start {link.split('?start=')[1].split()[0]}")
    await chat.tap(papa, callbacks.data(callbacks.FAMILY_LANG, "ht"))
    await chat.deliver()
    await chat.send(papa, "/ask Jean di m li pa konprann leson syans lan.")
    relays = {c.chat_id: c.result_id for c in await chat.deliver()
              if c.chat_id in (TEACHER_ID, ALI) and "Jean" in (c.text or "")}
    assert set(relays) == {TEACHER_ID, ALI}
    return ali, {k: v for k, v in relays.items() if v is not None}


async def test_a_co_teachers_answer_answers_the_message_in_every_teachers_thread(
        chat: Chat) -> None:
    ali, relays = await a_question_both_teachers_read(chat)
    await answer_as_written(chat, ali, "Jean can read his cards every day.", relays[ALI])
    await chat.deliver()
    thread = texts(await chat.send(rivera(chat), "/thread Jean")).split("\n")
    assert "waiting for your answer" not in "\n".join(thread)
    assert thread[-1].endswith("· ↩️ Ali answered")


async def test_a_ready_made_reply_after_a_co_teachers_answer_asks_first(chat: Chat) -> None:
    ali, relays = await a_question_both_teachers_read(chat)
    await answer_as_written(chat, ali, "Jean can read his cards every day.", relays[ALI])
    await chat.deliver()
    ready = callbacks.data(callbacks.READY_REPLY, "well")  # "💬 Jean is doing well."
    asked = await chat.tap_on(rivera(chat), ready, relays[TEACHER_ID])
    assert texts(asked).strip() == "⚠️ Ali already answered this message. Send “Jean is doing " \
        "well.” anyway?"
    assert [c for c in await chat.deliver() if c.chat_id == PAPA] == []  # nothing went
    assert any(d.endswith(":y") for _, d in buttons(asked))  # she may still send it


async def test_an_unanswered_message_still_waits_in_both_threads(chat: Chat) -> None:
    ali, _ = await a_question_both_teachers_read(chat)
    for teacher in (rivera(chat), ali):
        thread = texts(await chat.send(teacher, "/thread Jean"))
        assert thread.endswith("· ⏳ waiting for your answer")


async def test_a_co_teachers_first_message_to_the_family_is_in_the_teachers_thread(
        chat: Chat) -> None:
    ali, _ = await a_question_both_teachers_read(chat)
    listing = await chat.send(ali, "/families")
    write = next(d for label, d in buttons(listing) if label.startswith("✉️ Write: Papa"))
    await chat.tap(ali, write)
    await write_as_written(chat, ali, "Jean did well on the lab today.")
    await chat.deliver()
    thread = texts(await chat.send(rivera(chat), "/thread Jean")).split("\n")
    assert thread[-1].endswith("· ✉️ Ali wrote first to a family member")
