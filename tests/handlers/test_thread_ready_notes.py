"""/thread and a parent's three messages (playtest: a typed homework question, the ready-made
"I cannot read English" and the ready-made "absent on Wednesday"): each is listed, and the
ready-made ones say which they are, so three lines of one minute are not read as repeats."""

from __future__ import annotations

from bot.presentation import callbacks
from tests.clock import START
from tests.families import link, rivera
from tests.harness import Chat, buttons, enrol_student, texts

WIDLENE, MOTHER = 1001, 2001


async def test_thread_lists_a_typed_question_and_two_ready_made_messages_apart(
        chat: Chat) -> None:
    enrol_student(chat.db, START, WIDLENE, "Widlene", "ht")
    mother = chat.user(MOTHER, "Marie-Ange", "ht")
    await link(chat, rivera(chat), "Widlene", mother)
    await chat.send(mother, "/ask Widlene pa konprann devwa a")
    for note in ("cannot-read", "absent"):
        await chat.send(mother, "/ask")
        await chat.tap(mother, callbacks.data(callbacks.FAMILY_NOTE))
        shown = await chat.tap(mother, callbacks.data(callbacks.FAMILY_NOTE, WIDLENE, note))
        if note == "absent":  # its day first, then the message as it goes
            day = [d for _, d in buttons(shown) if d.count(":") == 3][1]
            shown = await chat.tap(mother, day)
        send = next(d for _, d in buttons(shown) if d.startswith(callbacks.FAMILY_NOTE_SEND))
        await chat.tap(mother, send)
    await chat.deliver()
    lines = texts(await chat.send(rivera(chat), "/thread Widlene")).split("\n")[1:]
    assert len(lines) == 3
    assert "📝" not in lines[0]  # her own words
    assert lines[1].endswith("· 📝 ready-made message: 🔤 I cannot read English · ⏳ waiting "
                             "for your answer")
    assert "· 📝 ready-made message: 📅 Widlene will miss a school day ·" in lines[2]
