"""A teacher's message (an answer, a message written first, an announcement) waiting in the
outbox for a family member who is unlinked before it goes out (defect: it still went): it is not
sent, and the teacher is told why."""

from __future__ import annotations

from typing import Any

from bot.presentation import callbacks
from tests.harness import (
    MATH_TEACHER_ID,
    TEACHER_ID,
    Chat,
    buttons,
    enrol_student,
    join_and_confirm,
    texts,
    two_classes,
    write_as_written,
)

MOTHER = 2001


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def family_member(chat: Chat) -> dict[str, Any]:
    """Ana (Spanish) in Science 7B and her mother linked to her, in Spanish."""
    await join_and_confirm(chat, chat.user(lang="es"))
    made = texts(await chat.send(rivera(chat), "/family Ana"))
    mom = chat.user(MOTHER, "Mamá", "es")
    await chat.send(mom, f"/start {made.split('?start=')[1].split()[0]}")
    await chat.tap(mom, callbacks.data(callbacks.FAMILY_LANG, "es"))
    await chat.deliver()
    return mom


async def write_in_quiet_hours(chat: Chat) -> None:
    """The teacher writes to the mother at 21:00: the message waits for the morning."""
    chat.clock.advance(hours=10)  # 21:00 in New York: quiet hours
    listing = await chat.send(rivera(chat), "/families")
    write = next(d for _, d in buttons(listing) if d.startswith(f"{callbacks.WRITE_FAMILY}:"))
    await chat.tap(rivera(chat), write)
    await write_as_written(chat, rivera(chat), "Ana forgot her lunch box today.")
    assert [c for c in await chat.deliver() if c.chat_id == MOTHER] == []


async def unlink(chat: Chat) -> None:
    listing = await chat.send(rivera(chat), "/families")
    gone = next(d for _, d in buttons(listing) if d.startswith(f"{callbacks.UNLINK}:"))
    await chat.tap(rivera(chat), gone)
    await chat.tap(rivera(chat), f"{gone}:yes")


async def test_a_message_queued_for_an_unlinked_family_member_is_not_sent(chat: Chat) -> None:
    await family_member(chat)
    await write_in_quiet_hours(chat)
    await unlink(chat)
    chat.clock.advance(hours=10)  # 07:00 the next morning
    calls = await chat.deliver()
    # only the kind note that she was unlinked, never the message queued before
    assert [c.text[:2] for c in calls if c.chat_id == MOTHER] == ["ℹ️"[:2]]
    told = [c.text for c in calls if c.chat_id == TEACHER_ID]
    assert len(told) == 1
    assert "Not sent" in told[0] and "<b>Ana</b>" in told[0]
    assert "unlinked" in told[0]
    # nothing of the teacher's words is kept for someone it will never reach
    kept = [p for (p,) in chat.db.execute("SELECT payload FROM outbox WHERE chat_id = ?",
                                          [MOTHER])]
    assert all("lunch box" not in p for p in kept)
    assert [c for c in await chat.deliver() if c.chat_id in (MOTHER, TEACHER_ID)] == []


async def test_the_teacher_is_told_in_the_language_they_read(chat: Chat) -> None:
    await family_member(chat)
    await chat.send(rivera(chat), "/language")
    await chat.tap(rivera(chat), callbacks.data(callbacks.TEACHER_LANG, "es"))
    await write_in_quiet_hours(chat)
    await unlink(chat)
    chat.clock.advance(hours=10)
    told = [c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert len(told) == 1 and "no se envió" in told[0].lower()


async def test_a_message_to_a_family_member_still_linked_goes_out(chat: Chat) -> None:
    await family_member(chat)
    await write_in_quiet_hours(chat)
    chat.clock.advance(hours=10)
    calls = await chat.deliver()
    assert [c.chat_id for c in calls] == [MOTHER]
    assert "lunch box" in calls[0].text


async def test_an_announcement_queued_for_a_family_member_unlinked_from_the_class_is_not_sent(
        chat: Chat) -> None:
    """Ana's mother is linked to Ben too (another class): unlinked from Ana, she has no child
    in Science 7B, so its announcement waiting for the morning is not hers any more."""
    await family_member(chat)
    two_classes(chat.db, chat.clock())
    enrol_student(chat.db, chat.clock(), 1004, "Ben", "es", code="MATHcode_456")
    made = texts(await chat.send(chat.user(MATH_TEACHER_ID, "Okafor", "en"), "/family Ben"))
    mom = chat.user(MOTHER, "Mamá", "es")
    await chat.send(mom, f"/start {made.split('?start=')[1].split()[0]}")
    await chat.deliver()
    chat.clock.advance(hours=10)  # 21:00: quiet hours
    preview = await chat.send(rivera(chat), "/announce Science 7B Field trip on Friday.")
    await chat.tap(rivera(chat), next(d for _, d in buttons(preview) if d.endswith(":f")))
    await chat.deliver()
    await unlink(chat)
    chat.clock.advance(hours=10)  # 07:00
    calls = await chat.deliver()
    # only the kind note that she was unlinked, never the message queued before
    assert [c.text[:2] for c in calls if c.chat_id == MOTHER] == ["ℹ️"[:2]]
    told = [c.text for c in calls if c.chat_id == TEACHER_ID]
    assert len(told) == 1
    assert "Field trip on Friday." in told[0] and "Science 7B" in told[0]
    assert "not sent" in told[0].lower()
