"""A family member answers a teacher's announcement with a voice note (Telegram's reply to it):
they are offered to send it, one tap sends it, and the announcing teacher gets the audio itself
with a caption saying what it answers, about which child (both twins), and that it was not
translated (Puente cannot listen); the teacher's reply to it reaches the family."""

from __future__ import annotations

from typing import Any

from bot.presentation import callbacks
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_as_written,
    buttons,
    enrol_student,
    reply,
    texts,
    voice,
)

MOTHER, ANA, BEN = 2001, 1001, 1003


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def mother_of(chat: Chat, *children: tuple[int, str]) -> dict[str, Any]:
    """A mother linked to these children of Science 7B, in Spanish."""
    mom = chat.user(MOTHER, "Mamá", "es")
    for student_id, name in children:
        enrol_student(chat.db, chat.clock(), student_id, name, "es")
        made = texts(await chat.send(rivera(chat), f"/family {name}"))
        await chat.send(mom, f"/start {made.split('?start=')[1].split()[0]}")
        await chat.tap(mom, callbacks.data(callbacks.FAMILY_LANG, "es"))
    await chat.deliver()
    return mom


async def announced(chat: Chat, text: str) -> int:
    preview = await chat.send(rivera(chat), f"/announce Science 7B {text}")
    await chat.tap(rivera(chat), next(d for _, d in buttons(preview) if d.endswith(":f")))
    copy = next(c for c in await chat.deliver() if c.chat_id == MOTHER)
    assert copy.result_id is not None
    return copy.result_id


def teacher_copies(chat: Chat) -> list[str]:
    """The captions of the voice notes copied to the teacher."""
    return [str(c.params.get("caption")) for c in chat.api.calls
            if c.method == "copyMessage" and c.chat_id == TEACHER_ID]


async def test_a_voice_reply_to_an_announcement_reaches_its_teacher_as_audio_said_untranslated(
        chat: Chat) -> None:
    mom = await mother_of(chat, (ANA, "Ana"))
    copy = await announced(chat, "Field trip on Friday to the river.")
    offer = await voice(chat, mom, reply_to=copy)
    assert texts(offer) == ("🎤 ¿Envío esta nota de voz al maestro o la maestra? La escuchará "
                            "tal cual, sin traducción.")
    assert [label for label, _ in buttons(offer)] == ["✉️ Enviar al maestro o la maestra",
                                                      "No enviar"]
    told = texts([c for c in await chat.tap(mom, f"{callbacks.ASK}:{ANA}")
                  if c.chat_id == MOTHER and c.text])
    # no model here: the teacher's ready-made replies come in Spanish, a written one in English
    assert told == ("Su mensaje va en camino al maestro o la maestra de Ana. La respuesta "
                    "llegará aquí: una respuesta ya preparada, en español; una escrita, en "
                    "inglés. Puede pedir a la escuela un servicio de interpretación.")
    [caption] = teacher_copies(chat)  # the audio itself, copied (no sender shown), once
    assert caption.split("\n")[1:3] == [
        "↩️ About your announcement of Mon 14 Sep: “Field trip on Friday to the…”",
        "🎤 A voice note (no translation: Puente reads text only)."]
    assert "waiting for your answer" in texts(await chat.send(rivera(chat), "/thread Ana"))
    relayed = next(c for c in chat.api.calls if c.method == "copyMessage")
    assert relayed.result_id is not None
    await answer_as_written(chat, rivera(chat), "Yes, bring a lunch.", relayed.result_id)
    answers = [c for c in await chat.deliver() if c.chat_id == MOTHER]
    assert len(answers) == 1 and "Yes, bring a lunch." in answers[0].text


async def test_twins_mothers_voice_reply_is_about_both_and_filed_for_both(chat: Chat) -> None:
    mom = await mother_of(chat, (ANA, "Ana"), (BEN, "Ben"))
    copy = await announced(chat, "Field trip on Friday to the river.")
    offer = await voice(chat, mom, reply_to=copy)
    assert [label for label, _ in buttons(offer)] == ["✉️ Enviar al maestro o la maestra",
                                                      "No enviar"]  # no child to choose
    await chat.tap(mom, f"{callbacks.ASK}:{ANA}")
    [caption] = teacher_copies(chat)
    assert "<b>Ana and Ben</b>" in caption and "About your announcement" in caption
    for child in ("Ana", "Ben"):
        thread = texts(await chat.send(rivera(chat), f"/thread {child}"))
        assert "waiting for your answer" in thread, child


async def test_an_over_long_reply_to_an_announcement_keeps_its_tag_once_sent(
        chat: Chat) -> None:
    mom = await mother_of(chat, (ANA, "Ana"))
    copy = await announced(chat, "Field trip on Friday to the river.")
    await reply(chat, mom, "¿Necesita almuerzo? " * 80, copy)  # 1,600 characters: offered
    await chat.tap(mom, f"{callbacks.ASK}:{ANA}")
    relayed = [c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert len(relayed) == 1 and "↩️ About your announcement of Mon 14 Sep" in relayed[0]
