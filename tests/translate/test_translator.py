"""The Translator: curated gloss, then memory, then the real Argos engine, off the event loop."""

from __future__ import annotations

import asyncio
import shutil
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from sqlite_utils import Database

from bot.config import TranslationConfig
from bot.store import translations as memory
from bot.translation.translator import ArgosEngine, Translation, Translator, engine_for
from tests.clock import START


class GatedEngine:
    """The real engine, held in its worker thread until the event loop has run other work."""

    name = "argos"

    def __init__(self, inner: ArgosEngine) -> None:
        self.inner, self.gate = inner, threading.Event()
        self.threads: list[threading.Thread] = []

    def unavailable_reason(self, source: str, target: str) -> str | None:
        return self.inner.unavailable_reason(source, target)

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        self.threads.append(threading.current_thread())
        # If this ran on the event loop thread, nothing could open the gate: we'd time out.
        assert self.gate.wait(timeout=5), "the event loop was blocked"
        return self.inner.translate(texts, source, target)


async def test_engine_translates_once_and_the_memory_answers_the_second_time(
        translator: Translator, store: Database) -> None:
    first = await translator.translate("The cat needs water.", "es")
    second = await translator.translate("The cat needs water.", "es")

    assert first == Translation("el gato necesita agua.", "argos", machine=True)
    assert second == first
    assert translator.stats.engine_calls == 1
    assert translator.stats.memory_hits == 1
    stored = memory.recall(store, "en", "es", "The cat needs water.")
    assert stored is not None and stored.engine == "argos" and stored.machine


async def test_curated_gloss_wins_over_memory_and_engine(translator: Translator,
                                                         store: Database) -> None:
    memory.remember(store, "en", "es", "ecosystem", "sistema eco", "argos", START)

    term = await translator.translate("ecosystem", "es")
    definition = await translator.translate("All the living things in one place.", "es")

    assert term == Translation("ecosistema", "gloss", machine=False)
    assert definition == Translation("Todos los seres vivos de un lugar.", "gloss", False)
    assert translator.stats.engine_calls == 0


async def test_teacher_reviewed_memory_is_not_marked_machine(translator: Translator,
                                                             store: Database) -> None:
    memory.review(store, "en", "es", "The sun is energy.", "El sol es energía.", START)

    result = await translator.translate("The sun is energy.", "es")

    assert result == Translation("El sol es energía.", "teacher", machine=False)
    assert translator.stats.engine_calls == 0


async def test_language_without_a_model_returns_none_quickly_with_a_reason(
        translator: Translator) -> None:
    started = time.perf_counter()
    results = [await translator.translate("The cat needs water.", lang)
               for lang in ("vi", "so", "ht", "hmn")]
    elapsed = time.perf_counter() - started

    assert results == [None] * 4
    assert elapsed < 0.5
    assert translator.stats.engine_calls == 0
    assert "no Argos model installed for en->so" in (translator.why_unavailable("so") or "")
    assert "Argos publishes no model for Haitian Creole" in (translator.why_unavailable("ht")
                                                             or "")
    assert translator.why_unavailable("es") is None


async def test_event_loop_keeps_running_while_the_engine_works(
        store: Database, engine: ArgosEngine, argos_dir: Path) -> None:
    gated = GatedEngine(engine)
    translator = Translator(store, TranslationConfig(True, argos_dir), engine=gated)

    async def other_student() -> str:
        await asyncio.sleep(0.01)
        gated.gate.set()
        return "answered"

    result, other = await asyncio.gather(translator.translate("The dog is big.", "es"),
                                         other_student())

    assert other == "answered"
    assert result is not None and result.text == "el perro es grande."
    assert gated.threads and gated.threads[0] is not threading.main_thread()


async def test_many_students_asking_at_once_cause_one_engine_call(
        translator: Translator) -> None:
    results = await asyncio.gather(*(translator.translate("The tree needs light.", "es")
                                     for _ in range(25)))

    assert {r.text for r in results if r} == {"el árbol necesita luz."}
    assert translator.stats.engine_calls == 1


async def test_many_texts_go_to_the_engine_in_one_call(translator: Translator) -> None:
    results = await translator.translate_many(
        ["ecosystem", "The river is water.", "A plant needs the sun."], "es")

    assert [r.text if r else None for r in results] == [
        "ecosistema", "el río es agua.", "un planta necesita el sol."]
    assert [r.machine if r else None for r in results] == [False, True, True]
    assert translator.stats.engine_calls == 1
    assert translator.stats.engine_texts == 2


def test_sync_variant_uses_the_same_memory(translator: Translator, store: Database) -> None:
    result = translator.translate_sync("The sun is big.", "es")

    assert result == Translation("el sol es grande.", "argos", machine=True)
    assert memory.recall(store, "en", "es", "The sun is big.") is not None


async def test_same_language_and_blank_text_need_no_engine(translator: Translator) -> None:
    assert await translator.translate("The cat.", "en") == Translation("The cat.", "source",
                                                                       False)
    assert await translator.translate("   ", "es") is None
    assert translator.stats.engine_calls == 0


async def test_disabled_translation_uses_glossary_and_memory_only(
        store: Database, engine: ArgosEngine, argos_dir: Path) -> None:
    translator = Translator(store, TranslationConfig(False, argos_dir), engine=engine)

    assert await translator.translate("ecosystem", "es") is not None
    assert await translator.translate("The cat needs water.", "es") is None
    assert "turned off" in (translator.why_unavailable("es") or "")


async def test_broken_model_gives_none_instead_of_crashing(
        store: Database, argos_dir: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(argos_dir / "packages", broken / "packages")
    for model in (broken / "packages").glob("*/model/model.bin"):
        model.write_bytes(b"not a model")
    translator = Translator(store, TranslationConfig(True, broken),
                            engine=engine_for(broken))

    assert await translator.translate("The cat needs water.", "es") is None
    assert memory.recall(store, "en", "es", "The cat needs water.") is None
