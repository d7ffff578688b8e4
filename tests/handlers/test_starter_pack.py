"""A class made with /newclass starts its students on the starter pack; the teacher is told so
when she makes the class, and /report says which of its words came from it (playtest 11: 5-6
academic verbs reached students before any /push, and "11 words" when she had pushed 5)."""

from __future__ import annotations

import pytest

from bot.presentation import callbacks
from bot.services import learners
from bot.store import people, study
from bot.store.packs import words_by_id
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
    assert f"{STARTER_LINE}\n💡 /push your unit's words before you share the link: everyone " \
        "who joins starts with them, then with the rest of their pack instead of the starter " \
        "pack." in reply


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


UNIT = "/push science.ecosystems predator, prey, habitat, food chain, decomposer to ELD 5"


def started_with(chat: Chat, student_id: int) -> list[str]:
    """The words the student has started, in the order she was given them."""
    return [w.word.term for w in words_by_id(chat.db, list(study.student_mastery(
        chat.db, student_id)))]


def join_note(calls: list) -> str:
    return next(c.text for c in calls if c.chat_id == TEACHER_ID and "👋" in c.text)


@pytest.mark.parametrize(("level", "first"), [
    (1, ["predator", "prey", "habitat"]),
    (4, ["predator", "prey", "habitat", "food chain", "decomposer"]),
])
async def test_words_pushed_to_a_class_nobody_joined_are_the_first_a_student_who_joins_gets(
        chat: Chat, level: int, first: list[str]) -> None:
    # /push before sharing the link said "Nobody has joined, so nothing was sent", and the
    # children who joined that evening got "analizar / analyze" (ESL and Somali playtests)
    _, code = await new_class(chat)
    reply = texts(await chat.send(teacher(chat), UNIT))
    assert reply == ("Nobody has joined <b>ELD 5</b> yet: everyone who joins will start with "
                     "the 5 words you pushed. Students join with this link: "
                     f"https://t.me/PuenteDemoBot?start={code}")
    ayan = chat.user(3001, "Ayan", lang="so")
    await join(chat, ayan, code, "so", level)
    chat.clock.advance(minutes=2)
    note = join_note(await chat.deliver())
    assert note.endswith(f"first words: {', '.join(first)}"), note
    cards = texts(await chat.send(ayan, "/words"))
    assert "<b>predator</b>" in cards and "analyze" not in cards, cards
    assert started_with(chat, 3001) == first
    # the words after them come from the unit's pack, and /report names no starter pack
    assert learners.learner(chat.db, 3001).pack_ids == ("science.ecosystems",)
    assert "starter pack" not in texts(await chat.send(teacher(chat), "/report ELD 5"))


async def test_a_push_to_a_class_someone_joined_changes_nothing_of_what_it_starts_with(
        chat: Chat) -> None:
    _, code = await new_class(chat)
    amira = chat.user(3001, "Amira", lang="ar")
    await join(chat, amira, code, "ar", 1)
    await chat.send(amira, "/words")  # her starter words, as today
    reply = texts(await chat.send(teacher(chat), UNIT))
    assert reply.startswith("Sending 5 words to 1 student of <b>ELD 5</b>"), reply
    sixth = next(c for c in people.teacher_classes(chat.db, TEACHER_ID) if c.name == "ELD 5")
    assert sixth.pack_id is None  # she started on the starter pack: it stays the class's


async def test_a_co_teacher_pushes_to_the_empty_class_and_another_teacher_cannot(
        chat: Chat) -> None:
    _, code = await new_class(chat)
    other = chat.user(9004, "Brown", "en")
    people.upsert_teacher(chat.db, 9004, "Mr. Brown", chat.clock())
    await chat.send(other, "/newclass Art 5")
    refused = texts(await chat.send(other, UNIT))
    assert refused.startswith("You have no class called ELD 5."), refused
    eld = next(c for c in people.teacher_classes(chat.db, TEACHER_ID) if c.name == "ELD 5")
    assert eld.pack_id is None and chat.db["pushes"].count == 0
    coteach = texts(await chat.send(teacher(chat), "/coteach ELD 5"))
    okafor = chat.user(9003, "Okafor", "en")
    await chat.send(okafor, f"/teach {coteach.split('/teach ')[1].split('<')[0].strip()}")
    kept = texts(await chat.send(okafor, UNIT))
    assert kept.startswith("Nobody has joined <b>ELD 5</b> yet: everyone who joins will "
                           "start with the 5 words you pushed."), kept
    ayan = chat.user(3001, "Ayan", lang="so")
    await join(chat, ayan, code, "so", 1)
    await chat.send(ayan, "/words")
    assert started_with(chat, 3001) == ["predator", "prey", "habitat"]


async def test_a_student_who_joins_before_a_booked_push_starts_on_its_pack(
        chat: Chat) -> None:
    # a push booked for the next morning was not counted: the join note listed the starter
    # pack's first words, and the child started on them the evening before
    _, code = await new_class(chat)
    chat.clock.advance(hours=8)  # Monday 19:00 at school: the push is for Tuesday morning
    booked = texts(await chat.send(teacher(chat), "/push science.ecosystems predator, prey "
                                                  "to ELD 5 at 08:15"))
    assert booked.startswith("Nobody has joined <b>ELD 5</b> yet. The push of 2 words is "
                             "booked for Tue 08:15"), booked
    ayan = chat.user(3001, "Ayan", lang="so")
    await join(chat, ayan, code, "so", 1)
    cards = texts(await chat.send(ayan, "/words"))
    assert "analyze" not in cards and "<b>ecosystem</b>" in cards, cards
    assert started_with(chat, 3001) == ["ecosystem", "organism", "habitat"]
    chat.clock.advance(hours=13, minutes=15)  # Tuesday 08:15: the note, then the push
    calls = await chat.deliver()
    assert join_note(calls).endswith("first words: ecosystem, organism, habitat")
    pushed = texts(c for c in calls if c.chat_id == 3001)
    assert "<b>predator</b>" in pushed, pushed
