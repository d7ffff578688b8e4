"""Add home-language newcomer definitions (gloss `simple`) to pack files from TSV files.

Usage: python scripts/add_home_simple.py LANG FILE.tsv PACK.toml [PACK.toml ...]
Each TSV line is `english_term<TAB>simple`. A gloss that already has `simple` is left alone;
terms not found are reported. The pack files are rewritten in place, line by line, so their
layout and comments stay as they are.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

TERM = re.compile(r'^term = "(.*)"$')


def add(lang: str, simple: dict[str, str], pack: Path) -> set[str]:
    """Insert `simple = "..."` into each word's `lang` gloss; return the terms done."""
    done: set[str] = set()
    term = None
    gloss = re.compile(rf"^{re.escape(lang)} = \{{(.*)\}}\s*$")
    lines = pack.read_text(encoding="utf-8").splitlines(keepends=True)
    for n, line in enumerate(lines):
        found = TERM.match(line.strip())
        if found:
            term = found.group(1)
        inline = gloss.match(line)
        if inline and term in simple and "simple =" not in line:
            text = simple[term].replace("\\", "\\\\").replace('"', '\\"')
            body = inline.group(1).rstrip()
            lines[n] = f'{lang} = {{{body}, simple = "{text}" }}\n'
            done.add(term)
    pack.write_text("".join(lines), encoding="utf-8")
    return done


def main(argv: list[str]) -> int:
    lang, tsv, *packs = argv
    simple = {}
    for line in Path(tsv).read_text(encoding="utf-8").splitlines():
        if line.strip():
            english, text = line.split("\t", 1)
            simple[english.strip()] = text.strip()
    done: set[str] = set()
    for pack in packs:
        done |= add(lang, simple, Path(pack))
    for missing in sorted(set(simple) - done):
        print(f"not added: {missing!r} (no such term, no {lang} gloss, or it has one already)")
    print(f"{lang}: {len(done)} of {len(simple)} added")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
