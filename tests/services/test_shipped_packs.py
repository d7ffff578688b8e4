"""Shipped packs load once per version: start-up skips them when the files are unchanged."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.paths import PACKS_DIR
from bot.services.packs import install_shipped_packs
from bot.store import open_store
from bot.store.packs import pack_words
from tests.clock import START


def test_unchanged_packs_are_not_parsed_again_and_a_changed_file_is(tmp_path: Path) -> None:
    folder = tmp_path / "packs"
    shutil.copytree(PACKS_DIR, folder)
    db = open_store(None)
    first = install_shipped_packs(db, START, folder)
    assert first is not None and first.ok and len(first.packs) == 12
    assert install_shipped_packs(db, START, folder) is None  # same bytes: nothing to do
    pack = next(folder.rglob("ecosystems.toml"))
    pack.write_text(pack.read_text(encoding="utf-8").replace(
        "All the living and nonliving things", "Every living and nonliving thing"),
        encoding="utf-8")
    again = install_shipped_packs(db, START, folder)
    assert again is not None and again.ok
    words = {w.word.term: w.word for w in pack_words(db, "science.ecosystems")}
    assert words["ecosystem"].definition.startswith("Every living and nonliving thing")
