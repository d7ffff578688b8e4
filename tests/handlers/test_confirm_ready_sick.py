"""Arabic playtest (Amal, Yousef's mother, reads only Arabic): she asked about homework, the
teacher typed an English answer, and its "⚠️ This goes to Yousef's family in English…" step
offered "💬 Thank you for telling me. I hope Yousef feels better soon." The buttons under her
own message left it out, rightly: the step now offers what they offer."""

from __future__ import annotations

from typing import Any

from bot.presentation import callbacks
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, reply, texts

AMAL = 2001
SICK = "feels better soon"


def teacher(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Novak", "en")


async def relayed(chat: Chat, text: str) -> tuple[list[str], list[str]]:
    """Amal writes `text`; the labels under her message, and those under the teacher's
    English answer held for ✅."""
    await join_and_confirm(chat, chat.user(name="Yousef", lang="ar"), lang="ar")
    made = texts(await chat.send(teacher(chat), "/family Yousef"))
    amal = chat.user(AMAL, "Amal", "ar")
    await chat.send(amal, f"/start {made.split('?start=')[1].split()[0]}")
    await chat.tap(amal, callbacks.data(callbacks.FAMILY_LANG, "ar"))
    await chat.deliver()
    await chat.send(amal, f"/ask {text}")
    [message] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert message.result_id is not None
    held = await reply(chat, teacher(chat), "The homework is page 12, due Thursday.",
                       message.result_id)
    assert "exactly as written: they read Arabic" in texts(held)
    return [label for label, _ in message.buttons], [label for label, _ in buttons(held)]


async def test_a_homework_question_gets_no_get_well_reply_at_the_confirm_step(
        chat: Chat) -> None:
    under, held = await relayed(chat, "هل عنده واجب biology يوم الخميس؟")
    assert not any(SICK in label for label in under)
    assert not any(SICK in label for label in held)
    assert any(label == "✅ Send as written" for label in held)
    assert len([label for label in held if label.startswith("💬")]) >= 5  # the others stay


async def test_a_sick_child_still_gets_it_at_the_confirm_step(chat: Chat) -> None:
    under, held = await relayed(chat, "Yousef مريض اليوم ولن يحضر")
    assert any(SICK in label for label in under)
    assert any(SICK in label for label in held)
