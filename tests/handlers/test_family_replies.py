"""A family playtest (M3, L1, L3): a family member's Telegram reply to an announcement reaches
the teacher who announced it, tagged with its day and first words; an emoji alone reaches the
teacher, 🙏 glossed as thanks; in quiet hours the family is told when the teacher will see it."""

from __future__ import annotations

from typing import Any

from bot.presentation import callbacks
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_as_written,
    buttons,
    join_and_confirm,
    reply,
    texts,
)

MOTHER = 2001


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def family_member(chat: Chat, lang: str = "es") -> dict[str, Any]:
    """Ana (Spanish) in Science 7B and her mother, linked, in `lang`."""
    await join_and_confirm(chat, chat.user(lang="es"))
    made = texts(await chat.send(rivera(chat), "/family Ana"))
    mom = chat.user(MOTHER, "Mamá", lang)
    await chat.send(mom, f"/start {made.split('?start=')[1].split()[0]}")
    await chat.tap(mom, callbacks.data(callbacks.FAMILY_LANG, lang))
    await chat.deliver()
    return mom


async def to_teacher(chat: Chat) -> list[str]:
    return [c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID]


async def announced(chat: Chat, text: str) -> int:
    """The teacher announces `text` to the families; the id of the mother's copy."""
    preview = await chat.send(rivera(chat), f"/announce Science 7B {text}")
    await chat.tap(rivera(chat), next(d for _, d in buttons(preview) if d.endswith(":f")))
    copy = next(c for c in await chat.deliver() if c.chat_id == MOTHER)
    assert copy.result_id is not None
    return copy.result_id


async def test_a_reply_to_an_announcement_names_it_for_the_teacher(chat: Chat) -> None:
    mom = await family_member(chat)
    copy = await announced(chat, "Field trip on Friday to the river. Bring water and a hat.")
    said = texts(await reply(chat, mom, "¿A qué hora regresan?", copy))
    # sent at once: no "which child?" buttons
    assert "va en camino al maestro o la maestra de Ana" in said
    relayed = await to_teacher(chat)
    assert len(relayed) == 1
    assert "↩️ About your announcement of Mon 14 Sep: “Field trip on Friday to the…”" \
        in relayed[0]
    assert "¿A qué hora regresan?" in relayed[0]
    # the teacher's reply to it goes back to the mother, as any answer does
    relay_id = chat.db.execute("SELECT relay_message_id FROM thread_messages "
                               "WHERE direction = 'ask'").fetchone()[0]
    await answer_as_written(chat, rivera(chat), "We are back at 2:30.", relay_id)
    assert any("We are back at 2:30." in c.text for c in await chat.deliver()
               if c.chat_id == MOTHER)


async def test_a_message_that_replies_to_nothing_is_not_tagged(chat: Chat) -> None:
    mom = await family_member(chat)
    await announced(chat, "Field trip on Friday.")
    await chat.send(mom, "/ask ¿Ana necesita almuerzo?")
    relayed = await to_teacher(chat)
    assert len(relayed) == 1 and "announcement" not in relayed[0]


async def test_an_announcement_forgotten_by_retention_is_a_plain_message(chat: Chat) -> None:
    mom = await family_member(chat)
    copy = await announced(chat, "Field trip on Friday.")
    chat.db.execute("DELETE FROM announcements")
    offered = await reply(chat, mom, "¿Y el almuerzo?", copy)
    assert "ak:1001" in [d for _, d in buttons(offered)]  # asked as any message, never lost
    await chat.tap(mom, callbacks.data(callbacks.ASK, 1001))
    relayed = await to_teacher(chat)
    assert len(relayed) == 1 and "announcement" not in relayed[0]


async def test_a_praying_hands_emoji_reaches_the_teacher_as_thanks(chat: Chat) -> None:
    mom = await family_member(chat)
    offered = await chat.send(mom, "🙏")
    assert "🙏 ¿Le hago llegar su agradecimiento al maestro o la maestra?" in texts(offered)
    said = texts(await chat.tap(mom, callbacks.data(callbacks.ASK, 1001)))
    assert "Su agradecimiento va en camino" in said
    relayed = await to_teacher(chat)
    assert len(relayed) == 1
    assert "(<b>Ana</b>'s family), an emoji:" in relayed[0]
    assert "<blockquote>🙏</blockquote>\n(thanks)" in relayed[0]
    assert "could not tell which language" not in relayed[0]
    assert "a thank-you: no answer needed" in relayed[0]


async def test_a_thumbs_up_after_ask_is_sent_not_refused(chat: Chat) -> None:
    mom = await family_member(chat)
    said = texts(await chat.send(mom, "/ask 👍🏽"))
    assert "no contiene ninguna palabra" not in said.lower() and "va en camino" in said
    relayed = await to_teacher(chat)
    assert "<blockquote>👍🏽</blockquote>\n(OK, yes)" in relayed[0]
    assert "no answer needed" not in relayed[0]  # 👍 may answer a question: not thanks


async def test_punctuation_alone_is_still_refused(chat: Chat) -> None:
    mom = await family_member(chat)
    await chat.send(mom, "/ask ...")
    assert await to_teacher(chat) == []


async def test_a_family_writing_in_quiet_hours_is_told_when_the_teacher_sees_it(
        chat: Chat) -> None:
    mom = await family_member(chat)
    chat.clock.advance(hours=11)  # 22:00 in New York
    said = texts(await chat.send(mom, "/ask ¿Mañana hay clase?"))
    assert "el maestro o la maestra lo verá después de las 07:00" in said
    assert await to_teacher(chat) == []
    chat.clock.advance(hours=9)  # 07:00
    assert len(await to_teacher(chat)) == 1


async def test_a_family_writing_by_day_is_told_nothing_about_quiet_hours(chat: Chat) -> None:
    mom = await family_member(chat)
    said = texts(await chat.send(mom, "/ask ¿Mañana hay clase?"))
    assert "🌙" not in said
