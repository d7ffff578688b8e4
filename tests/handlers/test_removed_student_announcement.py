"""An announcement waiting in the outbox (quiet hours) when its teacher removes a student from
the class (defect: it still went to the student and to the student's family): it goes to
neither, and the teacher is told each one that was not sent, and why."""

from __future__ import annotations

from typing import Any

from tests.families import link
from tests.harness import TEACHER_ID, Chat, buttons, enrol_student, join_and_confirm

ANA, BEN, MOTHER = 1001, 1004, 2001


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def link_mother(chat: Chat, child: str) -> None:
    await link(chat, rivera(chat), child, chat.user(MOTHER, "Mamá", "es"))


async def announce_at_night(chat: Chat) -> None:
    """At 21:00 (quiet hours) the teacher announces to families and students: it waits."""
    await chat.deliver()
    chat.clock.advance(hours=10)
    preview = await chat.send(rivera(chat), "/announce Science 7B Field trip on Friday.")
    await chat.tap(rivera(chat), next(d for _, d in buttons(preview) if d.endswith(":s")))
    assert [c for c in await chat.deliver() if c.chat_id != TEACHER_ID] == []


async def remove_ana(chat: Chat) -> None:
    asked = await chat.send(rivera(chat), "/remove Ana")
    await chat.tap(rivera(chat), next(d for _, d in buttons(asked)
                                      if d.startswith("rm:") and d != "rm:no"))


async def test_a_student_removed_before_the_announcement_goes_out_and_her_family_miss_it(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(ANA, "Ana", "es"))
    await link_mother(chat, "Ana")
    await announce_at_night(chat)
    await remove_ana(chat)
    chat.clock.advance(hours=10)  # 07:00
    calls = await chat.deliver()
    assert [c for c in calls if c.chat_id == ANA] == []
    # Ana was in no other class: her mother hears only that her link ended, no announcement
    told = [c.text for c in calls if c.chat_id == MOTHER]
    assert len(told) == 1 and told[0].startswith("ℹ️ Ana ya no está en ninguna clase")
    # Her mother's copy went with her link (its Remove said "1 family link is cancelled"):
    # the teacher hears only of Ana's
    told = sorted(c.text for c in calls if c.chat_id == TEACHER_ID)
    assert told == [
        "📢 Not sent to one student: your announcement to <b>Science 7B</b> (“Field trip on "
        "Friday.”) was still waiting to go out when they were removed from that class, so it "
        "was not delivered to them."]


async def test_a_family_with_another_child_still_in_the_class_still_gets_it(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(ANA, "Ana", "es"))
    enrol_student(chat.db, chat.clock(), BEN, "Ben", "es")
    await link_mother(chat, "Ana")
    await link_mother(chat, "Ben")
    await announce_at_night(chat)
    await remove_ana(chat)
    chat.clock.advance(hours=10)
    calls = await chat.deliver()
    got = sorted(c.chat_id for c in calls if "Field trip" in c.text and c.chat_id != TEACHER_ID)
    assert got == [BEN, MOTHER]  # Ben's mother still has a child in the class; Ana is gone
    told = [c.text for c in calls if c.chat_id == TEACHER_ID and "Not sent" in c.text]
    assert len(told) == 1 and "Not sent to one student" in told[0]  # Ana's, not her mother's
