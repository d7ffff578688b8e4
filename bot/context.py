"""The typed context every handler receives: the long-lived services, built once."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database
from telegram.ext import CallbackContext, ExtBot

from bot.config import Config
from bot.i18n import Catalog
from bot.translate import Translator


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    """What handlers need, passed down instead of read from globals."""

    config: Config
    db: Database
    catalog: Catalog
    clock: Callable[[], datetime] = utc_now
    rng: random.Random = field(default_factory=random.SystemRandom)
    translator: Translator | None = None  # offline machine translation, when configured


@dataclass
class BotData:
    services: Services | None = None


class PuenteContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]):
    """CallbackContext with typed access to the services."""

    @property
    def services(self) -> Services:
        services = self.bot_data.services
        if services is None:
            raise RuntimeError("build_application() sets the services before any update")
        return services
