"""`puente run` starts without the libraries only other commands or later moments need.

Start-up is what every restart costs every student (issue 12: under a second to the first
getUpdates), and an import at the top of a module is the easiest way to lose it again. Each test
runs the real command line in a fresh interpreter and reads what it imported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.cli.builders import TOKEN, closed_port

ROOT = Path(__file__).resolve().parents[2]
# Needed on first use, never before the first getUpdates: QR codes, FSRS, the typed-answer word
# lists, language detection (loaded in a thread once polling runs), charts and heatmaps, Argos.
LATER = ("segno", "fsrs", "spellchecker", "langdetect", "matplotlib", "PIL", "argostranslate",
         "ctranslate2", "sentencepiece")
# Other commands' libraries, and test-only ones.
NOT_RUN = ("bot.demo", "aiohttp", "datasette")
# What `puente --help` (and so every command, before it runs) must not load: the bot itself.
THE_BOT = ("bot.app", "bot.handlers", "bot.services", "bot.presentation", "bot.translation",
           "bot.speech", "bot.delivery", "telegram.ext")

RUN = "from bot.cli import main; code = main(sys.argv[1:])"
PARSE = "from bot.cli import build_parser; build_parser().parse_args(sys.argv[1:]); code = 0"
REPORT = 'print(json.dumps({"code": code, "modules": sorted(sys.modules)}))'


def _imported(what: str, argv: list[str], cwd: Path) -> tuple[int, set[str], str]:
    """Run `what` with ARGV in a fresh interpreter: its exit code, the modules it imported,
    and its stderr."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("TELEGRAM_BOT_TOKEN", "PUENTE_CONFIG", "PUENTE_STORE_PATH")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    script = "\n".join(["import json, sys", what, REPORT])
    done = subprocess.run([sys.executable, "-c", script, *argv], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return report["code"], set(report["modules"]), done.stderr


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


def test_puente_run_reaches_telegram_without_later_or_other_commands_libraries(
        tmp_path: Path) -> None:
    port = closed_port()  # the run gets as far as asking Telegram who it is, then stops
    config = tmp_path / "config.toml"  # translation and speech on, as by default
    config.write_text(f'[store]\npath = "puente.db"\n[telegram]\ntoken = "{TOKEN}"\n'
                      f'base_url = "http://127.0.0.1:{port}/bot"\n', encoding="utf-8")
    code, modules, err = _imported(RUN, ["--config", str(config), "run"], tmp_path)
    assert code == 2 and f"cannot reach Telegram at 127.0.0.1:{port}" in err, err
    assert "bot.app" in modules and "bot.handlers.teacher" in modules  # it really started
    assert _loaded(modules, LATER + NOT_RUN) == []


def test_reading_the_command_line_loads_no_bot(tmp_path: Path) -> None:
    code, modules, _ = _imported(PARSE, ["run"], tmp_path)  # as --help and every command do
    assert code == 0
    assert _loaded(modules, THE_BOT + LATER + NOT_RUN) == []
