"""A teacher, two students and a push, through `puente run` over HTTP (polling and webhook)."""

from __future__ import annotations

import asyncio

import pytest

from bot.standin import Sent, StandIn
from tests.journey import STEP, answer_check, become_teacher_with_class, join_class
from tests.live import Puente

pytestmark = pytest.mark.live


async def test_teacher_pushes_a_preview_and_students_answer_checks(standin: StandIn,
                                                                    puente: Puente) -> None:
    teacher = standin.user(9100, "Rivera", "en")
    ana = standin.user(9201, "Ana", "es")
    minh = standin.user(9202, "Minh", "vi")
    code = await become_teacher_with_class(standin, teacher, "Science 7B")
    await asyncio.gather(join_class(ana, code, "es"), join_class(minh, code, "vi"))
    await standin.quiet()  # the first preview after placement is not part of the push

    before = {s.id: len(s.received()) for s in (ana, minh)}
    teacher.say("/push science.ecosystems habitat, food chain")
    await teacher.wait_for("Sending 2 words to 2 students", STEP)
    report = await teacher.wait_for("Push finished", STEP)
    assert "delivered to Telegram for 2 students" in report.text
    assert "0 blocked the bot, 0 could not be reached" in report.text
    await standin.quiet(1.0)  # a second copy would come now, if at all
    for student in (ana, minh):
        previews = [s for s in student.received()[before[student.id]:] if "habitat" in s.text]
        assert len(previews) == 1, f"{student} got the preview {len(previews)} times"
        assert "📘" in previews[0].text
    assert standin.duplicates() == {}

    for student in (ana, minh):
        assert "Check finished" in await answer_check(student)
    mark = len(teacher.received())
    teacher.say("/report")
    await teacher.wait_for("Science 7B", STEP, after=mark)

    def csv_sent() -> Sent | None:
        return next((s for s in teacher.received()[mark:] if s.method == "sendDocument"), None)
    csv = await standin.wait_for(csv_sent, STEP, "the report's CSV")
    rows = standin.world.files[csv.message["document"]["file_id"]].content.decode()
    assert "Ana" in rows and "Minh" in rows
    assert any(s.method == "sendPhoto" for s in teacher.received()[mark:])  # the heatmap
    assert standin.stats.too_many_requests == 0
    assert standin.stats.errors.get(400, 0) == 0, "the bot sent something Telegram refuses"
