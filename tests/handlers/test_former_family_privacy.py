"""Privacy of a former family member (defect: their language, and more, was kept until their own
/deleteme): unlinked from their last student, nothing that names them is kept; the teacher's
record of the conversation stays, with no one's Telegram id in it."""

from __future__ import annotations

from typing import Any

from bot.presentation import callbacks
from tests.families import unlink_first
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_as_written,
    buttons,
    enrol_student,
    join_and_confirm,
    reply,
    texts,
)
from tests.tables import cells_naming

FATHER = 2002


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def link(chat: Chat, child: str, member: dict[str, Any]) -> None:
    made = texts(await chat.send(rivera(chat), f"/family {child}"))
    await chat.send(member, f"/start {made.split('?start=')[1].split()[0]}")
    await chat.tap(member, callbacks.data(callbacks.FAMILY_LANG, "so"))
    await chat.deliver()  # the teacher hears of the new link


async def a_father_who_talked_with_the_teacher(chat: Chat) -> dict[str, Any]:
    """Ana's father (Somali, English phone) chose Somali, wrote to the teacher, had an answer
    he replied to, stopped the weekly updates, got an announcement and a weekly update."""
    await join_and_confirm(chat, chat.user(lang="es"))
    father = chat.user(FATHER, "Aabe", "en")
    await link(chat, "Ana", father)
    await chat.send(father, "/ask Macallin, sidee buu Ana u socdaa?")
    relay = next(c for c in await chat.deliver() if c.chat_id == TEACHER_ID)
    assert relay.result_id is not None
    await answer_as_written(chat, rivera(chat), "Ana is doing well.", relay.result_id)
    answer = next(c for c in await chat.deliver() if c.chat_id == FATHER)
    assert answer.result_id is not None
    await reply(chat, father, "Mahadsanid!", answer.result_id)
    preview = await chat.send(rivera(chat), "/announce Science 7B Field trip on Friday.")
    await chat.tap(rivera(chat), next(d for _, d in buttons(preview) if d.endswith(":f")))
    await chat.send(father, "/now")
    await chat.send(father, "/stop")
    await chat.deliver()
    assert cells_naming(chat.db, FATHER)  # all this names him while he is linked
    return father


async def test_unlinked_from_his_only_child_nothing_names_him(chat: Chat) -> None:
    await a_father_who_talked_with_the_teacher(chat)
    await unlink_first(chat, rivera(chat))
    await chat.deliver()
    assert cells_naming(chat.db, FATHER) == []
    assert chat.db["family_languages"].count == 0
    # the teacher's record of the conversation stays, naming nobody
    thread = texts(await chat.send(rivera(chat), "/thread Ana"))
    assert "family member" in thread


async def test_his_queued_weekly_update_and_announcement_are_dropped(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    father = chat.user(FATHER, "Aabe", "en")
    await link(chat, "Ana", father)
    await chat.deliver()
    chat.clock.advance(hours=10)  # 21:00: quiet hours hold what is queued for him
    preview = await chat.send(rivera(chat), "/announce Science 7B Field trip on Friday.")
    await chat.tap(rivera(chat), next(d for _, d in buttons(preview) if d.endswith(":f")))
    await chat.deliver()
    await unlink_first(chat, rivera(chat))
    chat.clock.advance(hours=10)
    told = [c.text for c in await chat.deliver() if c.chat_id == FATHER]
    assert len(told) == 1 and "Field trip" not in told[0]  # only that he was unlinked
    assert cells_naming(chat.db, FATHER) == []


async def test_a_teachers_reply_to_his_old_message_says_he_is_gone(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    father = chat.user(FATHER, "Aabe", "en")
    await link(chat, "Ana", father)
    await chat.send(father, "/ask Macallin, sidee buu Ana u socdaa?")
    relay = next(c for c in await chat.deliver() if c.chat_id == TEACHER_ID)
    assert relay.result_id is not None
    await unlink_first(chat, rivera(chat))
    said = texts(await answer_as_written(chat, rivera(chat), "She is fine.", relay.result_id))
    assert "no longer linked" in said
    told = [c.text for c in await chat.deliver() if c.chat_id == FATHER]
    assert len(told) == 1 and "She is fine" not in told[0]  # only that he was unlinked


async def test_still_linked_to_another_child_he_keeps_his_language(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    enrol_student(chat.db, chat.clock(), 1003, "Ben", "es")
    father = chat.user(FATHER, "Aabe", "en")
    await link(chat, "Ana", father)
    await link(chat, "Ben", father)
    await unlink_first(chat, rivera(chat))
    assert chat.db["family_languages"].count == 1
    week = texts(await chat.send(father, "/now"))
    assert week.startswith("📬 Toddobaadka")  # still in Somali


async def test_his_stop_needs_nothing_kept_and_is_still_answered(chat: Chat) -> None:
    await a_father_who_talked_with_the_teacher(chat)
    await unlink_first(chat, rivera(chat))
    await chat.deliver()
    father = chat.user(FATHER, "Aabe", "en")
    said = texts(await chat.send(father, "/stop"))
    assert "not linked" in said  # answered, in his phone's language: nothing was kept
    assert cells_naming(chat.db, FATHER) == []
