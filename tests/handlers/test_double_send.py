"""A typed answer sent twice in a row (send tapped twice, or a phone resending on a slow
connection): the copy is not graded against the next question (playtest M2)."""

from __future__ import annotations

from bot.domain.checks import Item
from bot.domain.scaffold import ItemType
from bot.store import study
from bot.store.packs import pack_words
from tests.harness import Chat, join_and_confirm, texts


def two_typed_questions(chat: Chat, first: str, second: str) -> list[int]:
    """A check of two typed questions on ecosystem words (as at level 5); their item ids."""
    words = {w.word.term: w for w in pack_words(chat.db, "science.ecosystems")}
    items = [Item(words[t].id, ItemType.TYPED, words[t].word.definition, (), t)
             for t in (first, second)]
    return study.save_items(chat.db, 1001, "es", items, chat.clock())


def attempts(chat: Chat) -> list[tuple[int, int]]:
    """(word id, correct) of every graded answer, in order."""
    return [(r[0], r[1]) for r in chat.db.execute(
        "SELECT word_id, correct FROM attempts ORDER BY id").fetchall()]


async def test_the_same_answer_sent_twice_does_not_answer_the_next_question(
        chat: Chat) -> None:
    user = chat.user(1001, "Mateo", lang="es")
    await join_and_confirm(chat, user, lang="es", level=5)
    first, second = two_typed_questions(chat, "consumer", "habitat")
    assert "✅" in texts(await chat.send(user, "consumer"))
    chat.clock.advance(seconds=1)
    assert texts(await chat.send(user, "consumer")) == ""  # the copy: nothing said or graded
    assert not study.get_item(chat.db, second).answered
    assert [correct for _, correct in attempts(chat)] == [1]  # no miss on "habitat"
    chat.clock.advance(seconds=20)
    assert "✅" in texts(await chat.send(user, "habitat"))
    assert [correct for _, correct in attempts(chat)] == [1, 1]
    assert study.get_item(chat.db, first).answered


async def test_a_wrong_answer_sent_twice_is_one_miss_not_two(chat: Chat) -> None:
    user = chat.user(1001, "Mateo", lang="es")
    await join_and_confirm(chat, user, lang="es", level=5)
    _, second = two_typed_questions(chat, "consumer", "habitat")
    await chat.send(user, "zebra")
    await chat.send(user, " Zebra ")  # the same text, however its case and spaces fall
    assert len(attempts(chat)) == 1 and not study.get_item(chat.db, second).answered


async def test_the_same_text_a_while_later_is_an_answer_to_the_next_question(
        chat: Chat) -> None:
    # Only a copy seconds later is set aside: a real answer that happens to repeat the last
    # one, written after reading the next question, is graded as any answer is
    user = chat.user(1001, "Mateo", lang="es")
    await join_and_confirm(chat, user, lang="es", level=5)
    _, second = two_typed_questions(chat, "consumer", "habitat")
    await chat.send(user, "consumer")
    chat.clock.advance(seconds=30)
    reply = texts(await chat.send(user, "consumer"))
    assert "habitat" in reply and study.get_item(chat.db, second).answered
    assert [correct for _, correct in attempts(chat)] == [1, 0]
