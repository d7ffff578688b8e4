"""Teacher reports from the mastery store: a short text, a heatmap PNG and a CSV.

Names and terms are cleaned here, on the way out, too: rows stored before names were cleaned
at the door must not carry a direction override or a formula into a teacher's spreadsheet.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from bot.charts import drawable, heatmap
from bot.domain.names import clean, clean_name
from bot.i18n import Catalog, Markup, escape
from bot.store.reports import Cell, ClassMatrix, StudentRow
from bot.views import CAPTION_LIMIT, cut, label

NEEDS_HELP_P = 0.4     # below this average estimate (with practice) a student needs help
NEEDS_HELP_MISSES = 3  # or this many misses in a row on any word
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TERM_LIMIT = 200
CSV_COLUMNS = ("student", "student_id", "language", "wida_level", "pack", "word", "mastery",
               "mastered", "attempts", "correct", "last_seen")


@dataclass(frozen=True)
class Summary:
    on_track: list[str]
    needs_help: list[str]          # "Ana (habitat, predator)"
    hardest: list[str]             # "predator 20%"
    mastered_share: float


def student_name(student: StudentRow, placeholder: str = "?") -> str:
    """The name a report shows: cleaned, or the placeholder and roster number when empty."""
    return clean_name(student.first_name) or f"{placeholder} {student.id}"


def term(text: str) -> str:
    """A word as a report shows it: one clean line."""
    return clean(text, TERM_LIMIT)


def summarise(matrix: ClassMatrix, hardest: int = 5, placeholder: str = "?") -> Summary:
    """Who is on track, who needs help on which words, and which words are hardest."""
    on_track, needs_help = [], []
    terms = {w.id: term(w.term) for w in matrix.words}
    by_student: dict[int, list[Cell]] = {}
    by_word_id: dict[int, list[Cell]] = {}
    for cell in matrix.cells.values():
        by_student.setdefault(cell.student_id, []).append(cell)
        by_word_id.setdefault(cell.word_id, []).append(cell)
    for student in matrix.students:
        cells = by_student.get(student.id, [])
        practised = [c for c in cells if c.attempts]
        stuck = [terms[c.word_id] for c in cells
                 if c.misses_in_row >= NEEDS_HELP_MISSES and c.word_id in terms]
        average = sum(c.p_known for c in practised) / len(practised) if practised else None
        if stuck or (average is not None and average < NEEDS_HELP_P):
            weak = stuck or [terms[c.word_id] for c in sorted(practised,
                                                              key=lambda c: c.p_known)[:2]]
            needs_help.append(f"{student_name(student, placeholder)} ({', '.join(weak)})")
        elif practised:
            on_track.append(student_name(student, placeholder))
    by_word = []
    for word in matrix.words:
        cells = [c for c in by_word_id.get(word.id, []) if c.attempts]
        if cells:
            by_word.append((sum(c.correct for c in cells) / sum(c.attempts for c in cells),
                            terms[word.id]))
    by_word.sort()
    hard = [f"{term} {share:.0%}" for share, term in by_word[:hardest]]
    total = len(matrix.cells)
    mastered = sum(1 for c in matrix.cells.values() if c.mastered)
    return Summary(on_track, needs_help, hard, mastered / total if total else 0.0)


def summary_text(class_name: str, matrix: ClassMatrix, catalog: Catalog, lang: str) -> Markup:
    """The /report message."""
    s = summarise(matrix, placeholder=catalog.plain("name-placeholder", lang))
    none = catalog.render("report-none", lang)
    return cut(catalog.render(
        "report-summary", lang, class_name=label(class_name), students=len(matrix.students),
        words=len(matrix.words), mastered=f"{s.mastered_share:.0%}",
        on_track=", ".join(s.on_track) or none, needs_help="; ".join(s.needs_help) or none,
        hardest=", ".join(s.hardest) or none))


def spreadsheet_cell(value: object) -> object:
    """A CSV cell a spreadsheet shows as text: formulas defused with a leading apostrophe."""
    if not isinstance(value, str):
        return value
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_bytes(matrix: ClassMatrix) -> bytes:
    """One row per student x word: mastery, attempts, last seen, language, WIDA level."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for student in matrix.students:
        name = student_name(student)
        for word in matrix.words:
            cell = matrix.cells.get((student.id, word.id))
            writer.writerow([spreadsheet_cell(value) for value in (
                name, student.id, student.language or "", student.level or "",
                term(word.pack_id), term(word.term), f"{cell.p_known:.2f}" if cell else "",
                int(cell.mastered) if cell else 0, cell.attempts if cell else 0,
                cell.correct if cell else 0, (cell.last_seen or "") if cell else "")])
    return buffer.getvalue().encode("utf-8-sig")  # BOM: spreadsheet apps then read accents


def heatmap_rows(matrix: ClassMatrix) -> list[str]:
    """Row labels: names when the chart font can draw them all, else roster numbers 1..n."""
    names = [student_name(s) for s in matrix.students]
    if all(drawable(n) for n in names):
        return names
    return [str(number) for number in range(1, len(names) + 1)]


def heatmap_caption(matrix: ClassMatrix) -> Markup | None:
    """The key to the heatmap's roster numbers, when rows use them (None when names fit)."""
    rows = heatmap_rows(matrix)
    if rows == [student_name(s) for s in matrix.students]:
        return None
    key = [f"{number} {escape(student_name(s))}" for number, s in zip(rows, matrix.students,
                                                                          strict=True)]
    return cut(Markup(" · ".join(key)), CAPTION_LIMIT)


def heatmap_png(class_name: str, matrix: ClassMatrix) -> bytes:
    """Students x words, coloured by the mastery estimate."""
    values = [[(matrix.cells[(s.id, w.id)].p_known if (s.id, w.id) in matrix.cells else None)
               for w in matrix.words] for s in matrix.students]
    title = label(class_name)
    return heatmap(heatmap_rows(matrix), [term(w.term) for w in matrix.words], values,
                   title if drawable(title) else "")
