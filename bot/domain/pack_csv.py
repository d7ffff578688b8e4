"""Spreadsheet packs: read a CSV pack (one word a row, the pack's head from its file name) into
the same checked Pack a TOML pack becomes. A quote left open is named on its own line before
anything else, since what it swallowed would only be noise."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from typing import Any

from bot.domain.pack_validation import MAX_CLOZES, Checker
from bot.domain.packs import Pack, PackError, Problem, Word

CSV_FORM_SEPARATORS = re.compile(r"[;|]")
# a gloss's cells: es_term, es_definition, es_short (a level-1 reader's definition)
_GLOSS_COLUMNS = ("_term", "_definition", "_short")


class _CsvLines:
    """Line numbers of a CSV pack: the header is line 1, word N is on line N + 1."""

    spreadsheet = True

    def of(self, word_index: int | None = None, key: str | None = None) -> int:
        return 1 if word_index is None else word_index + 2


SAMPLE_COLUMNS = ("term", "pos", "tier", "definition", "example", "cloze")


def sample_csv(words: Sequence[Word], languages: Sequence[str] = ("es",)) -> bytes:
    """A pack file a teacher can copy: these words in the columns parse_csv_pack reads, a
    gloss's term and definition for each language, cells quoted where they hold a comma, and a
    BOM, so a spreadsheet opens accents right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*SAMPLE_COLUMNS, *(f"{lang}_{part}" for lang in languages
                                        for part in ("term", "definition"))])
    for word in words:
        glosses = [word.glosses.get(lang) for lang in languages]
        writer.writerow([word.term, word.pos, word.tier, word.definition, word.example,
                         word.cloze or "",
                         *(cell for g in glosses
                           for cell in ((g.term, g.definition or "") if g else ("", "")))])
    return ("\ufeff" + buffer.getvalue()).encode()


def parse_csv_pack(text: str, source: str, head: Mapping[str, Any]) -> Pack:
    """Parse a spreadsheet pack (term, pos, tier, definition, example, cloze, cloze2...,
    forms, kind_of, <lang>_term, <lang>_definition, <lang>_short); a list (forms, kind_of)
    is one cell split at ; or |."""
    if not text.strip():
        raise PackError([Problem(source, 1, "the file is empty; the first row names the "
                                            "columns (term, pos, tier, definition, example)",
                                 "empty-csv")])
    text = text.lstrip("\ufeff")
    if quotes := _open_quotes(text, source):  # what follows was read into one cell: noise
        raise PackError(quotes)
    reader = csv.DictReader(io.StringIO(text))
    fields = reader.fieldnames or []
    missing = [c for c in ("term", "pos", "tier", "definition", "example") if c not in fields]
    if missing:
        columns = ", ".join(missing)
        raise PackError([Problem(source, 1, f"missing column(s): {columns}", "missing-columns",
                                 (("columns", columns),))])
    words: list[dict[str, Any]] = []
    try:
        rows = list(reader)
    except csv.Error as exc:  # e.g. one cell over the csv module's 131,072-character limit
        # The inner reader's count includes the row that failed; DictReader's stops before it.
        raise PackError([Problem(source, reader.reader.line_num,
                                 f"this row cannot be read as CSV: {exc}", "bad-row",
                                 (("detail", str(exc)),))]) from exc
    # A comma in a cell left unquoted shifts every cell after it (the example's end became the
    # es gloss, marked as the teacher's own): refuse the row, and only its cell count is said
    crowded = {index + 2: len(row[None]) for index, row in enumerate(rows) if row.get(None)}
    for row in rows:
        # A line break inside a cell (Alt+Enter) reads as a space on a card.
        word: dict[str, Any] = {k: " ".join((v or "").split()) for k, v in row.items()
                                if k and not k.endswith(_GLOSS_COLUMNS)
                                and (v or "").strip()}
        # More gap sentences in columns cloze2, cloze3...: a spreadsheet cell holds one
        extra = [word.pop(f"cloze{n}") for n in range(2, MAX_CLOZES + 1) if f"cloze{n}" in word]
        if extra:
            word["cloze"] = [*([word["cloze"]] if "cloze" in word else []), *extra]
        if word.get("tier", "").isdigit():
            word["tier"] = int(word["tier"])
        for listed in ("forms", "kind_of"):  # one cell: "settlers; settled" or "a | b"
            if listed in word:
                word[listed] = [f.strip() for f in CSV_FORM_SEPARATORS.split(word[listed])
                                if f.strip()]
        glosses: dict[str, dict[str, str]] = {}
        for key, value in row.items():
            if key and key.endswith(_GLOSS_COLUMNS) and (value or "").strip():
                lang, _, part = key.rpartition("_")
                glosses.setdefault(lang, {})[part] = value.strip()
        if glosses:
            word["glosses"] = glosses
        words.append(word)
    checker = Checker(source, _CsvLines())
    pack = checker.pack({"pack": dict(head), "words": words})
    if crowded:  # what else a shifted row breaks follows from its cells: not said again
        columns = len(fields)
        raise PackError(sorted([*(p for p in checker.problems if p.line not in crowded),
                                *(_crowded(source, line, columns + extra, columns)
                                  for line, extra in crowded.items())],
                               key=lambda p: p.line))
    if checker.problems:
        raise PackError(checker.problems)
    assert pack is not None
    return pack


def _crowded(source: str, line: int, cells: int, columns: int) -> Problem:
    """A row with more cells than the header has columns: a comma inside a cell, unquoted."""
    return Problem(source, line, _CROWDED.format(line=line, cells=cells, columns=columns),
                   "crowded-row", (("line", line), ("cells", cells), ("columns", columns)))


_CROWDED = ("line {line} has more cells ({cells}) than the header ({columns}): is there a comma "
            'inside a cell? Put that cell in "quotes"')


def _open_quotes(text: str, source: str) -> list[Problem]:
    """A cell whose quote does not close on its own line swallows the lines after it (to the
    next quote, or the end of the file); name the line where that quote opens. A cell across
    a few lines is fine when none of them looks like a row of the pack: a spreadsheet's line
    break inside a cell (Alt+Enter) is saved that way."""
    reader = csv.reader(io.StringIO(text))
    columns = text.split("\n", 1)[0].count(",")
    problems: list[Problem] = []
    start = 1
    try:
        for row in reader:
            line = start
            for cell in row:
                if ("\n" in cell or "\r" in cell) and _swallowed(cell, columns):
                    problems.append(Problem(source, line, _OPEN_QUOTE.format(
                        start=line, end=reader.line_num), "open-quote",
                        (("start", line), ("end", reader.line_num))))
                    break
                line += cell.count("\n")
            start = reader.line_num + 1
    except csv.Error:  # a cell too large even to read: parse_csv_pack reports it
        return problems
    return problems


MAX_CELL_LINES = 4  # a definition with a line break or two; more is a quote left open


def _swallowed(cell: str, columns: int) -> bool:
    """Whether a cell across lines holds what were meant to be cells of rows: a line with empty
    cells (",,") or with commas for half a row, or more lines than any cell of a pack needs."""
    lines = cell.splitlines()
    return len(lines) > MAX_CELL_LINES or any(
        ",," in part or part.count(",") >= max(2, columns // 2) for part in lines)


_OPEN_QUOTE = ('a quote (") opens here and does not close on this line, so lines {start}-{end} '
               "were read as one cell: close the quote, or remove it")
