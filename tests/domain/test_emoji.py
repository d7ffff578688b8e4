"""An emoji-only message from a family ("🙏", "👍🏽") is a message, and the common ones carry
a meaning a teacher may miss."""

from __future__ import annotations

import pytest

from bot.domain.emoji import (
    meanings,
    only_emoji,
    only_question_marks,
    only_thanks_emoji,
    seems_lost,
)


@pytest.mark.parametrize(("text", "meant"), [
    ("🙏", ("thanks",)), ("🙏🏽", ("thanks",)), ("👍", ("ok",)), ("❤️", ("love",)),
    ("🙏🙏 ❤️", ("thanks", "love")), ("🇭🇹", ()), ("😀😀", ("happy",)),
])
def test_emoji_only_texts_and_what_they_mean(text: str, meant: tuple[str, ...]) -> None:
    assert only_emoji(text) and meanings(text) == meant


@pytest.mark.parametrize("text", ["...", "ok 👍", "1️⃣", "", "  ", "Gracias 🙏", "?!"])
def test_words_digits_or_punctuation_make_no_emoji_message(text: str) -> None:
    assert not only_emoji(text) and meanings(text) == ()


def test_only_thanks_emoji_owe_no_answer_but_a_thumbs_up_may() -> None:
    assert only_thanks_emoji("🙏") and only_thanks_emoji("🙏❤️")
    assert not only_thanks_emoji("👍") and not only_thanks_emoji("🙏😢")


@pytest.mark.parametrize(("text", "lost"), [
    ("?", True), (" ?? ", True), ("？", True), ("😢", True), ("😭😭", True), ("🤔", True),
    ("🐱", True), ("👍", False), ("🙏🏽", False), ("😊", False), ("?!", False), ("ok?", False),
    ("", False), ("...", False),
])
def test_a_bare_question_mark_or_unhappy_emoji_seems_lost(text: str, lost: bool) -> None:
    assert seems_lost(text) is lost


@pytest.mark.parametrize(("text", "marks"), [
    ("?", True), (" ¿? ", True), ("؟", True), ("？？", True), ("?🤷", False), ("🤷", False),
    ("😢", False), ("no sé?", False), ("", False), ("  ", False),
])
def test_question_marks_alone_are_told_from_a_shrug_or_words(text: str, marks: bool) -> None:
    """At a question with buttons "?" may be a lost child (🆘), "🤷" says "I don't know"."""
    assert only_question_marks(text) is marks
