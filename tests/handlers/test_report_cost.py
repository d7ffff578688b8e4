"""/report reads a class in a fixed number of SQL statements: a class of 30 costs what a class
of 3 does (a query per student, such as whether each one looks like guessing, made /report
slower with every student who joined)."""

from __future__ import annotations

from dataclasses import replace

from bot.domain.mastery import new_mastery
from bot.store import study
from bot.store.packs import pack_words
from tests.harness import TEACHER_ID, Chat, enrol_student, read_words


def students_who_answered(chat: Chat, first: int, count: int) -> None:
    """`count` more students in Science 7B, each with answers on three words (a report's
    cells)."""
    now = chat.clock()
    refs = pack_words(chat.db, "science.ecosystems")[:3]
    for n in range(first, first + count):
        user_id = 1001 + n
        enrol_student(chat.db, now, user_id, f"Student{n}", "es", 3)
        read_words(chat.db, now, user_id)
        for ref in refs:
            state = replace(new_mastery(ref.id, now), success_days=frozenset({"2026-09-01"}))
            study.save_mastery(chat.db, user_id, ref.id, state, now, answered=True)


async def statements_for(chat: Chat, command: str) -> int:
    statements: list[str] = []
    chat.db.conn.set_trace_callback(statements.append)
    try:
        calls = await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), command)
    finally:
        chat.db.conn.set_trace_callback(None)
    assert any(c.method == "sendMessage" for c in calls)
    return len(statements)


async def test_report_costs_the_same_statements_for_3_and_30_students(chat: Chat) -> None:
    students_who_answered(chat, 0, 3)
    await statements_for(chat, "/report Science 7B")  # the first /report's one-time lines
    small = await statements_for(chat, "/report Science 7B")
    students_who_answered(chat, 3, 27)
    large = await statements_for(chat, "/report Science 7B")
    print(f"/report SQL statements: {small} for 3 students, {large} for 30")
    assert large == small
