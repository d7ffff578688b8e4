"""The English word typed with filler a teacher would accept is right in a check: what the
student reads and what is recorded (playtest: Korean WIDA 5 Minjun, Tagalog WIDA 3 Paolo)."""

from __future__ import annotations

import pytest

from bot.store import check_items
from tests.harness import Chat, ask_typed, join_and_confirm, texts


def attempts(chat: Chat) -> list[int]:
    return [row[0] for row in chat.db.execute("SELECT correct FROM attempts ORDER BY id")]


@pytest.mark.parametrize(("lang", "level", "term", "typed"), [
    ("tl", 3, "population", "ang population"),  # was "Mukhang Tagalog iyan ..."
    ("tl", 3, "habitat", "yung habitat po"),
    ("tl", 3, "producer", "producer, like grass"),
    ("ko", 5, "ecosystem", "ecosystem이요"),  # was "That looks like Portuguese"
    ("ko", 5, "population", "The answer is population."),
], ids=["tl-article", "tl-politeness", "tl-example", "ko-particle", "ko-answer-frame"])
async def test_the_word_with_filler_is_right_not_a_request_to_write_english(
        chat: Chat, lang: str, level: int, term: str, typed: str) -> None:
    user = chat.user(1001, "Paolo", lang=lang)
    await join_and_confirm(chat, user, lang=lang, level=level)
    item_id = ask_typed(chat, "science.ecosystems", term, lang)
    reply = texts(await chat.send(user, typed))
    assert "✅" in reply
    assert "Tagalog" not in reply and "Portuguese" not in reply and "Not quite" not in reply
    assert attempts(chat) == [1] and check_items.get_item(chat.db, item_id).answered


@pytest.mark.parametrize(("typed", "term"), [
    ("hindi ecosystem", "ecosystem"),
    ("population or habitat", "population"),
])
async def test_a_negation_or_two_words_is_still_a_miss(chat: Chat, typed: str,
                                                       term: str) -> None:
    user = chat.user(1001, "Paolo", lang="tl")
    await join_and_confirm(chat, user, lang="tl", level=3)
    ask_typed(chat, "science.ecosystems", term, "tl")
    reply = texts(await chat.send(user, typed))
    assert "✅" not in reply
    assert attempts(chat) in ([0], [])  # a miss, or (Tagalog text) one more try first


@pytest.mark.parametrize(("term", "typed"), [
    ("habitat", "habitat nya"), ("predator", "predator diba"), ("consumer", "consumer sya"),
    ("predator", "predator nga"), ("population", "population nila"),
    ("predator", "yung predator diba"), ("predator", "predator di ba po"),
])
async def test_taglish_the_word_with_a_particle_or_pronoun_is_right(
        chat: Chat, term: str, typed: str) -> None:
    # playtest (Jomar, Tagalog WIDA 3): the first three were misses, the next three got
    # "Mukhang Tagalog iyan. Pakisulat ang salita sa Ingles." though the word was there
    user = chat.user(1001, "Jomar", lang="tl")
    await join_and_confirm(chat, user, lang="tl", level=3)
    item_id = ask_typed(chat, "science.ecosystems", term, "tl")
    reply = texts(await chat.send(user, typed))
    assert "✅" in reply and "Tagalog" not in reply and "Ingles" not in reply
    assert attempts(chat) == [1] and check_items.get_item(chat.db, item_id).answered


async def test_taglish_another_english_word_with_a_particle_is_a_miss_not_a_retry(
        chat: Chat) -> None:
    user = chat.user(1001, "Jomar", lang="tl")
    await join_and_confirm(chat, user, lang="tl", level=3)
    ask_typed(chat, "science.ecosystems", "prey", "tl")
    reply = texts(await chat.send(user, "pray nga"))
    assert "✅" not in reply and "Tagalog" not in reply
    assert attempts(chat) == [0]
