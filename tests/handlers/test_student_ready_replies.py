"""Playtest: a WIDA-1 Somali student sent her teacher "waan ka daalay, ma fahmin" ("I'm tired,
I don't understand"). No so->en model exists; the teacher got "written in Somali… use short
simple English" and no ready-made replies, and her English answer reached a child who could
not read it; the child was never told the teacher cannot read Somali. Now every student
message comes with ready-made replies people wrote in all 13 languages (offered first when no
model can answer), and the student is told once, in her language, that her teacher reads
English."""

from __future__ import annotations

from typing import Any

from bot.presentation import callbacks
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, reply, texts

THANKS = callbacks.data(callbacks.READY_REPLY, "thanks")
TIRED = "waan ka daalay, ma fahmin"


def teacher(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def hodan_writes(chat: Chat, text: str = TIRED) -> tuple[dict[str, Any], list[Any], str]:
    """Hodan (Somali, level 1) writes to her teacher: what she is told, and the teacher's copy."""
    hodan = chat.user(name="Hodan", lang="so")
    await join_and_confirm(chat, hodan, lang="so", level=1)
    told = texts(await chat.send(hodan, f"/ask {text}"))
    relayed = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    return hodan, relayed, told


async def test_a_somali_students_message_comes_with_ready_replies_for_a_student_first(
        chat: Chat) -> None:
    _, relayed, _ = await hodan_writes(chat)
    offered = buttons(relayed)
    assert ("💬 Thank you for telling me. I will help you in class.", THANKS) in offered
    assert ("💬 It is OK not to understand yet. Keep going!",
            callbacks.data(callbacks.READY_REPLY, "notyet")) in offered
    assert len(offered) == 5  # the replies to a student, none of the family's
    assert not any("feels better" in label for label, _ in offered)
    text = texts(relayed)
    # the offer comes before the "short, simple English" advice: she reads none of it
    assert "written in Somali" in text
    assert text.index("tap a ready-made reply below") < text.index("short, simple English")


async def test_the_student_reads_the_ready_reply_in_somali_with_the_english_beneath(
        chat: Chat) -> None:
    hodan, _, _ = await hodan_writes(chat)
    confirm = texts(await chat.tap(teacher(chat), THANKS))
    assert "✅ Sent to Hodan in Somali" in confirm
    [answer] = [c.text for c in await chat.deliver() if c.chat_id == hodan["id"]]
    somali = answer.index("Waad ku mahadsan tahay inaad ii sheegtay.")
    assert somali < answer.index("Thank you for telling me. I will help you in class.")
    assert answer.startswith("✉️ Jawaabta macallinkaaga:")  # "from your teacher", her language
    assert "(tarjumaad mashiin)" not in answer  # people wrote it


async def test_a_spanish_students_message_has_ready_replies_too(chat: Chat) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana)
    await chat.send(ana, "/ask No entiendo la tarea de hoy")
    relayed = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert ("💬 Great work!", callbacks.data(callbacks.READY_REPLY, "great")) in buttons(relayed)


async def test_a_family_reply_button_is_refused_under_a_student_message(chat: Chat) -> None:
    await hodan_writes(chat)
    relay = chat.showing(teacher(chat), THANKS)
    await chat.tap_on(teacher(chat), callbacks.data(callbacks.READY_REPLY, "sick"), relay)
    assert chat.db.execute("SELECT count(*) FROM thread_messages WHERE direction = 'answer'"
                           ).fetchone()[0] == 0


async def test_the_student_is_told_once_that_her_teacher_reads_english(chat: Chat) -> None:
    hodan, _, told = await hodan_writes(chat)
    assert "Macallinkaaga waxaa lagula xiriiraa Ingiriisi." in told  # her language first
    assert "Your teacher reads English." in told
    assert "goes to your teacher just as you wrote it" in told
    again = texts(await chat.send(hodan, "/ask macallin, su'aal kale ayaan qabaa maanta"))
    assert "Your teacher reads English." not in again


async def test_the_student_of_a_teacher_who_chose_spanish_is_told_she_reads_spanish(
        chat: Chat) -> None:
    """Playtest: Mr. Ortiz chose Spanish with /language; his students were told "Your teacher
    reads English"."""
    await chat.send(teacher(chat), "/language es")
    _, relayed, told = await hodan_writes(chat)
    assert "Macallinkaaga waxaa lagula xiriiraa " in told and "xiriiraa Ingiriisi" not in told
    assert "Your teacher reads Spanish. The school's translator cannot translate Somali yet" \
        in told
    assert "reads English" not in told
    # and he reads, under her message, that his Spanish goes untranslated too
    [copy] = [c.text for c in relayed]
    assert "Una respuesta en español tampoco se traduce." in copy


async def test_an_english_reading_teacher_is_told_only_to_write_simple_english(
        chat: Chat) -> None:
    _, relayed, _ = await hodan_writes(chat)
    [copy] = [c.text for c in relayed]
    assert "Use short, simple English" in copy and "not translated either" not in copy


async def test_a_student_writing_english_is_not_told(chat: Chat) -> None:
    _, _, told = await hodan_writes(chat, "I do not understand the homework today")
    assert "Your teacher reads English." not in told


async def test_once_answered_a_students_message_shows_answered_not_the_replies(
        chat: Chat) -> None:
    await hodan_writes(chat)
    relay = chat.showing(teacher(chat), THANKS)
    await reply(chat, teacher(chat), "See me after class, Hodan.", relay)
    assert chat.latest(teacher(chat), relay).buttons == [
        ("✅ Answered: See me after class, Hodan.", callbacks.ANSWERED)]
