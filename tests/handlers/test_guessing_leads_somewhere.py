"""The daily note "⏱️ Widlene answers very fast and about as often right as chance... (/student
Widlene shows the answers.)" led nowhere (grade-3 playtest): /student showed no speed and
/report only "💤 Inactive". /student now has a ⏱️ line (how many of her latest answers were
fast, the median seconds, her right answers beside what random taps give) and /report names
her under ⏱️ while the daily alert's rule holds (bot/domain/guessing.py)."""

from __future__ import annotations

import random
import re

from tests.families import rivera
from tests.harness import Chat, join_and_confirm, paced_check, school_days, texts

WIDLENE, MINH = 1001, 1002

async def three_school_days(chat: Chat) -> None:
    """Widlene (level 1) taps at random, 2 s an answer; Minh (level 2) reads, 15 s, and is
    right; one check each a school day."""
    rng = random.Random(0)
    widlene, minh = chat.user(WIDLENE, "Widlene", "ht"), chat.user(MINH, "Minh", "vi")
    await join_and_confirm(chat, widlene, lang="ht", level=1)
    await join_and_confirm(chat, minh, lang="vi", level=2)
    for day in school_days(3):
        chat.clock.now = day
        await paced_check(chat, widlene, rng, 2, knows=False)
        await paced_check(chat, minh, rng, 15, knows=True)


async def test_student_shows_how_fast_and_how_near_chance_the_latest_answers_were(
        chat: Chat) -> None:
    await three_school_days(chat)
    widlene = texts(await chat.send(rivera(chat), "/student Widlene")).split("\n")
    assert widlene[1].startswith("⏱️ Answers very fast, about as often right as chance: ")
    assert "in 4 s or less (median 2 s)" in widlene[1]
    # a range, not "8 right where random taps give about 5": that read as better than chance
    # to a principal (playtest); her right answers are within what random taps give
    found = re.search(r"(\d+) right, within the (\d+) to (\d+) right that random taps would "
                      r"give", widlene[1])
    assert found is not None, widlene[1]
    right, low, high = map(int, found.groups())
    assert low <= right <= high and low < high
    minh = texts(await chat.send(rivera(chat), "/student Minh")).split("\n")
    assert minh[1].startswith("⏱️ Time per answer: median 15 s over the last ")
    assert "(0 in 4 s or less)" in minh[1] and "chance" not in minh[1]


async def test_report_names_the_student_answering_near_chance_under_a_clock(
        chat: Chat) -> None:
    await three_school_days(chat)
    report = texts(await chat.send(rivera(chat), "/report"))
    line = next(x for x in report.split("\n") if x.startswith("⏱️"))
    assert line == ("⏱️ Answering very fast, about as often right as chance (maybe tapping "
                    "without reading; /student shows the answers): Widlene (fast taps last on "
                    "Wed 16 Sep)")


async def test_a_student_with_too_few_answers_has_no_clock_line(chat: Chat) -> None:
    widlene = chat.user(WIDLENE, "Widlene", "ht")
    await join_and_confirm(chat, widlene, lang="ht", level=1)
    await paced_check(chat, widlene, random.Random(0), 2, knows=False)
    assert "⏱️" not in texts(await chat.send(rivera(chat), "/student Widlene"))
    assert "⏱️" not in texts(await chat.send(rivera(chat), "/report"))
