"""A teacher who is a parent too (one Telegram account, linked as family to a child): a bare
/start says which roles the account has and how to go on in each (defect: it only ever said
"You are a teacher here", so the family side could not be found again)."""

from __future__ import annotations

from typing import Any

from bot.presentation import callbacks
from tests.harness import MATH_TEACHER_ID, TEACHER_ID, Chat, join_and_confirm, texts, two_classes


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def parent_teacher(chat: Chat, lang: str = "en") -> dict[str, Any]:
    """Mr. Okafor teaches Math 6 and is Ana's father: Ms. Rivera's family link, opened from
    his teacher account."""
    two_classes(chat.db, chat.clock())
    await join_and_confirm(chat, chat.user(lang="es"))
    made = texts(await chat.send(rivera(chat), "/family Ana"))
    okafor = chat.user(MATH_TEACHER_ID, "Okafor", lang)
    await chat.send(okafor, f"/start {made.split('?start=')[1].split()[0]}")
    await chat.tap(okafor, callbacks.data(callbacks.FAMILY_LANG, lang))
    await chat.deliver()
    return okafor


async def test_a_bare_start_shows_both_roles_and_the_way_back_to_the_family_side(
        chat: Chat) -> None:
    okafor = await parent_teacher(chat)
    await chat.send(okafor, "/classes")  # a teacher's command first
    said = texts(await chat.send(okafor, "/start"))
    assert "teacher" in said and "/classes" in said
    assert "family member of Ana" in said and "/now" in said and "/ask" in said
    now = texts(await chat.send(okafor, "/now"))
    assert "Ana" in now  # the family side works from there


async def test_a_parent_teacher_gets_the_weekly_updates_back_with_start(chat: Chat) -> None:
    okafor = await parent_teacher(chat)
    stopped = texts(await chat.send(okafor, "/stop"))
    assert "/start" in stopped  # the family is told /start brings them back
    said = texts(await chat.send(okafor, "/start"))
    assert "Weekly updates are on again" in said
    assert chat.db.execute("SELECT updates_on FROM families WHERE telegram_id = ?",
                           [MATH_TEACHER_ID]).fetchone()[0] == 1


async def test_the_roles_are_said_in_the_language_the_parent_chose(chat: Chat) -> None:
    okafor = await parent_teacher(chat, lang="es")
    said = texts(await chat.send(okafor, "/start"))
    assert "/now" in said and "Ana" in said and "docente" in said


async def test_a_teacher_with_no_child_linked_gets_the_teachers_start(chat: Chat) -> None:
    said = texts(await chat.send(rivera(chat), "/start"))
    assert said.startswith("You are a teacher here.")
