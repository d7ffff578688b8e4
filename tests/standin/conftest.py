"""Fixtures: a running stand-in and python-telegram-bot's own Bot pointed at it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Bot

from bot.standin import StandIn
from tests.live import TOKEN


def pytest_configure(config: pytest.Config) -> None:
    """Register `live`: tests that start `puente run` (deselect with -m "not live")."""
    config.addinivalue_line("markers", "live: starts `puente run` as a subprocess (slow)")


@pytest.fixture
async def standin() -> AsyncIterator[StandIn]:
    """A stand-in on a free 127.0.0.1 port with Telegram's default limits."""
    async with StandIn() as server:
        yield server


@pytest.fixture
async def bot(standin: StandIn) -> AsyncIterator[Bot]:
    """PTB's Bot talking to the stand-in over HTTP, as it would talk to Telegram."""
    async with Bot(TOKEN, base_url=standin.base_url, base_file_url=standin.base_file_url) as b:
        yield b
