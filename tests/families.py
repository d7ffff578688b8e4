"""A family on a shared phone (playtest 11): a Haitian Creole mother and a Somali father, each
linked to Woodly (Ms. Rivera's Science 7B) and Nadia (Mr. Okafor's Math 6); the teachers'
answers they reply to, and a child's /deleteme."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.presentation import callbacks
from bot.services import learners
from bot.store import people
from bot.store.packs import pack_words
from tests.clock import START
from tests.harness import (
    MATH_TEACHER_ID,
    TEACHER_ID,
    Chat,
    answer_as_written,
    buttons,
    enrol_student,
    texts,
)

WOODLY, NADIA, MOTHER, FATHER = 1001, 1002, 2001, 2002
CHILD, PARENT = 1001, 2001  # one child and one parent (practising)


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


def okafor(chat: Chat) -> dict[str, Any]:
    return chat.user(MATH_TEACHER_ID, "Okafor", "en")


async def link(chat: Chat, teacher: dict[str, Any], child: str, member: dict[str, Any],
               lang: str | None = None) -> None:
    """The child's teacher makes a family link; the family member opens it and picks `lang`
    (else their phone's language)."""
    made = texts(await chat.send(teacher, f"/family {child}"))
    await chat.send(member, f"/start {made.split('?start=')[1].split()[0]}")
    await chat.tap(member, callbacks.data(callbacks.FAMILY_LANG,
                                          lang or member["language_code"]))


async def shared_phone(chat: Chat) -> dict[str, Any]:
    """Woodly in Science 7B, Nadia in Math 6, their mother and father each linked to both;
    return the mother."""
    people.upsert_teacher(chat.db, MATH_TEACHER_ID, "Okafor", START)
    people.create_class(chat.db, MATH_TEACHER_ID, "Math 6", "MATHcode_456",
                        START + timedelta(days=180), "math.number-operations", START)
    enrol_student(chat.db, START, WOODLY, "Woodly", "ht")
    enrol_student(chat.db, START, NADIA, "Nadia", "ht", code="MATHcode_456")
    mother = chat.user(MOTHER, "Manman", "ht")
    father = chat.user(FATHER, "Aabe", "so")
    for member in (mother, father):
        await link(chat, rivera(chat), "Woodly", member)
        await link(chat, okafor(chat), "Nadia", member)
    await chat.deliver()  # whatever the teachers were told about the links
    return mother


async def answered(chat: Chat, mother: dict[str, Any], child: int,
                   teacher: dict[str, Any]) -> int:
    """The mother asks about one child, its teacher answers by replying; return the id of the
    answer in her chat."""
    await chat.send(mother, "/ask Kijan pitit mwen ap mache lekòl la?")
    await chat.tap(mother, callbacks.data(callbacks.ASK, child))
    relay = next(c for c in await chat.deliver() if c.chat_id == teacher["id"])
    assert relay.result_id is not None
    await answer_as_written(chat, teacher, "Doing well, reads every day.", relay.result_id)
    answer = next(c for c in await chat.deliver() if c.chat_id == MOTHER)
    assert "Doing well" in answer.text and answer.result_id is not None
    return answer.result_id


async def delete(chat: Chat, student: int, name: str) -> None:
    """The student deletes their data: /deleteme and the confirming tap."""
    who = chat.user(student, name, "ht")
    await chat.send(who, "/deleteme")
    await chat.tap(who, "dl:yes")


async def answered_then_deleted(chat: Chat) -> tuple[dict[str, Any], int]:
    """The mother of Woodly and Nadia had an answer about Woodly; then Woodly deleted their
    data and everyone was told. The mother, and that answer (to reply to)."""
    mother = await shared_phone(chat)
    old_answer = await answered(chat, mother, WOODLY, rivera(chat))
    await delete(chat, WOODLY, "Woodly")
    await chat.deliver()
    return mother, old_answer


async def unlink_first(chat: Chat, teacher: dict[str, Any]) -> None:
    """The teacher unlinks the first family member /families lists (and confirms)."""
    listing = await chat.send(teacher, "/families")
    unlink = next(data for _, data in buttons(listing)
                  if data.startswith(f"{callbacks.UNLINK}:"))
    await chat.tap(teacher, f"{unlink}:yes")


async def practising(chat: Chat, lang: str, name: str) -> dict:
    """The child has answered "prey" and "habitat" once (being practised) and read the card of
    "predator" (new); a parent reading `lang` is linked."""
    enrol_student(chat.db, START, CHILD, name, lang, 2)
    words = {w.word.term: w for w in pack_words(chat.db, "science.ecosystems")}
    read = [words[t] for t in ("prey", "habitat", "predator")]
    learners.introduce(chat.db, learners.learner(chat.db, CHILD), read, START)
    learners.cards_shown(chat.db, CHILD, [w.id for w in read], START)
    for term in ("prey", "habitat"):
        chat.db.execute("UPDATE mastery SET attempts = 1 WHERE word_id = ?", [words[term].id])
    parent = chat.user(PARENT, "Aabe", lang)
    await link(chat, rivera(chat), name, parent)
    await chat.deliver()
    return parent
