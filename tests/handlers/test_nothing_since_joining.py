"""A student who does nothing after joining (teacher playtest, grade 7 science): the card sent
on Puente's own move right after the placement is delivered, not read, so /report names him
near the top as having done nothing since joining, and his daily reminder backs off."""

from __future__ import annotations

from datetime import timedelta

from bot.presentation import callbacks
from bot.store import study
from tests.harness import TEACHER_ID, Chat, buttons, is_next, texts


def okafor(chat: Chat) -> dict:
    return chat.user(TEACHER_ID, "Okafor", "en")


async def placed_at_level_one(chat: Chat, user: dict) -> list:
    """Join, confirm Vietnamese, and end the placement with "I don't know" (level 1): the
    first card of the words comes right after, unasked."""
    await chat.send(user, "/start JOINcode_123")
    await chat.tap(user, callbacks.data(callbacks.LANGUAGE, "vi"))
    return await chat.tap(user, "pl:0:4")  # 🤷 on the first question: level 1, cards follow


async def test_the_card_sent_after_the_placement_is_not_read_until_he_taps_it(
        chat: Chat) -> None:
    minh = chat.user(1001, "Minh", "vi")
    calls = await placed_at_level_one(chat, minh)
    assert any(is_next(label) for label, _ in buttons(calls))  # the first card, with Next
    assert study.shown_before(chat.db, 1001, chat.clock() + timedelta(seconds=1)) == set()
    report = texts(await chat.send(okafor(chat), "/report"))
    assert "📖 Reads the cards" not in report
    assert "🚫 Nothing done since joining (no card opened, no answer): Minh (joined today)" \
        in report

    next_data = next(data for label, data in buttons(calls) if is_next(label))
    await chat.tap(minh, next_data)  # he turns to card 2: card 1 was on screen, both are read
    assert len(study.shown_before(chat.db, 1001, chat.clock() + timedelta(seconds=1))) == 2
