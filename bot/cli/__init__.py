"""The `puente` command line: thin commands over the library; errors become exit codes."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from bot import __version__
from bot.cli import db_cmd, packs_cmd, report_cmd, run_cmd, translate_cmd
from bot.config import ConfigError, load_config

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
COMMAND_MODULES = [run_cmd, packs_cmd, db_cmd, report_cmd, translate_cmd]


def build_parser() -> argparse.ArgumentParser:
    """Build the parser with every command group registered."""
    parser = argparse.ArgumentParser(
        prog="puente", description="Puente: academic English for English language learners.")
    parser.add_argument("--version", action="version", version=f"puente {__version__}")
    parser.add_argument("--config", type=Path, default=None,
                        help="config file (default: $PUENTE_CONFIG, else ./config.toml if "
                        "present, else built-in defaults)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    if args.config is None and Path("config.toml").exists():
        args.config = Path("config.toml")
    try:
        args.settings = load_config(args.config)
        return int(args.func(args) or EXIT_OK)
    except ConfigError as exc:
        print(f"puente: configuration problem: {exc}", file=sys.stderr)
        return EXIT_USAGE


def run() -> None:
    """Entry point for the console script."""
    sys.exit(main())
