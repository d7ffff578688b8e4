"""Two teachers, two classes, one student in both, on Telegram: /report's text, heatmap and
CSV, /push and the daily alert each stay inside the asking teacher's class (two_classes:
Carlos in Ms. Rivera's Science 7B and Mr. Okafor's Math 6, Layla in Math 6 only)."""

from __future__ import annotations

import csv
import io

from bot.demo.offline import Call
from tests.harness import (
    MATH_TEACHER_ID,
    TEACHER_ID,
    Chat,
    texts,
    two_classes,
)


def _csv(calls: list[Call]) -> list[tuple[str, str, str]]:
    """(student, pack, word) of each row of the CSV /report sent."""
    document = next(c for c in calls if c.method == "sendDocument")
    data = next(iter(document.files.values())).decode("utf-8-sig")
    return [(r["student"], r["pack"], r["word"]) for r in csv.DictReader(io.StringIO(data))]


async def test_each_teacher_gets_the_report_of_their_own_class_and_nothing_else(
        chat: Chat) -> None:
    two_classes(chat.db, chat.clock())
    okafor, rivera = chat.user(MATH_TEACHER_ID, "Okafor", "en"), chat.user(TEACHER_ID, "Rivera",
                                                                          "en")
    math = await chat.send(okafor, "/report Math 6")
    assert texts(math).startswith("<b>Math 6</b>: 2 student(s), 4 word(s), 0% mastered\n"
                                  "✅ On track: none\n")
    assert not any(c.method == "sendPhoto" for c in math)  # no math word answered: no heatmap
    assert {pack for _, pack, _ in _csv(math)} == {"math.number-operations"}
    science = await chat.send(rivera, "/report Science 7B")
    assert texts(science).startswith("<b>Science 7B</b>: 1 student(s), 3 word(s), 0% mastered\n"
                                     "✅ On track: Carlos\n")
    assert any(c.method == "sendPhoto" for c in science)
    assert {(who, pack) for who, pack, _ in _csv(science)} == {("Carlos", "science.ecosystems")}


async def test_a_word_pushed_to_math_6_joins_its_report_and_no_other_science_word_does(
        chat: Chat) -> None:
    two_classes(chat.db, chat.clock())
    okafor = chat.user(MATH_TEACHER_ID, "Okafor", "en")
    assert "Sending 1 word(s) to 2 student(s) of <b>Math 6</b>" in texts(
        await chat.send(okafor, "/push science.ecosystems ecosystem to Math 6"))
    rows = _csv(await chat.send(okafor, "/report Math 6"))
    assert {(who, word) for who, pack, word in rows if pack == "science.ecosystems"} == {
        ("Carlos", "ecosystem"), ("Layla", "ecosystem")}
