"""The translation memory in the store."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlite_utils import Database

from bot.store import translations as memory
from tests.clock import START


def test_a_remembered_translation_is_recalled(store: Database) -> None:
    assert memory.remember(store, "en", "es", "The cat.", "el gato.", "argos", START)

    assert memory.recall(store, "en", "es", "The cat.") == memory.Remembered(
        "The cat.", "el gato.", "argos", reviewed=False)
    assert memory.recall(store, "en", "fr", "The cat.") is None


def test_engine_output_never_overwrites_a_teachers_translation(store: Database) -> None:
    memory.review(store, "en", "es", "The cat.", "El gato.", START)

    stored = memory.remember(store, "en", "es", "The cat.", "el gato.", "argos",
                             START + timedelta(days=1))

    assert not stored
    entry = memory.recall(store, "en", "es", "The cat.")
    assert entry is not None and entry.text == "El gato." and not entry.machine


def test_a_teacher_can_correct_engine_output(store: Database) -> None:
    memory.remember(store, "en", "es", "The cat.", "el perro.", "argos", START)
    memory.review(store, "en", "es", "The cat.", "El gato.", START)

    entry = memory.recall(store, "en", "es", "The cat.")
    assert entry is not None and (entry.text, entry.engine, entry.reviewed) == (
        "El gato.", "teacher", True)


def test_many_texts_are_recalled_at_once(store: Database) -> None:
    texts = [f"sentence {n}" for n in range(1200)]  # more than one SQL chunk
    for text in texts[::2]:
        memory.remember(store, "en", "es", text, text.upper(), "argos", START)

    found = memory.recall_many(store, "en", "es", texts)

    assert len(found) == 600
    assert found["sentence 2"].text == "SENTENCE 2"


def test_counts_per_target_language(store: Database) -> None:
    memory.remember(store, "en", "es", "a", "un", "argos", START)
    memory.remember(store, "en", "es", "b", "b", "argos", START)
    memory.review(store, "en", "es", "c", "c", START)
    memory.remember(store, "en", "fr", "a", "un", "argos", START)

    assert memory.memory_counts(store) == [memory.MemoryCount("es", 3, 2, 1),
                                           memory.MemoryCount("fr", 1, 1, 0)]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("ecosystem", "es", "ecosistema"),
    ("Ecosystem ", "es", "ecosistema"),
    ("All the living things in one place.", "es", "Todos los seres vivos de un lugar."),
    ("ecosystem", "fr", None),
    ("plant", "es", None),
    ("A river is an ecosystem.", "es", None),  # examples have no curated translation
])
def test_curated_gloss_lookup(store: Database, text: str, lang: str,
                              expected: str | None) -> None:
    assert memory.curated(store, text, lang) == expected


def test_gloss_coverage_counts_curated_and_remembered_words(store: Database) -> None:
    memory.remember(store, "en", "es", "plant", "planta", "argos", START)
    memory.remember(store, "en", "es", "ecosystem", "eco", "argos", START)  # already curated

    [es, vi] = memory.gloss_coverage(store, ["es", "vi"])

    assert es == memory.GlossCoverage("es", words=4, curated=1, remembered=1)
    assert es.uncovered == 2
    assert vi == memory.GlossCoverage("vi", words=4, curated=0, remembered=0)
