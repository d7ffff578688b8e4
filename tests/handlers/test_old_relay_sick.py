"""A family's message relayed before thread rows were marked "said:sick" (6 Dec) has no mark,
and the store keeps none of its words: the ✅ Send as written step under the teacher's answer
to Amal's "Yousef is sick today" left out "I hope Yousef feels better soon", which the buttons
under her own message offer. Telegram sends the relayed words back with the teacher's reply
to them, so they are read again there (and kept nowhere)."""

from __future__ import annotations

import html
import re
from typing import Any

from tests.families import link
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, reply, texts

AMAL = 2001
SICK = "feels better soon"


def teacher(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Novak", "en")


async def answered_old_relay(chat: Chat, text: str, quote: bool = True) -> list[str]:
    """Amal writes `text`; its thread row loses its marks (as one relayed before them); the
    teacher answers it in English with Telegram's reply: the labels held for ✅."""
    await join_and_confirm(chat, chat.user(name="Yousef", lang="ar"), lang="ar")
    amal = chat.user(AMAL, "Amal", "ar")
    await link(chat, teacher(chat), "Yousef", amal)
    await chat.deliver()
    await chat.send(amal, f"/ask {text}")
    [message] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert message.result_id is not None
    assert chat.db.execute("UPDATE thread_messages SET ready = NULL WHERE direction = 'ask'"
                           ).rowcount == 1
    shown = html.unescape(re.sub(r"<[^>]+>", "", message.text))  # as Telegram quotes it
    held = await reply(chat, teacher(chat), "The homework is page 12, due Thursday.",
                       message.result_id, quoted=shown if quote else "...")
    assert "exactly as written: they read Arabic" in texts(held)
    return [label for label, _ in buttons(held)]


async def test_an_old_relay_saying_sick_still_gets_the_get_well_reply(chat: Chat) -> None:
    held = await answered_old_relay(chat, "Yousef مريض اليوم ولن يحضر")
    assert any(SICK in label for label in held)


async def test_an_old_relay_about_homework_does_not(chat: Chat) -> None:
    held = await answered_old_relay(chat, "هل عنده واجب biology يوم الخميس؟")
    assert not any(SICK in label for label in held)
    assert len([label for label in held if label.startswith("💬")]) >= 5  # the others stay


async def test_without_its_words_an_old_relay_stays_unmarked(chat: Chat) -> None:
    held = await answered_old_relay(chat, "Yousef مريض اليوم ولن يحضر", quote=False)
    assert not any(SICK in label for label in held)
