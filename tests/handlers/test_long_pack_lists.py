"""A teacher's long pack, listed by /packs PACK: every term shown, in messages Telegram
accepts (one message of 300 terms was over its 4,096 characters, and the teacher got none)."""

from __future__ import annotations

from tests.harness import TEACHER_ID, Chat, texts
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
