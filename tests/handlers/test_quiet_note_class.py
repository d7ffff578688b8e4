"""Teacher playtest (Mr. Novak, "Biology 9A" and "Biology 9B"): "🔇 Maria has not answered or
opened a card since Mon 14 Sep (3 school days)…" never said which class. A teacher of several
classes reads the student's class under the note; a teacher of one reads it as before."""

from __future__ import annotations

from datetime import date

from bot.store import people
from tests.clock import START
from tests.harness import TEACHER_ID, Chat, join_and_confirm, quiet_notes

# a school week and more: when the note comes is quiet.py's, not this test's
DAYS = [date(2026, 9, d) for d in (15, 16, 17, 18, 21, 22)]


async def test_a_teacher_of_several_classes_reads_which_class_went_quiet(chat: Chat) -> None:
    people.create_class(chat.db, TEACHER_ID, "Biology 9A", "BIOcode_9A", START, None, START)
    await join_and_confirm(chat, chat.user(1001, "Maria", "es"), level=2)
    [(_, note)] = await quiet_notes(chat, DAYS)
    assert note.startswith("🔇 Maria has not opened a card")
    assert note.endswith("again.)\nClass: <b>Science 7B</b>")


async def test_a_teacher_of_one_class_reads_the_note_as_before(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(1001, "Maria", "es"), level=2)
    [(_, note)] = await quiet_notes(chat, DAYS)
    assert note.startswith("🔇 Maria has not opened a card") and note.endswith("again.)")
