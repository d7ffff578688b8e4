"""A class link replaced with /revoke says so ("ask your teacher for the new one"), told apart
from a mistyped code by a hash of the old code kept until it would have expired (playtest 11
finding 15: "I don't know that class code" read like a typo)."""

from __future__ import annotations

from bot.store import people
from tests.harness import TEACHER_ID, Chat, join_and_confirm, texts
from tests.tables import cells_naming

REPLACED = ("This class link was replaced by a new one. Please ask your teacher for the new "
            "link.")


def rivera(chat: Chat) -> dict:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def test_an_old_link_says_it_was_replaced_and_a_mistyped_one_does_not(chat: Chat) -> None:
    await chat.send(rivera(chat), "/revoke Science 7B")
    minh = chat.user(3002, "Minh", lang="vi")
    assert texts(await chat.send(minh, "/start JOINcode_123")).startswith(
        "Link lớp này đã được thay bằng link mới. Bạn hãy xin thầy cô link mới nhé.")
    assert REPLACED in texts(await chat.send(chat.user(3003, "Ana", lang="en"),
                                             "/start JOINcode_123"))
    typo = texts(await chat.send(chat.user(3004, "Bo", lang="en"), "/start JOINcode_124"))
    assert "I don't know that class code" in typo and "replaced" not in typo
    assert people.class_size(chat.db, people.teacher_classes(chat.db, TEACHER_ID)[0].id) == 0


async def test_a_link_replaced_twice_says_so_for_both_old_codes_and_the_new_one_works(
        chat: Chat) -> None:
    await chat.send(rivera(chat), "/revoke Science 7B")
    second = people.teacher_classes(chat.db, TEACHER_ID)[0].join_code
    await chat.send(rivera(chat), "/revoke Science 7B")
    for old in ("JOINcode_123", second):
        assert REPLACED in texts(await chat.send(chat.user(3003, "Ana", lang="en"),
                                                 f"/start {old}"))
    newest = people.teacher_classes(chat.db, TEACHER_ID)[0].join_code
    assert "Science 7B" in texts(await chat.send(chat.user(3005, "Cy", lang="en"),
                                                 f"/start {newest}"))


async def test_the_old_code_is_kept_only_as_a_hash_and_only_until_it_would_have_expired(
        chat: Chat) -> None:
    await chat.send(rivera(chat), "/revoke Science 7B")
    assert chat.db["replaced_join_codes"].count == 1
    assert cells_naming(chat.db, "JOINcode_123") == []
    chat.clock.advance(days=181)  # the old code's own expiry (180 days from the start) passed
    reply = texts(await chat.send(chat.user(3003, "Ana", lang="en"), "/start JOINcode_123"))
    assert "I don't know that class code" in reply
    await chat.send(rivera(chat), "/revoke Science 7B")  # forgets expired ones as it goes
    assert chat.db["replaced_join_codes"].count == 0  # and keeps no code already expired


async def test_a_student_of_the_class_opening_its_old_link_is_welcomed_back(chat: Chat) -> None:
    ana = chat.user(3003, "Ana", lang="en")
    await join_and_confirm(chat, ana, lang="es", level=3)
    await chat.send(rivera(chat), "/revoke Science 7B")
    reply = texts(await chat.send(ana, "/start JOINcode_123"))
    assert "You are already in <b>Science 7B</b>, Ana. Welcome back!" in reply, reply
    assert "replaced" not in reply
