"""The seat of a school's IT technician: a folder of their own, a token, no stray settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.builders import TOKEN, fresh_event_loop


@pytest.fixture
def cli_seat(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """Run commands from `tmp_path` with a bot token set, no config or store path from the
    environment, and a fresh event loop (a failed `puente run` closes its own)."""
    for name in ("PUENTE_CONFIG", "PUENTE_STORE_PATH"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.chdir(tmp_path)
    with fresh_event_loop():
        yield tmp_path
