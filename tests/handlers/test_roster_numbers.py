"""Roster numbers on Telegram: a student keeps the number they were given when they joined, so
a number a teacher read on /roster (or in a CSV) still means that student after others join or
leave."""

from __future__ import annotations

import csv
import io

from bot.store import people
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    buttons,
    check_now,
    join_and_confirm,
    texts,
)


def rivera(chat: Chat) -> dict:
    return chat.user(TEACHER_ID, "Rivera", lang="en")


async def _roster(chat: Chat) -> list[str]:
    """/roster's lines as "name #number"."""
    lines = texts(await chat.send(rivera(chat), "/roster")).split("\n")[1:]
    return [line.split(" - ")[0] for line in lines]


async def _csv_numbers(chat: Chat) -> dict[str, str]:
    """Each student's roster_no in the CSV /report sends."""
    document = next(c for c in await chat.send(rivera(chat), "/report")
                    if c.method == "sendDocument")
    data = next(iter(document.files.values())).decode("utf-8-sig")
    return {row["student"]: row["roster_no"] for row in csv.DictReader(io.StringIO(data))}


async def test_a_student_joining_between_roster_and_level_does_not_redirect_the_level(
        chat: Chat) -> None:
    for user_id, name in ((1001, "Ana"), (1002, "Bo")):
        await join_and_confirm(chat, chat.user(user_id, name, lang="es"))
    assert await _roster(chat) == ["Ana #1", "Bo #2"]  # the teacher reads "Ana #1"
    await join_and_confirm(chat, chat.user(1003, "Aaron", lang="es"))  # first by name

    assert texts(await chat.send(rivera(chat), "/level 1 2")) == (
        "Ana is now at WIDA level 2 in Science 7B.")
    assert people.enrollments(chat.db, 1001)[0].wida_level == 2
    assert people.enrollments(chat.db, 1003)[0].wida_level == 3  # Aaron's is untouched
    assert await _roster(chat) == ["Aaron #3", "Ana #1", "Bo #2"]  # by name, numbers kept
    # each number beside its name, as the chart's key and every "which Ana?" show it: never
    # "3. Aaron, 1. Ana, 2. Bo", a numbered list out of order (playtest 13)
    assert not any(line[0].isdigit() for line in await _roster(chat))


async def test_a_removed_students_number_is_never_given_again(chat: Chat) -> None:
    for user_id, name in ((1001, "Ana"), (1002, "Bo")):
        await join_and_confirm(chat, chat.user(user_id, name, lang="es"))
    remove = next(d for _, d in buttons(await chat.send(rivera(chat), "/remove 2"))
                  if d.startswith("rm:") and d != "rm:no")
    assert "Bo is no longer in" in texts(await chat.tap(rivera(chat), remove))

    await join_and_confirm(chat, chat.user(1003, "Cy", lang="es"))
    assert await _roster(chat) == ["Ana #1", "Cy #3"]
    assert "no student number 2" in texts(await chat.send(rivera(chat), "/level 2 4"))  # not Cy
    assert people.enrollments(chat.db, 1003)[0].wida_level == 3
    await join_and_confirm(chat, chat.user(1002, "Bo", lang="es"))  # Bo comes back: a new one
    assert await _roster(chat) == ["Ana #1", "Bo #4", "Cy #3"]


async def test_deleteme_deletes_the_enrolment_and_its_number_is_not_given_again(
        chat: Chat) -> None:
    bo = chat.user(1002, "Bo", lang="es")
    for user in (chat.user(1001, "Ana", lang="es"), bo):
        await join_and_confirm(chat, user)
    await chat.send(bo, "/deleteme")
    await chat.tap(bo, "dl:yes")
    assert chat.db.execute("SELECT count(*) FROM enrollments WHERE student_id = 1002 "
                           "OR roster_no = 2").fetchone()[0] == 0
    await join_and_confirm(chat, chat.user(1003, "Cy", lang="es"))
    assert await _roster(chat) == ["Ana #1", "Cy #3"]


async def test_the_csvs_roster_no_is_the_same_in_every_export_after_a_join(chat: Chat) -> None:
    for user_id, name in ((1001, "Bo"), (1002, "Cy")):
        user = chat.user(user_id, name, lang="es")
        await join_and_confirm(chat, user)
        await check_now(chat, user)
    before = await _csv_numbers(chat)
    aaron = chat.user(1003, "Aaron", lang="es")
    await join_and_confirm(chat, aaron)
    await check_now(chat, aaron)

    after = await _csv_numbers(chat)
    assert before == {"Bo": "1", "Cy": "2"}
    assert after == {**before, "Aaron": "3"}


async def test_the_heatmaps_key_uses_the_numbers_roster_shows(chat: Chat) -> None:
    for user_id, name in ((1001, "李华"), (1002, "Ana")):  # a name the chart font cannot draw
        user = chat.user(user_id, name, lang="es")
        await join_and_confirm(chat, user)
        await check_now(chat, user)
        await answer_current(chat, user, right=True)
    assert await _roster(chat) == ["Ana #2", "李华 #1"]
    photo = next(c for c in await chat.send(rivera(chat), "/report") if c.method == "sendPhoto")
    assert photo.params["caption"].split("\n")[-1] == "2 Ana · 1 李华"
