"""A class made with /newclass starts its students on the starter pack; the teacher is told so
when she makes the class, and /report says which of its words came from it (playtest 11: 5-6
academic verbs reached students before any /push, and "11 words" when she had pushed 5)."""

from __future__ import annotations

from bot.presentation import callbacks
from bot.store import people
from tests.harness import TEACHER_ID, Chat, texts

STARTER_LINE = ("📘 Students who join start with words from <b>Academic verbs</b> "
                "(<code>general.academic-verbs</code>), 3 to 6 at a time by level, and get more "
                "as they learn. Words you /push always come first.")


def teacher(chat: Chat, lang: str = "en") -> dict:
    return chat.user(TEACHER_ID, "Hoa", lang)


async def new_class(chat: Chat, name: str = "ELD 5", lang: str = "en") -> tuple[str, str]:
    """Make a class with /newclass; return its answer and join code."""
    reply = texts(await chat.send(teacher(chat, lang), f"/newclass {name}"))
    created = next(c for c in people.teacher_classes(chat.db, TEACHER_ID) if c.name == name)
    return reply, created.join_code


async def join(chat: Chat, user: dict, code: str, lang: str, level: int) -> None:
    await chat.send(user, f"/start {code}")
    people.set_level(chat.db, user["id"], None, level, "teacher")
    await chat.tap(user, callbacks.data(callbacks.LANGUAGE, lang))


async def test_newclass_says_which_words_new_students_start_with(chat: Chat) -> None:
    reply, code = await new_class(chat)
    assert reply.startswith("Class <b>ELD 5</b> is ready.\nJoin link for students: "
                            f"https://t.me/PuenteDemoBot?start={code}\nCode: <code>{code}</code>"
                            f"\n{STARTER_LINE}")
    # a student who joined before the push got three academic verbs first (Hmong playtest)
    assert f"{STARTER_LINE}\n💡 /push your unit's words before you share the link: whoever " \
        "joins before a push starts with these." in reply


async def test_a_vietnamese_teacher_reads_the_starter_line_in_vietnamese(chat: Chat) -> None:
    reply, _ = await new_class(chat, "ELD Cấp 5", lang="vi")
    assert ("📘 Học sinh vào lớp sẽ bắt đầu với các từ trong <b>Academic verbs</b> "
            "(<code>general.academic-verbs</code>), mỗi lần 3 đến 6 từ tùy cấp độ") in reply


async def test_report_says_which_words_came_from_the_starter_pack_not_from_a_push(
        chat: Chat) -> None:
    _, code = await new_class(chat)
    amira = chat.user(3001, "Amira", lang="ar")
    await join(chat, amira, code, "ar", 3)
    await chat.send(amira, "/words")
    report = texts(await chat.send(teacher(chat), "/report ELD 5"))
    assert "<b>ELD 5</b>: 1 student, 5 words" in report
    assert ("📘 From the starter pack <b>Academic verbs</b>, not pushed by you: 5 words. "
            "Students get its words whenever none you pushed are waiting.") in report

    await chat.send(teacher(chat), "/push general.academic-verbs analyze, compare to ELD 5")
    report = texts(await chat.send(teacher(chat), "/report ELD 5"))
    assert "not pushed by you: 3 words." in report  # the two she pushed are hers now


async def test_a_class_with_only_pushed_words_has_no_starter_line(chat: Chat) -> None:
    _, code = await new_class(chat)
    await chat.send(teacher(chat),
                    "/push science.ecosystems predator, prey, habitat to ELD 5 at 16:00")
    amira = chat.user(3001, "Amira", lang="ar")
    await join(chat, amira, code, "ar", 1)  # level 1: three words at once, all pushed
    chat.clock.advance(hours=5)  # 16:00 at school: the push goes out
    await chat.deliver()
    report = texts(await chat.send(teacher(chat), "/report ELD 5"))
    assert "<b>ELD 5</b>: 1 student, 3 words" in report
    assert "starter pack" not in report
