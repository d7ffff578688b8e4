"""A child who types one of their words in their home language outside a check ("ugaarsade")
is answered with the English word, not with the commands and an offer to tell the teacher."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.presentation import callbacks
from bot.store.packs import pack_words
from tests.harness import Chat, buttons, join_and_confirm, texts, voices, with_speech


async def somali_student(chat: Chat) -> dict[str, Any]:
    abdi = chat.user(lang="so", name="Abdi")
    await join_and_confirm(chat, abdi, "so")
    return abdi


def word_id(chat: Chat, term: str) -> int:
    return next(w.id for w in pack_words(chat.db, "science.ecosystems") if w.word.term == term)


async def test_a_gloss_typed_outside_a_check_is_answered_with_the_english_word_and_its_sound(
        chat: Chat, tmp_path: Path) -> None:
    abdi = await somali_student(with_speech(chat, tmp_path / "clips"))
    reply = await chat.send(abdi, "ugaarsade")
    assert texts(reply) == ("ugaarsade = <b>predator</b>\n"
                            "👆 Kaasi waa erayga Ingiriisiga. /words ayaa ku tusaya dhammaan "
                            "erayadaada.\n👆 That is the word in English. /words shows all your "
                            "words.")
    listen = callbacks.data(callbacks.AUDIO, word_id(chat, "predator"))
    assert buttons(reply) == [("🔊 predator", listen)]  # and no "send this to the teacher"
    note = voices(await chat.tap(abdi, listen))
    assert len(note) == 1 and "predator" in note[0].text


async def test_without_speech_the_english_word_comes_without_a_button(chat: Chat) -> None:
    abdi = await somali_student(chat)
    reply = await chat.send(abdi, "Noole")
    assert texts(reply).startswith("noole = <b>organism</b>\n")
    assert buttons(reply) == []


async def test_a_short_text_that_is_no_gloss_still_offers_to_reach_the_teacher(
        chat: Chat) -> None:
    abdi = await somali_student(chat)
    reply = await chat.send(abdi, "macallin ma i caawin kartaa")
    assert "/words" in texts(reply) and "=" not in texts(reply)
    assert [label for label, _ in buttons(reply)] == ["✉️ U dir tan macallinka", "Ha dirin"]
