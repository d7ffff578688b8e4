"""Vietnamese playtest (Linh, level 3-4, types without diacritics): "cho em them tu moi"
("give me more new words") got "💬 … I only help with words and cannot chat… send it?".
Asking for more (new) words, in any of Puente's languages, opens the cards as /words does."""

from __future__ import annotations

import pytest

from tests.harness import Chat, buttons, join_and_confirm, texts


@pytest.mark.parametrize(("typed", "lang"), [
    ("cho em them tu moi", "vi"),
    ("cho em thêm từ mới", "vi"),
    ("más palabras por favor", "es"),
    ("أريد كلمات جديدة", "ar"),
    ("我想要新单词", "zh"),
    ("more words pls", "so"),
])
async def test_asking_for_more_words_opens_the_cards(chat: Chat, typed: str, lang: str
                                                      ) -> None:
    asker, typist = chat.user(1001, "Linh", lang), chat.user(1002, "Lan", lang)
    for student in (asker, typist):
        await join_and_confirm(chat, student, lang=lang, level=3)
    asked = await chat.send(asker, typed)
    assert texts(asked) == texts(await chat.send(typist, "/words"))
    assert texts(asked) and not any("✉️" in label for label, _ in buttons(asked))


async def test_a_longer_message_about_new_words_is_still_for_the_teacher(chat: Chat) -> None:
    linh = chat.user(1001, "Linh", "vi")
    await join_and_confirm(chat, linh, lang="vi", level=3)
    said = await chat.send(linh, "co oi tu moi hom nay kho qua em khong lam bai tap duoc")
    assert any("✉️" in label for label, _ in buttons(said))
