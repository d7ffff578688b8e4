"""A quick second text after a typed answer, over HTTP (polling and webhook): the stand-in
numbers a private chat's messages with one sequence for both sides, as Telegram does, so the
text sent before the next question is not graded against it (answers.SentBefore)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.standin import StandIn
from tests.journey import STEP, answer_check, become_teacher_with_class, join_class
from tests.live import Puente

pytestmark = pytest.mark.live

CORRECTION = "window"  # no pack's word: graded, it would be a miss with this text kept
BEFORE = "That message came before this question"


async def test_a_correction_sent_at_once_is_no_answer_to_the_next_question(
        standin: StandIn, puente: Puente, tmp_path: Path) -> None:
    teacher = standin.user(9100, "Rivera", "en")
    ana = standin.user(9201, "Ana", "es")
    code = await become_teacher_with_class(standin, teacher, "Science 7B")
    await join_class(ana, code, "es")
    await standin.quiet()
    teacher.say("/level Ana 5")  # recall questions are typed from level 3, most at 5
    await standin.quiet()
    teacher.say("/push science.ecosystems habitat, food chain, predator")
    await teacher.wait_for("Push finished", STEP)
    await standin.quiet(0.5)
    assert "Check finished" in await answer_check(ana, then=CORRECTION)
    await standin.quiet(1.0)
    told = [s for s in ana.received() if BEFORE in s.text]
    assert told, "no typed question was followed by another in this check"
    corrections = [m["message_id"] for (chat, _), m in standin.world.messages.items()
                   if chat == ana.id and m.get("text") == CORRECTION]
    for reply in told:  # quoting the question it did not answer, asked after it was sent
        quoted = reply.message["reply_to_message"]
        assert "Question" in (quoted.get("text") or quoted.get("question") or "")
        assert any(sent < quoted["message_id"] for sent in corrections)
    db = sqlite3.connect(f"file:{tmp_path / 'puente.db'}?mode=ro", uri=True)
    graded = db.execute("SELECT count(*) FROM attempts WHERE student_id = ? AND typed = ?",
                        [ana.id, CORRECTION]).fetchone()[0]
    db.close()
    assert graded == 0
