"""`puente run` and `puente demo`."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path

from bot.app import run
from bot.context import Services
from bot.demo import run_demo
from bot.i18n import Catalog
from bot.speech import open_speech
from bot.store import open_store
from bot.translate import Translator


def register(sub: argparse._SubParsersAction) -> None:
    """Add `run` and `demo`."""
    sub.add_parser("run", help="run the bot on Telegram (polling or webhook per config)"
                   ).set_defaults(func=run_bot)
    demo = sub.add_parser("demo", help="play a student in the terminal; no Telegram account "
                          "needed")
    demo.add_argument("--script", type=Path, help="replay lines from a file and print the "
                      "conversation")
    demo.add_argument("--phone-language", default="es",
                      help="the language code the student's phone reports (default: es)")
    demo.set_defaults(func=demo_command)


def run_bot(args: argparse.Namespace) -> int:
    """Start the bot; refuse kindly without a token."""
    config = args.settings
    if not config.telegram.token:
        print("puente: no bot token. Set TELEGRAM_BOT_TOKEN or [telegram] token in "
              "config.toml (see README: 'Run it on Telegram').", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    db = open_store(config.store_path)
    translator = Translator(db, config.translation) if config.translation.enabled else None
    speech = open_speech(config.speech, config.store_path)
    run(Services(config, db, Catalog.load(), translator=translator, speech=speech))
    return 0


def demo_command(args: argparse.Namespace) -> int:
    """Run the terminal demo (interactive, or from --script)."""
    lines = None
    if args.script is not None:
        try:
            lines = args.script.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            print(f"puente: cannot read {args.script}: {exc}", file=sys.stderr)
            return 2
    try:
        asyncio.run(run_demo(lines, phone_language=args.phone_language))
    except KeyboardInterrupt:
        print("\nbye")  # Ctrl+C ends the demo; its temporary store is removed
    return 0
