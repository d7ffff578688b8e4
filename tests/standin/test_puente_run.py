"""The real `puente run`, as a subprocess, answers over HTTP through the stand-in."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.standin import StandIn
from tests.live import start_puente

pytestmark = pytest.mark.live


async def test_start_without_a_code_explains_how_to_join_and_sigterm_stops_cleanly(
        standin: StandIn, tmp_path: Path) -> None:
    puente = await start_puente(tmp_path, standin)
    try:
        newcomer = standin.user(401, "Ana", "en")
        newcomer.say("/start")
        await newcomer.wait_for("open the link your teacher gave you", 15)
    finally:
        code = await puente.stop()
    assert code == 0, puente.output()
    assert "Traceback" not in puente.output()
    assert standin.stats.requests["setMyCommands"] >= 1  # the menu is registered at start-up
    # The next start may skip the store's quick_check: this run closed it and said so.
    assert (tmp_path / "puente.db.lock").read_text().startswith("stopped cleanly: ")
    assert standin.duplicates() == {}
