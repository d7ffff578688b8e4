"""Bob teaches Math 6 only and typed `/announce Science 7B hello from Bob`: the words were
taken as a message to Math 6 (playtest). A class he does not teach named first is refused,
saying so; his own class's announcements still come with their preview to confirm."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.store import people
from tests.clock import START
from tests.harness import Chat, texts

BOB = 9101


async def bob(chat: Chat, lang: str = "en") -> dict[str, Any]:
    """Bob, a teacher of Math 6 alone (Ms. Rivera teaches Science 7B), with Ana in it."""
    people.upsert_teacher(chat.db, BOB, "Bob", START)
    math = people.create_class(chat.db, BOB, "Math 6", "MATHcode_1234",
                               START + timedelta(days=180), None, START)
    people.upsert_student(chat.db, 7301, "Ana", START)
    people.set_student_language(chat.db, 7301, "es")
    people.enroll(chat.db, 7301, math.id, START)
    return chat.user(BOB, "Bob", lang)


def queued(chat: Chat) -> int:
    return chat.db.execute("SELECT count(*) FROM outbox WHERE kind != 'goodbye'").fetchone()[0]


async def test_another_teachers_class_named_first_is_refused_not_sent_to_his_own(
        chat: Chat) -> None:
    before = queued(chat)
    reply = texts(await chat.send(await bob(chat), "/announce science 7b hello from Bob"))
    assert reply == ("You don't teach a class called <b>Science 7B</b>, so nothing was sent. "
                     "Your classes: Math 6. Like this: /announce Math 6 your message")
    assert queued(chat) == before


async def test_the_refusal_reads_in_the_teachers_language(chat: Chat) -> None:
    reply = texts(await chat.send(await bob(chat, "fr"), "/announce Science 7B bonjour"))
    assert reply.startswith("Vous n'enseignez dans aucune classe appelée <b>Science 7B</b>"
                            "\u202f: rien n'a été envoyé.")


async def test_his_own_class_still_gets_the_preview_to_confirm(chat: Chat) -> None:
    teacher = await bob(chat)
    for typed in ("/announce Math 6 Science 7B visits us Friday", "/announce Quiz on Friday"):
        reply = texts(await chat.send(teacher, typed))
        assert "don't teach" not in reply
        assert "Your announcement to <b>Math 6</b>" in reply
