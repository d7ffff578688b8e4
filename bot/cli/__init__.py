"""The `puente` command line: thin commands over the library, and one error boundary."""

from __future__ import annotations

import argparse
import contextlib
import os
import select
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TextIO

from bot import __version__
from bot.cli import (
    db_cmd,
    languages_cmd,
    packs_cmd,
    report_cmd,
    run_cmd,
    student_cmd,
    translate_cmd,
)
from bot.cli.errors import EXPECTED, explain, redact, secrets_of
from bot.config import find_config, load_config
from bot.store.clock import utc_now

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130
EXIT_PIPE_CLOSED = 141  # 128 + SIGPIPE: what `yes | head` leaves for `yes`
COMMAND_MODULES = [run_cmd, packs_cmd, languages_cmd, db_cmd, report_cmd, student_cmd,
                   translate_cmd]


def build_parser() -> argparse.ArgumentParser:
    """Build the parser with every command group registered."""
    parser = argparse.ArgumentParser(
        prog="puente", description="Puente: academic English for English language learners.")
    parser.add_argument("--version", action="version", version=f"puente {__version__}")
    parser.add_argument("--config", type=Path, default=None,
                        help="config file (default: $PUENTE_CONFIG, else ./config.toml if "
                        "present, else built-in defaults); relative paths inside it count "
                        "from its folder")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None, clock: Callable[[], datetime] = utc_now) -> int:
    """Run one command; return its exit code (2 with one line for anything a user can fix).

    Every command reads the time from `clock` (the bot's `Services.clock` too), so a test
    freezes it here."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    args.settings, args.clock, args.config_file = None, clock, None
    try:
        args.config_file = find_config(args.config, os.environ, Path.cwd())
        args.settings = load_config(args.config_file, voice_check=_voice_check)
        for note in args.settings.notes:
            print(f"puente: warning: {note}", file=sys.stderr)
        code = int(args.func(args) or EXIT_OK)
        sys.stdout.flush()  # here, not at exit: a reader gone by now is caught below
        return code
    except BrokenPipeError as exc:
        if not _reader_gone(sys.stdout):  # a socket or a child's pipe: a real failure
            return _explain(args, exc)
        _silence_stdout()
        return EXIT_PIPE_CLOSED
    except EXPECTED as exc:
        return _explain(args, exc)
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def _explain(args: argparse.Namespace, exc: BaseException) -> int:
    """Print the one-line reason (a line a problem for a config file), redacted; exit 2."""
    secrets = secrets_of(args.settings, os.environ.get("TELEGRAM_BOT_TOKEN"))
    for line in explain(exc, args.settings).splitlines():  # config: one line a problem
        print(f"puente: {redact(line, secrets)}", file=sys.stderr)
    return EXIT_USAGE


def _reader_gone(stream: TextIO) -> bool:
    """Whether `stream` is a pipe whose reader has closed it (`puente packs list | head`):
    then stopping quietly is what every Unix tool does, not an error to explain."""
    try:
        poller = select.poll()
        poller.register(stream.fileno(), select.POLLOUT)
        return any(events & (select.POLLERR | select.POLLHUP) for _, events in poller.poll(0))
    except (AttributeError, OSError, ValueError):  # no poll (Windows), or no real file
        return False


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so Python's own flush at exit does not fail on the closed
    pipe again (and print "Exception ignored")."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _voice_check(name: str) -> bool | None:
    """Ask the speech engine about [speech] voice; imported only when a config sets one."""
    from bot.speech import voice_exists

    return voice_exists(name)


def run() -> None:
    """Entry point for the console script."""
    sys.exit(main())
