"""A wrong tap's "your answer, X, means Y" line comes in the home language and in English, as
every other line of the feedback does (playtest: Pa Houa, Hmong, level 1, read "Koj lo lus teb,
analyze, txhais tias tshuaj xyuas." alone, under two lines in Hmong and English)."""

from __future__ import annotations

import pytest

from bot.domain.checks import Item
from bot.domain.scaffold import ItemType
from bot.store import check_items
from bot.store.packs import pack_words
from tests.harness import Chat, join_and_confirm

# "food chain": a phrase, so level 1 taps it among six options (a single word is spelled
# with letter tiles there, and a wrong spelling has no "your answer means" line)
SIX = ("food chain", "predator", "prey", "ecosystem", "organism", "population")


@pytest.mark.parametrize("lang", ["hmn", "so", "es"])
async def test_what_a_wrong_tap_means_is_said_in_both_languages(chat: Chat, lang: str) -> None:
    user = chat.user(1001, "Pa Houa", lang=lang)
    await join_and_confirm(chat, user, lang=lang, level=1)
    chat.clock.advance(days=1)  # a school day after the cards: the answer counts
    refs = {r.word.term: r for r in pack_words(chat.db, "science.ecosystems")}
    chain, predator = refs["food chain"], refs["predator"]
    item = Item(chain.id, ItemType.REVERSE, chain.word.glosses[lang].term, SIX, "food chain")
    (item_id,) = check_items.save_items(chat.db, 1001, lang, [item], chat.clock())
    await chat.send(user, "/check")
    calls = await chat.tap(user, f"an:{item_id}:{SIX.index('predator')}")
    (edit,) = [c for c in calls if c.method == "editMessageText"]
    catalog = chat.app.bot_data.services.catalog
    meaning = predator.word.glosses[lang].term
    own = catalog.render("feedback-you-chose", lang, chosen="predator", meaning=meaning)
    english = catalog.render("feedback-you-chose", "en", chosen="predator", meaning=meaning)
    assert own != english
    assert f"{own}\n{english}" in edit.text  # her language, then English, as its neighbours
