"""The class heatmap: grey where never practised, recent words only, readable on a phone."""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import replace
from datetime import date

import pytest
from PIL import Image

from bot.presentation import heatmap
from bot.presentation.i18n import Catalog
from bot.presentation.report_heatmap import (
    HEATMAP_WORDS,
    heatmap_caption,
    heatmap_png,
    heatmap_rows,
    recent_words,
)
from bot.store.reports import Cell, ClassMatrix, StudentRow, WordColumn


def pixels(png: bytes) -> Counter[tuple[int, int, int]]:
    """How many pixels of each colour the picture has."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    counts = image.getcolors(image.width * image.height) or []
    return Counter({colour: count for count, colour in counts})


def matrix(words: int, seen: dict[int, str]) -> ClassMatrix:
    """Ana has seen every word's card; she answered (estimate 0.9) only the words in `seen`."""
    columns = [WordColumn(w, f"word{w}", "pack") for w in range(words)]
    cells = {(1, w): Cell(1, w, 0.9 if w in seen else 0.15, False, 2 if w in seen else 0,
                          1 if w in seen else 0, seen.get(w), 0) for w in range(words)}
    return ClassMatrix([StudentRow(1, "Ana", "es", 3)], columns, cells)


def test_never_practised_cells_are_grey_and_known_ones_green() -> None:
    png = heatmap.render(["Ana"], ["habitat", "predator"], [[None, 1.0]], "",
                         ("0-1", "grey", "white", "framed"))
    colours = pixels(png)
    assert heatmap.GREY in colours and heatmap.STOPS[-1] in colours
    assert heatmap.colour(None) == heatmap.GREY
    assert heatmap.colour(1.0) == heatmap.STOPS[-1] and heatmap.colour(0.0) == heatmap.STOPS[0]


def test_a_previewed_word_never_answered_is_grey_not_red() -> None:
    ana = Cell(1, 0, 0.9, False, 2, 2, "2026-09-14T15:00:00+00:00", 0)
    bo = Cell(2, 0, 0.15, False, 0, 0, None, 0)  # Bo saw the card and never answered
    two = ClassMatrix([StudentRow(1, "Ana", "es", 3), StudentRow(2, "Bo", "es", 3)],
                      [WordColumn(0, "habitat", "pack")], {(1, 0): ana, (2, 0): bo})
    colours = pixels(heatmap_png("7B", two))
    assert heatmap.GREY in colours
    assert heatmap.colour(0.15) not in colours  # the 0.15 prior is never painted red


def test_a_word_answered_only_in_practice_is_white_not_grey_nor_its_estimate() -> None:
    """Right minutes after its card: practice, no answer a teacher counts; but not "not
    practised yet" either (grey)."""
    card_day = Cell(1, 0, 0.9, False, 0, 0, "2026-09-14T15:00:00+00:00", 0, practised=3)
    never = Cell(2, 0, 0.15, False, 0, 0, None, 0)  # Bo read the card, never answered
    two = ClassMatrix([StudentRow(1, "Ana", "ht", 1), StudentRow(2, "Bo", "ht", 1)],
                      [WordColumn(0, "habitat", "pack")], {(1, 0): card_day, (2, 0): never})
    assert [w.id for w in recent_words(two, date(2026, 9, 14))] == [0]  # charted
    colours = pixels(heatmap_png("7B", two))
    assert heatmap.FRAME in colours  # Ana's: white and framed, as too few answers to tell
    both_practised = pixels(heatmap_png("7B", ClassMatrix(two.students, two.words, {
        (1, 0): card_day, (2, 0): replace(card_day, student_id=2)})))
    assert both_practised[heatmap.GREY] < colours[heatmap.GREY]  # Bo's cell was the grey one
    assert heatmap.colour(0.9) not in colours


def test_one_lucky_answer_is_not_painted_green() -> None:
    lucky = Cell(1, 0, 0.9, False, 1, 1, "2026-09-14T15:00:00+00:00", 0)  # one tap, right
    sure = Cell(1, 1, 0.9, False, 3, 3, "2026-09-14T15:00:00+00:00", 0)
    one = ClassMatrix([StudentRow(1, "Ana", "es", 3)],
                      [WordColumn(0, "habitat", "pack"), WordColumn(1, "predator", "pack")],
                      {(1, 0): lucky, (1, 1): sure})
    colours = pixels(heatmap_png("7B", one))
    assert heatmap.colour(0.9) in colours  # three answers: the estimate's colour, once
    assert heatmap.FRAME in colours  # one answer: a white, framed cell
    assert colours[heatmap.colour(0.9)] < (
        heatmap.CELL_W * heatmap.CELL_H)  # only one cell carries the estimate's colour


def test_a_word_the_report_says_needs_help_is_framed_however_high_its_estimate() -> None:
    """Wrong twice, then right twice: the estimate is green, but /report says Ana needs help
    with it, so the chart must not show it as simply fine."""
    stamp = "2026-09-14T15:00:00+00:00"
    hard = Cell(1, 0, 0.82, False, 4, 2, stamp, 0)     # half wrong: needs help
    fine = Cell(1, 1, 0.82, False, 4, 3, stamp, 0)     # mostly right: learning
    ana = ClassMatrix([StudentRow(1, "Ana", "es", 3)],
                      [WordColumn(0, "habitat", "pack"), WordColumn(1, "predator", "pack")],
                      {(1, 0): hard, (1, 1): fine})
    framed = pixels(heatmap_png("7B", ana))[heatmap.HELP]
    hard_only = ClassMatrix(ana.students, ana.words[:1], {(1, 0): hard})

    assert framed > 0 and pixels(heatmap_png("7B", hard_only))[heatmap.HELP] == framed
    assert heatmap.HELP not in pixels(heatmap_png("7B", ClassMatrix(
        ana.students, ana.words[1:], {(1, 1): fine})))


def test_the_heatmap_shows_only_recent_words_and_at_most_thirty() -> None:
    old, new = "2026-08-01T15:00:00+00:00", "2026-09-20T15:00:00+00:00"
    seen = {w: (new if w >= 10 else old) for w in range(60)}
    shown = recent_words(matrix(60, seen), date(2026, 9, 21))
    assert len(shown) == HEATMAP_WORDS
    assert all(w.id >= 10 for w in shown)


def test_the_caption_names_the_words_the_column_cap_left_out(catalog: Catalog) -> None:
    """Playtest: "The chart shows the 30 words practised in the last 21 days; ... all 35",
    when 35 were practised in those days and the cap dropped 5 without a word."""
    early, late = "2026-09-10T15:00:00+00:00", "2026-09-20T15:00:00+00:00"
    seen = {w: (early if w < 5 else late) for w in range(35)}  # all 35 within 21 days
    caption = heatmap_caption(matrix(35, seen), catalog, "en", date(2026, 9, 21))
    assert caption == ("The chart shows the 30 most recently practised words; left out to "
                       "fit a phone (5): word0, word1, word2, word3, word4. The report and "
                       "the CSV count all 35.")
    seen = {w: (early if w < 12 else late) for w in range(42)}  # 12 left out: 8 named
    caption = heatmap_caption(matrix(42, seen), catalog, "es", date(2026, 9, 21))
    assert caption is not None and "(12): word0, word1" in caption and "+4 más" in caption
    recent_only = heatmap_caption(matrix(40, {w: late for w in range(10)}), catalog, "en",
                                  date(2026, 9, 21))
    assert recent_only is not None and "the 10 words practised in the last 21" in recent_only


def test_heatmap_rows_carry_roster_numbers_and_a_long_name_loses_letters_not_its_number(
        catalog: Catalog) -> None:
    students = [StudentRow(1, "Ana", "so", 1, number=1), StudentRow(3, "Ana", "es", 1, number=3),
                StudentRow(2, "Maximiliano Alejandro", "es", 1, number=12)]
    rows = heatmap_rows(ClassMatrix(students, [], {}), catalog)
    assert rows == ["Ana #1", "Ana #3", "Maximiliano A… #12"]  # as /roster and the CSV number


def test_the_legend_is_in_the_teachers_language_where_the_font_draws_it(
        catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    # It was always English, beside a Spanish caption (playtest 9); a script the chart font
    # cannot draw (Arabic) keeps the English legend, its caption carries the language.
    import bot.presentation.report_heatmap as report_heatmap
    legends: list[tuple[str, ...]] = []
    monkeypatch.setattr(report_heatmap, "heatmap", lambda *args: legends.append(args[4]) or b"")
    seen = matrix(3, {0: "2026-09-14T15:00:00+00:00"})
    for lang in ("es", "ar", "en"):
        heatmap_png("7B", seen, date(2026, 9, 14), catalog, lang=lang)
    spanish, arabic, english = legends
    assert spanish[0] == catalog.plain("chart-heatmap-scale", "es") != english[0]
    assert arabic == english == tuple(catalog.plain(k, "en") for k in (
        "chart-heatmap-scale", "chart-not-practised", "chart-too-few", "chart-needs-help"))
