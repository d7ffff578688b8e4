"""A /push naming a topic, not a pack or its words ("/push water cycle"), answers with the
packs and words about it, each a ✅ that pushes them (playtest: "There is no pack called
water", and "Not in science.matter-and-forces: • water • cycle", while that pack holds
evaporation, condensation and precipitation)."""

from __future__ import annotations

from typing import Any

from bot.presentation import callbacks
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, texts

WATER_CYCLE = "science.matter-and-forces: evaporation, condensation, precipitation"


def teacher(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


def fixes(said: list[Any]) -> list[tuple[str, str]]:
    return [b for b in buttons(said) if b[1].startswith(callbacks.PUSH_FIX)]


async def test_a_topic_typed_as_the_pack_offers_the_words_about_it(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(1001, "Hodan", "so"), "so")
    said = await chat.send(teacher(chat), "/push water cycle")
    assert texts(said).startswith(
        f"There is no pack called water. About “water cycle”: {WATER_CYCLE}. Tap ✅ to push "
        "those words; /packs lists the packs you can use."), texts(said)
    [(label, data)] = fixes(said)
    assert label == "✅ evaporation, condensation, precipitation"
    assert chat.db["pushes"].count == 0
    sent = texts(await chat.tap(teacher(chat), data))
    assert "Sending 3 words to 1 student of <b>Science 7B</b>" in sent, sent


async def test_a_topic_typed_as_the_words_offers_the_pack_words_about_it(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(1001, "Hodan", "so"), "so")
    said = await chat.send(
        teacher(chat), "/push science.matter-and-forces water cycle to Science 7B")
    assert texts(said) == (
        "Not in science.matter-and-forces:\n• water\n• cycle\n"
        "Words of science.matter-and-forces about “water cycle”: evaporation, condensation, "
        "precipitation. Tap ✅ to push them.\nNothing was sent, not even the other words. Fix "
        "these and send the /push again.")
    [(label, data)] = fixes(said)
    assert label == "✅ evaporation, condensation, precipitation"
    sent = texts(await chat.tap(teacher(chat), data))
    assert "Sending 3 words to 1 student of <b>Science 7B</b>" in sent, sent


async def test_a_word_about_nothing_in_any_pack_says_only_what_is_missing(chat: Chat) -> None:
    said = await chat.send(teacher(chat), "/push science.ecosystems dinosaur")
    assert "about" not in texts(said) and fixes(said) == []
