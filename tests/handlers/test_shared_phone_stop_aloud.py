"""A stray /stop on a phone the child and the family share asks first, "⏸ Stop the weekly
family updates about Widlene on this phone?", and that question had no 🔊 while every other
question there has one: the grandmother who shares the phone cannot read (playtest: Widlene,
8, and her grandmother Mirlande, Haitian Creole). Where no voice speaks the phone's language
there is no 🔊, and a 🔊 tapped anyway (an older button) says so plainly, in writing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.presentation import callbacks
from bot.services import family
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, texts, voices, with_speech

WIDLENE = 1001
STOP_QUESTION = "⏸ Kanpe nouvèl chak semèn pou fanmi an sou Widlene sou telefòn sa a?"


async def shared(chat: Chat, lang: str) -> dict[str, Any]:
    """Widlene joins at WIDA 1, opens her family's link and taps ✅ Family updates here too."""
    widlene = chat.user(WIDLENE, "Widlene", lang)
    await join_and_confirm(chat, widlene, lang=lang, level=1)
    made = texts(await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/family Widlene"))
    await chat.send(widlene, f"/start {made.split('?start=')[1].split()[0]}")
    [(_, here)] = [b for b in buttons(chat.api.calls[-1:]) if b[1].startswith("fo:")]
    await chat.tap(widlene, here)
    await chat.deliver()
    return widlene


async def test_the_stop_question_has_a_speaker_button_that_says_it(
        chat: Chat, tmp_path: Path) -> None:
    widlene = await shared(with_speech(chat, tmp_path / "clips"), "ht")
    asked = await chat.send(widlene, "/stop")
    assert texts(asked).startswith(STOP_QUESTION)
    labels = [label for label, _ in buttons(asked)]
    assert labels == ["⏸ Kanpe nouvèl yo", "🔊 Koute"]
    [hear] = [data for label, data in buttons(asked) if label.startswith("🔊")]
    assert hear == callbacks.data(callbacks.SAY_ALOUD, "stop")
    notes = voices(await chat.tap(widlene, hear))
    assert len(notes) == 1 and str(notes[0].params["caption"]).startswith(STOP_QUESTION)
    [child] = family.linked_children(chat.db, WIDLENE)
    assert child.updates_on  # hearing the question stops nothing


async def test_no_speaker_button_where_no_voice_speaks_the_language(
        chat: Chat, tmp_path: Path) -> None:
    hodan = await shared(with_speech(chat, tmp_path / "clips"), "so")  # no Somali voice
    asked = await chat.send(hodan, "/stop")
    assert [label for label, _ in buttons(asked)] == ["⏸ Jooji warbixinnada"]


async def test_a_speaker_tap_with_no_voice_says_so_in_writing(
        chat: Chat, tmp_path: Path) -> None:
    hodan = await shared(with_speech(chat, tmp_path / "clips"), "so")
    await chat.send(hodan, "/stop")
    heard = await chat.process(chat.factory.tap(hodan, callbacks.data(callbacks.SAY_ALOUD,
                                                                      "stop")))
    assert voices(heard) == []
    assert texts(heard).strip().startswith("Weli ma jiro cod")
