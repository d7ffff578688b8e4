"""A teacher reads a word's "correct N of M" on its meaning, in /student and in the CSV, and its
listening answers apart, as /report says they are ("recognition, not meaning"). Playtest: Pa
Houa's analyze, missed once and right twice on its meaning, and right once by ear, read
"analyze: correct 3 of 4" in /student and attempts 4, correct 3 in the CSV."""

from __future__ import annotations

from datetime import timedelta

from bot.domain.mastery import new_mastery
from bot.store import study
from bot.store.packs import pack_words
from tests.harness import TEACHER_ID, Chat, csv_rows, join_and_confirm, texts


async def answered(chat: Chat, *answers: tuple[bool, bool]) -> None:
    """Pa Houa (Hmong, level 1) and her counted answers on predator: (right, listening)."""
    await join_and_confirm(chat, chat.user(1001, "PaHoua", "en"), lang="hmn", level=1)
    word = next(r.id for r in pack_words(chat.db, "science.ecosystems")
                if r.word.term == "predator")
    start = chat.clock() + timedelta(days=1)
    state = new_mastery(word, start)
    for day, (right, listening) in enumerate(answers):
        study.save_mastery(chat.db, 1001, word, state, start + timedelta(days=day),
                           answered=right, listening=listening)


async def test_student_and_csv_count_meaning_answers_and_listening_apart(chat: Chat) -> None:
    await answered(chat, (False, False), (True, False), (True, True), (True, False))
    rivera = chat.user(TEACHER_ID, "Rivera", "en")
    student = texts(await chat.send(rivera, "/student PaHoua"))
    assert "predator: correct 2 of 3 over 4 days · 🔊 1 of 1 · " in student
    assert "correct 3 of 4" not in student
    assert "recognition, not meaning): 1 answer, too few to tell" in student
    row = next(r for r in csv_rows(await chat.send(rivera, "/report"))
               if r["word"] == "predator")
    assert (row["attempts"], row["correct"]) == ("3", "2")
    assert (row["listening_attempts"], row["listening_correct"]) == ("1", "1")


async def test_a_word_heard_only_says_nothing_of_its_meaning_yet(chat: Chat) -> None:
    await answered(chat, (True, True), (False, True))
    rivera = chat.user(TEACHER_ID, "Rivera", "es")
    student = texts(await chat.send(rivera, "/student PaHoua"))
    assert ("predator: solo respuestas de escucha, ninguna sobre su significado aún · 🔊 1 de 2"
            in student)
    row = next(r for r in csv_rows(await chat.send(rivera, "/report"))
               if r["word"] == "predator")
    assert (row["attempts"], row["correct"], row["listening_attempts"]) == ("0", "0", "2")
