"""The class heatmap, drawn with Pillow: students x words, a legend, grey where never practised,
white with a grey frame where one answer is too few to tell, a thick purple frame where the
word needs help (a high estimate must not look like "fine" next to /report's "needs help"),
and dark green with a white tick only where the word is mastered. A student whose answers look
like guessing (guessing.py: very fast, right about as often as chance) has her estimates capped
pale: her row carries a clock in the margin and a dashed frame, so a teacher does not read her
pale cells as honest partial knowledge (a shape and a near-black line: no colour to tell apart).
A student /report calls 🧩 (opens checks, answers none) has a puzzle piece after her row: her
colours are from earlier answers, not from now (the caption named her, the picture did not).

Green is mastery's alone. A teacher reads a green cell as "done", and two right answers typed on
a card's first days put the model's estimate at 1.00 (teacher playtest): painted the dark green
of a word recalled on a review days later. So the estimate of a word not mastered yet runs from
red to yellow and stops there, and a mastered cell carries a tick as well as its colour: the
scale's lightness climbs from dark red to light yellow, the mastered cell is dark again, and the
tick tells it from dark red for a teacher who does not see red from green.

matplotlib took 1.3-2.6 s for this chart (tick-label layout, a tight bounding box drawn twice);
cells and labels drawn directly take a few tens of milliseconds, which keeps the whole /report
under half a second. The font is matplotlib's bundled DejaVu Sans, the one `charts.drawable`
checks names against, and every label is drawn as plain text.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from bot.presentation.charts import MASTERED, TOO_FEW

CELL_W, CELL_H = 22, 18
PAD = 10
GREY = (221, 221, 221)
FRAME = (150, 150, 150)  # the outline of a cell that rests on too few answers (white inside)
HELP = (112, 0, 160)  # the thick outline of a word that needs help: on red, orange and yellow
# The estimate of a word not mastered yet, RdYlGn's red half at 0, 1/3, 2/3, 1: dark red (not
# yet) through orange to light yellow (likely knows it), lighter at every step; never green.
STOPS = ((165, 0, 38), (244, 109, 67), (253, 174, 97), (254, 224, 139))
MASTERED_GREEN = (0, 104, 55)  # RdYlGn's darkest green: a mastered word, and nothing else
TICK = (255, 255, 255)  # the mark inside a mastered cell, so it never rests on colour alone
LEGEND_H = 144  # the legend under the grid: the scale's label and bar, then four keys
KEY_H = 24  # one more key under them: the clock of a row that looks like guessing
MARK = (10, 30, 70)  # near-black navy: the clock and dashed frame of a guessing row
MARK_W = 18  # the margin the clock sits in, between a row's name and its cells
LABEL_LIMIT = 18  # characters of a word label
ROW_LIMIT = 24  # characters of a row label: a name cut short already, and its roster number


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    import matplotlib
    from matplotlib import font_manager

    return ImageFont.truetype(font_manager.findfont(matplotlib.rcParams["font.sans-serif"][0]),
                              size)


# (scale label, mastered label, grey label, too-few label, needs-help label)
Legend = tuple[str, str, str, str, str]
Value = float | str | None  # an estimate, MASTERED, TOO_FEW, or None: never practised


def colour(value: Value) -> tuple[int, int, int]:
    """The cell colour: dark green for a mastered word (MASTERED) and for no estimate, however
    high; red to yellow for the estimate of a word not mastered yet; grey when the word was
    never practised, white when one answer is too few to tell (a lucky tap is not coloured)."""
    if value is None:
        return GREY
    if value == MASTERED:
        return MASTERED_GREEN
    if isinstance(value, str):
        return (255, 255, 255)
    x = min(max(value, 0.0), 1.0) * (len(STOPS) - 1)
    low = min(int(x), len(STOPS) - 2)
    t = x - low
    a, b = STOPS[low], STOPS[low + 1]
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t),
            round(a[2] + (b[2] - a[2]) * t))


def _tick(draw: ImageDraw.ImageDraw, x: int, y: int) -> None:
    """A tick in the cell (or legend swatch) whose top left corner is (x, y)."""
    draw.line(((x + 5, y + 8), (x + 9, y + 12), (x + 16, y + 3)), fill=TICK, width=2)


def _short(text: str, limit: int = LABEL_LIMIT) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _clock(draw: ImageDraw.ImageDraw, x: int, y: int) -> None:
    """A clock in the margin (or legend) cell whose top left corner is (x, y)."""
    draw.ellipse((x + 2, y + 2, x + 14, y + 14), outline=MARK, width=2)
    draw.line(((x + 8, y + 4), (x + 8, y + 8), (x + 11, y + 10)), fill=MARK, width=2)


def _piece(draw: ImageDraw.ImageDraw, x: int, y: int) -> None:
    """A puzzle piece (/report's 🧩: opens checks, answers none) in the cell whose top left
    corner is (x, y): a square with a knob on top and one on its right."""
    draw.rectangle((x + 2, y + 5, x + 12, y + 15), fill=MARK)
    draw.ellipse((x + 5, y + 1, x + 9, y + 6), fill=MARK)
    draw.ellipse((x + 11, y + 8, x + 16, y + 12), fill=MARK)


def _dashed_frame(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int]) -> None:
    """A dashed near-black frame around `box` (left, top, right, bottom)."""
    left, top, right, bottom = box
    for x in range(left, right, 6):
        end = min(x + 3, right)
        draw.line(((x, top), (end, top)), fill=MARK, width=2)
        draw.line(((x, bottom), (end, bottom)), fill=MARK, width=2)
    for y in range(top, bottom, 6):
        end = min(y + 3, bottom)
        draw.line(((left, y), (left, end)), fill=MARK, width=2)
        draw.line(((right, y), (right, end)), fill=MARK, width=2)


def render(students: Sequence[str], words: Sequence[str],
           values: Sequence[Sequence[Value]], title: str,
           legend: Legend | None = None,
           help_needed: Sequence[Sequence[bool]] | None = None,
           guessing: Sequence[bool] = (), guessing_key: str = "", note: str = "",
           opens_checks: Sequence[bool] = (), opens_key: str = "") -> bytes:
    """A PNG of students (rows) x words (columns); `legend` is (scale label, mastered label,
    grey label, too-few label, needs-help label); `help_needed` frames the cells that need
    help; a MASTERED cell is dark green with a tick; the rows `guessing` marks carry a clock
    and a dashed frame (`guessing_key`: its line in the legend); the rows `opens_checks`
    marks (/report's 🧩: her colours are from earlier answers) a puzzle piece after their
    last cell (`opens_key`: its line); `note`, a line under the title (why a chart has no
    word column)."""
    font, small = _font(12), _font(11)
    marked, stuck = any(guessing), any(opens_checks)
    key = guessing_key if marked and legend else ""
    piece_key = opens_key if stuck and legend else ""
    rows, cols = [_short(s, ROW_LIMIT) for s in students], [_short(w) for w in words]
    left = PAD + max((int(font.getlength(r)) for r in rows), default=0) + 6 + \
        (MARK_W if marked else 0)
    top = PAD + (20 if title else 0) + (18 if note else 0) + max(
        (int(small.getlength(c)) for c in cols), default=0) + 6
    grid_w, grid_h = CELL_W * len(cols), CELL_H * len(rows)
    # the scale's label sits above its bar: beside it, it made the chart twice a phone's width
    legend_w = PAD + max(236, int(small.getlength(legend[0])),
                         42 + max(int(small.getlength(t)) for t in legend[1:]),
                         42 + MARK_W + int(small.getlength(key)),
                         42 + int(small.getlength(piece_key))) + PAD if legend else 0
    width = max(left + grid_w + (MARK_W if stuck else 0) + PAD, legend_w, 360,
                PAD + int(small.getlength(note)) + PAD if note else 0)
    keys = bool(key) + bool(piece_key)  # the legend's lines for marked rows
    height = top + grid_h + (LEGEND_H + KEY_H * keys if legend else 0) + PAD
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    if title:
        draw.text((PAD, PAD), title, fill="black", font=font)
    if note:
        draw.text((PAD, PAD + (20 if title else 0)), note, fill="black", font=small)
    for j, word in enumerate(cols):  # column labels, read bottom to top
        box = Image.new("RGBA", (int(small.getlength(word)) + 2, CELL_H), (255, 255, 255, 0))
        ImageDraw.Draw(box).text((0, 2), word, fill="black", font=small)
        turned = box.rotate(90, expand=True)
        image.paste(turned, (left + j * CELL_W + 2, top - turned.height - 4), turned)
    for i, name in enumerate(rows):
        y = top + i * CELL_H
        draw.text((PAD, y + 2), name, fill="black", font=font)
        for j in range(len(cols)):
            x = left + j * CELL_W
            value = values[i][j]
            draw.rectangle((x, y, x + CELL_W - 2, y + CELL_H - 2), fill=colour(value),
                           outline=FRAME if value == TOO_FEW else None)
            if value == MASTERED:
                _tick(draw, x, y)
            if help_needed and help_needed[i][j]:
                draw.rectangle((x, y, x + CELL_W - 2, y + CELL_H - 2), outline=HELP, width=3)
        if i < len(guessing) and guessing[i]:  # over the cells' edges: the row reads as one
            _clock(draw, left - MARK_W, y)
            _dashed_frame(draw, (left - 1, y - 1, left + grid_w - 1, y + CELL_H - 1))
        if i < len(opens_checks) and opens_checks[i]:  # after the row, clear of the clock
            _piece(draw, left + grid_w + 3, y)
    if legend:
        _legend(draw, legend, PAD, top + grid_h + 12, small, key, piece_key)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def _legend(draw: ImageDraw.ImageDraw, legend: Legend, x: int, y: int,
            font: ImageFont.FreeTypeFont, guessing_key: str = "", opens_key: str = "") -> None:
    scale, mastered, grey, few, help_needed = legend
    draw.text((x, y), scale, fill="black", font=font)
    y += 16
    for step in range(100):  # the colour scale of a word not mastered yet, 0 to 1
        draw.rectangle((x + 14 + step * 2, y, x + 15 + step * 2, y + 12),
                       fill=colour(step / 99))
    draw.text((x, y), "0", fill="black", font=font)
    draw.text((x + 220, y), "1", fill="black", font=font)
    draw.rectangle((x + 14, y + 24, x + 14 + CELL_W - 2, y + 24 + CELL_H - 2),
                   fill=MASTERED_GREEN)  # a mastered cell as the grid draws it, tick and all
    _tick(draw, x + 14, y + 24)
    draw.text((x + 42, y + 26), mastered, fill="black", font=font)
    for row, (label, fill, outline, width) in enumerate((
            (grey, GREY, None, 1), (few, colour(TOO_FEW), FRAME, 1),
            (help_needed, (255, 255, 255), HELP, 3)), start=2):
        top = y + row * 24
        draw.rectangle((x + 14, top, x + 34, top + 12), fill=fill, outline=outline, width=width)
        draw.text((x + 42, top), label, fill="black", font=font)
    if guessing_key:  # the clock and a short dashed frame, as on the row
        top = y + 5 * 24
        _clock(draw, x + 14, top - 2)
        _dashed_frame(draw, (x + 14 + MARK_W, top, x + 14 + MARK_W + 20, top + 12))
        draw.text((x + 42 + MARK_W, top), guessing_key, fill="black", font=font)
    if opens_key:  # the puzzle piece, as after the row
        top = y + (6 if guessing_key else 5) * 24
        _piece(draw, x + 14, top - 3)
        draw.text((x + 42, top), opens_key, fill="black", font=font)
