"""A family member the teacher unlinks in /families is told, kindly and in their language, as
one whose link a student's removal ends is told (updates that stopped without a word looked
like a broken phone): one note through the outbox (quiet hours), gone once delivered: nothing
of them is kept."""

from __future__ import annotations

from typing import Any

from bot.presentation import callbacks
from tests.families import link, unlink_first
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, texts

FATHER = 2002


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def linked_father(chat: Chat, lang: str = "so") -> dict[str, Any]:
    """Ana in Science 7B; her father, whose phone is in English, links and chooses `lang`."""
    await join_and_confirm(chat, chat.user(lang="es"))
    father = chat.user(FATHER, "Aabe", "en")
    await link(chat, rivera(chat), "Ana", father, lang)
    await chat.deliver()
    return father


async def test_an_unlinked_father_is_told_in_his_language(chat: Chat) -> None:
    await linked_father(chat)
    await unlink_first(chat, rivera(chat))
    told = [c.text for c in await chat.deliver() if c.chat_id == FATHER]
    assert len(told) == 1
    assert told[0].startswith("ℹ️ Macallinka Ana ayaa taleefankan ka jaray Ana")  # Somali
    assert chat.db["family_languages"].count == 0  # his language went with the link
    kept = chat.db.execute("SELECT count(*) FROM outbox WHERE chat_id = ?", [FATHER])
    assert kept.fetchone()[0] == 0  # nothing of him is kept once he is told


async def test_the_note_waits_out_quiet_hours(chat: Chat) -> None:
    await linked_father(chat, "en")
    chat.clock.advance(hours=(22 - chat.clock().astimezone(
        chat.app.bot_data.services.config.school.timezone).hour) % 24)  # 22:00 at school
    await unlink_first(chat, rivera(chat))
    assert [c for c in await chat.deliver() if c.chat_id == FATHER] == []
    chat.clock.advance(hours=10)
    told = [c.text for c in await chat.deliver() if c.chat_id == FATHER]
    assert told == ["ℹ️ Ana's teacher has unlinked this phone from Ana on Puente, so the updates "
                    "about Ana stop. Thank you for following Ana's learning. If you would still "
                    "like them, ask the teacher for a new link."]


async def test_the_teacher_reads_that_the_family_member_was_told(chat: Chat) -> None:
    # Her confirmation said only that nothing more goes to them: a teacher could not know
    # whether the father would hear of it.
    await linked_father(chat)
    listing = await chat.send(rivera(chat), "/families")
    unlink = next(data for _, data in buttons(listing)
                  if data.startswith(f"{callbacks.UNLINK}:"))
    done = texts(await chat.tap(rivera(chat), f"{unlink}:yes")).strip()
    assert done.startswith("Ana's family member is unlinked")
    assert done.endswith("\nℹ️ They were told, in their language, that the link ended.")
