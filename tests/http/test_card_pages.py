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
    first = await ana.wait_for("📘 Palabras nuevas: 5", STEP)

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


async def test_a_double_tap_on_next_turns_the_card_once_with_no_error(
        standin: StandIn, puente: Puente) -> None:
    teacher, ana = standin.user(9101, "Rivera", "en"), standin.user(9202, "Ana", "es")
    code = await become_teacher_with_class(standin, teacher, "Science 7B")
    await join_class(ana, code, "es")
    first = await ana.wait_for("📘 Palabras nuevas: 5", STEP)
    messages = len(ana.received())
    ana.tap("Siguiente ▶ 2/5")
    ana.tap("Siguiente ▶ 2/5")  # again, before the first tap's edit reaches her phone
    await standin.wait_for(lambda: standin.stats.refused, STEP, "the second tap's edit")
    await standin.quiet(1.0)
    shown = next(m for m in ana.screen() if m["message_id"] == first.message_id)
    assert "📘" not in shown["text"]  # the second card
    edits = [s for s in ana.received(edits=True) if s.is_edit and s.message_id == first.message_id]
    assert len(edits) == 1  # Telegram refused the second, identical edit ...
    assert [why for _, _, why in standin.stats.refused] == [
        "Bad Request: message is not modified: specified new message content and reply markup "
        "are exactly the same as a current content and reply markup of the message"]
    assert len(ana.received()) == messages  # ... and Puente took that as done: nothing sent
    assert "Traceback" not in puente.output() and "failed" not in puente.output()
