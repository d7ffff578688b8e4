"""Twins in one class (defect: a family's reply to the class announcement was filed under the
first child only): the teacher reads it once, naming both children, and finds it in both
children's threads; answering it once answers it in both."""

from __future__ import annotations

from typing import Any

from bot.presentation import callbacks
from tests.harness import TEACHER_ID, Chat, answer_as_written, buttons, enrol_student, reply, texts

MOTHER, ANA, BEN = 2001, 1001, 1003


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def twins_mother(chat: Chat) -> dict[str, Any]:
    """Ana and Ben in Science 7B, their mother linked to both, in Spanish."""
    enrol_student(chat.db, chat.clock(), ANA, "Ana", "es")
    enrol_student(chat.db, chat.clock(), BEN, "Ben", "es")
    mom = chat.user(MOTHER, "Mamá", "es")
    for child in ("Ana", "Ben"):
        made = texts(await chat.send(rivera(chat), f"/family {child}"))
        await chat.send(mom, f"/start {made.split('?start=')[1].split()[0]}")
        await chat.tap(mom, callbacks.data(callbacks.FAMILY_LANG, "es"))
    await chat.deliver()
    return mom


async def announced(chat: Chat, text: str) -> int:
    preview = await chat.send(rivera(chat), f"/announce Science 7B {text}")
    await chat.tap(rivera(chat), next(d for _, d in buttons(preview) if d.endswith(":f")))
    copy = next(c for c in await chat.deliver() if c.chat_id == MOTHER)
    assert copy.result_id is not None
    return copy.result_id


async def test_a_reply_to_an_announcement_is_filed_for_both_twins(chat: Chat) -> None:
    mom = await twins_mother(chat)
    copy = await announced(chat, "Field trip on Friday to the river.")
    calls = await reply(chat, mom, "¿A qué hora regresan?", copy)
    assert not [d for _, d in buttons(calls) if d.startswith(f"{callbacks.ASK}:")]  # no "which"
    relayed = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert len(relayed) == 1  # one message for the teacher, not one per child
    assert "<b>Ana and Ben</b>" in relayed[0].text
    assert "About your announcement" in relayed[0].text
    for child in ("Ana", "Ben"):
        thread = texts(await chat.send(rivera(chat), f"/thread {child}"))
        assert "waiting for your answer" in thread, child
    assert relayed[0].result_id is not None
    await answer_as_written(chat, rivera(chat), "We are back at 2:30.", relayed[0].result_id)
    answers = [c for c in await chat.deliver() if c.chat_id == MOTHER]
    assert len(answers) == 1 and "We are back at 2:30." in answers[0].text
    for child in ("Ana", "Ben"):
        thread = texts(await chat.send(rivera(chat), f"/thread {child}"))
        assert "waiting for your answer" not in thread, child


async def test_the_typed_answer_offer_names_the_message_once(chat: Chat) -> None:
    mom = await twins_mother(chat)
    copy = await announced(chat, "Field trip on Friday to the river.")
    await reply(chat, mom, "¿A qué hora regresan?", copy)
    await chat.deliver()
    offered = await chat.send(rivera(chat), "Back at 2:30.")
    held = [d for _, d in buttons(offered) if d.startswith(f"{callbacks.ANSWER_HELD}:")]
    assert len([d for d in held if not d.endswith(":no")]) == 1
