"""/progress at WIDA level 3 fits a phone: a student with 30 words in four states reads what
to do first ("👉 5 words ready: /check"), then the states on one line and the days in a row,
three lines in her language and three in English (it was fourteen, and nineteen with the
text bars in Arabic: playtest), in every language Puente speaks."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from bot.domain.mastery import new_mastery
from bot.presentation.i18n import Catalog
from bot.store import study
from bot.store.packs import pack_words
from tests.harness import Chat, join_and_confirm, texts
from tests.telegram_html import visible

LANGUAGES = ["en", "es", "fr", "pt", "ht", "so", "hmn", "vi", "zh", "ar", "ko", "ru", "tl"]
STATES = {"new": 6, "learning": 9, "reviewing": 8, "mastered": 7}  # 30 words met
DIRECTION = str.maketrans("", "", "\u2066\u2067\u2068\u2069\u200e\u200f")


def thirty_words(chat: Chat, user_id: int = 1001) -> None:
    """30 words met: 6 read and never asked, 9 being learned, 8 in review, 7 mastered; the
    words in review and being learned due now (8 + 9 would be ready, all but the unread)."""
    now = chat.clock.now
    words = [*pack_words(chat.db, "science.ecosystems"),
             *pack_words(chat.db, "general.academic-verbs")][:30]
    kinds = [kind for kind, count in STATES.items() for _ in range(count)]
    for word, kind in zip(words, kinds, strict=True):
        state = replace(new_mastery(word.id, now), due_at=now + timedelta(days=3))
        if kind != "new":
            state = replace(state, answered=True, first_correct_at=now - timedelta(days=8))
        if kind in ("reviewing", "mastered"):
            state = replace(state, success_days=frozenset({"2026-09-01", "2026-09-03"}))
        if kind == "mastered":
            state = replace(state, mastered_at=now - timedelta(days=1))
        study.save_mastery(chat.db, user_id, word.id, state, now,
                           answered=None if kind == "new" else True)
    study.mark_shown(chat.db, user_id, [w.id for w in words], now - timedelta(days=9))


ENGLISH = ["✅ All done for now. More words come back on Thursday.",  # nothing due yet
           "🆕 New: 6 · 📖 Learning: 9 · 🔁 Reviewing: 8 · ⭐ Mastered: 7",
           "🔥 Days in a row: 1"]  # she read her first cards on joining: a day studied
BARS = {"ar", "zh", "ko"}  # the chart font cannot draw them: a title and four text bars


@pytest.mark.parametrize("lang", LANGUAGES)
async def test_level_three_progress_is_three_lines_a_language_the_step_first(
        chat: Chat, catalog: Catalog, lang: str) -> None:
    ana = chat.user(lang=lang)
    await join_and_confirm(chat, ana, lang=lang, level=3)
    thirty_words(chat)
    lines = visible(texts(await chat.send(ana, "/progress"))).translate(DIRECTION).split("\n")
    if lang == "en":
        assert lines == ENGLISH
        return
    own, english, bars = lines[:3], lines[3:6], lines[6:]
    assert english == ENGLISH and len(bars) == (5 if lang in BARS else 0)
    assert own[0] == catalog.plain("progress-next-thu", lang).translate(DIRECTION)
    for key, count in zip(("chart-new", "chart-learning", "chart-reviewing", "chart-mastered"),
                          STATES.values(), strict=True):  # each state named, counted once
        state = catalog.plain(key, lang).translate(DIRECTION)
        assert own[1].count(state) >= 1 and f"{count}" in own[1]


async def test_words_ready_put_the_check_first(chat: Chat) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, lang="es", level=3)
    thirty_words(chat)
    chat.clock.advance(days=4)  # the words being learned and in review are due
    shown = visible(texts(await chat.send(ana, "/progress")))
    assert shown.split("\n")[0].startswith("👉 Próximo repaso: 5 palabras (después aún "
                                            "esperan: ")
    english = shown.split("\n")[shown.split("\n").index(
        "🆕 New: 6 · 📖 Learning: 9 · 🔁 Reviewing: 8 · ⭐ Mastered: 7") - 1]
    assert english.startswith("👉 Next check: 5 words (still waiting after it: ")
    assert english.endswith("): /check")


async def test_level_three_progress_in_arabic_is_eleven_lines_with_its_bars(
        chat: Chat) -> None:
    layla = chat.user(lang="ar")
    await join_and_confirm(chat, layla, lang="ar", level=3)
    thirty_words(chat)
    shown = visible(texts(await chat.send(layla, "/progress")))
    assert len(shown.split("\n")) == 3 + 3 + 5  # three lines a language, title and four bars
    assert len(shown) < 450  # 427: the streak line counts the day she joined and read cards
