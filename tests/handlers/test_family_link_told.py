"""A family link forwarded beyond the family (playtest: a parents' group): each new link is told
at once to the child's teacher, with an Unlink button, and to every family member linked
before, in their language; first names only."""

from __future__ import annotations

from typing import Any

from bot.presentation import callbacks
from tests.clock import START
from tests.harness import TEACHER_ID, Chat, enrol_student, texts

MOTHER, STRANGER = 2001, 2003


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def open_link(chat: Chat, person: dict[str, Any], payload: str) -> None:
    await chat.send(person, f"/start {payload}")
    await chat.tap(person, callbacks.data(callbacks.FAMILY_LANG, person["language_code"]))


async def link_payload(chat: Chat) -> str:
    made = texts(await chat.send(rivera(chat), "/family Woodly"))
    return made.split("?start=")[1].split()[0]


def sent_to(calls: list, user_id: int) -> str:
    return texts([c for c in calls if c.chat_id == user_id])


async def test_a_second_parent_on_a_forwarded_link_is_told_to_teacher_and_family(
        chat: Chat) -> None:
    enrol_student(chat.db, START, 1001, "Woodly", "ht")
    payload = await link_payload(chat)
    mother = chat.user(MOTHER, "Marie-Ange", "ht")
    await open_link(chat, mother, payload)
    first = await chat.deliver()
    assert "👪 Marie-Ange linked to Woodly's family updates (Haitian Creole)" \
        in sent_to(first, TEACHER_ID)
    assert not sent_to(first, MOTHER)  # nobody was linked before her: nobody else to tell
    stranger = chat.user(STRANGER, "Cabdi", "so")
    await open_link(chat, stranger, payload)
    calls = await chat.deliver()
    note = next(c for c in calls if c.chat_id == TEACHER_ID)
    assert note.text == "👪 Cabdi linked to Woodly's family updates (Somali)"
    assert sent_to(calls, MOTHER) == ("Cabdi ap resevwa nouvèl Woodly yo tou kounye a. Si ou "
                                      "pa konnen moun sa a, di pwofesè a.")
    assert not sent_to(calls, STRANGER)  # the new member is not told about themselves
    [(label, data)] = note.buttons
    assert label == "Unlink"
    # the /families Unlink: asks first, then unlinks the stranger alone
    asked = await chat.tap(rivera(chat), data)
    assert "Unlink this family member from Woodly?" in texts(asked)
    await chat.tap(rivera(chat), f"{data}:yes")
    assert [r["telegram_id"] for r in chat.db["families"].rows] == [MOTHER]


async def test_a_forged_unlink_on_another_teachers_student_unlinks_nobody(chat: Chat) -> None:
    enrol_student(chat.db, START, 1001, "Woodly", "ht")
    await open_link(chat, chat.user(MOTHER, "Marie-Ange", "ht"), await link_payload(chat))
    calls = await chat.deliver()
    [(_, data)] = next(c for c in calls if c.chat_id == TEACHER_ID).buttons
    other = chat.user(9555, "Smith", "en")
    await chat.send(other, "/teach TEACH-CODE-2026")
    await chat.tap_on(other, data, 1)
    await chat.tap_on(other, f"{data}:yes", 1)
    assert chat.db["families"].count == 1
