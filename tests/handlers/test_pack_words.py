"""Playtest: the teacher could not see a pack's words; `/packs ela.reading-writing` repeated
the whole list of packs. /packs PACK shows that pack: its words, grades, and how many of its
words her students have practised."""

from __future__ import annotations

from typing import Any

from tests.harness import TEACHER_ID, Chat, answer_current, check_now, join_and_confirm, texts


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def test_packs_with_a_pack_shows_its_words_short(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(1001, "Ana", "es"))
    shown = texts(await chat.send(rivera(chat), "/packs ela.reading-writing"))
    assert "<code>ela.reading-writing</code> (20)" in shown and "grades" in shown
    assert "Your students have practised 0 of its 20 words." in shown
    assert "character, setting, plot" in shown
    assert "/push ela.reading-writing WORD, WORD to CLASS" in shown
    assert "science.ecosystems" not in shown  # one pack, not the list again
    assert len(shown) < 1200  # short: terms only, no definitions


async def test_the_practised_count_grows_as_students_answer(chat: Chat) -> None:
    ana = chat.user(1001, "Ana", "es")
    await join_and_confirm(chat, ana)
    await check_now(chat, ana)
    await answer_current(chat, ana, right=True)
    shown = texts(await chat.send(rivera(chat), "/packs science.ecosystems"))
    assert "Your students have practised 1 of its" in shown  # Science 7B's pack


async def test_a_mistyped_pack_is_refused_with_the_close_ones(chat: Chat) -> None:
    shown = texts(await chat.send(rivera(chat), "/packs ela"))
    assert "There is no pack called ela. Did you mean ela.reading-writing?" in shown
