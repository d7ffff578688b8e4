"""A teacher asks /report for one part by a word before or after the class ("/report Grade 3
ESL chart", "/report chart Grade 3 ESL"): the word was read as part of the class's name, so
the report was refused as a class nobody has; and "/report chart" from a teacher of two
classes, finished by a "Which class?" tap, made that very command."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.store import people
from tests.clock import START
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    buttons,
    check_now,
    join_and_confirm,
    texts,
)

ANA = 1001


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def grade_3(chat: Chat) -> None:
    """Ana joins Grade 3 ESL (a name of three words) and practises one word."""
    people.create_class(chat.db, TEACHER_ID, "Grade 3 ESL", "GRADEcode_3",
                        chat.clock() + timedelta(days=30),
                        "science.ecosystems", START)
    ana = chat.user(ANA, "Ana", "es")
    await chat.send(ana, "/start GRADEcode_3")
    await join_and_confirm(chat, ana)
    await check_now(chat, ana)
    await answer_current(chat, ana, right=True)


def methods(calls: list[Any]) -> list[str]:
    return [c.method for c in calls if c.chat_id == TEACHER_ID and c.method.startswith("send")]


async def test_the_format_word_after_a_class_of_several_words_sends_the_chart(
        chat: Chat) -> None:
    await grade_3(chat)
    calls = await chat.send(rivera(chat), "/report Grade 3 ESL chart")
    assert methods(calls) == ["sendPhoto"]
    assert "no class called" not in texts(calls)


async def test_the_format_word_before_the_class_works_too(chat: Chat) -> None:
    await grade_3(chat)
    assert methods(await chat.send(rivera(chat), "/report chart Grade 3 ESL")) == ["sendPhoto"]
    files = await chat.send(rivera(chat), "/report CSV grade 3 esl")
    assert methods(files) == ["sendDocument"]
    assert next(iter(files[0].files)) and files[0].params["caption"] == (
        "Grade-3-ESL-2026-09-14-mastery.csv")


async def test_a_weekly_csv_export_is_named_for_its_school_day_and_keeps_last_weeks(
        chat: Chat) -> None:
    """Every export was "Grade-3-ESL-mastery.csv": saved each week, one replaced the other."""
    await grade_3(chat)
    first = await chat.send(rivera(chat), "/report Grade 3 ESL csv")
    chat.clock.advance(days=7, hours=12)  # Tuesday 03:00 UTC: still Monday evening at school
    later = await chat.send(rivera(chat), "/report Grade 3 ESL csv")
    assert [set(c.file_names.values()) for c in first + later if c.method == "sendDocument"] == [
        {"Grade-3-ESL-2026-09-14-mastery.csv"}, {"Grade-3-ESL-2026-09-21-mastery.csv"}]


async def test_report_chart_then_a_class_tap_sends_the_chart(chat: Chat) -> None:
    await grade_3(chat)  # two classes now: Science 7B and Grade 3 ESL
    asked = await chat.send(rivera(chat), "/report chart")
    [tap] = [data for label, data in buttons(asked) if label.endswith("Grade 3 ESL")]
    assert "sendPhoto" in methods(await chat.tap(rivera(chat), tap))


async def test_a_chart_with_no_word_practised_says_so(chat: Chat) -> None:
    ana = chat.user(ANA, "Ana", "es")
    await join_and_confirm(chat, ana)
    await check_now(chat, ana)  # cards read, nothing answered: nothing to chart
    said = texts(await chat.send(rivera(chat), "/report Science 7B chart"))
    assert said == ("📊 No chart for <b>Science 7B</b>: no word was practised in the last 21 "
                    "days, and the chart shows only those. The summary and the CSV count every "
                    "word: send /report without “chart”.")


async def test_a_class_called_so_whole_is_still_that_class(chat: Chat) -> None:
    people.create_class(chat.db, TEACHER_ID, "Art chart", "ARTcode_12", START, None, START)
    said = texts(await chat.send(rivera(chat), "/report Art chart"))
    assert "Art chart" in said and "no class called" not in said
