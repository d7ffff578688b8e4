"""The weekly update's line about days a child only read new word cards (playtest: Haitian
Creole "Jou Widlene te li kat mo nouvo sèlman: 2" was hard to parse): a plain sentence."""

from __future__ import annotations

from bot.services import learners
from bot.store.packs import pack_words
from tests.clock import START
from tests.families import link, rivera
from tests.harness import Chat, enrol_student, texts

WIDLENE, MOTHER = 1001, 2001


async def test_a_day_of_new_cards_only_is_said_in_a_plain_sentence(chat: Chat) -> None:
    enrol_student(chat.db, START, WIDLENE, "Widlene", "ht")
    mother = chat.user(MOTHER, "Marie-Ange", "ht")
    await link(chat, rivera(chat), "Widlene", mother)
    words = pack_words(chat.db, "science.ecosystems")
    chat.clock.advance(days=1)  # after the day she joined, which counts only if practised
    for day in range(2):  # two school days she read new cards and practised nothing
        learners.introduce(chat.db, learners.learner(chat.db, WIDLENE),
                           words[2 * day:2 * day + 2], chat.clock())
        learners.cards_shown(chat.db, WIDLENE, [w.id for w in words[2 * day:2 * day + 2]],
                             chat.clock())
        chat.clock.advance(days=1)
    update = texts(await chat.send(mother, "/now"))
    assert "Pandan 2 jou, Widlene te gade mo nouvo yo sèlman, san pratike." in update
    assert "kat mo nouvo sèlman:" not in update
