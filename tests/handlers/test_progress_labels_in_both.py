"""/progress's chart labels in her language and English at levels 1-4, as its lines are
(playtest: a level-3 Arabic student read "جديدة" and "أتقنتها" alone under a bilingual
summary); at levels 5-6 English first, as their cards and messages read (ELD playtest: an
Arabic level-5 student read "كلماتي" alone)."""

from __future__ import annotations

import pytest

from bot.presentation import charts
from tests.harness import Chat, join_and_confirm, texts


async def progress_of(chat: Chat, lang: str, level: int) -> str:
    sara = chat.user(lang=lang)
    await join_and_confirm(chat, sara, lang=lang, level=level)
    await chat.send(sara, "/words")
    return texts(await chat.send(sara, "/progress"))


@pytest.mark.parametrize(("level", "title", "bar"), [
    (3, "<b>كلماتي · My words</b>", "أتقنتها · Mastered"),
    (4, "<b>كلماتي · My words</b>", "قيد المراجعة · Reviewing"),
    (5, "<b>My words · كلماتي</b>", "Mastered · أتقنتها ▫️")])
async def test_arabic_text_bars_name_each_state_in_arabic_and_english_at_every_level(
        chat: Chat, level: int, title: str, bar: str) -> None:
    shown = await progress_of(chat, "ar", level)
    assert title in shown and bar in shown


@pytest.mark.parametrize(("level", "labels", "title"), [
    (3, ["Nuevas · New", "Aprendiendo · Learning", "En repaso · Reviewing",
         "Dominadas · Mastered"], "Mis palabras · My words"),
    (5, ["New · Nuevas", "Learning · Aprendiendo", "Reviewing · En repaso",
         "Mastered · Dominadas"], "My words · Mis palabras")])
async def test_the_drawn_chart_names_each_state_in_spanish_and_english_at_every_level(
        chat: Chat, monkeypatch: pytest.MonkeyPatch, level: int, labels: list[str],
        title: str) -> None:
    drawn: list[tuple[list[str], str]] = []
    draw = charts._progress

    def spy(shown: list[str], values: list[int], heading: str) -> bytes:
        drawn.append((shown, heading))
        return draw(shown, values, heading)

    monkeypatch.setattr(charts, "_progress", spy)
    await progress_of(chat, "es", level)
    assert drawn == [(labels, title)]
