"""One card a message over real HTTP: `puente run` turns the card in place with Next and ◀."""

from __future__ import annotations

import pytest

from bot.presentation import callbacks
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
    ana.tap("◀ Anterior 1/5")
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


async def test_check_points_to_the_cards_on_screen_and_sends_them_again_once_deleted(
        standin: StandIn, puente: Puente) -> None:
    teacher, ana = standin.user(9102, "Rivera", "en"), standin.user(9203, "Ana", "es")
    code = await become_teacher_with_class(standin, teacher, "Science 7B")
    await join_class(ana, code, "es", place=False)
    await standin.wait_for(
        lambda: any(d == "pl:0:4" for s in ana.received() for _, d in s.buttons), STEP,
        "the first placement question")
    ana.tap("pl:0:4")  # "I don't know": level 1
    first = await ana.wait_for("📘 Palabras nuevas: 3", STEP)  # card 1 of 3; Next never tapped
    for _ in range(2):
        before = len(ana.received())
        ana.say("/check")
        line = await ana.wait_for("👆", STEP, after=before, edits=False)
        assert line.message["reply_to_message"]["message_id"] == first.message_id
        await standin.quiet(1.0)
        assert len(ana.received()) == before + 1  # that line alone: no card sent again
    ana.delete(first.message_id)  # she clears her chat
    before = len(ana.received())
    ana.say("/check")
    # the three cards again: the first, sent on Puente's own move after the placement, was
    # on her screen but never tapped, so it is not read either (a delivered card is not read)
    again = await ana.wait_for("📘 Palabras nuevas: 3", STEP, after=before, edits=False)
    assert "reply_to_message" not in again.message
    # nothing to check but them: one line says why, at every level (a level-5 student's
    # cards came back with no word, playtest), over the first card, in its message
    assert ana.received()[before] is again
    assert again.text.split("\n\n")[0].endswith("📘 First, read your new cards. Then tap ✅ "
                                                 "for your check.")
    assert "Siguiente ▶ 2/3" in [label for label, _ in again.buttons]
    assert [why for _, _, why in standin.stats.refused] == [
        "Bad Request: message to be replied not found"]


async def test_a_double_tap_on_check_under_the_last_card_asks_the_first_question_once(
        standin: StandIn, puente: Puente) -> None:
    teacher, ana = standin.user(9103, "Rivera", "en"), standin.user(9204, "Ana", "es")
    code = await become_teacher_with_class(standin, teacher, "Science 7B")
    await join_class(ana, code, "es", place=False)
    await standin.wait_for(
        lambda: any(d == "pl:0:4" for s in ana.received() for _, d in s.buttons), STEP,
        "the first placement question")
    ana.tap("pl:0:4")  # "I don't know": level 1, one card a message
    first = await ana.wait_for("📘 Palabras nuevas: 3", STEP)

    def buttons() -> list[str]:
        """The callback data under the card message, as Ana sees it now."""
        card = next(m for m in ana.screen() if m["message_id"] == first.message_id)
        rows = (card.get("reply_markup") or {}).get("inline_keyboard", [])
        return [b.get("callback_data", "") for row in rows for b in row]

    for page in (2, 3):
        shown = buttons()
        ana.tap(f"Siguiente ▶ {page}/3")
        await standin.wait_for(lambda shown=shown: buttons() != shown, STEP, f"card {page}")
    assert callbacks.CHECK in buttons()  # the last card: ✅ Ponme a prueba
    answers = len(standin.world.query_answers)
    before = len(ana.received())
    ana.tap(callbacks.CHECK)
    ana.tap(callbacks.CHECK)  # again, before the first question reaches her phone
    await ana.wait_for("1/3", STEP, after=before, edits=False)
    await standin.quiet(1.0)
    assert len(ana.received()) == before + 1  # question 1, once
    toasts = [a.get("text") for a in list(standin.world.query_answers.values())[answers:]]
    assert sorted(str(t) for t in toasts) == ["None", "👇 Tu pregunta te espera más abajo."]
    assert "Traceback" not in puente.output() and "failed" not in puente.output()
