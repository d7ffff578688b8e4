"""A student who taps 🤷 "I don't know" at every question to write the word (playtest, Diego,
level 5: /report's 🆘 read "coefficient: correct 0 of 4 over 6 days" and a teacher would
have retaught five meanings, while every miss was a 🤷). Each answer keeps whether it was 🤷
(attempts.dont_know, migration 0055); /report, /student and the CSV say how many misses
were 🤷, and name the student who says so at most questions to write. A 🤷 stays a miss:
the words still need help."""

from __future__ import annotations

import re

from bot.presentation import callbacks
from bot.store import check_items
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    check_now,
    csv_rows,
    join_and_confirm,
    texts,
)

SKIP_LINE = re.compile(
    r"🤷 “I don't know” at most questions to write the word \(counted answers among the "
    r"latest 100\): Diego \(🤷 (\d+) of (\d+) questions to write · choices right (\d+) of "
    r"(\d+)\)\. Saying so is honest and fine, and it counts as a miss\. Before reteaching the "
    r"meanings, write one word together: it shows whether the meaning, the spelling or the "
    r"keyboard is the trouble\.")


async def a_week_of_checks(chat: Chat, user: dict, typed_answer: str | None) -> int:
    """Six school days of checks at level 5: every choice right, every question to write
    answered with the 🤷 button (`typed_answer` None) or by typing `typed_answer`; return how
    many questions to write came."""
    typed = 0
    for _ in range(6):
        await check_now(chat, user)
        while (stored := check_items.next_open_item(chat.db, user["id"])) is not None:
            chat.clock.advance(seconds=20)
            if not stored.item.typed:
                await answer_current(chat, user, right=True)
                continue
            typed += 1
            if typed_answer is None:
                await chat.tap(user, callbacks.data(callbacks.DONT_KNOW, stored.id))
            else:
                await chat.send(user, typed_answer)
                if check_items.next_open_item(chat.db, user["id"]) == stored:
                    await chat.send(user, "zzz")  # asked again ("not a word"): a miss now
        chat.clock.advance(days=1)
    return typed


def okafor(chat: Chat) -> dict:
    return chat.user(TEACHER_ID, "Okafor", "en")


async def test_a_student_who_taps_i_dont_know_at_every_typed_question_is_named_so(
        chat: Chat) -> None:
    diego = chat.user(1001, "Diego", "es")
    await join_and_confirm(chat, diego, level=5)
    assert await a_week_of_checks(chat, diego, None) >= 3
    calls = await chat.send(okafor(chat), "/report")
    report = texts(calls)
    skips = SKIP_LINE.search(report)
    assert skips is not None, report
    dont_know, typed, right, chosen = map(int, skips.groups())
    assert dont_know == typed >= 3 and right == chosen > 0  # every one 🤷, every choice right
    # 🤷 is a miss all the same: his words still need help, the line says what kind of misses
    assert "🆘 Needs help: Diego (" in report
    assert "✅ On track: none" in report or "✅ On track: Diego" not in report
    student = texts(await chat.send(okafor(chat), "/student Diego"))
    assert "🤷 “I don't know” at most questions to write the word (counted answers among the " \
        f"latest 100): 🤷 {dont_know} of {typed} questions to write · choices right {right} " \
        f"of {chosen}. Saying so is honest and fine" in student
    per_word = [int(n) for n in re.findall(r"· 🤷 (\d+)× “I don't know”", student)]
    assert per_word and all(n > 0 for n in per_word)
    rows = [r for r in csv_rows(calls) if r["student"].startswith("Diego")]
    for row in rows:  # the misses that were 🤷, among the counted misses
        assert 0 <= int(row["dont_know"]) <= int(row["attempts"]) - int(row["correct"]), row
    assert sum(int(r["dont_know"]) for r in rows) == sum(per_word) >= dont_know


async def test_a_student_who_types_wrong_words_is_not_named_as_saying_i_dont_know(
        chat: Chat) -> None:
    """The same week with a wrong word typed at each question to write: tried and missed,
    which the words' needs-help lines say, with no 🤷 anywhere."""
    diego = chat.user(1001, "Diego", "es")
    await join_and_confirm(chat, diego, level=5)
    assert await a_week_of_checks(chat, diego, "ecosistem") >= 3
    calls = await chat.send(okafor(chat), "/report")
    report = texts(calls)
    assert "🆘 Needs help: Diego (" in report
    assert "🤷" not in report
    student = texts(await chat.send(okafor(chat), "/student Diego"))
    assert "🤷" not in student
    assert {r["dont_know"] for r in csv_rows(calls)} == {"0"}


async def test_i_dont_know_typed_in_spanish_counts_as_the_button_does(chat: Chat) -> None:
    """"no sé" typed at a question to write is the 🤷: kept as one."""
    diego = chat.user(1001, "Diego", "es")
    await join_and_confirm(chat, diego, level=5)
    assert await a_week_of_checks(chat, diego, "no sé") >= 3
    report = texts(await chat.send(okafor(chat), "/report"))
    assert SKIP_LINE.search(report) is not None, report


async def test_report_help_says_a_dont_know_is_a_miss_and_when_a_student_is_named(
        chat: Chat) -> None:
    help_text = texts(await chat.send(okafor(chat), "/report help"))
    assert ("🤷 “I don't know” (the button, or typed): honest, and a miss like any other, so "
            "its word can need help. Each word's line counts its 🤷; a student is named when 3 "
            "or more, and most, of their answers to questions to write the word (typed or "
            "letter tiles) are 🤷.") in help_text
