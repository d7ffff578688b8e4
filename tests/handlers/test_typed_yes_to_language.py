"""Paj (Hmong, WIDA 1) typed `yog` ("yes") to "Koj hom lus hauv tsev puas yog lus Hmoob? / Is
your home language Hmong?" instead of tapping, and was told her language could not be told
(Hmong re-playtest). While that one-tap question is open, a typed yes in its language or in
English chooses it; a typed no asks which language, with the menu."""

from __future__ import annotations

import pytest

from bot.domain.language_words import yes_or_no
from bot.store import people
from tests.harness import Chat

PAJ = 1001


def question(calls: list) -> object:
    return next(c for c in calls if "🌍" in c.text)


async def asked_about_hmong(chat: Chat) -> object:
    paj = chat.user(PAJ, "Paj", "en")
    await chat.send(paj, "/start JOINcode_123")
    asked = question(await chat.send(paj, "nyob zoo"))
    assert asked.text.startswith("🌍 Koj hom lus hauv tsev puas yog lus Hmoob?")
    return paj


@pytest.mark.parametrize("typed", ["yog", "Yog lawm!", "yes", "Yes."])
async def test_a_typed_yes_to_the_hmong_question_chooses_hmong(chat: Chat, typed: str) -> None:
    paj = await asked_about_hmong(chat)
    said = " ".join(c.text for c in await chat.send(paj, typed))
    assert people.get_student(chat.db, PAJ).language == "hmn"
    assert "Zoo heev! Kuv yuav pab koj ua lus Hmoob" in said
    assert "could not tell" not in said


async def test_a_typed_no_asks_which_language_with_the_menu(chat: Chat) -> None:
    paj = await asked_about_hmong(chat)
    asked = question(await chat.send(paj, "tsis yog"))
    assert people.get_student(chat.db, PAJ).language is None
    assert "What language do you speak at home?" in asked.text
    assert "could not tell" not in asked.text
    assert ("Hmoob", "lc:hmn") in asked.buttons  # still one tap away, no longer singled out
    assert not any("✅" in label for label, _ in asked.buttons)


async def test_a_yes_in_another_language_than_the_one_asked_about_chooses_nothing(
        chat: Chat) -> None:
    paj = await asked_about_hmong(chat)
    await chat.send(paj, "sí")  # Spanish yes to "is it Hmong?": not an answer to it
    assert people.get_student(chat.db, PAJ).language is None


async def test_a_yes_with_no_one_tap_question_open_chooses_nothing(chat: Chat) -> None:
    ana = chat.user(PAJ, "Ana", None)  # no sign of a language: "which?", not "is it X?"
    await chat.send(ana, "/start JOINcode_123")
    await chat.send(ana, "yes")
    assert people.get_student(chat.db, PAJ).language is None


async def test_the_phones_language_asked_about_is_chosen_by_its_own_yes(chat: Chat) -> None:
    ti = chat.user(PAJ, "Ti", "ht")
    await chat.send(ti, "/start JOINcode_123")  # "Ou pale kreyòl ayisyen lakay ou?"
    await chat.send(ti, "Wi")
    assert people.get_student(chat.db, PAJ).language == "ht"


@pytest.mark.parametrize(("text", "asked", "reply"), [
    ("yog", "hmn", True), ("tsis yog", "hmn", False), ("Sí", "es", True), ("no", "es", False),
    ("oui !", "fr", True), ("non", "fr", False), ("sim", "pt", True), ("não", "pt", False),
    ("wi", "ht", True), ("haa", "so", True), ("maya", "so", False), ("oo", "tl", True),
    ("hindi po", "tl", False), ("vâng", "vi", True), ("có", "vi", True),
    ("không", "vi", False), ("是", "zh", True), ("对", "zh", True), ("不是", "zh", False),
    ("نعم", "ar", True), ("لا", "ar", False), ("네", "ko", True), ("예", "ko", True),
    ("아니요", "ko", False), ("да", "ru", True), ("нет", "ru", False), ("YES", "ru", True),
    ("sí", "hmn", None), ("yog", "es", None), ("nyob zoo", "hmn", None), ("hi", "hmn", None),
])
def test_yes_and_no_are_read_in_the_language_asked_about_or_english(
        text: str, asked: str, reply: bool | None) -> None:
    assert yes_or_no(text, asked) is reply
