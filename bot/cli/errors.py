"""The CLI's one error boundary: each failure a person can cause becomes one line, exit code 2.

The library raises specific exceptions; only this module words them for the terminal, and every
line passes through `redact`, so the bot token never reaches a screen or a log.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterable
from urllib.parse import urlsplit

from telegram.error import InvalidToken, NetworkError, TelegramError

from bot.config import Config, ConfigError
from bot.domain.errors import PuenteError
from bot.store.files import RESTORE_HINT

# What a person can cause: anything else is a bug and keeps its traceback.
EXPECTED: tuple[type[BaseException], ...] = (PuenteError, TelegramError, sqlite3.Error, OSError)
MASK = "***"


def explain(exc: BaseException, config: Config | None) -> str:
    """Say in one line what went wrong and how to fix it (a line a problem for a config
    file with several)."""
    if isinstance(exc, ConfigError):  # every problem on a line of its own, in file order
        return "\n".join(f"configuration problem: {problem}" for problem in exc.problems)
    if isinstance(exc, PuenteError):
        return str(exc)
    if isinstance(exc, InvalidToken):  # its own message quotes the token: never print it
        return ("Telegram rejected the bot token: copy it again from @BotFather into "
                "TELEGRAM_BOT_TOKEN or [telegram] token")
    if isinstance(exc, NetworkError):  # also TimedOut
        base = config.telegram.base_url if config else "https://api.telegram.org"
        return (f"cannot reach Telegram at {urlsplit(base).netloc} ({exc.message}): check "
                "this computer's internet connection, proxy or firewall, or [telegram] base_url")
    if isinstance(exc, TelegramError):
        return f"Telegram refused: {exc.message} (check the [telegram] settings)"
    if isinstance(exc, sqlite3.Error):
        store = config.store_path if config else "the store"
        return (f"the store {store} cannot be used ({exc}); if it is damaged, restore a backup "
                f"({RESTORE_HINT})")
    if isinstance(exc, OSError) and exc.errno == errno.EADDRINUSE and config is not None:
        hook = config.telegram.webhook
        return (f"cannot listen on {hook.listen}:{hook.port} for the webhook: another program "
                "uses that port (stop it, or change [telegram.webhook] port)")
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror or exc}"
    return str(exc)


def secrets_of(config: Config | None, env_token: str | None) -> list[str]:
    """The values that must never be printed: the bot token (and its secret half), the
    webhook secret."""
    found = [env_token or ""]
    if config is not None:
        found += [config.telegram.token, config.telegram.webhook.secret_token]
    halves = [token.split(":", 1)[1] for token in found if ":" in token]
    return sorted({s for s in found + halves if len(s) >= 6}, key=len, reverse=True)


def redact(text: str, secrets: Iterable[str]) -> str:
    """Replace every secret in `text` with ***."""
    for secret in secrets:
        text = text.replace(secret, MASK)
    return text
