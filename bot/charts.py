"""Small PNG charts for students and teachers (matplotlib, no display needed)."""

from __future__ import annotations

import io
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")  # headless: the bot renders to bytes, never to a window
import matplotlib.pyplot as plt

from bot.i18n import REFERENCE, Catalog
from bot.services.study import Progress

# Chart labels are English: matplotlib's bundled font has no Arabic shaping or CJK glyphs,
# and the caption beside the chart carries the learner's language.


def _png(figure: plt.Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(figure)
    return buffer.getvalue()


def progress_chart(progress: Progress, catalog: Catalog) -> bytes:
    """Bars for mastered / learning / due words."""
    labels = [catalog.render(k, REFERENCE) for k in
              ("chart-mastered", "chart-learning", "chart-due")]
    values = [progress.mastered, progress.learning, progress.due]
    figure, axes = plt.subplots(figsize=(4.2, 2.2))
    bars = axes.barh(labels, values, color=["#2e7d32", "#f9a825", "#1565c0"])
    axes.bar_label(bars, padding=3)
    axes.invert_yaxis()
    axes.set_xlim(0, max([*values, 1]) * 1.25)
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_title(catalog.render("chart-progress-title", REFERENCE), fontsize=10)
    return _png(figure)


def heatmap(students: Sequence[str], words: Sequence[str],
            values: Sequence[Sequence[float | None]], title: str) -> bytes:
    """Students x words coloured by mastery (grey where a word was never practised)."""
    import numpy as np

    grid = np.array([[np.nan if v is None else v for v in row] for row in values], dtype=float)
    width = max(4.0, 0.35 * len(words) + 2)
    height = max(2.0, 0.3 * len(students) + 1.5)
    figure, axes = plt.subplots(figsize=(min(width, 40), min(height, 30)))
    cmap = matplotlib.colormaps["RdYlGn"].with_extremes(bad="#dddddd")
    image = axes.imshow(grid, cmap=cmap, vmin=0, vmax=1, aspect="auto")
    axes.set_xticks(range(len(words)), labels=words, rotation=60, ha="right", fontsize=7)
    axes.set_yticks(range(len(students)), labels=students, fontsize=7)
    axes.set_title(title, fontsize=10)
    figure.colorbar(image, ax=axes, fraction=0.03)
    return _png(figure)
