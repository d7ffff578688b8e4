"""/renameclass OLD NEW: two teachers' "Science 7B" can become "Science 7B (Lee)" without the
administrator's help, after a confirming tap; students, families and the join link stay; a
co-teacher may not."""

from __future__ import annotations

from typing import Any

from bot.presentation import callbacks
from bot.store import people
from tests.harness import TEACHER_ID, Call, Chat, buttons, restarted, texts, toast


def rivera(chat: Chat, lang: str = "en") -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", lang)


def button(calls: list[Call], label: str) -> str:
    [data] = [d for shown, d in buttons(calls) if shown == label]
    return data


def names(chat: Chat) -> list[str]:
    return [c.name for c in people.teacher_classes(chat.db, TEACHER_ID)]


async def test_a_teacher_renames_her_class_and_keeps_its_students_and_code(
        chat: Chat) -> None:
    before = people.teacher_classes(chat.db, TEACHER_ID)[0]
    asked = await chat.send(rivera(chat), "/renameclass science 7b Science 7B (Rivera)")
    assert texts(asked) == ("Rename <b>Science 7B</b> to “Science 7B (Rivera)”? Its students, "
                            "families and join link stay as they were.")
    assert [label for label, _ in buttons(asked)] == ["✅ Rename", "✖️ Cancel"]
    assert names(chat) == ["Science 7B"]  # nothing before the tap
    reply = texts(await chat.tap(rivera(chat), button(asked, "✅ Rename"))).strip()
    assert reply == ("✅ <b>Science 7B</b> is now called <b>Science 7B (Rivera)</b>. Its "
                     "students, families and join link stay as they were.")
    [after] = people.teacher_classes(chat.db, TEACHER_ID)
    assert (after.id, after.join_code, after.name) == (before.id, before.join_code,
                                                       "Science 7B (Rivera)")
    assert "Science 7B (Rivera)" in texts(await chat.send(rivera(chat), "/classes"))


async def test_without_a_new_name_it_says_how_in_the_teachers_language(chat: Chat) -> None:
    reply = texts(await chat.send(rivera(chat, "fr"), "/renameclass Science 7B"))
    assert reply == ("Écrivez le nom de la classe, puis son nouveau nom\u202f: /renameclass "
                     "Science 7B Science 7B (Lee). Vos classes\u202f: Science 7B")
    assert people.teacher_classes(chat.db, TEACHER_ID)[0].name == "Science 7B"


async def test_a_co_teacher_cannot_rename_the_class(chat: Chat) -> None:
    code = texts(await chat.send(rivera(chat), "/coteach Science 7B")).split("/teach ")[1]
    bob = chat.user(9102, "Bob", "en")
    await chat.send(bob, "/teach " + code.split("<")[0].strip())
    reply = texts(await chat.send(bob, "/renameclass Science 7B Bob's class"))
    assert reply == "Only the teacher who created <b>Science 7B</b> can rename it."
    assert people.teacher_classes(chat.db, TEACHER_ID)[0].name == "Science 7B"


async def test_a_whole_class_name_alone_is_not_read_as_renaming_a_shorter_one(
        chat: Chat) -> None:
    await chat.send(rivera(chat), "/newclass Science")
    reply = texts(await chat.send(rivera(chat), "/renameclass Science 7B"))
    assert reply.startswith("Write the class's name, then its new name")
    assert [c.name for c in people.teacher_classes(chat.db, TEACHER_ID)] == ["Science",
                                                                             "Science 7B"]


async def test_another_teachers_class_name_typed_is_asked_about_and_cancelled(
        chat: Chat) -> None:
    """Admin playtest: Mr. Chen typed `/renameclass Science 7B (Rivera) Mine` meaning another
    teacher's class, and his own "Science 7B" became "(Rivera) Mine" at once."""
    asked = await chat.send(rivera(chat), "/renameclass Science 7B (Rivera) Mine")
    assert texts(asked).startswith("Rename <b>Science 7B</b> to “(Rivera) Mine”?")
    cancelled = await chat.tap(rivera(chat), button(asked, "✖️ Cancel"))
    assert texts(cancelled).strip() == "Nothing changed."
    assert names(chat) == ["Science 7B"]
    again = await chat.tap_on(rivera(chat), button(asked, "✅ Rename"),
                              asked[-1].result_id or 0)
    assert toast(again) == "You chose “✖️ Cancel” here, so nothing changed."
    assert names(chat) == ["Science 7B"]


async def test_the_confirmation_speaks_the_teachers_language(chat: Chat) -> None:
    asked = await chat.send(rivera(chat, "fr"), "/renameclass Science 7B Sciences 7B")
    assert texts(asked).startswith("Renommer <b>Science 7B</b> en «\u202fSciences 7B\u202f»"
                                   "\u202f?")
    assert [label for label, _ in buttons(asked)] == ["✅ Renommer", "✖️ Annuler"]


async def test_a_double_tap_renames_once_and_says_so(chat: Chat) -> None:
    asked = await chat.send(rivera(chat), "/renameclass Science 7B Science 7B (Rivera)")
    first, second = await chat.double_tap(rivera(chat), button(asked, "✅ Rename"))
    assert "is now called <b>Science 7B (Rivera)</b>" in texts(first)
    assert "is now called" not in texts(second)
    assert names(chat) == ["Science 7B (Rivera)"]


async def test_forged_or_stale_rename_taps_change_nothing(chat: Chat) -> None:
    asked = await chat.send(rivera(chat), "/renameclass Science 7B Mine")
    data = button(asked, "✅ Rename")
    class_id, token = callbacks.rename(callbacks.parse(data))
    # another class id under the same token, and a token never held: refused
    people.upsert_teacher(chat.db, 9103, "Lee", chat.clock())
    other = people.create_class(chat.db, 9103, "Art", "ARTcode_12", chat.clock(), None,
                                chat.clock())
    for forged in (callbacks.data(callbacks.RENAME, other.id, token),
                   callbacks.data(callbacks.RENAME, class_id, "AAAAAAAA")):
        said = texts(await chat.process(chat.factory.tap(rivera(chat), forged)))
        assert "nothing changed" in said
    assert names(chat) == ["Science 7B"]
    assert people.class_by_id(chat.db, other.id).name == "Art"
    # the held rename is gone with the forged tap on its token: a fresh /renameclass asks again
    asked = await chat.send(rivera(chat), "/renameclass Science 7B Mine")
    data = button(asked, "✅ Rename")
    # after a restart nothing is held in memory: the old ✅ is stale
    chat = await restarted(chat)
    try:
        said = texts(await chat.tap(rivera(chat), data)).strip()
        assert said == "That button is old or not meant for this chat, so nothing changed."
        assert names(chat) == ["Science 7B"]
    finally:
        await chat.app.shutdown()


async def test_a_rename_confirmed_after_the_class_was_renamed_again_is_stale(
        chat: Chat) -> None:
    first = await chat.send(rivera(chat), "/renameclass Science 7B Biology")
    second = await chat.send(rivera(chat), "/renameclass Science 7B Chemistry")
    await chat.tap(rivera(chat), button(second, "✅ Rename"))
    said = texts(await chat.tap(rivera(chat), button(first, "✅ Rename")))
    assert "nothing changed" in said
    assert names(chat) == ["Chemistry"]
