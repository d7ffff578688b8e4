"""Playtest (a grade-3 teacher, 10 minutes a day): a refusal named what was wrong but not
what it left as it was. `/level Hodan 1, Lihn 2` said only "I can't find Lihn" (Hodan was
not set either); `/push` with a word not in the pack never said "Nothing was sent"; a pack
that is none never pointed to /newpack; `/roster Grade 3` never suggested "Grade 3 ESL";
`/csv` and `/chart` never pointed to /report; `/export` never said the CSV comes with /report;
`to Science6` never suggested "Science 6"."""

from __future__ import annotations

from typing import Any

from bot.store import people
from tests.clock import START
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, texts


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


def level_of(chat: Chat, student_id: int) -> int | None:
    return chat.db.execute("SELECT wida_level FROM enrollments WHERE student_id = ?",
                           [student_id]).fetchone()[0]


async def test_several_levels_with_one_unknown_name_say_nothing_changed(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(1001, "Hodan", "so"), lang="so")
    await join_and_confirm(chat, chat.user(1002, "Linh", "vi"), lang="vi")
    before = level_of(chat, 1001)
    said = texts(await chat.send(rivera(chat), "/level Hodan 1, Lihn 2"))
    assert "I can't find a student called Lihn in your classes. Did you mean Linh #2?" in said
    assert "Nothing changed: no level was set." in said
    assert level_of(chat, 1001) == before
    # one name alone: the refusal is the whole story, no "Nothing changed" line
    alone = texts(await chat.send(rivera(chat), "/level Lihn 2"))
    assert "I can't find a student called Lihn" in alone and "Nothing changed" not in alone


async def test_a_push_with_unknown_words_says_nothing_was_sent(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(1001, "Ana", "es"))
    said = texts(await chat.send(
        rivera(chat), "/push ela.reading-writing main idea, detail, dinosaur to Science 7B"))
    assert "• dinosaur" in said
    assert "Nothing was sent, not even the other words." in said
    assert chat.db.execute("SELECT count(*) FROM pushes").fetchone()[0] == 0


async def test_a_pack_that_is_none_points_to_newpack(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(1001, "Ana", "es"))
    said = texts(await chat.send(rivera(chat), "/push dinosaur to Science 7B"))
    assert "There is no pack called dinosaur." in said
    assert "Nothing was sent. For words of your own, make a pack: /newpack." in said


async def test_a_class_name_begun_is_the_class_or_suggests_it(chat: Chat) -> None:
    people.create_class(chat.db, TEACHER_ID, "Grade 3 ESL", "GRADEcode_3", START, None, START)
    # whole words of one class's name are that class (test_class_name_part.py)
    said = texts(await chat.send(rivera(chat), "/roster Grade 3"))
    assert "<b>Grade 3 ESL</b>: 0 students" in said
    said = texts(await chat.send(rivera(chat), "/roster Grade 3 E"))
    assert "You have no class called Grade 3 E. Did you mean Grade 3 ESL?" in said
    other = texts(await chat.send(rivera(chat), "/roster Art"))
    assert "You have no class called Art. /classes lists your classes." in other


async def test_csv_and_chart_point_to_report(chat: Chat) -> None:
    for command in ("csv", "chart"):
        said = texts(await chat.send(rivera(chat), f"/{command}"))
        assert f"I don't know /{command}: /report CLASS sends a class's summary, its chart " \
            f"and its CSV file together, and /report CLASS {command} only that one." in said


async def test_did_you_mean_comes_with_a_button_that_runs_the_command_again(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(1001, "Hodan", "so"), lang="so")
    await join_and_confirm(chat, chat.user(1002, "Jean", "ht"), lang="ht")
    asked = await chat.send(rivera(chat), "/level Hodan 1, Jaen 2")
    [(label, data)] = buttons(asked)
    assert label == "✅ Jean #2" and "Did you mean Jean #2?" in texts(asked)
    done = texts(await chat.tap(rivera(chat), data))
    assert "Hodan" in done and "Jean" in done and "level 2" in done
    assert (level_of(chat, 1001), level_of(chat, 1002)) == (1, 2)
    # tapped again (a double tap, an old screen): nothing runs twice
    again = texts(await chat.tap(rivera(chat), data))
    assert "That button is old" in again
    # another user's tap on a forged token runs nothing
    assert "level 2" not in texts(await chat.tap(chat.user(1001, "Hodan", "so"), "np:abcdefgh"))


async def test_export_says_the_csv_comes_with_report(chat: Chat) -> None:
    # "/export" got "Did you mean /report?", which never said the CSV comes with it
    said = texts(await chat.send(rivera(chat), "/export"))
    assert said == ("I don't know /export: the class's CSV file comes with /report. /report "
                    "CLASS sends its summary, chart and CSV together; /report CLASS csv sends "
                    "only the CSV.")


async def test_a_class_name_typed_without_its_space_suggests_the_class(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(1001, "Ana", "es"))
    said = texts(await chat.send(rivera(chat), "/push science.ecosystems prey to science7b"))
    assert "You have no class called science7b. Did you mean Science 7B?" in said
    assert chat.db.execute("SELECT count(*) FROM pushes").fetchone()[0] == 0
