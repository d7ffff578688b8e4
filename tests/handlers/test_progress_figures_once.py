"""/progress at levels 3+ in a language the chart font cannot draw (Arabic, Chinese, Korean)
sends the counts and text bars in one message: each figure is said once per language, and the
bars under them are bars, not the same numbers again."""

from __future__ import annotations

import re

import pytest

from bot.presentation.i18n import Catalog
from bot.presentation.progress_views import progress_bars
from bot.services.progress import Progress
from bot.store import check_items
from tests.harness import Chat, answer_current, check_now, join_and_confirm, texts

# Isolates and direction marks the Arabic lines carry around each value.
INVISIBLE = re.compile("[\u2066-\u2069\u200e\u200f]")


@pytest.mark.parametrize("lang", ["ar", "zh", "ko"])
async def test_progress_text_bars_do_not_repeat_the_counts(chat: Chat, catalog: Catalog,
                                                            lang: str) -> None:
    ana = chat.user(lang=lang)
    await join_and_confirm(chat, ana, lang=lang, level=4)
    await check_now(chat, ana)
    while check_items.next_open_item(chat.db, ana["id"]) is not None:
        await answer_current(chat, ana, right=True)
    shown = INVISIBLE.sub("", texts(await chat.send(ana, "/progress")))
    title = catalog.plain("chart-progress-title", lang) + " · My words"  # level 4: and English
    counts, bars = shown.split(f"\n<b>{title}</b>\n")
    lines = counts.split("\n")  # the learner's language, then English: as many lines each
    own, english = "\n".join(lines[:len(lines) // 2]), "\n".join(lines[len(lines) // 2:])
    for key in ("chart-new", "chart-learning", "chart-reviewing", "chart-mastered"):
        assert f"{catalog.plain(key, lang)} · {catalog.plain(key, 'en')}" in bars  # each bar
    assert not re.search(r"\d", bars), bars
    figures = re.findall(r"\d+", own)
    assert figures and figures == re.findall(r"\d+", english), own  # each once a language


@pytest.mark.parametrize(("counts", "blocks"), [
    ((2, 3, 11, 9), (2, 3, 11, 9)),       # a playtester counted 10 🟦 beside "Reviewing: 11"
    ((0, 1, 24, 12), (0, 1, 12, 6)),      # past a phone's line: scaled, every state still seen
])
def test_text_bars_count_one_block_a_word_while_they_fit(
        catalog: Catalog, counts: tuple[int, int, int, int],
        blocks: tuple[int, int, int, int]) -> None:
    report = Progress(*counts, due=0, streak_days=0, history=())
    lines = str(progress_bars(report, "ar", catalog)).split("\n")[1:]
    shown = tuple(sum(line.count(b) for b in "⬜🟨🟦🟩") for line in lines)
    assert shown == blocks
