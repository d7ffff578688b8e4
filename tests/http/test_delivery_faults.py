"""Pushes through Telegram's failures: blocked users, 429s, server errors, lost answers."""

from __future__ import annotations

import asyncio

import pytest

from bot.standin import Person, StandIn
from tests.journey import STEP, become_teacher_with_class, join_class
from tests.live import Puente

pytestmark = pytest.mark.live

POLLING = pytest.mark.parametrize("puente", ["polling"], indirect=True)
RETRY = 30.0  # the deliverer waits 15 s before it retries a send that failed


async def _class_of(standin: StandIn, size: int) -> tuple[Person, list[Person]]:
    teacher = standin.user(9100, "Rivera", "en")
    students = [standin.user(9400 + n, f"S{n}", "es") for n in range(size)]
    code = await become_teacher_with_class(standin, teacher, "Science 7B")
    await asyncio.gather(*(join_class(s, code, "es") for s in students))
    await standin.quiet()
    return teacher, students


def _previews(student: Person) -> int:
    return sum("habitat" in s.text and "📘" in s.text for s in student.received())


@POLLING
async def test_push_honours_429_and_skips_a_blocked_student(standin: StandIn,
                                                            puente: Puente) -> None:
    teacher, (ok, busy, gone) = await _class_of(standin, 3)
    standin.fail(busy.id, 429, times=1)
    standin.block(gone.id)
    teacher.say("/push science.ecosystems habitat")
    report = await teacher.wait_for("Push finished", STEP)
    assert "delivered to Telegram for 2 students" in report.text
    assert "1 blocked the bot, 0 could not be reached" in report.text
    await standin.quiet(1.0)
    assert [_previews(s) for s in (ok, busy, gone)] == [1, 1, 0]
    assert standin.stats.errors[429] == 1 and standin.stats.errors[403] >= 1


@POLLING
async def test_server_error_is_retried_and_a_lost_answer_is_the_one_duplicate_window(
        standin: StandIn, puente: Puente) -> None:
    teacher, (fine, flaky, lost) = await _class_of(standin, 3)
    standin.fail(flaky.id, 500, times=1)
    standin.drop(lost.id)  # Telegram shows the preview; the bot never hears back
    teacher.say("/push science.ecosystems habitat")
    report = await teacher.wait_for("Push finished", RETRY)
    assert "delivered to Telegram for 3 students" in report.text
    assert "0 blocked the bot, 0 could not be reached" in report.text
    await standin.quiet(1.0)
    assert (_previews(fine), _previews(flaky)) == (1, 1)
    # Telegram has no idempotency key: a retry after a lost answer shows the preview again.
    assert 1 <= _previews(lost) <= 2
    assert standin.stats.dropped == 1 and standin.stats.errors[500] == 1
