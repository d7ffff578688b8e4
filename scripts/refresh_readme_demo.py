"""Re-run docs/demo-journey.txt and write its transcript into docs/demo-transcript.md (the
tests compare them)."""

from __future__ import annotations

import asyncio
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.demo.player import run_demo  # noqa: E402


def main() -> None:
    lines: list[str] = []
    script = (ROOT / "docs" / "demo-journey.txt").read_text(encoding="utf-8").splitlines()
    asyncio.run(run_demo(script, out=lines.append))
    transcript = "\n".join(lines) + "\n"
    doc = ROOT / "docs" / "demo-transcript.md"
    text = doc.read_text(encoding="utf-8")
    block = re.compile(r"(<!-- demo-transcript:start -->\n```text\n)(.*?)(```\n)", re.S)
    doc.write_text(block.sub(lambda m: m[1] + transcript + m[3], text, count=1), encoding="utf-8")
    print(f"docs/demo-transcript.md: transcript of {len(lines)} lines")


if __name__ == "__main__":
    main()
