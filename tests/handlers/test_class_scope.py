"""Two teachers, two classes, one student in both, on Telegram: /report's text, heatmap and
CSV, /push and the daily alert each stay inside the asking teacher's class (two_classes:
Carlos in Ms. Rivera's Science 7B and Mr. Okafor's Math 6, Layla in Math 6 only)."""

from __future__ import annotations

import csv
import io
import re

from bot.demo.offline import Call
from bot.store import check_items
from bot.store.packs import pack_words
from tests.harness import (
    MATH_TEACHER_ID,
    TEACHER_ID,
    Chat,
    answer_current,
    check_now,
    page_through,
    pointer,
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
    assert texts(math).startswith("<b>Math 6</b>: 2 students, 4 words (4 not answered by "
                                  "anyone yet)\n✅ On track: none\n")
    assert not any(c.method == "sendPhoto" for c in math)  # no math word answered: no heatmap
    assert {pack for _, pack, _ in _csv(math)} == {"math.number-operations"}
    science = await chat.send(rivera, "/report Science 7B")
    assert texts(science).startswith("<b>Science 7B</b>: 1 student, 3 words\n"
                                     "✅ On track: Carlos\n")
    assert any(c.method == "sendPhoto" for c in science)
    assert {(who, pack) for who, pack, _ in _csv(science)} == {("Carlos", "science.ecosystems")}


async def test_a_word_pushed_to_math_6_joins_its_report_and_no_other_science_word_does(
        chat: Chat) -> None:
    two_classes(chat.db, chat.clock())
    okafor = chat.user(MATH_TEACHER_ID, "Okafor", "en")
    assert "Sending 1 word to 2 students of <b>Math 6</b>" in texts(
        await chat.send(okafor, "/push science.ecosystems ecosystem to Math 6"))
    rows = _csv(await chat.send(okafor, "/report Math 6"))
    assert {(who, word) for who, pack, word in rows if pack == "science.ecosystems"} == {
        ("Carlos", "ecosystem"), ("Layla", "ecosystem")}


async def test_the_daily_alert_names_each_teacher_only_the_words_of_their_class(
        chat: Chat) -> None:
    two_classes(chat.db, chat.clock())
    okafor, carlos = chat.user(MATH_TEACHER_ID, "Okafor", "en"), chat.user(1003, "Carlos", "es")
    await chat.send(okafor, "/push math.number-operations addition, subtraction to Math 6")
    await chat.deliver()
    alerts: dict[int, str] = {}
    for _ in range(6):  # a check a day, every answer wrong (3 missed checks alert)
        started = await check_now(chat, carlos)
        while check_items.next_open_item(chat.db, 1003) is not None:  # to the end of the check
            for call in await answer_current(chat, carlos, False) + await chat.deliver():
                if call.chat_id in (TEACHER_ID, MATH_TEACHER_ID) and "missed" in call.text:
                    alerts[call.chat_id] = alerts.get(call.chat_id, "") + call.text
        if pointer(started) is not None:  # "your new cards are here: read them after this
            await page_through(chat, carlos, started)  # check": subtraction, pushed
        chat.clock.advance(days=1)
    terms = {teacher: {t for bold in re.findall(r"<b>([^<]*)</b>", text)
                       for t in bold.split(", ")} for teacher, text in alerts.items()}
    assert terms[MATH_TEACHER_ID] == {"addition", "subtraction"}
    assert terms[TEACHER_ID] and terms[TEACHER_ID] <= {
        w.word.term for w in pack_words(chat.db, "science.ecosystems")}
