"""Network faults while polling and while pushing: nothing lost, nothing stuck, no traceback."""

from __future__ import annotations

import asyncio

import pytest

from bot.standin import StandIn
from tests.journey import become_teacher_with_class, join_class
from tests.live import Puente

pytestmark = pytest.mark.live
POLLING = pytest.mark.parametrize("puente", ["polling"], indirect=True)
RETRY = 90.0  # the first retry waits 15 s; connection errors pause delivery; a busy CI is slow


def previews(standin: StandIn, chat_id: int, since: int) -> int:
    """Previews a student got from the push (messages after the `since`-th the bot sent)."""
    return sum("📘" in s.text and s.chat_id == chat_id for s in standin.sent()[since:])


@POLLING
async def test_refused_connections_while_polling_lose_no_message(standin: StandIn,
                                                                 puente: Puente) -> None:
    ana = standin.user(9301, "Ana", "es")
    await standin.refuse_connections(3.0)  # Telegram unreachable for three seconds
    ana.say("/start")  # queued on Telegram's side meanwhile
    reply = await ana.wait_for("", 30)
    assert reply.text
    assert "Traceback" not in puente.output()


@POLLING
async def test_refused_connections_and_timeouts_mid_push_reach_everyone_once(
        standin: StandIn, puente: Puente) -> None:
    teacher = standin.user(9100, "Rivera", "en")
    students = [standin.user(9600 + n, f"S{n}", "es") for n in range(8)]
    code = await become_teacher_with_class(standin, teacher, "Science 7B")
    await asyncio.gather(*(join_class(s, code, "es") for s in students))
    await standin.quiet()
    standin.hold(students[0].id, 8.0, record=False)  # longer than the client waits
    mark = len(standin.sent())
    teacher.say("/push science.ecosystems habitat")
    await standin.wait_for(lambda: previews(standin, students[1].id, mark) == 1, RETRY)
    await standin.refuse_connections(2.0)
    report = await teacher.wait_for("Push finished", RETRY)
    assert "delivered to Telegram for 8 students" in report.text
    assert "0 blocked the bot, 0 could not be reached" in report.text
    await standin.quiet(1.0)
    assert [previews(standin, s.id, mark) for s in students] == [1] * 8
    assert "Traceback" not in puente.output()
