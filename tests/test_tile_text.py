"""A typed question's text once "🔤" shows its tiles, made from the message alone (after a
restart): word for word what memory would have shown, in every language, for each one-time
line, and with Telegram's own escaping of the message it reads."""

from __future__ import annotations

import html
import re
from dataclasses import replace

import pytest

from bot.domain.checks import Item
from bot.domain.scaffold import ItemType
from bot.presentation import check_views, tile_views
from bot.presentation.han_script import in_script
from bot.presentation.i18n import Catalog
from bot.services.checks import INTRO_MASTERY, INTRO_WRITE, Question

TYPED = Item(7, ItemType.TYPED, "Where an animal or a plant naturally lives.", (), "habitat")
CLOZE = Item(7, ItemType.CLOZE, "A frog's _____ is the pond.", (), "habitat")


def as_telegram_sends_it(text: str) -> str:
    """The message's HTML as a tap carries it back (PTB's text_html: every `'` escaped)."""
    return html.escape(html.unescape(text), quote=True).replace("&lt;i&gt;", "<i>") \
        .replace("&lt;/i&gt;", "</i>").replace("&lt;b&gt;", "<b>").replace("&lt;/b&gt;", "</b>")


@pytest.mark.parametrize("intro", [None, INTRO_MASTERY, INTRO_WRITE])
@pytest.mark.parametrize("item", [TYPED, CLOZE], ids=["typed", "gap"])
def test_read_back_text_is_what_memory_shows_in_every_language(
        catalog: Catalog, intro: str | None, item: Item) -> None:
    assert item.typed  # a gap with no options is written
    for lang in catalog.languages:
        question = Question(11, 2, 4, item, lang, 2, intro=intro)
        typed = check_views.question_text(question, catalog)
        tiled = check_views.question_text(question, catalog, tiles=True)
        assert typed != tiled
        under_feedback = f"✅ Yes! <b>habitat</b> is right.\n\n{typed}"
        made = tile_views.spelled_text(as_telegram_sends_it(under_feedback), catalog)
        assert made is not None, lang
        assert html.unescape(re.sub("<[^>]+>", "", made)) == html.unescape(re.sub(
            "<[^>]+>", "", f"✅ Yes! <b>habitat</b> is right.\n\n{tiled}")), lang


def test_any_other_text_is_left_as_it_is(catalog: Catalog) -> None:
    assert tile_views.spelled_text("Which word means this?\n🔤 _", catalog) is None
    chosen = check_views.question_text(Question(11, 2, 4, replace(
        TYPED, item_type=ItemType.CHOICE, options=("habitat", "forest")), "es", 2), catalog)
    assert tile_views.spelled_text(chosen, catalog) is None  # options: not a typed question


@pytest.mark.parametrize("script", ["Hant", "Hant-TW", "Hant-HK"])
def test_read_back_text_of_a_traditional_reader_is_found_too(catalog: Catalog,
                                                              script: str) -> None:
    """Her question was sent in Traditional characters: its Chinese lines are found again
    (before, only the English line was, and "✏️ 請輸入…" stayed over the tiles in Chinese)."""
    question = Question(11, 2, 4, TYPED, "zh", 2)
    sent = in_script(check_views.question_text(question, catalog), script)
    tiled = check_views.question_text(question, catalog, tiles=True)
    made = tile_views.spelled_text(as_telegram_sends_it(sent), catalog, script)
    assert made is not None
    assert in_script(html.unescape(re.sub("<[^>]+>", "", made)), script) == in_script(
        html.unescape(re.sub("<[^>]+>", "", tiled)), script)
