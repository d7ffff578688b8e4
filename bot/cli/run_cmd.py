"""`puente run` and `puente demo`.

Each command imports the library it needs when it runs: `puente --help` and the other commands
then never load the bot, and `puente run` never loads the demo (tests/cli/test_lazy_imports.py).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import re
import sys
from pathlib import Path

from bot.cli.errors import secrets_of
from bot.cli.logs import run_logging
from bot.config import Config
from bot.store.files import StoreLock, check_integrity

log = logging.getLogger(__name__)
# What BotFather hands out: the bot's numeric id, a colon, then the secret part.
_TOKEN_SHAPE = re.compile(r"^\d+:[A-Za-z0-9_-]+$")


def register(sub: argparse._SubParsersAction) -> None:
    """Add `run` and `demo`."""
    sub.add_parser("run", help="run the bot on Telegram (polling or webhook per config); "
                   "refuses a damaged store or a second puente on the same store"
                   ).set_defaults(func=run_bot)
    demo = sub.add_parser("demo", help="play a student in the terminal; no Telegram account "
                          "needed")
    demo.add_argument("--script", type=Path, help="replay lines from a file and print the "
                      "conversation")
    demo.add_argument("--phone-language", default="es",
                      help="the language code the student's phone reports (default: es)")
    demo.set_defaults(func=demo_command)


def run_bot(args: argparse.Namespace) -> int:
    """Start the bot: one process per store, on a store that passes its integrity check."""
    config = args.settings
    if not config.telegram.token:
        print("puente: no bot token. Set TELEGRAM_BOT_TOKEN or [telegram] token in "
              "config.toml (see README: 'Run it on Telegram').", file=sys.stderr)
        return 2
    if not _TOKEN_SHAPE.match(config.telegram.token):  # else a confusing network error
        print("puente: this is not a bot token (it looks like 123456:ABC-DEF1234ghIkl...): "
              "copy it again from @BotFather into TELEGRAM_BOT_TOKEN or [telegram] token",
              file=sys.stderr)
        return 2
    from bot.app import run
    from bot.context import Services
    from bot.presentation.i18n import Catalog
    from bot.speech import open_speech
    from bot.store import open_store
    from bot.store.erase import reapply_erasures
    from bot.translation.translator import Translator

    secrets = secrets_of(config, os.environ.get("TELEGRAM_BOT_TOKEN"))
    with StoreLock(config.store_path) as lock, run_logging(secrets):
        # quick_check reads every page (about 0.2 s for 40 MB): worth it after a crash or a
        # changed file, not on each restart of a store the last run closed and left alone.
        if not lock.unchanged_since_clean_stop:
            check_integrity(config.store_path)
        new = not config.store_path.exists()
        _say_what_is_used(args.config_file, config, new)
        db = open_store(config.store_path)
        try:
            again = reapply_erasures(db)  # a backup restored over the store brings them back
            if again:
                logging.getLogger("bot").warning(
                    "%d erased person(s) were back in the store (a restored backup) and were "
                    "erased again", again)
            translator = (Translator(db, config.translation, clock=args.clock)
                          if config.translation.enabled else None)
            speech = open_speech(config.speech, config.store_path)
            run(Services(config, db, Catalog.load(), args.clock, translator=translator,
                         speech=speech))
        finally:
            db.close()
        lock.stopped_cleanly()  # not reached when the run failed: the next start checks
    return 0


def _say_what_is_used(config_file: Path | None, config: Config, new: bool) -> None:
    """Log which config file and store this run uses: started from the wrong folder, Puente
    would otherwise quietly make an empty store there."""
    where = config_file.absolute() if config_file else "none (built-in defaults)"
    log.info("config file: %s; store: %s", where, config.store_path.absolute())
    if new:
        log.warning("new, empty store created at %s: if you expected your classes there, "
                    "stop Puente and check --config, $PUENTE_CONFIG or [store] path",
                    config.store_path.absolute())


def demo_command(args: argparse.Namespace) -> int:
    """Run the terminal demo (interactive, or from --script)."""
    from bot.demo.player import run_demo

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
