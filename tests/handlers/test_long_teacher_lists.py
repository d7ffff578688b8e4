"""A teacher's long lists: a long pack's terms (/packs PACK) and a term's messages about a
student (/thread) are shown whole, in messages Telegram accepts (one message over its 4,096
characters was refused, and the teacher got nothing)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.store import threads
from tests.clock import START
from tests.harness import TEACHER_ID, Chat, enrol_student, join_and_confirm, texts
from tests.telegram_html import problems, visible

TERMS = [f"interdependence-{n:03d} & co" for n in range(300)]


def big_pack() -> str:
    rows = [f'"{term}",noun,3,A word the class needs to learn.,"We use {term} in class."'
            for term in TERMS]
    return "term,pos,tier,definition,example\n" + "\n".join(rows) + "\n"


async def test_a_long_packs_terms_all_reach_the_teacher(chat: Chat) -> None:
    teacher = chat.user(TEACHER_ID, "Hoa", "en")
    content = big_pack()
    chat.api.uploads["f1"] = content.encode()
    saved = texts(await chat.process(chat.factory.document(teacher, "f1", "Big.csv",
                                                           len(content))))
    assert "is ready with 300 words" in saved, saved
    listed = await chat.send(teacher, "/packs t9001.big")
    assert listed and [p for call in listed for p in problems(call)] == []
    shown = "\n".join(visible(c.text) for c in listed)
    assert all(term in shown for term in TERMS)


async def test_a_long_thread_reaches_the_teacher_in_messages_telegram_takes(
        chat: Chat) -> None:
    """Sixty messages about Ana in a term (each a line in /thread) were one message over
    Telegram's limit: the teacher got nothing."""
    await join_and_confirm(chat, chat.user(1001, "Ana", "es"))
    for n in range(60):
        threads.add_ask(chat.db, 1001, TEACHER_ID, 1001, "student", "es", 5000 + n,
                        START + timedelta(hours=n))
    listed = await chat.send(chat.user(TEACHER_ID, "Hoa", "en"), "/thread Ana")
    assert len(listed) > 1 and [p for call in listed for p in problems(call)] == []
    lines = [line for c in listed for line in visible(c.text).split("\n")]
    assert sum("✉️" in line for line in lines) == 60  # every message is listed


@pytest.mark.parametrize("linked", [False, True])
async def test_a_big_class_with_no_families_yet_is_named_whole(chat: Chat, linked: bool) -> None:
    """/families in a class of 200 whose families are not linked yet names every student in
    messages Telegram accepts (one message naming 200 was refused: the teacher got nothing)."""
    names = [f"Maximiliana-Josefina{n:03d}" for n in range(200)]
    for n, name in enumerate(names):
        enrol_student(chat.db, START, 3000 + n, name)
    teacher = chat.user(TEACHER_ID, "Hoa", "en")
    if linked:  # a link still open: the families page comes first
        await chat.send(teacher, f"/family {names[0]}")
    listed = await chat.send(teacher, "/families")
    assert [p for call in listed for p in problems(call)] == []
    shown = "\n".join(visible(c.text) for c in listed)
    assert all(name in shown for name in names)
