"""The typed context every handler receives: the long-lived services, built once."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database
from telegram.ext import CallbackContext, ExtBot

from bot.config import Config
from bot.domain.sent_twice import SentTwiceGuard
from bot.domain.throttle import Throttle
from bot.presentation.i18n import Catalog
from bot.services import days_off
from bot.services.scripts import ScriptBook
from bot.speech import Speech
from bot.store.clock import utc_now
from bot.translation.translator import Translator

if TYPE_CHECKING:
    from bot.delivery import Deliverer


@dataclass
class Services:
    """What handlers need, passed down instead of read from globals."""

    config: Config
    db: Database
    catalog: Catalog
    clock: Callable[[], datetime] = utc_now
    rng: random.Random = field(default_factory=random.SystemRandom)
    translator: Translator | None = None  # offline machine translation, when configured
    speech: Speech | None = None  # offline pronunciation clips, when configured
    code_guard: Throttle = field(default_factory=Throttle)  # wrong join/teach/family codes
    flood_guard: Throttle = field(default_factory=lambda: Throttle(
        limit=30, window=timedelta(seconds=20), pause=timedelta(seconds=30)))  # any update
    # A letter tile or ⌫ is one keystroke, not a request: a child spelling "photosynthesis"
    # taps 15 times in as many seconds. They count here, never in flood_guard (taps before ✅
    # touch no store, and a burst makes one edit: tile_screen.py).
    tile_guard: Throttle = field(default_factory=lambda: Throttle(
        limit=120, window=timedelta(seconds=20), pause=timedelta(seconds=10)))
    ask_guard: Throttle = field(default_factory=lambda: Throttle(
        limit=10, window=timedelta(hours=1), pause=timedelta(hours=1)))  # messages to teachers
    # Each student's last graded typed answer, in memory: a copy of it is set aside, not graded
    sent_twice: SentTwiceGuard = field(default_factory=SentTwiceGuard)
    # Who reads Traditional Chinese: read once, so every message sent looks it up for no SQL
    scripts: ScriptBook = field(init=False)

    def __post_init__(self) -> None:
        self.refresh_days_off()
        self.scripts = ScriptBook(self.db)

    def refresh_days_off(self) -> None:
        """Read the days off set in Puente into the school's holidays: at start-up, and after
        each change, so every handler and job skips them from then on, with no restart."""
        self.config = days_off.with_stored(self.db, self.config)


@dataclass
class BotData:
    services: Services | None = None
    deliverer: Deliverer | None = None
    deliver_in_background: bool = False  # `puente run` only; tests and the demo drive it


class PuenteContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]):
    """CallbackContext with typed access to the services."""

    @property
    def services(self) -> Services:
        services = self.bot_data.services
        if services is None:
            raise RuntimeError("build_application() sets the services before any update")
        return services

    @property
    def deliverer(self) -> Deliverer:
        deliverer = self.bot_data.deliverer
        if deliverer is None:
            raise RuntimeError("build_application() sets the deliverer before any update")
        return deliverer
