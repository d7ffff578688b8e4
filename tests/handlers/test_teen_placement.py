"""A secondary class's student (its pack is for grades 6 and up) is asked a teenager's picture
words (📱, 🔑), not a child's (📚, 🍎): a grade-10 Haitian Creole playtester found those
childish. Every other class, and a student in no class, keeps the child's; a student in both
kinds is asked as a teenager. The rules, the count and the 🔊 are the same."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlite_utils import Database

from bot.demo.offline import Call
from bot.presentation import callbacks
from bot.services import join
from bot.store import people
from tests.harness import TEACHER_ID, Chat, texts

BIOLOGY = "BIOcode_789"  # Biology 10: science.cells-genetics, grades 7-10
CIVICS = "CIVcode_910"  # Civics 10: social-studies.civics-government, grades 9-12
HISTORY = "HIScode_456"  # Social Studies 6: social-studies.government-history, grades 4-8
SCIENCE = "JOINcode_123"  # Science 7B: science.ecosystems, grades 4-7 (the `chat` fixture's)
TEEN_FIRST = ["bread", "phone", "drink", "brown", "🤷 M pa konnen"]
CHILD_FIRST = ["tree", "book", "run", "blue", "🤷 M pa konnen"]


def biology(chat: Chat) -> None:
    people.create_class(chat.db, TEACHER_ID, "Biology 10", BIOLOGY,
                        chat.clock() + timedelta(days=180), "science.cells-genetics",
                        chat.clock())


def social_studies(chat: Chat) -> None:
    """A grade-10 civics class on the grades 9-12 pack, and a grade-6 class on the 4-8 one."""
    for name, code, pack in (("Civics 10", CIVICS, "social-studies.civics-government"),
                             ("Social Studies 6", HISTORY,
                              "social-studies.government-history")):
        people.create_class(chat.db, TEACHER_ID, name, code, chat.clock() + timedelta(days=180),
                            pack, chat.clock())


async def joined(chat: Chat, code: str, user_id: int = 1001) -> tuple[dict[str, Any], list[Call]]:
    """A Haitian Creole student joins with `code` and confirms her language: the calls that
    brought her first placement question."""
    student = chat.user(user_id, "Widlene", "ht")
    await chat.send(student, f"/start {code}")
    return student, await chat.tap(student, callbacks.data(callbacks.LANGUAGE, "ht"))


def question(calls: list[Call]) -> tuple[str, list[str]]:
    """The last placement question sent: its bold line and its answer buttons' labels."""
    asked = [c for c in calls if any(d.startswith(f"{callbacks.PLACEMENT}:")
                                     for _, d in c.buttons)][-1]
    bold = asked.text.splitlines()[-1].removeprefix("<b>").removesuffix("</b>")
    return bold, [label for label, data in asked.buttons
                                         if data.startswith(f"{callbacks.PLACEMENT}:")]


async def test_a_secondary_class_student_is_first_shown_a_phone_not_books(chat: Chat) -> None:
    biology(chat)
    _, calls = await joined(chat, BIOLOGY)
    assert question(calls) == ("📱 = ?", TEEN_FIRST)
    assert texts(calls).count("Kesyon 1 (pa plis pase 11)") == 1  # the same count, up to 11


async def test_a_civics_class_student_is_asked_a_teenagers_words(chat: Chat) -> None:
    # A grade-10 civics class had only the grades 4-8 government pack, so its newcomers,
    # aged 14-17, were shown the child's pictures; on the grades 9-12 pack they are not.
    social_studies(chat)
    _, calls = await joined(chat, CIVICS)
    assert question(calls) == ("📱 = ?", TEEN_FIRST)
    _, calls = await joined(chat, HISTORY, user_id=1002)
    assert question(calls) == ("📚 = ?", CHILD_FIRST)


async def test_an_elementary_class_student_keeps_the_childs_first_question(chat: Chat) -> None:
    _, calls = await joined(chat, SCIENCE)
    assert question(calls) == ("📚 = ?", CHILD_FIRST)


async def test_a_teenagers_slip_is_made_up_for_by_a_key_not_an_apple(chat: Chat) -> None:
    biology(chat)
    student, _ = await joined(chat, BIOLOGY)
    await chat.tap(student, callbacks.data(callbacks.PLACEMENT, 0, 1))  # phone: right
    await chat.tap(student, callbacks.data(callbacks.PLACEMENT, 1, 0))  # "I goes": a slip
    reserve = await chat.tap(student, callbacks.data(callbacks.PLACEMENT, 2, 0))  # right
    assert question(reserve) == ("🔑 = ?", ["cup", "sit", "key", "red", "🤷 M pa konnen"])
    done = await chat.tap(student, callbacks.data(callbacks.PLACEMENT, 11, 2))  # key: right
    assert question(done)[0] == "To compare two things means to ..."  # band 1 passed


async def test_a_student_in_both_kinds_of_class_is_asked_as_a_teenager(chat: Chat) -> None:
    # She joined Science 7B first and saw 📚; Biology 10 says her age, Science 7B does not.
    # Her old 📚 buttons still score right: the answer sits on the same button in both sets.
    biology(chat)
    student, calls = await joined(chat, SCIENCE)
    assert question(calls)[0] == "📚 = ?"
    again = await chat.send(student, f"/start {BIOLOGY}")
    assert question(again) == ("📱 = ?", TEEN_FIRST)
    following = await chat.tap(student, callbacks.data(callbacks.PLACEMENT, 0, 1))  # old "book"
    assert question(following)[0] == "I ___ to school every day."
    assert people.placement_answers(chat.db, 1001) == [1]  # right


async def test_a_teenagers_picture_is_heard_as_its_own_words(chat: Chat) -> None:
    biology(chat)
    await joined(chat, BIOLOGY)
    assert join.placement_audio(chat.db, 1001, 0) == ("bread.", "phone.", "drink.", "brown.")
    await joined(chat, SCIENCE, 1002)
    assert join.placement_audio(chat.db, 1002, 0) == ("tree.", "book.", "run.", "blue.")


def test_a_student_in_no_class_gets_the_childs_questions(db: Database) -> None:
    # No class says her age (and placement starts only when she joins one): the questions of old
    assert join.placement_items(db, 4242)[0].question == "📚 = ?"

