"""Speech tests use the real eSpeak NG from the espeakng-loader wheel, never a stand-in."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.speech import Speech


@pytest.fixture
def speech(tmp_path: Path) -> Speech:
    return Speech.open(tmp_path / "clips")
