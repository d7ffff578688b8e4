"""Benchmark machine translation for a push: engine calls, engine latency, memory-hit latency.

Usage: python bench/translate_push.py

A teacher pushes a 10-word preview (a teacher-made pack: no curated glosses at all) to 1,000
students spread over 8 languages, twice. Each student's preview needs every word's term and
definition in the student's language. The engine is Argos Translate running the tiny crafted
models from scripts/build_tiny_argos_model.py (built once into the temp folder if absent), so the
latencies measure Puente's overhead and Argos's code path, not a real model's speed. Goals from
issue 5: at most 80 engine calls on the first push, 0 on the second.
"""

from __future__ import annotations

import asyncio
import importlib.util
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _quick import sized
from sqlite_utils import Database

from bot.config import TranslationConfig
from bot.domain.checks import WordRef
from bot.domain.packs import Pack, Word
from bot.services.glosses import complete_glosses, glosses_for
from bot.store import open_store
from bot.store.packs import pack_words, save_pack
from bot.translation.translator import ArgosEngine, Translator, argos_modules, engine_for

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("es", "ar", "zh", "ru", "tl", "ko", "pt", "fr")
STUDENTS = sized(1000, 16)
ENGINE_RUNS, HITS = sized(51, 3), sized(200, 3)  # latency probes
MODELS = Path(tempfile.gettempdir()) / "puente-bench-tiny-models"
WORDS = [
    ("ecosystem", "All the living things in one place and the water and light."),
    ("plant", "A living thing that gets energy from the sun."),
    ("energy", "The sun is energy and food is energy."),
    ("food chain", "The animals eat the plants and the big animals eat the small animals."),
    ("river", "The river is water in one place."),
    ("tree", "A tree is a big plant."),
    ("light", "The sun gives light to all living things."),
    ("water", "All living things need water."),
    ("sun", "The sun is big and gives energy."),
    ("animal", "A living thing that needs food and water."),
][:sized(10, 2)]


def build_models() -> dict[str, Path]:
    """Build (once) a tiny en->LANG package per language with the same builder as the tests."""
    spec = importlib.util.spec_from_file_location(
        "build_tiny_argos_model", ROOT / "scripts" / "build_tiny_argos_model.py")
    assert spec is not None and spec.loader is not None
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    paths = {lang: MODELS / f"translate-en_{lang}-tiny.argosmodel" for lang in LANGUAGES}
    for lang, path in paths.items():
        if not path.exists():
            builder.build_package(path, "en", lang)
    return paths


async def push(db: Database, translator: Translator, refs: list[WordRef], *,
               per_student: bool) -> float:
    """Give every student's preview its glosses, as a push does; return the seconds taken.

    The push fills the memory once per language, then completes each student's preview from
    the memory alone; with `per_student`, every student asks the translator at the same moment.
    """
    started = time.perf_counter()
    langs = [LANGUAGES[n % len(LANGUAGES)] for n in range(STUDENTS)]
    if per_student:
        previews = await asyncio.gather(*(glosses_for(db, translator, refs, lang)
                                          for lang in langs))
    else:
        await asyncio.gather(*(glosses_for(db, translator, refs, lang) for lang in set(langs)))
        previews = [complete_glosses(db, refs, lang) for lang in langs]
    assert all(len(p) == len(refs) for p in previews)
    return time.perf_counter() - started


def fresh_store(tmp: Path, name: str) -> tuple[Database, list[WordRef]]:
    """A store file holding the 10-word teacher pack, with an empty translation memory."""
    db = open_store(tmp / f"{name}.db")
    pack = Pack("teacher.bench", "Bench", "science", (5, 8), tuple(
        Word(term, "noun", 2, definition, f"This is about {term}.")
        for term, definition in WORDS))
    save_pack(db, pack, datetime.now(UTC))
    return db, [WordRef(w.id, w.word) for w in pack_words(db, pack.id)]


async def run_pushes(engine: ArgosEngine, config: TranslationConfig, tmp: Path,
                     per_student: bool) -> tuple[int, int, float, int, float]:
    """Push twice on a fresh store: engine calls, texts and seconds of each push."""
    db, refs = fresh_store(tmp, f"store-{per_student}")
    translator = Translator(db, config, engine=engine)
    first = await push(db, translator, refs, per_student=per_student)
    calls, texts = translator.stats.engine_calls, translator.stats.engine_texts
    second = await push(db, translator, refs, per_student=per_student)
    db.close()
    return calls, texts, first, translator.stats.engine_calls - calls, second


async def latencies(engine: ArgosEngine, config: TranslationConfig,
                    tmp: Path) -> dict[str, list[float]]:
    """Time engine calls (cold, then warm) and memory hits, in seconds."""
    db, refs = fresh_store(tmp, "latency")
    translator = Translator(db, config, engine=engine)
    term, definition = WORDS[1]
    timings: dict[str, list[float]] = {"cold": [], "warm": [], "hit": [], "student": []}
    for run in range(ENGINE_RUNS):
        if run == 0:
            engine.refresh()  # forget the loaded model: the first call loads it again
        started = time.perf_counter()
        engine.translate([term, definition], "en", "es")
        timings["cold" if run == 0 else "warm"].append(time.perf_counter() - started)
    await glosses_for(db, translator, refs, "fr")
    for _ in range(HITS):
        started = time.perf_counter()
        await translator.translate(definition, "fr")
        timings["hit"].append(time.perf_counter() - started)
    for _ in range(HITS):
        started = time.perf_counter()
        complete_glosses(db, refs, "fr")
        timings["student"].append(time.perf_counter() - started)
    db.close()
    return timings


def median(values: list[float]) -> str:
    """Format the median of some durations in milliseconds."""
    return f"median {statistics.median(values) * 1000:.2f} ms"


async def main() -> None:
    """Run both kinds of push and the latency probes; print the figures."""
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        package, _ = argos_modules(tmp / "argos")
        for path in build_models().values():
            package.install_from_path(path)
        engine, config = engine_for(tmp / "argos"), TranslationConfig(True, tmp / "argos")
        pushes = {flag: await run_pushes(engine, config, tmp, flag) for flag in (False, True)}
        timings = await latencies(engine, config, tmp)

    print(f"push of a {len(WORDS)}-word preview (no curated glosses) to {STUDENTS} students "
          f"in {len(LANGUAGES)} languages ({', '.join(LANGUAGES)}); goals <= "
          f"{len(WORDS) * len(LANGUAGES)} engine calls, then 0")
    for flag, label in ((False, "fill once per language, then memory per student"),
                        (True, "every student asks the translator at once")):
        calls, texts, first, again, second = pushes[flag]
        print(f"  {label}:")
        print(f"    first push:  {calls} engine calls ({texts} texts: term + definition per "
              f"word); wall {first:.2f} s")
        print(f"    second push: {again} engine calls; wall {second:.2f} s")
    warm = sorted(timings["warm"])
    print("tiny-model engine call (one word: term + definition, through Argos's code path):")
    print(f"  cold (loads the model): {timings['cold'][0] * 1000:.2f} ms")
    print(f"  warm: {median(warm)}, p95 {warm[int(len(warm) * 0.95)] * 1000:.2f} ms")
    print("translation memory hit:")
    print(f"  one text via Translator.translate: {median(timings['hit'])}")
    print(f"  one student's {len(WORDS)}-word preview via complete_glosses: "
          f"{median(timings['student'])}")


if __name__ == "__main__":
    asyncio.run(main())
