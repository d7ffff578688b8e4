"""Haitian playtest: Mme Pierre asked "Kijan Jb ap fè nan lekòl la?" (how is Jb doing at school?)
and Mr. Davis, who reads English only, could not read it: no ready-made message said it. Now
"📈 How is Jb doing?" is one of them, and reaches the teacher in English."""

from __future__ import annotations

from bot.presentation import callbacks
from tests.clock import START
from tests.families import link, rivera
from tests.harness import TEACHER_ID, Chat, buttons, enrol_student, texts

JB, MME_PIERRE = 1001, 2001


async def test_how_is_he_doing_is_a_ready_made_message_the_teacher_reads_in_english(
        chat: Chat) -> None:
    enrol_student(chat.db, START, JB, "Jb", "ht")
    mother = chat.user(MME_PIERRE, "Mme Pierre", "ht")
    await link(chat, rivera(chat), "Jb", mother)
    await chat.deliver()
    listed = await chat.tap(mother, callbacks.data(callbacks.FAMILY_NOTE, JB))
    progress = callbacks.data(callbacks.FAMILY_NOTE, JB, "progress")
    assert ("📈 Kijan Jb ap fè?", progress) in buttons(listed)
    shown = await chat.tap(mother, progress)
    assert "Kijan Jb ap fè nan lekòl la?" in texts(shown)
    await chat.tap(mother, callbacks.data(callbacks.FAMILY_NOTE_SEND, JB, "progress"))
    [relayed] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert "How is Jb doing at school?" in relayed.text


async def test_a_typed_progress_question_shows_the_week_first_and_can_still_be_sent(
        chat: Chat) -> None:
    enrol_student(chat.db, START, JB, "Jb", "ht")
    mother = chat.user(MME_PIERRE, "Mme Pierre", "ht")
    await link(chat, rivera(chat), "Jb", mother)
    await chat.deliver()
    offer = await chat.send(mother, "Kijan Jb ap fè nan lekòl la?")
    assert texts(offer).startswith("📈 Men semèn Jb (epi ak /now tou).")
    send = callbacks.data(callbacks.ASK, JB)
    assert send in [data for _, data in buttons(offer)]
    await chat.tap(mother, send)
    [relayed] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert "Kijan Jb ap fè nan lekòl la?" in relayed.text
    other = await chat.send(mother, "Mèsi pou devwa a, m ap tcheke l")
    assert "📈" not in texts(other)
