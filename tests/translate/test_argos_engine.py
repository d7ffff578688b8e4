"""The Argos engine on real, tiny packages: loading, pivoting and offline sentence splitting."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from bot.config import TranslationConfig
from bot.translation.translator import (
    ArgosEngine,
    InstalledModel,
    TranslationUnavailableError,
    Translator,
    engine_for,
    split_sentences,
)
from tests.translate.builders import install_with_argos


@pytest.fixture(scope="module")
def pivot_dir(tmp_path_factory: pytest.TempPathFactory,
              tiny_models: dict[tuple[str, str], Path]) -> Path:
    """Spanish->English and English->French only: Spanish->French must go through English."""
    return install_with_argos(tmp_path_factory.mktemp("pivot"), tiny_models[("es", "en")],
                              tiny_models[("en", "fr")])


def test_installed_models_are_read_from_the_configured_dir(engine: ArgosEngine,
                                                           argos_dir: Path) -> None:
    assert engine.installed() == [InstalledModel(
        "en", "es", "0.0.1", argos_dir / "packages" / "translate-en_es-tiny")]


def test_a_stray_folder_beside_the_models_is_skipped(tmp_path: Path,
                                                     tiny_models: dict) -> None:
    data_dir = install_with_argos(tmp_path, tiny_models[("en", "es")])
    (data_dir / "packages" / "notes").mkdir()

    assert [m.to_code for m in engine_for(data_dir).installed()] == ["es"]


def test_a_paragraph_is_translated_sentence_by_sentence_without_network(
        engine: ArgosEngine, network_attempts: list[str]) -> None:
    # 80 pieces: more than the tiny model can align in one sentence, so this proves the split.
    text = " ".join(["The cat needs water and the dog needs food."] * 2
                    + ["The tree needs light and the river needs water!"] * 3)

    [result] = engine.translate([text], "en", "es")

    assert result == " ".join(["el gato necesita agua y el perro necesita comida."] * 2
                              + ["el árbol necesita luz y el río necesita agua!"] * 3)
    assert network_attempts == []


def test_lines_keep_their_order_and_count(engine: ArgosEngine) -> None:
    assert engine.translate(["The cat.", "", "The dog.\nThe sun."], "en", "es") == [
        "el gato.", "", "el perro.\nel sol."]


async def test_spanish_to_french_pivots_through_english(store: Database,
                                                        pivot_dir: Path) -> None:
    engine = engine_for(pivot_dir)
    translator = Translator(store, TranslationConfig(True, pivot_dir), engine=engine)

    result = await translator.translate("el gato es grande.", "fr", source="es")

    assert engine.route("es", "fr") == [("es", "en"), ("en", "fr")]
    assert result is not None and result.text == "le chat est grand."
    assert result.machine


def test_a_missing_pair_is_refused_by_us_not_by_argos(engine: ArgosEngine) -> None:
    # Argos itself raises AttributeError on None for a pair with no model.
    with pytest.raises(TranslationUnavailableError) as caught:
        engine.translate(["The cat."], "en", "vi")
    assert caught.value.prompt_key == "translation-unavailable"
    assert "en->vi" in caught.value.reason


@pytest.mark.parametrize(("text", "sentences"), [
    ("The cat eats. The dog sleeps!", ["The cat eats.", "The dog sleeps!"]),
    ("Is it alive? Yes… it is. Wow!", ["Is it alive?", "Yes… it is.", "Wow!"]),
    ("Dr. Ruiz studies frogs. Mrs. Lee does too.", ["Dr. Ruiz studies frogs.",
                                                    "Mrs. Lee does too."]),
    ("Animals (e.g. frogs) need water. Plants do too.", ["Animals (e.g. frogs) need water.",
                                                         "Plants do too."]),
    ("It is 3.5 m long. J. Smith said so.", ["It is 3.5 m long.", "J. Smith said so."]),
    ('"Stop!" she said. Then we left.', ['"Stop!" she said.', "Then we left."]),
    ("水很重要。植物需要水！", ["水很重要。", "植物需要水！"]),
    ("no end mark", ["no end mark"]),
    ("   ", []),
])
def test_sentences_are_split_without_a_model(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences
