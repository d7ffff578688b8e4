"""The class heatmap: grey where never practised, green with a tick only where mastered, recent
words only, readable on a phone."""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from PIL import Image, ImageChops

from bot.presentation import heatmap
from bot.presentation.charts import MASTERED, drawable
from bot.presentation.i18n import Catalog
from bot.presentation.report_heatmap import (
    HEATMAP_WORDS,
    LEGEND_KEYS,
    heatmap_caption,
    heatmap_png,
    heatmap_rows,
    recent_words,
    shade,
)
from bot.store.reports import Cell, ClassMatrix, StudentRow, WordColumn


def pixels(png: bytes) -> Counter[tuple[int, int, int]]:
    """How many pixels of each colour the picture has."""
    return pixels_of(Image.open(io.BytesIO(png)).convert("RGB"))


def pixels_of(image: Image.Image) -> Counter[tuple[int, int, int]]:
    counts = image.getcolors(image.width * image.height) or []
    return Counter({colour: count for count, colour in counts})


def matrix(words: int, seen: dict[int, str]) -> ClassMatrix:
    """Ana has seen every word's card; she answered (estimate 0.9) only the words in `seen`."""
    columns = [WordColumn(w, f"word{w}", "pack") for w in range(words)]
    cells = {(1, w): Cell(1, w, 0.9 if w in seen else 0.15, False, 2 if w in seen else 0,
                          1 if w in seen else 0, seen.get(w), 0) for w in range(words)}
    return ClassMatrix([StudentRow(1, "Ana", "es", 3)], columns, cells)


def test_never_practised_cells_are_grey_and_only_mastered_ones_green() -> None:
    png = heatmap.render(["Ana"], ["habitat", "predator", "prey"], [[None, 1.0, MASTERED]], "",
                         ("0-1", "ticked", "grey", "white", "framed"))
    colours = pixels(png)
    assert heatmap.GREY in colours and heatmap.STOPS[-1] in colours
    assert heatmap.MASTERED_GREEN in colours
    assert heatmap.colour(None) == heatmap.GREY
    assert heatmap.colour(1.0) == heatmap.STOPS[-1] and heatmap.colour(0.0) == heatmap.STOPS[0]
    assert heatmap.colour(MASTERED) == heatmap.MASTERED_GREEN


def luminance(rgb: tuple[int, int, int]) -> float:
    """Relative lightness (Rec. 709 weights): what a teacher who cannot tell red from green,
    or a greyscale printout, still reads."""
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]


def test_no_estimate_short_of_mastery_is_painted_green() -> None:
    """A teacher reads green as done: whatever the estimate of a word not mastered yet, its
    colour is no green (its red at least its green) and lighter the higher it is, so the scale
    reads without telling red from green; the mastered colour is far from all of them."""
    shades = [heatmap.colour(step / 100) for step in range(101)]
    assert all(red >= green for red, green, _ in shades)
    assert heatmap.MASTERED_GREEN not in shades
    lightness = [luminance(c) for c in shades]
    assert lightness == sorted(lightness)
    assert min(sum((a - b) ** 2 for a, b in zip(c, heatmap.MASTERED_GREEN, strict=True))
               for c in shades) ** 0.5 > 100


def cell_box(png: bytes, fill: tuple[int, int, int]) -> Image.Image:
    """The part of the chart covered by the cells painted `fill` (one cell here)."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    unlike = ImageChops.difference(image, Image.new("RGB", image.size, fill)).convert("L")
    box = unlike.point(lambda v: 255 if v == 0 else 0).getbbox()  # where it is exactly `fill`
    assert box is not None
    return image.crop(box)


def test_two_right_answers_in_one_day_do_not_look_like_a_mastered_word() -> None:
    """Teacher playtest: two answers typed right on one day read 1.00, the same dark green as
    a word recalled on a review days later. The mastered cell alone is dark green, and it
    carries a tick, so the difference never rests on colour alone."""
    stamp = "2026-09-14T15:00:00+00:00"
    quick = Cell(1, 0, 0.998, False, 2, 2, stamp, 0, days_right=1, luck=0.0004)
    mastered = Cell(1, 1, 0.998, True, 4, 4, stamp, 0, days_right=3, luck=0.0001)
    ana = ClassMatrix([StudentRow(1, "Ana", "es", 5)],
                      [WordColumn(0, "habitat", "pack"), WordColumn(1, "predator", "pack")],
                      {(1, 0): quick, (1, 1): mastered})
    assert round(quick.estimate, 2) == 1.00  # what the CSV reads
    assert shade(quick) == quick.estimate and shade(mastered) == MASTERED
    png = heatmap_png("7B", ana)
    colours = pixels(png)
    assert colours[heatmap.MASTERED_GREEN] < (heatmap.CELL_W - 1) * (heatmap.CELL_H - 1)  # one
    assert heatmap.colour(quick.estimate) in colours
    assert heatmap.TICK in pixels_of(cell_box(png, heatmap.MASTERED_GREEN))  # its tick
    assert set(pixels_of(cell_box(png, heatmap.colour(quick.estimate)))) == {
        heatmap.colour(quick.estimate)}  # a plain cell: no tick
    assert heatmap.MASTERED_GREEN not in pixels(heatmap_png("7B", ClassMatrix(
        ana.students, ana.words, {(1, 0): quick, (1, 1): replace(mastered, mastered=False)})))


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
    assert arabic == english == tuple(catalog.plain(k, "en") for k in LEGEND_KEYS)


def test_every_language_has_the_mastered_key_and_says_an_estimate_is_not_mastery(
        catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    """The ticked green's line, and the scale's "not mastered yet", in every prompt language:
    the legend is where a teacher learns that green means mastered and nothing less."""
    import bot.presentation.report_heatmap as report_heatmap
    legends: list[tuple[str, ...]] = []
    monkeypatch.setattr(report_heatmap, "heatmap", lambda *args: legends.append(args[4]) or b"")
    seen = matrix(3, {0: "2026-09-14T15:00:00+00:00"})
    english = [catalog.plain(key, "en") for key in LEGEND_KEYS]
    assert len(catalog.languages) == 13
    for lang in catalog.languages:
        heatmap_png("7B", seen, date(2026, 9, 14), catalog, lang=lang)
        scale, mastered = (catalog.plain(k, lang) for k in LEGEND_KEYS[:2])
        assert "✓" in mastered and mastered != scale
        if lang != "en":
            assert [scale, mastered] != english[:2], lang  # translated, not English
        own = [catalog.plain(key, lang) for key in LEGEND_KEYS]
        drawn = own if all(drawable(text) for text in own) else english
        assert list(legends[-1]) == drawn, lang


def test_a_teacher_whose_script_the_chart_cannot_draw_reads_its_legend_in_the_caption(
        catalog: Catalog) -> None:
    """The chart's legend is English for Arabic, Chinese and Korean; what the ticked green
    means (mastered, not a high estimate) then comes in the caption, in their language."""
    recent = matrix(3, {w: "2026-09-14T15:00:00+00:00" for w in range(3)})
    for lang in ("ar", "zh", "ko"):
        caption = heatmap_caption(recent, catalog, lang, date(2026, 9, 14))
        assert caption is not None
        assert catalog.plain("chart-mastered-cell", lang) in caption
        assert catalog.plain("chart-heatmap-scale", lang) in caption
    assert heatmap_caption(recent, catalog, "es", date(2026, 9, 14)) is None  # on the chart


def test_the_picture_says_the_day_it_was_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    # A heatmap saved or forwarded is read later, beside newer ones (teacher playtest: "the
    # image has no date"); a class name the font cannot draw still leaves no title at all.
    import bot.presentation.report_heatmap as report_heatmap
    titles: list[str] = []
    monkeypatch.setattr(report_heatmap, "heatmap", lambda *args: titles.append(args[3]) or b"")
    seen = matrix(3, {0: "2026-09-14T15:00:00+00:00"})
    heatmap_png("Science 7B", seen, date(2026, 9, 25))
    heatmap_png("علوم", seen, date(2026, 9, 25))
    assert titles == ["Science 7B · 2026-09-25", ""]


def guessing_pair(flagged: bool) -> ClassMatrix:
    """Ana and Hodan, the same pale estimates on the same words; Hodan's answers look like
    guessing when `flagged` (her estimates are capped: the CSV's answers_near_chance)."""
    stamp = "2026-09-14T15:00:00+00:00"
    words = [WordColumn(w, f"word{w}", "pack") for w in range(3)]
    cells = {(s, w): Cell(s, w, 0.3, False, 4, 2, stamp, 0, near_chance=flagged and s == 2)
             for s in (1, 2) for w in range(3)}
    students = [StudentRow(1, "Ana", "es", 3, number=1), StudentRow(2, "Hodan", "so", 3,
                                                                     number=2)]
    seen = datetime(2026, 9, 14, 15, tzinfo=UTC)  # her answers last looked so then
    return ClassMatrix(students, words, cells, near_chance={2: seen} if flagged else {})


def marked_top(image: Image.Image) -> int:
    """The highest line of the picture with a pixel of the guessing mark."""
    return min(y for y in range(image.height) for x in range(image.width)
               if image.getpixel((x, y)) == heatmap.MARK)


def test_a_row_that_looks_like_guessing_carries_a_clock_and_says_why(
        catalog: Catalog) -> None:
    """Hodan taps without reading: her estimates are capped pale, which read as honest partial
    knowledge beside Ana's. Her row is marked in near-black (no colour to tell apart), the
    legend says what the mark means, and the caption names her."""
    day = date(2026, 9, 14)
    marked = Image.open(io.BytesIO(heatmap_png("7B", guessing_pair(True), day, catalog)))
    plain = Image.open(io.BytesIO(heatmap_png("7B", guessing_pair(False), day, catalog)))
    assert heatmap.MARK in pixels_of(marked.convert("RGB"))
    assert heatmap.MARK not in pixels_of(plain.convert("RGB"))
    # the mark is on the flagged row alone: flag the other row and it moves one row up
    legend = ("0-1", "ticked", "grey", "white", "framed")
    first, second = (Image.open(io.BytesIO(heatmap.render(
        ["Ana", "Hodan"], ["habitat"], [[0.3], [0.3]], "", legend, None, flags, "clock")))
        .convert("RGB") for flags in ([True, False], [False, True]))
    assert marked_top(second) - marked_top(first) == heatmap.CELL_H
    caption = heatmap_caption(guessing_pair(True), catalog, "en", day)
    assert caption == ("⏱️ A clock marks the row of Hodan #2 (fast taps last on Mon 14 Sep): very "
                       "fast answers, right about "
                       "as often as chance (maybe tapping without reading). The pale cells on "
                       "a marked row are capped, not partial knowledge.")
    assert heatmap_caption(guessing_pair(False), catalog, "en", day) is None


def test_the_guessing_mark_is_explained_in_every_language(
        catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.presentation.report_heatmap as report_heatmap
    keys: list[str] = []
    monkeypatch.setattr(report_heatmap, "heatmap",
                        lambda *args: keys.append(args[7]) or b"")
    english = catalog.plain("chart-guessing", "en")
    for lang in catalog.languages:
        heatmap_png("7B", guessing_pair(True), date(2026, 9, 14), catalog, lang=lang)
        own = catalog.plain("chart-guessing", lang)
        assert keys[-1] == (own if drawable(own) else english), lang
        if lang != "en":
            assert own != english, lang
        caption = heatmap_caption(guessing_pair(True), catalog, lang, date(2026, 9, 14))
        assert caption is not None and "⏱️" in caption and "Hodan #2" in caption, lang


def opens_checks_pair(stuck: bool) -> ClassMatrix:
    """Ana and Hodan, the same estimates; since Wed 16 Sep Hodan opens checks and answers
    none when `stuck` (/report's 🧩): her colours are from her answers before."""
    opened = (datetime(2026, 9, 16, 15, tzinfo=UTC), datetime(2026, 9, 18, 15, tzinfo=UTC))
    return replace(guessing_pair(False), checks_unanswered={2: opened} if stuck else {})


def test_a_row_that_opens_checks_and_answers_none_carries_a_puzzle_piece(
        catalog: Catalog) -> None:
    """The caption named Hodan (🧩, "the colours on that row are from earlier answers"), the
    picture did not: saved or forwarded alone, her row read as a student doing fine. A puzzle
    piece after her row, in the guessing mark's near-black, and a line of the legend say it."""
    day = date(2026, 9, 21)
    marked = Image.open(io.BytesIO(heatmap_png("7B", opens_checks_pair(True), day, catalog)))
    plain = Image.open(io.BytesIO(heatmap_png("7B", opens_checks_pair(False), day, catalog)))
    assert heatmap.MARK in pixels_of(marked.convert("RGB"))
    assert heatmap.MARK not in pixels_of(plain.convert("RGB"))
    caption = heatmap_caption(opens_checks_pair(True), catalog, "en", day)
    assert caption is not None and "🧩 Hodan #2 (Wed 16 Sep)" in caption
    # on her row alone: mark the other row and the piece moves one row up
    legend = ("0-1", "ticked", "grey", "white", "framed")
    first, second = (Image.open(io.BytesIO(heatmap.render(
        ["Ana", "Hodan"], ["habitat"], [[0.3], [0.3]], "", legend, None, (), "", "", flags,
        "piece"))).convert("RGB") for flags in ([True, False], [False, True]))
    assert marked_top(second) - marked_top(first) == heatmap.CELL_H


def test_the_puzzle_piece_is_explained_in_every_language(
        catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.presentation.report_heatmap as report_heatmap
    keys: list[tuple[bool, ...]] = []
    said: list[str] = []
    monkeypatch.setattr(report_heatmap, "heatmap", lambda *args: keys.append(
        tuple(args[9])) or said.append(args[10]) or b"")
    english = catalog.plain("chart-opens-checks", "en")
    for lang in catalog.languages:
        heatmap_png("7B", opens_checks_pair(True), date(2026, 9, 21), catalog, lang=lang)
        own = catalog.plain("chart-opens-checks", lang)
        assert keys[-1] == (False, True) and said[-1] == (own if drawable(own) else english)
        if lang != "en":
            assert own != english, lang
