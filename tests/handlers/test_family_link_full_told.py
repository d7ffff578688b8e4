"""A 5th family member turned away by a full family link (4 use it) was told to ask the teacher
for a new link, and the teacher was never told why a grandmother then said "the link does not
work". Now the student's teachers are told once a link, in their own language: the student's
name, that one more family member could not link, /family NAME for a new link and /families
to see or unlink who is linked."""

from __future__ import annotations

from typing import Any

from bot.services import family
from tests.harness import TEACHER_ID, Chat, join_and_confirm, texts

ANA = 1001
FAMILY = (2001, 2002, 2003, 2004)
FIFTH, SIXTH = 2005, 2006


def rivera(chat: Chat, lang: str = "en") -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", lang)


async def full_link(chat: Chat, teacher_lang: str = "en") -> str:
    """Ana's family link, used by four family members."""
    await join_and_confirm(chat, chat.user(ANA, "Ana", "es"), lang="es")
    made = texts(await chat.send(rivera(chat, teacher_lang), "/family Ana"))
    payload = made.split("?start=")[1].split()[0]
    for member in FAMILY:
        await chat.send(chat.user(member, f"M{member}", "es"), f"/start {payload}")
    await chat.deliver()  # whatever linking them told the teacher
    return payload


def to_teacher(calls: list[Any]) -> str:
    return texts([c for c in calls if c.chat_id == TEACHER_ID])


async def test_the_teacher_hears_once_that_a_fifth_family_member_could_not_link(
        chat: Chat) -> None:
    payload = await full_link(chat)
    refused = await chat.send(chat.user(FIFTH, "Abuela", "es"), f"/start {payload}")
    assert "completo" in texts(refused)  # the family member is told, in Spanish
    told = to_teacher(await chat.deliver())
    assert "One more family member of <b>Ana</b> tried to link" in told
    assert "4 family members already use it" in told
    assert "/family Ana" in told and "/families" in told
    assert "Abuela" not in told  # nobody's family member: not named to the teacher
    # she tries again, and her cousin too: the teacher is not told again about this link
    await chat.send(chat.user(FIFTH, "Abuela", "es"), f"/start {payload}")
    await chat.send(chat.user(SIXTH, "Primo", "es"), f"/start {payload}")
    assert "One more family member" not in to_teacher(await chat.deliver())
    assert not family.is_family(chat.db, FIFTH) and not family.is_family(chat.db, SIXTH)


async def test_the_teacher_reads_the_note_in_her_own_language(chat: Chat) -> None:
    payload = await full_link(chat, teacher_lang="vi")
    await chat.send(rivera(chat, "vi"), "/language vi")
    await chat.send(chat.user(FIFTH, "Abuela", "es"), f"/start {payload}")
    told = to_teacher(await chat.deliver())
    assert "Thêm một người nhà của <b>Ana</b> đã thử kết nối" in told
    assert "One more family member" not in told


async def test_a_new_link_is_a_new_link_to_tell_about(chat: Chat) -> None:
    """The note is once a link, not once a student: a second link filled and refused is news."""
    first = await full_link(chat)
    await chat.send(chat.user(FIFTH, "Abuela", "es"), f"/start {first}")
    await chat.deliver()
    made = texts(await chat.send(rivera(chat), "/family Ana"))
    second = made.split("?start=")[1].split()[0]
    for member in (3001, 3002, 3003, 3004):
        await chat.send(chat.user(member, f"M{member}", "es"), f"/start {second}")
    await chat.deliver()
    await chat.send(chat.user(FIFTH, "Abuela", "es"), f"/start {second}")
    assert "One more family member of <b>Ana</b>" in to_teacher(await chat.deliver())
