"""Where the shipped data lives: prompts/ and vocab_packs/ beside the bot package."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PROMPTS_DIR = PROJECT_ROOT / "prompts"
PACKS_DIR = PROJECT_ROOT / "vocab_packs"
