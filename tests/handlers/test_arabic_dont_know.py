"""Sudanese playtest (Yousef, 15, WIDA 1, types Arabic and Arabizi): at a tile question
"ana mish fahem" and "ما فاهم", at a question with buttons "ما عارف", got "💬 … I only help
with words and cannot chat… send it?"; only the formal "لا أعرف" worked. Spoken Arabic as
people type it (with or without "أنا", hamza or taa marbuta) and Arabizi now get the help the
formal phrase gets: "I don't know" a kind miss with the word shown, "I don't understand" the
word's meaning in Arabic, nothing graded."""

from __future__ import annotations

import pytest

from bot.domain.checks import Item
from bot.domain.scaffold import ItemType
from bot.store import check_items
from bot.store.packs import pack_words
from tests.harness import Chat, buttons, join_and_confirm, shows_tiles, texts

YOUSEF = 1001
DONT_KNOW = ("ما عارف", "ما عارفة", "أنا ما عارف", "انا مش عارف", "مش عارفه", "mish 3aref",
             "ma 3arif", "mesh 3aref", "ma3rafsh", "ana mish 3aref")
NOT_UNDERSTOOD = ("ما فاهم", "أنا ما فاهم", "انا ما فاهمة", "ما فاهمه", "ما فهمت",
                  "مش فاهم", "ما فهمت حاجة", "ما فهمت شي", "انا ما فهمت شيء", "mish fahem",
                  "msh fahem", "ana mish fahem", "ma fahem", "ma fahmt")


async def reply_to(chat: Chat, user_id: int, typed: str, level: int) -> str:
    """What a new Arabic-speaking student at `level` reads when he types `typed` at a
    question with English options on "cell" (each his first: a second miss of a word
    re-teaches it)."""
    student = chat.user(user_id, "Yousef", lang="ar")
    await join_and_confirm(chat, student, lang="ar", level=level)
    word = next(w for w in pack_words(chat.db, "science.cells-genetics")
                if w.word.term == "cell")
    item = Item(word.id, ItemType.CHOICE, word.word.definition,
                ("membrane", "nucleus", "cell"), "cell")
    item_id = check_items.save_items(chat.db, user_id, "ar", [item], chat.clock())[0]
    assert shows_tiles(chat, student, item_id) is (level == 1)  # level 1: letter tiles
    calls = await chat.send(student, typed)
    assert not any("✉️" in label for label, _ in buttons(calls)), typed  # no chat offer
    return texts(calls)


@pytest.mark.parametrize("level", [1, 3], ids=["tiles", "buttons"])
async def test_spoken_arabic_and_arabizi_get_the_help_the_formal_phrase_gets(
        chat: Chat, level: int) -> None:
    formal = await reply_to(chat, YOUSEF, "لا أعرف", level)
    assert "That's OK. The word is <b>cell</b> (<b>خلية</b>)." in formal
    for n, typed in enumerate(DONT_KNOW, start=1):
        assert await reply_to(chat, YOUSEF + n, typed, level) == formal, typed
    explained = await reply_to(chat, YOUSEF + 100, "لا أفهم", level)
    assert "That's OK 🙂 What the word means, in Arabic" in explained
    for n, typed in enumerate(NOT_UNDERSTOOD, start=101):
        assert await reply_to(chat, YOUSEF + n, typed, level) == explained, typed
