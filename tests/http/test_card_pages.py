"""One card a message over real HTTP: `puente run` turns the card in place with Next and ◀."""

from __future__ import annotations

import pytest

from bot.standin import StandIn
from tests.journey import STEP, become_teacher_with_class, join_class
from tests.live import Puente

pytestmark = pytest.mark.live


async def test_next_and_back_edit_the_one_card_message(standin: StandIn,
                                                       puente: Puente) -> None:
    teacher, ana = standin.user(9100, "Rivera", "en"), standin.user(9201, "Ana", "es")
    code = await become_teacher_with_class(standin, teacher, "Science 7B")
    await join_class(ana, code, "es")  # placed at level 3: one card a message
    card = await ana.wait_for("📘", STEP)
    assert "ecosystem" in card.text and "organism" not in card.text
    ana.tap("Siguiente ▶ 2/5")
    await standin.wait_for(lambda: any("organism" in m.get("text", "")
                                       for m in ana.screen()), STEP, "the second card")
    ana.tap("◀")
    await standin.wait_for(lambda: any("ecosystem" in m.get("text", "") and
                                       "organism" not in m.get("text", "")
                                       for m in ana.screen() if "📘" in m.get("text", "")),
                           STEP, "the first card again")
    cards = [m for m in ana.screen() if "(sustantivo)" in m.get("text", "")]
    assert len(cards) == 1  # every turn edited the one message: nothing new in the chat
    assert standin.stats.errors.get(400, 0) == 0, standin.stats.refused
