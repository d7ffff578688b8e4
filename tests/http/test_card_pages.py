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
    first = await ana.wait_for("📘 Tus 5 palabras nuevas", STEP)

    def card() -> str:
        """The card message as Ana sees it now."""
        return next(m.get("text", "") for m in ana.screen()
                    if m["message_id"] == first.message_id)

    ana.tap("Siguiente ▶ 2/5")
    await standin.wait_for(lambda: "📘" not in card(), STEP, "the second card")
    second = card()
    assert "Siguiente ▶ 3/5" in [label for label, _ in ana.received(edits=True)[-1].buttons]
    ana.tap("◀")
    await standin.wait_for(lambda: card() == first.text, STEP, "the first card again")
    assert second != first.text
    assert sum("📘" in m.get("text", "") for m in ana.screen()) == 1  # edits, nothing new
    assert standin.stats.errors.get(400, 0) == 0, standin.stats.refused
