"""A /push with a misspelt word or pack name answers "did you mean" with a ✅ button that runs
the push with the suggestion (playtest: a teacher retyped the whole /push to fix one letter).
The button carries a token only, checked on the tap: an old, spent or forged one says so
kindly and sends nothing."""

from __future__ import annotations

from typing import Any

from bot.presentation import callbacks
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, texts

STALE = "That button is old or not meant for this chat, so nothing changed."


def teacher(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def a_class_of_one(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(1001, "Ana", "es"), "es")


async def test_a_misspelt_word_gets_a_button_that_pushes_the_pack_word(chat: Chat) -> None:
    await a_class_of_one(chat)
    said = await chat.send(teacher(chat), "/push science.ecosystems Predatr, prey")
    assert "• predatr (did you mean predator?)" in texts(said)
    [(label, data)] = [b for b in buttons(said) if b[1].startswith(callbacks.PUSH_FIX)]
    assert label == "✅ predator"
    assert chat.db["pushes"].count == 0
    sent = texts(await chat.tap(teacher(chat), data))
    assert "Sending 2 words to 1 student of <b>Science 7B</b>" in sent, sent
    assert chat.db["pushes"].count == 1
    assert STALE in texts(await chat.tap(teacher(chat), data))  # spent: it pushes once
    assert chat.db["pushes"].count == 1


async def test_a_misspelt_pack_gets_a_button_per_pack_it_may_mean(chat: Chat) -> None:
    await a_class_of_one(chat)
    said = await chat.send(teacher(chat), "/push sience.ecosystems predator to Science 7B")
    assert "Did you mean science.ecosystems?" in texts(said)
    [(label, data)] = [b for b in buttons(said) if b[1].startswith(callbacks.PUSH_FIX)]
    assert label == "✅ science.ecosystems"
    sent = texts(await chat.tap(teacher(chat), data))
    assert "Sending 1 word to 1 student of <b>Science 7B</b>" in sent, sent
    assert chat.db["pushes"].count == 1


async def test_no_button_when_a_word_has_no_close_pack_word(chat: Chat) -> None:
    said = await chat.send(teacher(chat), "/push science.ecosystems predatr zzzq")
    assert "did you mean predator?" in texts(said)
    assert not [b for b in buttons(said) if b[1].startswith(callbacks.PUSH_FIX)]


async def test_an_old_or_forged_button_pushes_nothing_and_says_so(chat: Chat) -> None:
    await a_class_of_one(chat)
    said = await chat.send(teacher(chat), "/push science.ecosystems predatr")
    [(_, data)] = [b for b in buttons(said) if b[1].startswith(callbacks.PUSH_FIX)]
    token = data.split(":")[1]
    for forged in (f"{callbacks.PUSH_FIX}:{token}:7", f"{callbacks.PUSH_FIX}:AAAAAAAA:0",
                   f"{callbacks.PUSH_FIX}:{token}"):
        assert STALE in texts(await chat.tap(teacher(chat), forged)), forged
    assert chat.db["pushes"].count == 0
    said = await chat.send(teacher(chat), "/push science.ecosystems predatr")
    [(_, data)] = [b for b in buttons(said) if b[1].startswith(callbacks.PUSH_FIX)]
    chat.clock.advance(minutes=11)  # held minutes, not for ever
    assert STALE in texts(await chat.tap(teacher(chat), data))
    student = chat.user(1001, "Ana", "es")  # another person's tap on it: not theirs
    said = await chat.send(teacher(chat), "/push science.ecosystems predatr")
    [(_, data)] = [b for b in buttons(said) if b[1].startswith(callbacks.PUSH_FIX)]
    await chat.tap(student, data)
    assert chat.db["pushes"].count == 0
