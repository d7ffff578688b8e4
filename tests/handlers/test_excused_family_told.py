"""Family playtest of excused days: the same "📅 not at school on DAY" sent twice (or by two
family members of the child) reached the teacher twice; and a teacher's ↩️ Not excused left
the family who excused the day believing it still stood. The second note now stays with the
family ("the teacher already knows"), and the family hears when the day counts again."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from bot.presentation import callbacks
from tests.clock import START
from tests.families import link, rivera
from tests.harness import TEACHER_ID, Call, Chat, enrol_student, texts

ANA, MOM, DAD = 1001, 2001, 2002
WED = date(2026, 9, 16)


def mom(chat: Chat) -> dict[str, Any]:
    return chat.user(MOM, "María", "es")


def dad(chat: Chat) -> dict[str, Any]:
    return chat.user(DAD, "Minh", "vi")


async def family(chat: Chat) -> None:
    """Ana in Science 7B; her mother reads Spanish, her father Vietnamese."""
    enrol_student(chat.db, START, ANA, "Ana", "es")
    for member in (mom(chat), dad(chat)):
        await link(chat, rivera(chat), "Ana", member)
    await chat.deliver()  # what the teacher and the mother were told of the links


async def send_note(chat: Chat, member: dict[str, Any], note: str, day: date | None = None
                    ) -> list[Call]:
    """A family member sends a ready-made note about Ana through the list; what they read."""
    await chat.tap(member, callbacks.data(callbacks.FAMILY_NOTE))
    args: tuple[object, ...] = (ANA, note) if day is None else (ANA, note,
                                                                day.strftime("%Y%m%d"))
    return await chat.tap(member, callbacks.data(callbacks.FAMILY_NOTE_SEND, *args))


def to_teacher(calls: list[Call]) -> list[Call]:
    return [c for c in calls if c.chat_id == TEACHER_ID]


async def test_a_day_sent_twice_or_by_both_parents_reaches_the_teacher_once(chat: Chat) -> None:
    await family(chat)
    await send_note(chat, mom(chat), "absent", WED)
    first = to_teacher(await chat.deliver())
    assert len(first) == 1 and "(excused: Wed 16 Sep)" in first[0].text
    again = texts(await send_note(chat, mom(chat), "absent", WED))  # the same note again
    assert "El maestro o la maestra ya sabe que Ana no irá a la escuela el " in again
    assert "The teacher already knows that Ana is away from school on Wed 16 Sep. It was " \
        "not sent again." in again
    assert "va en camino" not in again  # not "your message is on its way"
    said = texts(await send_note(chat, dad(chat), "absent", WED))  # her father, the same day
    assert "Giáo viên đã biết Ana sẽ không đến trường" in said
    assert "The teacher already knows that Ana is away from school on Wed 16 Sep." in said
    assert to_teacher(await chat.deliver()) == []  # the teacher read it once
    assert chat.db.execute("SELECT day, set_by FROM excused_days").fetchall() == [
        ("2026-09-16", MOM)]


async def test_sick_today_sent_twice_reaches_the_teacher_once(chat: Chat) -> None:
    await family(chat)
    chat.clock.now = datetime(2026, 9, 15, 12, tzinfo=START.tzinfo)  # Tuesday, at school
    await send_note(chat, mom(chat), "sick")
    assert len(to_teacher(await chat.deliver())) == 1
    said = texts(await send_note(chat, dad(chat), "sick"))
    assert "The teacher already knows that Ana is away from school on Tue 15 Sep." in said
    assert to_teacher(await chat.deliver()) == []


async def test_a_day_made_a_school_day_again_is_told_to_the_family_and_may_be_sent_again(
        chat: Chat) -> None:
    await family(chat)
    await send_note(chat, mom(chat), "absent", WED)
    relay = to_teacher(await chat.deliver())[0]
    undo = next(data for label, data in relay.buttons if label.startswith("↩️ Not excused"))
    await chat.double_tap(rivera(chat), undo)
    told = await chat.deliver()
    to_mom = texts([c for c in told if c.chat_id == MOM])
    to_dad = texts([c for c in told if c.chat_id == DAD])
    assert to_mom.startswith("📅 El maestro o la maestra marcó el ")
    assert to_mom.endswith("como día de clase para Ana.")  # her language alone
    assert to_dad.startswith("📅 Giáo viên đã ghi ")
    assert "The teacher marked" not in to_mom + to_dad
    assert not to_teacher(told)
    assert len([c for c in told if c.chat_id == MOM]) == 1  # a double tap: told once
    # the family may excuse it again: the teacher hears, as the first time
    await send_note(chat, dad(chat), "absent", WED)
    assert "(excused: Wed 16 Sep)" in to_teacher(await chat.deliver())[0].text
