"""The `puente` command line: thin commands over the library, and one error boundary."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

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
        return int(args.func(args) or EXIT_OK)
    except EXPECTED as exc:
        secrets = secrets_of(args.settings, os.environ.get("TELEGRAM_BOT_TOKEN"))
        for line in explain(exc, args.settings).splitlines():  # config: one line a problem
            print(f"puente: {redact(line, secrets)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def _voice_check(name: str) -> bool | None:
    """Ask the speech engine about [speech] voice; imported only when a config sets one."""
    from bot.speech import voice_exists

    return voice_exists(name)


def run() -> None:
    """Entry point for the console script."""
    sys.exit(main())
