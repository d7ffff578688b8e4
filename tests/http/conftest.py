"""Fixtures: a stand-in and the real `puente run` subprocess, in polling or webhook mode."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.standin import StandIn
from tests.live import Puente, start_puente


def pytest_configure(config: pytest.Config) -> None:
    """Register `live`: tests that start `puente run` (deselect with -m "not live")."""
    config.addinivalue_line("markers", "live: starts `puente run` as a subprocess (slow)")


@pytest.fixture
async def standin() -> AsyncIterator[StandIn]:
    """A stand-in on a free 127.0.0.1 port with Telegram's default limits."""
    async with StandIn() as server:
        yield server


@pytest.fixture(params=["polling", "webhook"])
async def puente(request: pytest.FixtureRequest, standin: StandIn,
                 tmp_path: Path) -> AsyncIterator[Puente]:
    """`puente run` against the stand-in; stopped with SIGTERM, which must end it cleanly."""
    process = await start_puente(tmp_path, standin, webhook=request.param == "webhook")
    yield process
    assert await process.stop() == 0, process.output()[-3000:]
    assert "Traceback" not in process.output(), process.output()[-3000:]
