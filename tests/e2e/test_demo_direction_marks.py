"""The demo prints what a phone shows, without the direction marks that keep numbers in place
in right-to-left text: an Arabic card's "3×4=12" is wrapped in LRI ... PDI for Telegram, and
the terminal dropped the PDI but kept the LRI, so a transcript showed an opening mark alone."""

from __future__ import annotations

import re
from pathlib import Path

from bot.demo.player import run_demo
from bot.presentation.i18n import escape
from bot.presentation.views import plain_text

ROOT = Path(__file__).resolve().parents[2]
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
OPENING = (LRI, RLI, FSI)

ARABIC_MATH = """/start {code}
tap العربية
tap 🤷 لا أعرف
as teacher
/push math.number-operations product
as student""".splitlines()


def unbalanced(text: str) -> list[str]:
    """The lines whose isolates do not each close on the same line."""
    return [line for line in text.splitlines()
            if sum(line.count(mark) for mark in OPENING) != line.count(PDI)]


async def test_an_arabic_calculation_prints_clean_in_the_demo() -> None:
    lines: list[str] = []
    await run_demo(ARABIC_MATH, out=lines.append)
    printed = "\n".join(lines)
    assert "الجواب الأخير في 3×4=12، أي العدد 12" in printed  # the card's simple line
    assert unbalanced(printed) == []
    assert not re.search(f"[{LRI}{RLI}{FSI}{PDI}]", printed)  # clean text, as the phone shows


def test_the_documented_transcripts_open_no_isolate_they_do_not_close() -> None:
    for doc in ("docs/demo-transcript.md", "README.md"):
        assert unbalanced((ROOT / doc).read_text(encoding="utf-8")) == [], doc


def test_terminal_text_drops_both_marks_of_every_isolate() -> None:
    marked = f"{escape('الجواب الأخير في 3×4=12')} {FSI}/check{PDI}"
    assert LRI in marked  # what Telegram is sent: the calculation isolated left to right
    assert plain_text(marked) == "الجواب الأخير في 3×4=12 /check"
