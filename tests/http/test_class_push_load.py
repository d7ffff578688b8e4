"""A push to a whole class stays under Telegram's 30 messages/s: nobody gets a 429 or a copy."""

from __future__ import annotations

import asyncio

import pytest

from bot.standin import StandIn
from tests.journey import STEP, become_teacher_with_class, join_class
from tests.live import Puente

pytestmark = pytest.mark.live

CLASS_SIZE = 40


@pytest.mark.parametrize("puente", ["polling"], indirect=True)
async def test_push_to_40_students_is_paced_and_reaches_each_once(standin: StandIn,
                                                                   puente: Puente) -> None:
    teacher = standin.user(9100, "Rivera", "en")
    students = [standin.user(9500 + n, f"S{n}", "es") for n in range(CLASS_SIZE)]
    code = await become_teacher_with_class(standin, teacher, "Science 7B")
    # The bell rings: everyone joins at once (placement left for later, to keep this short).
    await asyncio.gather(*(join_class(s, code, "es", place=False) for s in students))
    await standin.quiet()
    mark, refused = len(standin.sent()), len(standin.stats.refused)
    teacher.say("/push science.ecosystems habitat")
    report = await teacher.wait_for("Push finished", 2 * STEP)
    assert f"delivered to Telegram for {CLASS_SIZE} students" in report.text
    assert "0 blocked the bot, 0 could not be reached" in report.text
    await standin.quiet(1.0)
    previews = [s for s in standin.sent()[mark:] if "habitat" in s.text and "📘" in s.text]
    assert sorted(s.chat_id for s in previews) == sorted(s.id for s in students)
    busiest = max(sum(1 for p in previews if start <= p.at < start + 1) for start in
                  (p.at for p in previews))
    assert busiest <= 30, f"{busiest} previews within one second"
    assert standin.stats.refused[refused:] == []  # no 429 (nor anything else) during the push
