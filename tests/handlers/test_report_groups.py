"""/report's groups say what they mean and whom they are about (teacher playtests): whose
words an "On track" parenthesis counts, a guesser's lucky words, and a /report help that
explains every group."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.domain.mastery import new_mastery, record_answer
from bot.domain.scaffold import ItemType
from bot.presentation.views import plain_text
from bot.store import study
from bot.store.packs import pack_words
from tests.clock import START
from tests.harness import TEACHER_ID, Chat, join_and_confirm

ANA, HODAN = 1001, 1002


def answered(chat: Chat, student_id: int, word_id: int, answers: str) -> None:
    """Choice answers a day apart from START ("W" wrong, "R" right), as the store keeps them."""
    state = study.get_mastery(chat.db, student_id, word_id) or new_mastery(word_id, START)
    for day, answer in enumerate(answers):
        now = START + timedelta(days=day)
        state = record_answer(state, correct=answer == "R", exact=True,
                              item_type=ItemType.CHOICE, typed=False, now=now,
                              local_day=now.date().isoformat())
        study.save_mastery(chat.db, student_id, word_id, state, now, answered=answer == "R")


async def report(chat: Chat, command: str = "/report") -> str:
    """The /report message as the teacher reads it (no tags), without its chart and files."""
    teacher: dict[str, Any] = chat.user(TEACHER_ID, "Rivera", "en")
    calls = await chat.send(teacher, command)
    return "\n".join(plain_text(c.text) for c in calls if c.method == "sendMessage")


async def test_on_track_names_whose_words_are_still_new(chat: Chat) -> None:
    """Playtest: "✅ On track: Ana, Hodan (2 words still new…)": whose 2 words?"""
    for user_id, name in ((ANA, "Ana"), (HODAN, "Hodan")):
        await join_and_confirm(chat, chat.user(user_id, name, "so"), lang="so", level=3)
    words = [w.id for w in pack_words(chat.db, "science.ecosystems")]
    for student in (ANA, HODAN):
        answered(chat, student, words[0], "RR")
    for word_id in words[1:3]:  # given to Hodan, cards not opened
        study.save_mastery(chat.db, HODAN, word_id, new_mastery(word_id, START), START)
    chat.clock.now = START + timedelta(days=2)
    assert "✅ On track: Ana, Hodan (words still new, not asked yet: Hodan 2)" in await report(
        chat)
