"""Where the shipped data lives: prompts/ and vocab_packs/, in the wheel or in the checkout.

A wheel carries them inside the package (bot/prompts, bot/vocab_packs: see pyproject.toml); a
checkout or an editable install keeps them at the repository's top level, beside bot/.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def shipped_dir(name: str, package_dir: Path = PACKAGE_DIR) -> Path:
    """Return the data folder `name` inside the installed package, else beside it."""
    inside = package_dir / name
    return inside if inside.is_dir() else package_dir.parent / name


PROMPTS_DIR = shipped_dir("prompts")
PACKS_DIR = shipped_dir("vocab_packs")
