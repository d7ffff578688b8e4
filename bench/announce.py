"""Benchmark one class announcement to 300 families in 8 languages (issue 11).

Usage: python bench/announce.py

A teacher sends `/announce` to a class whose 300 students each have one linked family member,
spread over 8 home languages, and confirms with the button. The real Application runs against
the offline Bot API with Telegram's pacing (the real Pacer, ~29 messages/s, and the default
delivery policy). The engine is Argos Translate running the tiny crafted models from
scripts/build_tiny_argos_model.py (built once into the temp folder if absent), so translation
times measure Puente's overhead and Argos's code path, not a real model's speed.
Goal: one engine call per language (8), whatever the number of families.
"""

from __future__ import annotations

import asyncio
import importlib.util
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _quick import sized
from telegram import Update

from bot.app import build_application
from bot.config import Config, TranslationConfig
from bot.context import Services
from bot.delivery import DeliveryPolicy, Pacer
from bot.demo.offline import OfflineBotAPI, UpdateFactory
from bot.presentation import callbacks
from bot.presentation.i18n import Catalog
from bot.services.packs import install_packs, load_packs
from bot.store import families, open_store, outbox, people
from bot.translation.translator import Translator, argos_modules, engine_for

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("es", "ar", "zh", "ru", "tl", "ko", "pt", "fr")
FAMILIES = sized(300, 16)  # at least one family per language when quick
TEACHER = 9001
MODELS = Path(tempfile.gettempdir()) / "puente-bench-tiny-models"
NOW = datetime(2026, 9, 14, 15, 0, tzinfo=UTC)  # a school afternoon: no quiet hours
TEXT = ("Field trip to the river on Friday. Bring water and a hat. "
        "We will study the ecosystem and the food chain.")


def build_models(data_dir: Path) -> Path:
    """Build (once) and install a tiny en->LANG model per language into `data_dir`."""
    spec = importlib.util.spec_from_file_location(
        "build_tiny_argos_model", ROOT / "scripts" / "build_tiny_argos_model.py")
    assert spec is not None and spec.loader is not None
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    package, _ = argos_modules(data_dir)
    for lang in LANGUAGES:
        path = MODELS / f"translate-en_{lang}-tiny.argosmodel"
        if not path.exists():
            MODELS.mkdir(parents=True, exist_ok=True)
            builder.build_package(path, "en", lang)
        package.install_from_path(path)
    return data_dir


def fill_class(services: Services) -> str:
    """A class of 300 students, one linked family member each; return the class name."""
    db = services.db
    install_packs(db, load_packs().packs, NOW)
    people.upsert_teacher(db, TEACHER, "Rivera", NOW)
    found = people.create_class(db, TEACHER, "Science 7B", "BENCHcode_1",
                                NOW + timedelta(days=180), "science.ecosystems", NOW)
    with db.atomic():
        for n in range(FAMILIES):
            student, parent, lang = 100_000 + n, 200_000 + n, LANGUAGES[n % len(LANGUAGES)]
            people.upsert_student(db, student, f"S{n}", NOW)
            people.set_student_language(db, student, lang)
            people.enroll(db, student, found.id, NOW)
            families.add_link(db, f"bench{n}", student, TEACHER, NOW, NOW + timedelta(days=1))
            families.claim_link(db, f"bench{n}", parent, student, NOW)
            families.set_language(db, parent, lang)
    return found.name


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = build_models(Path(tmp) / "argos")
        db = open_store(Path(tmp) / "bench.db")
        config = Config()
        services = Services(config, db, Catalog.load(), lambda: NOW)
        services.translator = Translator(db, TranslationConfig(True, data_dir),
                                         engine=engine_for(data_dir), clock=lambda: NOW)
        class_name = fill_class(services)
        api = OfflineBotAPI(latency=0.02)  # a Bot API answering in 20 ms
        app = build_application(services, request=api, pacer=Pacer(), policy=DeliveryPolicy())
        await app.initialize()
        factory, teacher = UpdateFactory(), UpdateFactory.user(TEACHER, "Rivera", "en")

        started = time.perf_counter()
        await app.process_update(Update.de_json(
            factory.message(teacher, f"/announce {class_name} {TEXT}"), app.bot))
        planned = time.perf_counter() - started
        preview = api.calls[-1]
        confirm = next(d for _, d in preview.buttons
                       if d.startswith(callbacks.ANNOUNCE) and d.endswith(":f"))
        started = time.perf_counter()
        await app.process_update(Update.de_json(factory.tap(teacher, confirm), app.bot))
        queued = time.perf_counter() - started

        started = time.perf_counter()
        delivered = await app.bot_data.deliverer.deliver_due()
        seconds = time.perf_counter() - started
        stats = services.translator.stats
        print(f"announcement to {FAMILIES} families in {len(LANGUAGES)} languages")
        print(f"  engine calls: {stats.engine_calls} (goal: {len(LANGUAGES)}, one per language)"
              f"; texts translated: {stats.engine_texts}")
        print(f"  /announce (translate + preview): {planned * 1000:.0f} ms; "
              f"confirm (queue {FAMILIES} outbox rows): {queued * 1000:.0f} ms")
        print(f"  delivered: {delivered.sent} sent, {delivered.failed} failed, "
              f"{outbox.pending_count(db)} pending, in {seconds:.1f} s "
              f"({delivered.sent / seconds:.1f} messages/s with Telegram's pacing)")
        await app.shutdown()
        db.close()


if __name__ == "__main__":
    asyncio.run(main())
