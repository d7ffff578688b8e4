"""The demo transcript (docs/demo-transcript.md) is what `puente demo --script` prints today."""

from __future__ import annotations

import re
from pathlib import Path

from bot.cli import build_parser
from bot.demo.player import run_demo

ROOT = Path(__file__).resolve().parents[2]


TRANSCRIPT = ROOT / "docs" / "demo-transcript.md"


def documented_transcript() -> str:
    doc = TRANSCRIPT.read_text(encoding="utf-8")
    match = re.search(r"<!-- demo-transcript:start -->\n```text\n(.*?)```\n", doc, re.S)
    assert match, "docs/demo-transcript.md lost its transcript block"
    return match[1]


async def test_demo_journey_matches_the_documented_transcript() -> None:
    lines: list[str] = []
    script = (ROOT / "docs" / "demo-journey.txt").read_text(encoding="utf-8").splitlines()
    await run_demo(script, out=lines.append)
    printed = "\n".join(lines) + "\n"
    assert "🏅" in printed  # words get mastered over the days of the journey
    assert unguessable(printed) == unguessable(documented_transcript())


def test_the_readme_links_the_transcript_instead_of_holding_it() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/demo-transcript.md)" in readme
    assert "demo-transcript:start" not in readme


def unguessable(text: str) -> str:
    """Family links are random on purpose (never seeded): compare them by shape (the link the
    teacher gets, and the family member opening it)."""
    return re.sub(r"(start=|/start )f_[A-Za-z0-9]{12}", r"\1f_<code>", text)


def test_every_cli_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    for name, sub in commands.items():
        verbs = [a for a in sub._actions if a.__class__.__name__ == "_SubParsersAction"]
        names = [f"puente {name} {verb}" for verb in verbs[0].choices] if verbs \
            else [f"puente {name}"]
        for command in names:
            assert f"`{command}" in readme, command
