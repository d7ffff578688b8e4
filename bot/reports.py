"""Teacher reports from the mastery store: a short text, a heatmap PNG and a CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from bot.charts import heatmap
from bot.i18n import Catalog
from bot.store.reports import Cell, ClassMatrix
from bot.views import escape

NEEDS_HELP_P = 0.4     # below this average estimate (with practice) a student needs help
NEEDS_HELP_MISSES = 3  # or this many misses in a row on any word
CSV_COLUMNS = ("student", "student_id", "language", "wida_level", "pack", "word", "mastery",
               "mastered", "attempts", "correct", "last_seen")


@dataclass(frozen=True)
class Summary:
    on_track: list[str]
    needs_help: list[str]          # "Ana (habitat, predator)"
    hardest: list[str]             # "predator 20%"
    mastered_share: float


def summarise(matrix: ClassMatrix, hardest: int = 5) -> Summary:
    """Who is on track, who needs help on which words, and which words are hardest."""
    on_track, needs_help = [], []
    terms = {w.id: w.term for w in matrix.words}
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
            needs_help.append(f"{student.first_name} ({', '.join(weak)})")
        elif practised:
            on_track.append(student.first_name)
    by_word = []
    for word in matrix.words:
        cells = [c for c in by_word_id.get(word.id, []) if c.attempts]
        if cells:
            by_word.append((sum(c.correct for c in cells) / sum(c.attempts for c in cells),
                            word.term))
    by_word.sort()
    hard = [f"{term} {share:.0%}" for share, term in by_word[:hardest]]
    total = len(matrix.cells)
    mastered = sum(1 for c in matrix.cells.values() if c.mastered)
    return Summary(on_track, needs_help, hard, mastered / total if total else 0.0)


def summary_text(class_name: str, matrix: ClassMatrix, catalog: Catalog, lang: str) -> str:
    """The /report message."""
    s = summarise(matrix)
    none = catalog.render("report-none", lang)
    return catalog.render(
        "report-summary", lang, class_name=escape(class_name), students=len(matrix.students),
        words=len(matrix.words), mastered=f"{s.mastered_share:.0%}",
        on_track=escape(", ".join(s.on_track) or none),
        needs_help=escape("; ".join(s.needs_help) or none),
        hardest=escape(", ".join(s.hardest) or none))


def csv_bytes(matrix: ClassMatrix) -> bytes:
    """One row per student x word: mastery, attempts, last seen, language, WIDA level."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for student in matrix.students:
        for word in matrix.words:
            cell = matrix.cells.get((student.id, word.id))
            writer.writerow([
                student.first_name, student.id, student.language or "", student.level or "",
                word.pack_id, word.term, f"{cell.p_known:.2f}" if cell else "",
                int(cell.mastered) if cell else 0, cell.attempts if cell else 0,
                cell.correct if cell else 0, (cell.last_seen or "") if cell else ""])
    return buffer.getvalue().encode("utf-8-sig")  # BOM: spreadsheet apps then read accents


def heatmap_png(class_name: str, matrix: ClassMatrix) -> bytes:
    """Students x words, coloured by the mastery estimate."""
    values = [[(matrix.cells[(s.id, w.id)].p_known if (s.id, w.id) in matrix.cells else None)
               for w in matrix.words] for s in matrix.students]
    return heatmap([s.first_name for s in matrix.students], [w.term for w in matrix.words],
                   values, class_name)
