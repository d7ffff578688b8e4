"""A miss far from the word is listed in /student without a ✅ Count as right under it
(Hmong playtest: "moisl", "ypas", "bosci", each a button a teacher could tap by mistake)."""

from __future__ import annotations

from bot.presentation import callbacks
from tests.harness import TEACHER_ID, Chat, ask_typed, buttons, join_and_confirm, texts

ANA = 1001


async def misses(chat: Chat, *typed: str) -> tuple[str, list[str]]:
    """Ana (level 4) types each answer for "habitat"; /student's text and its buttons."""
    ana = chat.user(ANA, "Ana", "es")
    await join_and_confirm(chat, ana, lang="es", level=4)
    for text in typed:
        ask_typed(chat, "science.ecosystems", "habitat", "es")
        await chat.send(ana, text)
    shown = await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/student Ana")
    return texts(shown), [label for label, data in buttons(shown)
                          if data.startswith(f"{callbacks.OVERRULE}:")]


async def test_a_random_string_is_listed_without_a_button(chat: Chat) -> None:
    text, labels = await misses(chat, "xqzv", "natural home")
    assert "<b>habitat</b>: “xqzv”" in text and "<b>habitat</b>: “natural home”" in text
    # the newest first: "natural home" only has its button
    assert labels == ["✅ Count as right: 1. habitat"], labels
    assert ("Misses far from the word have no ✅ button: they are not near it, its meaning "
            "in the home language, or English words.") in text


async def test_no_note_when_every_miss_has_its_button(chat: Chat) -> None:
    text, labels = await misses(chat, "natural home")
    assert len(labels) == 1 and "far from the word" not in text
