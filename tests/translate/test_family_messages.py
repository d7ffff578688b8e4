"""Messages translated both ways on the school's machine with tiny real Argos models (issue 11):
a Spanish parent and the teacher, and an Arabic announcement, one engine call per language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.config import TranslationConfig
from bot.presentation.i18n import RLM
from bot.translation.translator import Translator, engine_for
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, texts
from tests.translate.builders import install_with_argos, load_builder

MOTHER = 2001


@pytest.fixture(scope="session")
def two_way_dir(tmp_path_factory: pytest.TempPathFactory,
                tiny_models: dict[tuple[str, str], Path]) -> Path:
    """Argos models for en->es, es->en and en->ar (the tiny dictionary model)."""
    out = tmp_path_factory.mktemp("two-way")
    arabic = load_builder().build_package(out / "translate-en_ar.argosmodel", "en", "ar")
    return install_with_argos(out / "data", tiny_models[("en", "es")],
                              tiny_models[("es", "en")], arabic)


@pytest.fixture
def translator(chat: Chat, two_way_dir: Path) -> Translator:
    services = chat.app.bot_data.services
    services.translator = Translator(chat.db, TranslationConfig(True, two_way_dir),
                                     engine=engine_for(two_way_dir), clock=chat.clock)
    return services.translator


def teacher(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def link_family(chat: Chat, user_id: int, lang: str, child: str = "Ana") -> dict[str, Any]:
    link = texts(await chat.send(teacher(chat), f"/family {child}"))
    person = chat.user(user_id, f"Family{user_id}", lang)
    await chat.send(person, f"/start {link.split('?start=')[1].split()[0]}")
    await chat.tap(person, f"fa:{lang}")
    await chat.deliver()  # the teacher hears of the new link at once
    return person


async def test_spanish_question_reaches_the_teacher_in_english_and_the_reply_comes_back(
        chat: Chat, translator: Translator) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    mom = await link_family(chat, MOTHER, "es")
    await chat.send(mom, "el gato necesita agua.")
    await chat.tap(mom, "ak:1001")
    relayed = texts(await chat.deliver())
    assert "el gato necesita agua." in relayed  # the original, always shown
    assert "the cat needs water." in relayed and "machine translation" in relayed
    relay_id = chat.db.execute("SELECT relay_message_id FROM thread_messages").fetchone()[0]
    data = chat.factory.message(teacher(chat), "the plant needs light.")
    data["message"]["reply_to_message"] = {
        "message_id": relay_id, "date": 0, "chat": {"id": TEACHER_ID, "type": "private"},
        "text": "..."}
    assert "sent in Spanish" in texts(await chat.process(data))
    answer = next(c.text for c in await chat.deliver() if c.chat_id == MOTHER)
    assert "el planta necesita luz." in answer and "(traducción automática)" in answer
    assert answer.index("el planta necesita luz.") < answer.index("the plant needs light.")
    assert translator.stats.engine_calls == 2  # one each way
    assert chat.db["translations"].count == 0  # people's messages never enter the memory
    lines = texts(await chat.send(teacher(chat), "/thread Ana")).split("\n")[1:]
    assert lines[0].endswith("✉️ Family2001, a family member, written in Spanish")
    assert lines[1].endswith(
        "↩️ your answer, written in English · sent in Spanish (machine translation)")


async def test_arabic_family_gets_a_right_to_left_announcement_with_curated_glosses(
        chat: Chat, translator: Translator) -> None:
    await join_and_confirm(chat, chat.user(1001, "Ana", "es"))
    await join_and_confirm(chat, chat.user(1002, "Omar", "ar"), lang="ar")
    await join_and_confirm(chat, chat.user(1003, "Luis", "es"))
    await link_family(chat, MOTHER, "es")
    await link_family(chat, 2002, "es", child="Luis")
    await link_family(chat, 2003, "ar", child="Omar")
    chat.clock.advance(minutes=3)  # the note waits a moment: she may change her mind
    told = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]  # no ar->en model
    assert len(told) == 1 and "chose Arabic." in told[0].text
    preview = await chat.send(teacher(chat), "/announce the river is a big ecosystem.")
    shown = texts(preview)
    assert "el río es un grande ecosistema." in shown and "(machine translation)" in shown
    assert "نظام بيئي" in shown  # the pack word keeps its curated Arabic gloss
    assert translator.stats.engine_calls == 2  # es and ar: one per language, not per family
    await chat.tap(teacher(chat), next(d for _, d in buttons(preview) if d.endswith(":f")))
    sent = await chat.deliver()
    assert sorted(c.chat_id for c in sent) == [MOTHER, 2002, 2003]
    arabic = next(c.text for c in sent if c.chat_id == 2003)
    assert arabic.startswith(RLM) and "(ترجمة آلية)" in arabic
    assert "the river is a big ecosystem." in arabic and "نظام بيئي" in arabic
    assert translator.stats.engine_calls == 2  # confirming translates nothing again


async def test_a_question_already_in_english_is_not_machine_translated(
        chat: Chat, translator: Translator) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana)
    await chat.send(ana, "What does this word mean? I don't understand")
    await chat.tap(ana, "ak:1001")
    relayed = texts(await chat.deliver())
    assert "written in English" in relayed and "machine translation" not in relayed
    assert "goes back in Spanish," in relayed
    assert translator.stats.engine_calls == 0


async def answered(chat: Chat, mom: dict[str, Any], question: str, answer: str) -> tuple[str, str]:
    """The mother asks, the teacher replies `answer`; return the teacher's confirmation and
    what the mother reads."""
    await chat.send(mom, f"/ask {question}")
    await chat.deliver()
    relay_id = chat.db.execute("SELECT relay_message_id FROM thread_messages "
                               "ORDER BY id DESC LIMIT 1").fetchone()[0]
    data = chat.factory.message(teacher(chat), answer)
    data["message"]["reply_to_message"] = {
        "message_id": relay_id, "date": 0, "chat": {"id": TEACHER_ID, "type": "private"},
        "text": "..."}
    confirmation = texts(await chat.process(data))
    return confirmation, next(c.text for c in await chat.deliver() if c.chat_id == MOTHER)


async def test_a_teachers_spanish_answer_reaches_a_spanish_family_as_written(
        chat: Chat, translator: Translator) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    mom = await link_family(chat, MOTHER, "es")
    calls = translator.stats.engine_calls
    spanish = "Hola, señora. Ana trabaja muy bien en clase y lee todos los días."
    confirmation, answer = await answered(chat, mom, "¿Cómo va Ana en la escuela?", spanish)
    assert confirmation == ("Your answer about Ana is already in Spanish, so it will be sent as "
                            "you wrote it.")
    assert answer == ("✉️ Respuesta del maestro o la maestra de Ana:\n"
                      f"<blockquote>{spanish}</blockquote>\n"
                      "Para contestar, basta con responder a este mensaje o enviar /ask y su "
                      "mensaje.")
    assert translator.stats.engine_calls == calls + 1  # the question only, never the answer


async def test_a_teachers_english_answer_to_a_spanish_family_is_still_translated(
        chat: Chat, translator: Translator) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    mom = await link_family(chat, MOTHER, "es")
    confirmation, answer = await answered(chat, mom, "¿Cómo va Ana en la escuela?",
                                          "the plant needs light.")
    assert confirmation == ("Your answer about Ana will be sent in Spanish, with your English "
                            "below it.")
    assert "el planta necesita luz." in answer and "(traducción automática)" in answer
    assert "El texto original, en inglés:" in answer
