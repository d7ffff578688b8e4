"""Builders for translation tests: a tiny pack, the tiny-model builder script, and
argostranslate's own installer."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from bot.domain.packs import Gloss, Pack, Word
from bot.translation.translator import argos_modules

BUILDER = Path(__file__).resolve().parents[2] / "scripts" / "build_tiny_argos_model.py"
PACK = Pack(
    id="science.tiny", title="Tiny", subject="science", grades=(5, 8), words=(
        Word("ecosystem", "noun", 3, "All the living things in one place.",
             "A river is an ecosystem.", None,
             {"es": Gloss("ecosistema", "Todos los seres vivos de un lugar.", cognate=True)}),
        Word("plant", "noun", 2, "A living thing that gets energy from the sun.",
             "A tree is a plant."),
        Word("water", "noun", 1, "The river is water.", "Plants need water."),
        Word("energy", "noun", 2, "The sun is energy.", "Food is energy."),
    ))


def load_builder() -> ModuleType:
    """Import scripts/build_tiny_argos_model.py (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location("build_tiny_argos_model", BUILDER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def install_with_argos(data_dir: Path, *models: Path) -> Path:
    """Install packages with argostranslate's own installer into `data_dir`."""
    package, _ = argos_modules(data_dir)
    for model in models:
        package.install_from_path(model)
    return data_dir
