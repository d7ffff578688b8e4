"""A newcomer writes that she cannot read English: "No leo inglés" (Ana, Spanish, level 3),
"Ma akhriyi karo Ingiriisiga" (Hodan, Somali, level 2). She got "💬 Thanks for writing! I
only help with words and cannot chat..." in her language and English, and an offer to send
her words to a teacher who may not read them. Now she reads, in her language alone, that she
need not read English yet, with a button to her cards in her language (🔁 at level 3, 📖 at
levels 1-2, whose cards lead with it), 🔊 where Puente speaks; and her teachers are told once a
week, with the commands that help (a lower level, /readaloud). Her words are kept nowhere."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.presentation import callbacks
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, texts, with_speech

FLIP = callbacks.data(callbacks.FLIP)
WORDS = callbacks.data(callbacks.WORDS)
ANA_READS = ("🤗 No pasa nada: todavía no necesitas leer inglés. Tus tarjetas también están "
             "en tu idioma: toca abajo para verlas.\nLe avisé a tu maestro o maestra que "
             "todavía no lees inglés, para que te pueda ayudar (tu mensaje no se envió).")


async def to_teacher(chat: Chat) -> list[str]:
    return [c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID]


async def ana(chat: Chat) -> dict[str, Any]:
    student = chat.user(1001, "Ana", lang="es")
    await join_and_confirm(chat, student, lang="es", level=3)
    await chat.deliver()
    return student


def stored_anywhere(chat: Chat, words: str) -> list[str]:
    """The tables holding `words` in any text column."""
    found = []
    for table in chat.db.table_names():
        for column in chat.db[table].columns:
            if column.type.upper() in ("TEXT", "") and chat.db.execute(
                    f"SELECT 1 FROM [{table}] WHERE instr([{column.name}], ?) LIMIT 1",
                    [words]).fetchone():
                found.append(f"{table}.{column.name}")
    return found


async def test_a_level_3_student_who_cannot_read_english_is_answered_in_spanish_alone(
        chat: Chat) -> None:
    student = await ana(chat)
    reply = await chat.send(student, "No leo inglés")
    assert texts(reply).strip() == ANA_READS  # no "Thanks for writing! I only help..."
    assert buttons(reply) == [("🔁 Mi idioma primero", FLIP)]  # no ✉️ offer of her words
    cards = await chat.tap(student, FLIP)
    assert "\n\n<b>ecosistema</b>\nTodos los seres vivos" in texts(cards)  # Spanish first


async def test_her_teacher_is_told_with_what_helps_and_once_a_week(chat: Chat) -> None:
    student = await ana(chat)
    await chat.send(student, "no leo ingles, perdón")
    [note] = await to_teacher(chat)
    assert note == ("🔤 Ana wrote to Puente that they cannot read English yet (in Spanish; "
                    "the message itself was not kept). At levels 1-2 cards lead with Spanish, "
                    "and /readaloud reads a check's answers aloud: /level Ana 1 · "
                    "/readaloud Ana")
    again = await chat.send(student, "No leo inglés")
    assert texts(again).strip() == ANA_READS  # she is told, as her teacher was
    assert await to_teacher(chat) == []  # not a second note the same week
    chat.clock.advance(days=7, hours=1)  # a week on, she writes it again: told again
    await chat.send(student, "No leo inglés")
    assert len(await to_teacher(chat)) == 1
    assert stored_anywhere(chat, "leo ingl") == []  # her words, nowhere in the store


async def test_one_who_writes_it_during_placement_is_offered_to_her_teacher_at_level_1(
        chat: Chat) -> None:
    """Playtest: Ana wrote "no leo inglés" at the placement's first English question, then
    guessed on and placed herself at level 3 (English-first cards, English checks). The note,
    written while she had no level, offered /readaloud alone and was not sent again that week,
    so her teacher never got the one command that puts her cards in Spanish."""
    student = chat.user(1001, "Ana", lang="es")
    await join_and_confirm(chat, student, lang="es", level=None)  # placement's question open
    await chat.send(student, "No leo inglés")
    [note] = await to_teacher(chat)
    assert note.endswith("cards lead with Spanish, and /readaloud reads a check's answers "
                         "aloud: /level Ana 1 · /readaloud Ana")


async def test_a_level_2_somali_student_gets_her_cards_which_lead_with_somali(
        chat: Chat) -> None:
    hodan = chat.user(1001, "Hodan", lang="so")
    await join_and_confirm(chat, hodan, lang="so", level=2)
    await chat.deliver()
    reply = await chat.send(hodan, "Ma akhriyi karo Ingiriisiga")
    assert texts(reply).startswith("🤗 Dhib ma leh: weli uma baahnid inaad Ingiriisi akhriso.")
    assert "Thanks" not in texts(reply)
    assert buttons(reply) == [("📖 Kaararkayga", WORDS)]
    [note] = await to_teacher(chat)
    assert note.endswith("(in Somali; the message itself was not kept). At levels 1-2 cards "
                         "lead with Somali, and /readaloud reads a check's answers aloud: "
                         "/readaloud Hodan")  # she is at level 2 already: no /level
    cards = await chat.tap(hodan, WORDS)
    assert "\n\n<b>nidaamka deegaanka</b>\nDhammaan dhirta" in texts(cards)  # Somali first


async def test_with_speech_she_is_told_what_the_speaker_button_does(
        chat: Chat, tmp_path: Path) -> None:
    student = await ana(with_speech(chat, tmp_path / "clips"))
    reply = await chat.send(student, "No leo inglés")
    assert "🔊 en una tarjeta dice en voz alta la palabra en inglés." in texts(reply)


async def test_someone_else_who_cannot_read_is_offered_to_the_teacher_as_ever(
        chat: Chat) -> None:
    student = await ana(chat)
    reply = await chat.send(student, "Mi mamá no lee inglés")  # not "I": a message to send
    assert "¿Lo envío?" in texts(reply)
    assert await to_teacher(chat) == []
