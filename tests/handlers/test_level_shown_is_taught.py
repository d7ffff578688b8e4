"""The level a teacher reads is the level the student is taught at (playtest: a co-teacher's
/student, /roster and CSV read "WIDA level 3" of a student taught at 1, because another
teacher's class held it lower): where a class's own level differs, both are said."""

from __future__ import annotations

import csv
import io

from bot.presentation.report_csv import csv_bytes
from bot.store import people
from bot.store.reports import class_matrix
from tests.harness import MATH_TEACHER_ID, TEACHER_ID, Chat, texts, two_classes


def rivera(chat: Chat) -> dict:
    return chat.user(TEACHER_ID, "Rivera", lang="en")


async def test_a_level_held_lower_by_another_class_is_shown_as_taught_everywhere(
        chat: Chat) -> None:
    math = two_classes(chat.db, chat.clock())  # Carlos: Science 7B and Mr. Okafor's Math 6
    okafor = chat.user(MATH_TEACHER_ID, "Okafor", lang="en")
    await chat.send(okafor, "/level Carlos 1")
    reply = texts(await chat.send(rivera(chat), "/level Carlos 3"))
    assert "but is taught at level 1" in reply

    held = "taught at WIDA level 1 · level 3 set in Science 7B"
    assert texts(await chat.send(rivera(chat), "/student Carlos")).startswith(
        f"<b>Carlos</b> - Spanish, {held}")
    assert f"Carlos #1 - Spanish, {held}:" in texts(
        await chat.send(rivera(chat), "/roster Science 7B"))
    # the teacher whose level is the one taught reads it plainly
    assert texts(await chat.send(okafor, "/student Carlos")).startswith(
        "<b>Carlos</b> - Spanish, WIDA level 1")

    science = people.classes_named(chat.db, "Science 7B")[0]
    rows = list(csv.DictReader(io.StringIO(
        csv_bytes(class_matrix(chat.db, science.id)).decode("utf-8-sig"))))
    carlos = {(r["wida_level"], r["taught_level"]) for r in rows if r["student"] == "Carlos"}
    assert carlos == {("3", "1")}
    rows = list(csv.DictReader(io.StringIO(
        csv_bytes(class_matrix(chat.db, math.id)).decode("utf-8-sig"))))
    assert {(r["wida_level"], r["taught_level"]) for r in rows
            if r["student"] == "Carlos"} == {("1", "1")}


async def test_a_class_level_over_a_self_placed_one_says_both(chat: Chat) -> None:
    math = two_classes(chat.db, chat.clock())
    science = people.classes_named(chat.db, "Science 7B")[0]
    people.set_level(chat.db, 1003, science.id, 4, people.PLACEMENT)
    people.set_level(chat.db, 1003, math.id, 2, people.TEACHER)
    assert ("Carlos #1 - Spanish, taught at WIDA level 2 · self-placed at level 4 in "
            "Science 7B:") in texts(await chat.send(rivera(chat), "/roster Science 7B"))


async def test_a_co_teachers_student_with_no_words_in_their_class_says_so(chat: Chat) -> None:
    """Re-playtest: a co-teacher's /student of a student with no word in their class printed
    only its header line, while /roster said "📚 No words yet"."""
    two_classes(chat.db, chat.clock())
    okafor = chat.user(MATH_TEACHER_ID, "Okafor", lang="en")
    page = texts(await chat.send(okafor, "/student Carlos"))
    assert len(page.split("\n")) > 1  # never a header alone
