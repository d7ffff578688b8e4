"""/renameclass OLD NEW: two teachers' "Science 7B" can become "Science 7B (Lee)" without the
administrator's help; students, families and the join link stay; a co-teacher may not."""

from __future__ import annotations

from typing import Any

from bot.store import people
from tests.harness import TEACHER_ID, Chat, texts


def rivera(chat: Chat, lang: str = "en") -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", lang)


async def test_a_teacher_renames_her_class_and_keeps_its_students_and_code(
        chat: Chat) -> None:
    before = people.teacher_classes(chat.db, TEACHER_ID)[0]
    reply = texts(await chat.send(rivera(chat), "/renameclass science 7b Science 7B (Rivera)"))
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
