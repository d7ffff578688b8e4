"""docs/architecture.md names every module under bot/, and only modules that exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAP = ROOT / "docs" / "architecture.md"


def mapped() -> list[str]:
    """Module paths the map gives a line to: "- `bot/x.py` — what it is"."""
    return re.findall(r"^- `(bot/[\w/]+\.py)` — \S", MAP.read_text(encoding="utf-8"), re.M)


def modules() -> set[str]:
    return {p.relative_to(ROOT).as_posix() for p in (ROOT / "bot").rglob("*.py")}


def test_every_module_has_a_line_in_the_map() -> None:
    assert sorted(modules() - set(mapped())) == []


def test_the_map_lists_no_module_that_is_gone_and_none_twice() -> None:
    assert sorted(set(mapped()) - modules()) == []
    assert len(mapped()) == len(set(mapped()))
