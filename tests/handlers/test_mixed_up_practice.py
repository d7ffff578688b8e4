"""A student who keeps choosing one word for another (domain/confusions.py) gets "Practice
again" for the pair: both words side by side, each with its home-language term and short
meaning, then a question whose two options are exactly those two words."""

from __future__ import annotations

from datetime import timedelta

from bot.domain.checks import Item
from bot.domain.scaffold import ItemType
from bot.store import check_items
from bot.store.packs import pack_words
from tests.clock import START
from tests.harness import Chat, enrol_student, read_words, texts

PACK = "science.ecosystems"
SIDE_BY_SIDE = "Hai từ này rất dễ nhầm"  # mixed-up-card, in Vietnamese


def ecosystem_question(chat: Chat, at_days_ago: float) -> int:
    """A question on "ecosystem" (its English definition) whose six options hold "habitat"."""
    terms = {w.word.term: w.id for w in pack_words(chat.db, PACK)}
    options = ("ecosystem", "habitat", "organism", "population", "community", "producer")
    item = Item(
        terms["ecosystem"],
        ItemType.CHOICE,
        "All the living and nonliving things in one place that affect each other.",
        options,
        "ecosystem",
    )
    [item_id] = check_items.save_items(
        chat.db, 1001, "vi", [item], chat.clock.now - timedelta(days=at_days_ago)
    )
    return item_id


async def choose_habitat_for_ecosystem(chat: Chat, times: int) -> list[str]:
    """Asked "ecosystem" `times` times, a day apart, she answers "habitat" (typing a button's
    label counts as tapping it); return what she was told each time."""
    said = []
    ana = chat.user(1001, "An", "vi")
    for n in range(times):
        ecosystem_question(chat, at_days_ago=0)
        said.append(texts(await chat.send(ana, "habitat")))
        if n < times - 1:
            chat.clock.advance(days=1)
    return said


async def test_third_mix_up_shows_both_words_then_asks_which_is_which(chat: Chat) -> None:
    enrol_student(chat.db, START, 1001, "An", lang="vi", level=3)
    read_words(chat.db, chat.clock.now)
    *before, third = await choose_habitat_for_ecosystem(chat, 3)
    assert all(SIDE_BY_SIDE not in said for said in before)
    assert SIDE_BY_SIDE in third, third
    pair = third[third.index(SIDE_BY_SIDE) :]
    for shown in (
        "ecosystem",
        "hệ sinh thái",
        "habitat",
        "môi trường sống",
        "The natural home where a plant or animal lives",
    ):
        assert shown in pair
    practice = check_items.next_open_item(chat.db, 1001)
    assert practice is not None and practice.practice
    assert sorted(practice.item.options) == ["ecosystem", "habitat"]
    assert practice.item.answer == "ecosystem"


async def test_the_wrong_word_chosen_is_kept_and_a_right_answer_keeps_none(chat: Chat) -> None:
    enrol_student(chat.db, START, 1001, "An", lang="vi", level=3)
    read_words(chat.db, chat.clock.now)
    ana = chat.user(1001, "An", "vi")
    wrong = ecosystem_question(chat, 0)
    await chat.send(ana, "habitat")
    right = ecosystem_question(chat, 0)
    await chat.send(ana, "ecosystem")
    habitat = next(w.id for w in pack_words(chat.db, PACK) if w.word.term == "habitat")
    chosen = dict(
        chat.db.execute(
            "SELECT id, chosen_word_id FROM check_items WHERE id IN (?, ?)", [wrong, right]
        ).fetchall()
    )
    assert chosen == {wrong: habitat, right: None}


async def test_mixing_up_two_words_twice_is_not_yet_a_pair(chat: Chat) -> None:
    enrol_student(chat.db, START, 1001, "An", lang="vi", level=3)
    read_words(chat.db, chat.clock.now)
    said = await choose_habitat_for_ecosystem(chat, 2)
    assert all(SIDE_BY_SIDE not in s for s in said)
