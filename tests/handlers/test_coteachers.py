"""A co-teacher is never out of sight (grade-3 playtest): Diaz joined Okafor's class with a
/coteach code, removed a student, lowered a level, and Okafor, who created the class, was told
nothing, and no command named Diaz or could take Diaz off the class."""

from __future__ import annotations

from typing import Any

from bot.presentation import callbacks
from bot.store import people
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, texts

DIAZ, LEE, LINH, HODAN = 9050, 9051, 1001, 1002


def owner(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")  # created Science 7B (as "Ms. Rivera")


def diaz(chat: Chat) -> dict[str, Any]:
    return chat.user(DIAZ, "Diaz", "en")


async def co_teaches(chat: Chat, who: dict[str, Any]) -> str:
    """The class's creator makes a /coteach code; `who` uses it. What `who` read."""
    made = texts(await chat.send(owner(chat), "/coteach"))
    code = made.split("/teach ")[1].split("<")[0].strip()
    return texts(await chat.send(who, f"/teach {code}"))


def told(calls: list, user_id: int) -> str:
    return "\n".join(c.text or "" for c in calls if c.chat_id == user_id)


async def test_the_classes_creator_is_told_when_a_co_teacher_joins_with_the_name(
        chat: Chat) -> None:
    assert "co-teach <b>Science 7B</b>" in await co_teaches(chat, diaz(chat))
    note = told(await chat.deliver(), TEACHER_ID)
    assert "👥 Diaz now co-teaches <b>Science 7B</b>" in note
    assert told(await chat.deliver(), DIAZ) == ""  # the one who joined is not told twice


async def test_classes_and_roster_name_every_teacher_of_the_class(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(LINH, "Linh", "vi"), "vi")
    await co_teaches(chat, diaz(chat))
    for teacher in (owner(chat), diaz(chat)):
        listed = texts(await chat.send(teacher, "/classes"))
        assert "👥 Teachers: Ms. Rivera (created the class), Diaz" in listed
        roster = texts(await chat.send(teacher, "/roster Science 7B"))
        assert "👥 Teachers: Ms. Rivera (created the class), Diaz" in roster
        assert "Linh" in roster


async def test_a_class_taught_alone_has_no_teachers_line(chat: Chat) -> None:
    assert "Teachers:" not in texts(await chat.send(owner(chat), "/classes"))


async def test_the_creator_takes_a_co_teacher_off_after_a_confirming_tap(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(LINH, "Linh", "vi"), "vi")
    await co_teaches(chat, diaz(chat))
    await chat.deliver()
    listed = await chat.send(owner(chat), "/coteach")
    assert "👥 Teachers: Ms. Rivera (created the class), Diaz" in texts(listed)
    cross = callbacks.data(callbacks.COTEACHER, chat.db["classes"].get(1)["id"], DIAZ)
    assert ("✖ Diaz", cross) in buttons(listed)
    asked = await chat.tap(owner(chat), cross)
    assert "Take Diaz off <b>Science 7B</b>?" in texts(asked)
    assert [c.name for c in people.teacher_classes(chat.db, DIAZ)] == ["Science 7B"]  # not yet
    done = await chat.tap(owner(chat), cross + ":yes")
    assert "Diaz no longer teaches <b>Science 7B</b>" in texts(done)
    assert people.teacher_classes(chat.db, DIAZ) == []  # at once
    assert "Linh" not in texts(await chat.send(diaz(chat), "/roster Science 7B"))
    note = told(await chat.deliver(), DIAZ)
    assert "Ms. Rivera has taken you off <b>Science 7B</b> as a teacher" in note
    assert "Thank you" in note
    assert "Teachers:" not in texts(await chat.send(owner(chat), "/classes"))


async def test_only_the_creator_sees_and_may_use_the_cross(chat: Chat) -> None:
    await co_teaches(chat, diaz(chat))
    lee = chat.user(LEE, "Lee", "en")
    await co_teaches(chat, lee)
    listed = await chat.send(diaz(chat), "/coteach")
    assert "Diaz, Lee" in texts(listed) and buttons(listed) == []
    class_id = chat.db["classes"].get(1)["id"]
    forged = callbacks.data(callbacks.COTEACHER, class_id, LEE, "yes")
    said = await chat.tap(diaz(chat), forged)  # data never sent to Diaz: refused
    assert [c.name for c in people.teacher_classes(chat.db, LEE)] == ["Science 7B"]
    assert "Lee" not in texts(said)


async def test_the_other_teachers_hear_of_a_removal_and_a_level_in_one_short_note(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(LINH, "Linh", "vi"), "vi")
    await join_and_confirm(chat, chat.user(HODAN, "Hodan", "so"), "so")
    await co_teaches(chat, diaz(chat))
    await chat.deliver()
    await chat.send(diaz(chat), "/level Hodan 1")
    note = told(await chat.deliver(), TEACHER_ID)
    assert note == "👥 Diaz set Hodan to level 1 in <b>Science 7B</b>."
    asked = await chat.send(diaz(chat), "/remove Linh")
    await chat.tap(diaz(chat), next(d for _, d in buttons(asked)
                                    if d.startswith("rm:") and d != "rm:no"))
    note = told(await chat.deliver(), TEACHER_ID)
    assert note == "👥 Diaz removed Linh from <b>Science 7B</b>."
    assert told(await chat.deliver(), DIAZ) == ""  # the one who did it is not told


async def test_a_teacher_alone_in_a_class_gets_no_note_about_their_own_changes(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(HODAN, "Hodan", "so"), "so")
    await chat.deliver()
    await chat.send(owner(chat), "/level Hodan 1")
    assert told(await chat.deliver(), TEACHER_ID) == ""


async def test_a_note_naming_a_teacher_who_deleted_their_data_is_never_sent(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(HODAN, "Hodan", "so"), "so")
    await co_teaches(chat, diaz(chat))
    await chat.deliver()
    await chat.send(diaz(chat), "/level Hodan 1")  # its note waits for the deliverer
    await chat.send(diaz(chat), "/deleteme")
    await chat.tap(diaz(chat), "dl:yes")
    assert "Diaz" not in told(await chat.deliver(), TEACHER_ID)


async def test_a_removed_co_teacher_gets_no_note_about_the_classes_students_still_waiting(
        chat: Chat) -> None:
    # Playtest (Chem 11): Ali was taken off the class at 19:01 and at 19:02 read "👋 Samira
    # joined Chem 11: Somali ... phone English", a note queued to him before the removal
    await co_teaches(chat, diaz(chat))
    await chat.deliver()
    await join_and_confirm(chat, chat.user(HODAN, "Hodan", "so"), "so", told=True)  # waits
    class_id = chat.db["classes"].get(1)["id"]
    await chat.tap(owner(chat), callbacks.data(callbacks.COTEACHER, class_id, DIAZ, "yes"))
    chat.clock.advance(hours=1)
    calls = await chat.deliver()
    assert "Ms. Rivera has taken you off <b>Science 7B</b>" in told(calls, DIAZ)
    assert "Hodan" not in told(calls, DIAZ)
    assert "Hodan" in told(calls, TEACHER_ID)  # the class's own teacher still hears of her


async def test_a_removed_co_teacher_still_hears_of_a_student_they_teach_in_another_class(
        chat: Chat) -> None:
    await co_teaches(chat, diaz(chat))
    await chat.send(diaz(chat), "/newclass ELD 2")
    await chat.deliver()
    await join_and_confirm(chat, chat.user(HODAN, "Hodan", "so"), "so", told=True)
    class_id = chat.db["classes"].get(1)["id"]
    other = next(c for c in people.teacher_classes(chat.db, DIAZ) if c.name == "ELD 2")
    people.enroll(chat.db, HODAN, other.id, chat.clock())
    await chat.send(owner(chat), "/level Hodan 2")  # a note to Diaz about Hodan waits
    await chat.tap(owner(chat), callbacks.data(callbacks.COTEACHER, class_id, DIAZ, "yes"))
    chat.clock.advance(hours=1)
    assert "Hodan" in told(await chat.deliver(), DIAZ)  # still their student, in ELD 2
