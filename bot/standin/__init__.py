"""A local Bot API stand-in: Telegram's wire format, limits and failures over real HTTP."""

try:
    import aiohttp  # noqa: F401  (a dev dependency: say so before a deep ImportError)
except ImportError as exc:  # pragma: no cover
    raise ImportError("bot.standin needs aiohttp: pip install -e '.[dev]'") from exc

from bot.standin.faults import Fault, Kind
from bot.standin.html_check import EntityError, parse_html, utf16_len
from bot.standin.limits import LimitConfig
from bot.standin.server import StandIn, StandInConfig
from bot.standin.state import Sent, Stats
from bot.standin.users import Person

__all__ = ["EntityError", "Fault", "Kind", "LimitConfig", "Person", "Sent", "StandIn",
           "StandInConfig", "Stats", "parse_html", "utf16_len"]
