"""A teacher hears once, and truly, of a family member's language that reaches them without
English: a change and its "↩️ Back to …" in the same minutes leave one note (the language
kept), an undo back to what the teacher was told leaves none, a real change is told, and the
note comes before anything the family member writes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.config import TranslationConfig
from bot.presentation import callbacks
from bot.translation.translator import Translator, engine_for
from tests.harness import TEACHER_ID, Chat, join_and_confirm, texts

MOTHER = 2001
SOMALI = ("ℹ️ A family member of <b>Ana</b> chose Somali. No machine translation model "
          "exists for Somali (none to install), so their messages reach you as they write "
          "them, without English, and your answers reach them as you write them. The school's "
          "interpreters can help.")
CREOLE = SOMALI.replace("Somali", "Haitian Creole")


@pytest.fixture(autouse=True)
def no_models(chat: Chat, tmp_path: Path) -> None:
    """Translation on, with no model at all: every language but English needs a note."""
    models = tmp_path / "models"
    chat.app.bot_data.services.translator = Translator(
        chat.db, TranslationConfig(True, models), engine=engine_for(models), clock=chat.clock)


async def linked_mother(chat: Chat) -> dict[str, Any]:
    await join_and_confirm(chat, chat.user(lang="es"))
    link = texts(await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/family Ana"))
    mom = chat.user(MOTHER, "Hodan", "so")
    await chat.send(mom, f"/start {link.split('?start=')[1].split()[0]}")
    # the teacher hears of the new link in a moment ("choosing a language now", as she chose
    # none within it)
    chat.clock.advance(minutes=3)
    assert [c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID] == [
        "👪 Hodan linked to Ana's family updates (choosing a language now)"]
    return mom


async def choose(chat: Chat, mom: dict[str, Any], code: str, undo: bool = False) -> None:
    args = (code, callbacks.UNDO) if undo else (code,)
    if undo:
        await chat.tap(mom, callbacks.data(callbacks.FAMILY_LANG, *args))
    else:  # from a fresh /language menu, as she would
        await chat.send(mom, "/language")
        await chat.tap(mom, callbacks.data(callbacks.FAMILY_LANG, *args))


async def teacher_notes(chat: Chat, minutes: float = 3) -> list[str]:
    """What the teacher receives once the note's moment has passed."""
    chat.clock.advance(minutes=minutes)
    return [c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID]


async def test_a_change_and_its_undo_leave_the_teacher_one_note_about_the_kept_language(
        chat: Chat) -> None:
    mom = await linked_mother(chat)
    await choose(chat, mom, "so")
    await choose(chat, mom, "ht")  # a wrong tap...
    assert not await teacher_notes(chat, minutes=0.5)  # nothing yet: she may change her mind
    await choose(chat, mom, "so", undo=True)  # ...undone with "↩️ Back to Soomaali"
    assert await teacher_notes(chat) == [SOMALI]
    assert not await teacher_notes(chat, minutes=60)


async def test_an_undo_back_to_what_the_teacher_was_told_tells_nothing_more(
        chat: Chat) -> None:
    mom = await linked_mother(chat)
    await choose(chat, mom, "so")
    assert await teacher_notes(chat) == [SOMALI]
    await choose(chat, mom, "ht")
    await choose(chat, mom, "so", undo=True)
    assert not await teacher_notes(chat, minutes=60)


async def test_a_real_change_is_told_once_and_a_change_to_english_withdraws_the_note(
        chat: Chat) -> None:
    mom = await linked_mother(chat)
    await choose(chat, mom, "so")
    assert await teacher_notes(chat) == [SOMALI]
    await choose(chat, mom, "ht")
    assert await teacher_notes(chat) == [CREOLE]
    await choose(chat, mom, "so")  # days later, back: the teacher was told Creole last
    await choose(chat, mom, "en")  # ...and then English, which needs no note
    assert not await teacher_notes(chat, minutes=60)


async def test_the_note_comes_before_the_family_members_first_message(chat: Chat) -> None:
    mom = await linked_mother(chat)
    await choose(chat, mom, "so")
    await chat.send(mom, "/ask Macallin, sidee buu Ana u socdaa?")
    told = [c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert len(told) == 2 and told[0] == SOMALI and "sidee buu Ana" in told[1]


async def test_a_change_made_at_night_is_told_once_in_the_morning(chat: Chat) -> None:
    mom = await linked_mother(chat)
    chat.clock.advance(hours=10)  # 21:00 in New York: the teacher's quiet hours
    await choose(chat, mom, "so")
    assert not await teacher_notes(chat, minutes=30)
    await choose(chat, mom, "ht")
    assert await teacher_notes(chat, minutes=11 * 60) == [CREOLE]


async def test_another_familys_message_does_not_wait_behind_a_booked_note(chat: Chat) -> None:
    mom = await linked_mother(chat)
    link = texts(await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/family Ana"))
    dad = chat.user(2002, "Luis", "es")
    await chat.send(dad, f"/start {link.split('?start=')[1].split()[0]}")
    await chat.tap(dad, callbacks.data(callbacks.FAMILY_LANG, "en"))
    await chat.deliver()  # the teacher and the mother hear of his link at once
    await choose(chat, mom, "so")
    await chat.send(dad, "/ask Hello, how is Ana doing?")
    told = [c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert len(told) == 1 and "how is Ana doing?" in told[0]
    assert await teacher_notes(chat) == [SOMALI]
