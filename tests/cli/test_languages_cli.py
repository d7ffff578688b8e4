"""`puente languages`: what a school can expect for each home language."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from tests.cli.builders import write_config


def _rows(out: str) -> dict[str, str]:
    return {line.split()[0]: line for line in out.splitlines()[1:] if line.strip()}


def test_languages_lists_names_direction_and_support(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("PUENTE_CONFIG", raising=False)
    config = write_config(tmp_path, '[school]\nlanguages = ["so", "ar"]\n')
    assert main(["--config", str(config), "languages"]) == 0
    out = capsys.readouterr().out
    rows = _rows(out)
    codes = list(rows)
    assert codes[:3] == ["en", "ar", "so"]  # English, then the school's languages
    assert "العربية" in rows["ar"] and " rtl " in rows["ar"]
    assert "229/229 (100%)" in rows["es"] and " ltr " in rows["es"]
    assert " menu " in rows["hmn"]  # no detector: chosen from the menu
    assert "Argos model" in rows["hmn"]  # and no machine translation exists for it
    assert rows["fa"].endswith("off ([translation] enabled = false)")
    assert " yes " in rows["vi"]  # prompts


def test_languages_says_how_to_install_a_model(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'[translation]\ndata_dir = "{tmp_path / "argos"}"\n')
    assert main(["--config", str(config), "languages"]) == 0
    rows = _rows(capsys.readouterr().out)
    assert rows["es"].endswith("available: puente translate install es")
    assert rows["en"].endswith("(source)")
