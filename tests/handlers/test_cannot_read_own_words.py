"""A family's own words that say they cannot read English (Haitian playtest: "Mwen pa li
angle… Eskè ou ka voye mesaj an kreyòl?", from a mother on a French phone) mark them as the
🔤 "I cannot read this" button does: the message reaches the teacher as before, with what
Puente recognised in it, and the teacher's next English reply waits for a ✅ under "they said
they cannot read English", the ready-made replies first. Ordinary words mark nothing."""

from __future__ import annotations

from typing import Any

from tests.clock import START
from tests.families import link, rivera
from tests.harness import TEACHER_ID, Chat, enrol_student, reply, texts

WIDLENE, MOTHER = 1001, 2001
CANNOT_SAY = ("⚠️ Widlene's family said they cannot read English (they read {language}). Tap "
              "a ready-made reply: it reaches them in {language}. Or find an interpreter.")


async def asked(chat: Chat, member: dict[str, Any], text: str) -> tuple[int, str]:
    """The family member writes to the teacher; the relay's id in the teacher's chat and its
    text."""
    await chat.send(member, f"/ask {text}")
    relay = next(c for c in await chat.deliver() if c.chat_id == TEACHER_ID)
    assert relay.result_id is not None
    return relay.result_id, relay.text


async def linked(chat: Chat, phone: str = "ht") -> dict[str, Any]:
    enrol_student(chat.db, START, WIDLENE, "Widlene", "ht")
    mother = chat.user(MOTHER, "Marie-Ange", phone)
    await link(chat, rivera(chat), "Widlene", mother)
    await chat.deliver()
    return mother


async def test_her_kreyol_words_mark_her_and_the_teachers_english_waits_under_the_warning(
        chat: Chat) -> None:
    mother = await linked(chat)
    relay, text = await asked(chat, mother, "Mwen pa li angle… Eskè ou ka voye mesaj an "
                                            "kreyòl?")
    assert "Mwen pa li angle… Eskè ou ka voye mesaj an kreyòl?" in text  # her words, as sent
    assert "Puente recognised: “I cannot read English”" in text
    offer = await reply(chat, rivera(chat), "Please read page 12.", relay)
    assert offer[-1].text.startswith(CANNOT_SAY.format(language="Haitian Creole"))
    labels = [label for label, _ in offer[-1].buttons]
    assert labels[0] == "💬 I will find an interpreter and call you."
    assert not [c for c in await chat.deliver() if c.chat_id == MOTHER]  # held: nothing went
    # /thread still calls it her own words, written in Kreyòl, not a ready-made message
    thread = texts(await chat.send(rivera(chat), "/thread Widlene"))
    assert "written in Haitian Creole" in thread and "ready-made message" not in thread


async def test_ordinary_words_mark_nothing(chat: Chat) -> None:
    mother = await linked(chat)
    relay, text = await asked(chat, mother, "Widlene pa konprann devwa angle a.")
    assert "Puente recognised" not in text
    offer = await reply(chat, rivera(chat), "Please read page 12.", relay)
    assert offer[-1].text.startswith(
        "⚠️ This goes to Widlene's family in English, exactly as written: they read Haitian "
        "Creole.")
    assert "said they cannot read English" not in texts(offer)


async def test_a_french_phone_writing_kreyol_is_marked_too(chat: Chat) -> None:
    mother = await linked(chat, phone="fr")  # chose French, as her phone is
    relay, _ = await asked(chat, mother, "M pa ka li angle, tanpri ekri m an kreyòl")
    offer = await reply(chat, rivera(chat), "Thank you, see you Monday.", relay)
    assert offer[-1].text.startswith(CANNOT_SAY.format(language="French"))
    # and every later English reply to her, about any of her messages, says it too
    later, _ = await asked(chat, mother, "Mèsi")
    again = await reply(chat, rivera(chat), "You are welcome.", later)
    assert "said they cannot read English" in again[-1].text
