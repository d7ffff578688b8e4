"""Logging for `puente run`: one handler on stderr that masks secrets and keeps start-up quiet."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from telegram.error import NetworkError

from bot.cli.errors import redact

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# httpx logs every request URL at INFO, and Bot API URLs carry the token; apscheduler logs
# "Running job" and "executed successfully" at INFO for every run of every job (one reminder
# per student a day). Their warnings and errors still show.
CHATTY = ("httpx", "httpcore", "apscheduler")


class SecretMask(logging.Filter):
    """Mask secrets in a record's message and traceback before any handler writes it."""

    def __init__(self, secrets: Sequence[str]) -> None:
        super().__init__()
        self.secrets = secrets

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = redact(record.getMessage(), self.secrets), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text, self.secrets)
        return True


class QuietFailedStart(logging.Filter):
    """Drop python-telegram-bot's traceback when start-up fails: the CLI says it in one line."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.name.startswith("telegram.ext") and record.levelno >= logging.ERROR
                    and "Bootstrap Initialize Application" in record.getMessage())


class NetworkHiccups(logging.Filter):
    """Telegram unreachable for a moment is a normal event: one WARNING line, no traceback.

    python-telegram-bot logs every failed getUpdates with a full traceback and retries by
    itself; nothing is lost (updates wait on Telegram's side), so the traceback only hides the
    one fact a school's admin needs: the network dropped, and for how long.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, NetworkError) and record.name.startswith("telegram.ext"):
            record.msg, record.args = f"Telegram unreachable, retrying: {error.message}", None
            record.exc_info, record.exc_text = None, None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


@contextmanager
def run_logging(secrets: Sequence[str], level: int = logging.INFO) -> Iterator[None]:
    """Log to stderr with secrets masked while the block runs; undo it afterwards."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(QuietFailedStart())
    handler.addFilter(NetworkHiccups())
    handler.addFilter(SecretMask(secrets))
    root = logging.getLogger()
    saved = root.level, {name: logging.getLogger(name).level for name in CHATTY}
    root.addHandler(handler)
    root.setLevel(level)
    for name in CHATTY:
        logging.getLogger(name).setLevel(logging.WARNING)
    try:
        yield
    finally:
        root.removeHandler(handler)
        root.setLevel(saved[0])
        for name, old in saved[1].items():
            logging.getLogger(name).setLevel(old)
