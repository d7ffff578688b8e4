"""Letter tiles on a phone: the longest word tiles spell still fits three rows a child can
tap, within Telegram's limits (8 buttons a row, 100 in all, callback data 64 bytes)."""

from __future__ import annotations

import pytest

from bot.domain import tiles
from bot.presentation import callbacks, keyboards
from bot.presentation.i18n import Catalog

BIG_ID = 9_999_999_999  # an item id far past any school's


@pytest.mark.parametrize(("word", "widths"), [
    ("habitat", [5, 5]),                 # 7 letters + 3: as before
    ("community", [5, 5, 1]),            # as before
    ("subtraction", [5, 5, 3]),          # 11 + 2
    ("precipitation", [5, 5, 5]),        # 13 + 2
    ("multiplication", [6, 6, 4]),       # 14 + 2: six a row keeps three rows
    ("characterization", [6, 6, 6]),     # 16 + 2: the longest word tiles spell
])
def test_the_tiles_of_a_long_word_fill_three_rows_at_most(word: str, widths: list[int]
                                                           ) -> None:
    deal = tiles.deal(word, [], 3)
    layout = keyboards.tile_layout(BIG_ID, deal, ())
    *rows, last = layout
    assert [len(row) for row in rows] == widths
    assert [label for label, _ in last] == ["⌫", "✅"]
    assert all(len(row) <= 8 for row in layout) and sum(map(len, layout)) <= 100
    assert all(len(data.encode()) <= 64 for row in layout for _, data in row)


def test_the_letter_tiles_button_under_a_typed_long_word_fits_callback_data(
        catalog: Catalog) -> None:
    word = "characterization"
    deal = tiles.deal(word, [], 3)
    ((label, data),), = keyboards.show_tiles_layout(BIG_ID, deal, len(word), catalog, "zh")
    assert len(data.encode()) <= 64 and "🔤" in label
    tap = callbacks.tile_tap(callbacks.parse(data))
    assert tap.deal == deal and tap.length == len(word)  # read back whole after a restart
