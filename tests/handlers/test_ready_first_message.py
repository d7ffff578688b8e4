"""A Haitian Creole playtest: the teacher wrote first, from /families, to a mother who reads
Kreyòl, which no model here translates into. The only choices were English she could not read
or an announcement to the whole class, though "Widline is doing well" and "please ask her to
open Puente every day" (ready-made replies people wrote in Kreyòl) were what he meant to say.
Now the ready-made first messages are offered before he types and under the "goes in English"
hold: one tap sends people's Kreyòl with the English beneath."""

from __future__ import annotations

from typing import Any

from bot.presentation import callbacks
from tests.families import link
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, reply, texts

MOTHER = 2001


def okafor(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Okafor", "en")


async def kreyol_mother(chat: Chat, lang: str = "ht") -> dict[str, Any]:
    """Widline (Kreyòl, level 1) and her mother, whose phone is in French, reading `lang`."""
    await join_and_confirm(chat, chat.user(1001, "Widline", "ht"), "ht", level=1)
    mother = chat.user(MOTHER, "Joseph", "fr")
    await link(chat, okafor(chat), "Widline", mother, lang)
    await chat.deliver()
    return mother


async def tap_write(chat: Chat) -> list[Any]:
    listing = await chat.send(okafor(chat), "/families")
    write = next(d for label, d in buttons(listing) if label.startswith("✉️ Write: Joseph"))
    return await chat.tap(okafor(chat), write)


def first_messages(calls: list[Any]) -> dict[str, str]:
    return {label: data for label, data in buttons(calls)
            if data.startswith(f"{callbacks.WRITE_READY}:")}


async def test_the_write_prompt_offers_ready_made_messages_she_can_read(chat: Chat) -> None:
    mother = await kreyol_mother(chat)
    asked = await tap_write(chat)
    assert "Or tap a ready-made reply: Puente sends it in Haitian Creole" in texts(asked)
    offered = first_messages(asked)
    # none answers a message she never sent ("Thank you for your message", "feels better")
    assert list(offered) == [
        "💬 Widline is doing well.", "💬 Please ask Widline to open Puente every day.",
        "💬 You can help: ask Widline to show you today's words in Puente and say them "
        "together.", "💬 Please come to school to talk with me.",
        "💬 I will find an interpreter and call you."]
    sent = texts(await chat.tap(okafor(chat), offered["💬 Widline is doing well."])).strip()
    assert sent == ("✅ Sent to Widline's family member in Haitian Creole, the English beneath:\n"
                    "<blockquote>Widline ap fè bon pwogrè.</blockquote>\n"
                    "<blockquote>Widline is doing well.</blockquote>")
    got = [c for c in await chat.deliver() if c.chat_id == MOTHER]
    assert len(got) == 1
    # people's Kreyòl first, the English beneath, and no "the teacher's own words" note
    assert got[0].text.startswith("✉️ Yon mesaj pwofesè a voye sou Widline:\n")
    assert "Widline ap fè bon pwogrè." in got[0].text
    assert got[0].text.index("Widline ap fè bon pwogrè.") < got[0].text.index(
        "Widline is doing well.")
    assert "poko ka tradui" not in got[0].text
    # the teacher's next text is no longer taken as the message: it is a message of its own
    after = texts(await chat.send(okafor(chat), "Hello"))
    assert "⚠️ This goes to Widline's family in English" not in after
    assert [c for c in await chat.deliver() if c.chat_id == MOTHER] == []
    # her Telegram reply to it reaches the teacher, about Widline
    await reply(chat, mother, "Mèsi anpil!", got[0].result_id)
    relayed = [c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert len(relayed) == 1 and "Mèsi anpil!" in relayed[0]
    assert "you wrote first to a family member, in Haitian Creole" in texts(
        await chat.send(okafor(chat), "/thread Widline"))


async def test_a_ready_made_message_instead_of_held_english_drops_the_english(
        chat: Chat) -> None:
    await kreyol_mother(chat)
    await tap_write(chat)
    held = await chat.send(okafor(chat), "Please ask her to practise 10 minutes each evening.")
    assert "⚠️ This goes to Widline's family in English" in texts(held)
    offered = first_messages(held)
    daily = offered["💬 Please ask Widline to open Puente every day."]
    ok = next(d for _, d in buttons(held) if d.endswith(":ok"))
    tapped = await chat.tap(okafor(chat), daily)
    assert "✅ Sent the ready-made reply instead: your own answer was not sent." in texts(tapped)
    # a ✅ on an old screen of the hold sends nothing more: the English went no more
    offer = next(c for c in held if c.buttons)
    assert offer.result_id is not None
    await chat.tap_on(okafor(chat), ok, offer.result_id)
    got = [c.text for c in await chat.deliver() if c.chat_id == MOTHER]
    assert len(got) == 1
    assert "Tanpri mande Widline louvri Puente chak jou." in got[0]
    assert "practise 10 minutes" not in got[0]


async def test_each_ready_made_message_goes_once(chat: Chat) -> None:
    await kreyol_mother(chat)
    well = first_messages(await tap_write(chat))["💬 Widline is doing well."]
    await chat.double_tap(okafor(chat), well)
    assert len([c for c in await chat.deliver() if c.chat_id == MOTHER]) == 1


async def test_no_ready_made_messages_for_a_family_who_reads_english(chat: Chat) -> None:
    await kreyol_mother(chat, "en")
    asked = await tap_write(chat)
    assert first_messages(asked) == {}
    assert "ready-made" not in texts(asked)


async def test_a_forged_ready_made_message_for_another_family_sends_nothing(chat: Chat) -> None:
    await kreyol_mother(chat)
    stranger = chat.user(3003, "Zed", "en")
    await chat.send(stranger, "/start")
    forged = callbacks.data(callbacks.WRITE_READY, MOTHER, "well")
    await chat.tap_on(stranger, forged, 1)
    await chat.tap_on(okafor(chat), callbacks.data(callbacks.WRITE_READY, MOTHER, "sick"), 1)
    assert [c for c in await chat.deliver() if c.chat_id == MOTHER] == []
