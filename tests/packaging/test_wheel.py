"""A non-editable install must carry prompts/ and vocab_packs/: build the wheel and look."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from bot.paths import shipped_dir

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(importlib.util.find_spec("hatchling") is None,
                                reason="needs hatchling (pip install -e '.[dev]')")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel offline, as `pip install .` would (about 2 s)."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "--quiet", "--wheel-dir", str(out), str(ROOT)], check=True)
    (built,) = out.glob("puente-*.whl")
    return built


def _names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_wheel_ships_every_prompt_and_pack(wheel: Path) -> None:
    names = _names(wheel)
    data = [*ROOT.glob("prompts/*.toml"), *ROOT.glob("vocab_packs/**/*.toml")]
    assert len(data) > 13
    missing = [p for p in data if f"bot/{p.relative_to(ROOT).as_posix()}" not in names]
    assert not missing


def test_wheel_ships_every_module_and_nothing_else(wheel: Path) -> None:
    names = _names(wheel)
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "bot").rglob("*.py")}
    assert modules <= names
    tops = {name.split("/", 1)[0] for name in names}
    assert all(top == "bot" or top.endswith(".dist-info") for top in tops), tops


def test_unpacked_wheel_finds_its_prompts_and_packs(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    probe = ("import bot; from bot.presentation.i18n import Catalog; "
             "from bot.services.packs import load_packs; r = load_packs(); Catalog.load(); "
             "print(bot.__file__, len(r.packs), len(r.problems))")
    env = {**os.environ, "PYTHONPATH": str(site)}
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, check=True,
                         capture_output=True, text=True).stdout.split()
    assert out[0].startswith(str(site))  # the unpacked wheel, not the checkout
    assert int(out[1]) >= 8 and out[2] == "0"


def test_data_inside_the_package_wins_over_the_checkout(tmp_path: Path) -> None:
    package = tmp_path / "bot"
    (package / "prompts").mkdir(parents=True)
    assert shipped_dir("prompts", package) == package / "prompts"
    assert shipped_dir("vocab_packs", package) == tmp_path / "vocab_packs"
