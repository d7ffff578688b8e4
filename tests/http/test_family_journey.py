"""A family connects through the teacher's /family link and reads the week (polling, webhook)."""

from __future__ import annotations

import pytest

from bot.standin import StandIn
from tests.journey import STEP, become_teacher_with_class, join_class, start_code
from tests.live import Puente

pytestmark = pytest.mark.live


async def test_family_link_connects_a_parent_who_reads_the_week(standin: StandIn,
                                                                puente: Puente) -> None:
    teacher = standin.user(9100, "Rivera", "en")
    ana = standin.user(9201, "Ana", "es")
    mother = standin.user(9301, "Lucía", "es")
    code = await become_teacher_with_class(standin, teacher, "Science 7B")
    await join_class(ana, code, "es")

    teacher.say("/family Ana")
    link = await teacher.wait_for("Send this link to Ana's family", STEP)
    payload = start_code(link)
    invitation = await teacher.wait_for("¡Hola! El maestro o la maestra de Ana", STEP)  # forwarded
    assert payload in invitation.text
    await teacher.wait_for("Escanee para conectarse", STEP)  # the QR code's caption
    mother.say(f"/start {payload}")
    await mother.wait_for("You are now connected to Ana's learning", STEP)
    mother.tap("fa:es")
    await mother.wait_for("You will get a short weekly update", STEP)
    mother.say("/now")
    week = await mother.wait_for("📬", STEP)  # this week's update, on demand
    assert "Ana" in week.text

    teacher.say("/families")  # the teacher writes first (playtest M5)
    listing = await teacher.wait_for("Ana #1 · Spanish", STEP)
    teacher.tap(next(d for _, d in listing.buttons if d.startswith("fw:")))
    await teacher.wait_for("Type your message to Lucía of Ana's family", STEP)
    teacher.say("Ana read aloud to the class today.")
    # no translation model here: Puente asks before English goes to a Spanish reader
    held = await teacher.wait_for("This goes to Ana's family in English", STEP)
    teacher.tap(next(d for _, d in held.buttons if d.startswith("ah:w:")))
    await teacher.wait_for("Your message about Ana", STEP)
    written = await mother.wait_for("Un mensaje del maestro o la maestra de Ana", STEP)
    assert "Ana read aloud to the class today." in written.text
    assert standin.stats.errors.get(400, 0) == 0, standin.stats.refused
