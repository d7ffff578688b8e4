"""Small PNG charts for students and teachers (matplotlib, no display needed)."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

from bot.presentation.i18n import REFERENCE, Catalog
from bot.presentation.progress_views import chart_label
from bot.services.progress import Progress

if TYPE_CHECKING:
    import matplotlib.pyplot as plt

# Chart labels are in the learner's language where matplotlib's bundled font can draw it; it
# has no CJK glyphs, so those learners get text bars (progress_views.progress_bars), and so do
# right-to-left ones. Measured (playtest, Arabic level 3): matplotlib 3.11 lays Arabic out
# through libraqm, joined and right to left ("جديدة · New" drew correctly), but 3.8-3.10,
# which pyproject allows, draw its letters apart and left to right, and Pillow shapes only
# where libraqm and FriBiDi are installed. Telegram draws Arabic text right on every phone,
# so the text bars stay: the honest picture is the one that reads right wherever Puente runs.
# Every label is plain text: mathtext is off, so a student called "$x^$" is drawn as typed
# instead of failing the chart.
PLAIN = {"text.parse_math": False, "text.usetex": False}


@cache
def _pyplot() -> ModuleType:
    """matplotlib, imported on the first chart: it costs ~30 MB and ~1 s at start-up otherwise."""
    import matplotlib

    matplotlib.use("Agg")  # headless: the bot renders to bytes, never to a window
    import matplotlib.pyplot

    return matplotlib.pyplot


@cache
def _covered() -> frozenset[int]:
    """Code points the chart font can draw."""
    import matplotlib  # not pyplot: the heatmap needs only the font (bot/presentation/heatmap.py)
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    path = font_manager.findfont(matplotlib.rcParams["font.sans-serif"][0])
    return frozenset(FT2Font(path).get_charmap())


def drawable(text: str) -> bool:
    """True when the chart font draws every character and none needs right-to-left shaping
    (matplotlib lays Arabic out unjoined and left to right, so it would be unreadable)."""
    covered = _covered()
    return all(ord(c) in covered and unicodedata.bidirectional(c) not in ("R", "AL")
               for c in text if not c.isspace())


def _png(figure: plt.Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    _pyplot().close(figure)
    return buffer.getvalue()


def progress_chart(progress: Progress, catalog: Catalog, lang: str = REFERENCE) -> bytes | None:
    """Bars for new / learning / reviewing / mastered words (they add up to the words met),
    labelled in `lang` (and English at levels 1-4: `progress.bilingual`); None when the chart
    font cannot draw that language (Arabic, Chinese, Korean...): show text bars instead."""
    labels = [chart_label(catalog, k, lang, progress.bilingual, progress.english_first)
              for k in ("chart-new", "chart-learning", "chart-reviewing", "chart-mastered")]
    title = chart_label(catalog, "chart-progress-title", lang, progress.bilingual,
                        progress.english_first)
    if not all(drawable(text) for text in (*labels, title)):
        return None
    values = [progress.new, progress.learning, progress.reviewing, progress.mastered]
    with _pyplot().matplotlib.rc_context(PLAIN):
        return _progress(labels, values, title)


def _progress(labels: list[str], values: list[int], title: str) -> bytes:
    figure, axes = _pyplot().subplots(figsize=(4.2, 2.2))
    bars = axes.barh(labels, values, color=["#9e9e9e", "#f9a825", "#1565c0", "#2e7d32"])
    axes.bar_label(bars, padding=3)
    axes.invert_yaxis()
    axes.set_xlim(0, max([*values, 1]) * 1.25)
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_title(title, fontsize=10)
    return _png(figure)


# A heatmap cell answered too few times for its estimate to mean much (drawn white, framed).
TOO_FEW = "too few"
# A heatmap cell whose word is mastered (dark green with a tick): the only green on the chart,
# so a high estimate of a word not mastered yet never reads as done.
MASTERED = "mastered"


def heatmap(students: Sequence[str], words: Sequence[str],
            values: Sequence[Sequence[float | str | None]], title: str,
            legend: tuple[str, str, str, str, str] | None = None,
            help_needed: Sequence[Sequence[bool]] | None = None,
            guessing: Sequence[bool] = (), guessing_key: str = "", note: str = "",
            opens_checks: Sequence[bool] = (), opens_key: str = "") -> bytes:
    """Students x words: dark green with a tick where the word is mastered (MASTERED), else
    coloured red to yellow by the knowledge estimate (grey where a word was never practised,
    white where too few answers tell nothing yet: TOO_FEW), framed where the word needs help
    (`help_needed`, as the report says), whatever its colour.

    Labels are drawn as plain text; pass labels `drawable` can draw. `legend` is (what the
    colour scale shows, what the ticked green means, what grey means, what white means, what
    the frame means). A row `guessing` marks (answers that look like guessing: its cells
    capped pale) carries a clock and a dashed frame, explained by `guessing_key`; a row
    `opens_checks` marks (/report's 🧩) a puzzle piece, explained by `opens_key`; `note` is a
    line under the title (why no word column is drawn). Drawn with
    Pillow (presentation/heatmap.py): fast enough for a whole /report in under half a second."""
    from bot.presentation import heatmap as drawing

    return drawing.render(students, words, values, title, legend, help_needed, guessing,
                          guessing_key, note, opens_checks, opens_key)
