"""Playtest: a Spanish-profile student and family member wrote in Somali; the teacher read
"written in Spanish", and with the es->en model installed the Somali would have gone through
it and arrived as nonsense shown as a translation. A long enough text the detector is sure of
is labelled in its real language, translated only when a model from it exists; a short one
stays in the profile's language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.config import TranslationConfig
from bot.translation.translator import Translator, engine_for
from tests.harness import TEACHER_ID, Chat, join_and_confirm, texts
from tests.translate.builders import install_with_argos

MOTHER = 2001
SOMALI = "Waan ku faraxsanahay, macallin. Maxaan sameeyaa?"


@pytest.fixture(scope="session")
def spanish_dir(tmp_path_factory: pytest.TempPathFactory,
                tiny_models: dict[tuple[str, str], Path]) -> Path:
    """Argos models for es->en and en->es (no Somali model: Argos publishes none)."""
    return install_with_argos(tmp_path_factory.mktemp("spanish"), tiny_models[("es", "en")],
                              tiny_models[("en", "es")])


@pytest.fixture
def translator(chat: Chat, spanish_dir: Path) -> Translator:
    services = chat.app.bot_data.services
    services.translator = Translator(chat.db, TranslationConfig(True, spanish_dir),
                                     engine=engine_for(spanish_dir), clock=chat.clock)
    return services.translator


def teacher(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def relayed(chat: Chat, who: dict[str, Any], text: str) -> str:
    await chat.send(who, f"/ask {text}")
    return texts([c for c in await chat.deliver() if c.chat_id == TEACHER_ID])


async def test_somali_from_a_spanish_profile_is_labelled_somali_and_not_run_through_spanish(
        chat: Chat, translator: Translator) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana)
    seen = await relayed(chat, ana, SOMALI)
    assert "written in Somali" in seen and "written in Spanish" not in seen
    assert "No English translation: the school's translator has no Somali model." in seen
    assert "this computer" not in seen  # no install command follows: nothing to run there
    assert "machine translation" not in seen  # no es->en nonsense dressed as a translation
    assert translator.stats.engine_calls == 0
    kind = chat.db.execute("SELECT written FROM thread_messages WHERE direction = 'ask'"
                           ).fetchone()[0]
    assert kind == "so"  # /thread says Somali too


async def test_spanish_from_a_spanish_profile_is_still_translated(
        chat: Chat, translator: Translator) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana)
    seen = await relayed(chat, ana, "el gato necesita agua.")
    assert "written in Spanish" in seen and "the cat needs water." in seen


async def test_a_short_text_stays_in_the_profile_language(
        chat: Chat, translator: Translator) -> None:
    """Two words say too little to overrule the profile (detection is unreliable there)."""
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana)
    assert "written in Spanish" in await relayed(chat, ana, "macallin waan")
