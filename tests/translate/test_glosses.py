"""Glosses for words without a curated one: memory only at push time, engine ahead of it."""

from __future__ import annotations

from sqlite_utils import Database

from bot.domain.checks import WordRef
from bot.domain.packs import Gloss
from bot.services.glosses import Prepared, complete_glosses, glosses_for, pack_refs, prepare
from bot.store import translations as memory
from bot.translation.translator import Translator
from tests.clock import START


def test_memory_fills_a_missing_gloss_marked_machine(store: Database,
                                                     refs: list[WordRef]) -> None:
    memory.remember(store, "en", "es", "plant", "planta", "argos", START)
    memory.remember(store, "en", "es", "A living thing that gets energy from the sun.",
                    "Un ser vivo que obtiene energía del sol.", "argos", START)

    result = complete_glosses(store, refs, "es")
    completed = {r.word.term: r for r in result}

    assert completed["plant"].word.glosses["es"] == Gloss(
        "planta", "Un ser vivo que obtiene energía del sol.", machine=True)
    assert completed["ecosystem"].word.glosses["es"].term == "ecosistema"
    assert not completed["ecosystem"].word.glosses["es"].machine
    assert "es" not in completed["water"].word.glosses
    assert [r.id for r in result] == [r.id for r in refs]


def test_completing_glosses_never_calls_the_engine(store: Database, refs: list[WordRef],
                                                   translator: Translator) -> None:
    completed = complete_glosses(store, refs, "es")

    assert translator.stats.engine_calls == 0
    assert completed == refs


async def test_first_push_translates_each_word_once_and_the_second_none(
        store: Database, refs: list[WordRef], translator: Translator) -> None:
    first = await glosses_for(store, translator, refs, "es")
    calls = translator.stats.engine_calls
    second = await glosses_for(store, translator, refs, "es")

    assert calls == 3  # plant, water, energy; ecosystem has a curated gloss
    assert translator.stats.engine_calls == calls
    assert second == first
    water = next(r for r in first if r.word.term == "water").word.glosses["es"]
    assert water == Gloss("agua", "el río es agua.", machine=True)


async def test_push_to_a_language_without_a_model_keeps_only_curated_glosses(
        store: Database, refs: list[WordRef], translator: Translator) -> None:
    completed = await glosses_for(store, translator, refs, "vi")

    assert completed == refs
    assert translator.stats.engine_calls == 0


def test_prepare_fills_the_memory_ahead_of_a_push(store: Database, refs: list[WordRef],
                                                  translator: Translator) -> None:
    report = prepare(store, translator, pack_refs(store, ["science.tiny"]), ["es", "vi"])
    again = prepare(store, translator, refs, ["es"])

    es, vi = report
    assert es == Prepared("es", words=4, curated=1, remembered=0, translated=3, missing=0)
    assert vi.translated == 0 and vi.missing == 4 and "en->vi" in (vi.reason or "")
    assert again == [Prepared("es", 4, 1, 3, 0, 0)]
    assert translator.stats.engine_calls == 3
