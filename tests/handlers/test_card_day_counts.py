"""The evening of a class's first day: every student read the pushed cards and did the check.
Right answers minutes after a card are practice (memory of the card), so no teacher's count
includes them; what the teacher reads must still say the student did something, and why
nothing is counted yet (playtest finding G)."""

from __future__ import annotations

from bot.domain.mastery import MasteryState
from bot.store import check_items, study
from bot.store.packs import pack_words
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    check_now,
    csv_rows,
    join_and_confirm,
    page_through,
    texts,
)

NOTE = ("✏️ Practice is not counted: an answer on the day the word's card was first read "
        "(it may be memory of the card; counting starts the next school day), or a right answer "
        "that was the only one left, as letter tiles that spell no other word the student has "
        "read.")


async def first_day(chat: Chat) -> list[str]:
    """Ana (Creole, level 1) and Ben (Spanish, level 2) read the three words their teacher
    pushed and tap ✅; Ana answers every question right, Ben misses his first. Return the
    pushed words."""
    ana, ben = chat.user(1001, "Ana", "ht"), chat.user(1002, "Ben", "es")
    await join_and_confirm(chat, ana, lang="ht", level=1)
    await join_and_confirm(chat, ben, lang="es", level=2)
    pushed = [w.word.term for w in pack_words(chat.db, "science.ecosystems")][:3]
    await chat.send(rivera(chat), f"/push science.ecosystems {', '.join(pushed)}")
    delivered = await chat.deliver()
    for user in (ana, ben):
        cards = await page_through(chat, user, [c for c in delivered if c.chat_id == user["id"]])
        chat.clock.advance(seconds=30)
        await chat.tap_on(user, "ck:1", cards[-1].result_id or int(cards[-1].params["message_id"]))
        first = True
        while check_items.next_open_item(chat.db, user["id"]) is not None:
            await answer_current(chat, user, right=user is ana or not first)
            first = False
    chat.clock.advance(hours=6)
    return pushed


def rivera(chat: Chat) -> dict:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def test_the_teacher_sees_practice_on_the_first_evening_not_nothing(chat: Chat) -> None:
    pushed = await first_day(chat)
    calls = await chat.send(rivera(chat), "/report")
    report = texts(calls)
    # Before: "3 words (2 not started by anyone)" and "🕒 Not started: Ana", who answered all
    assert report.startswith("<b>Science 7B</b>: 2 students, 3 words\n")
    # work done, right or wrong, not yet counted: Ben's miss that day is practice too
    assert ("\n✏️ Practised the day they read the cards (those answers are not counted; "
            "counting starts the next school day): Ana (3 of 3 right), Ben (2 of 3 right)\n") \
        in report
    assert "Too few" not in report
    assert "Not started" not in report
    ana = {r["word"]: r for r in csv_rows(calls) if r["student"] == "Ana"}
    assert {(r["no_estimate_reason"], r["attempts"], r["correct"], r["status"])
            for r in ana.values()} == {("practice only", "0", "0", "learning")}
    drill = texts(await chat.send(rivera(chat), "/student Ana"))
    for term in pushed:  # before: "🆕 ecosystem: not answered yet · new"
        assert f"📖 {term}: ✏️ practice only, not counted yet · learning" in drill
    assert drill.endswith(NOTE)
    ben = texts(await chat.send(rivera(chat), "/student Ben"))
    assert "too few to tell" not in ben and ben.endswith(NOTE)


async def test_the_next_school_day_the_same_right_answers_count(chat: Chat) -> None:
    await first_day(chat)
    ana = chat.user(1001, "Ana", "ht")
    chat.clock.advance(hours=18)  # Tuesday afternoon
    await check_now(chat, ana)
    while check_items.next_open_item(chat.db, ana["id"]) is not None:
        await answer_current(chat, ana, right=True)
    states = study.student_mastery(chat.db, ana["id"])
    # right on Monday minutes after the card and right on Tuesday: one day right, not two
    assert all(s.state is MasteryState.LEARNING and len(s.success_days) <= 1
               for s in states.values())
    drill = texts(await chat.send(rivera(chat), "/student Ana"))
    assert "1 answer, too few to tell · learning" in drill  # counted from today
    assert "reviewing" not in drill


async def test_words_after_the_first_check_calls_no_answered_word_new(chat: Chat) -> None:
    # playtest (Arabic, level 3): /words after the day's check said "📘 New words: 10" while
    # /progress said New: 0 · Learning: 10
    yousef = chat.user(1001, "Yousef", "ar")
    await join_and_confirm(chat, yousef, lang="ar", level=3)
    await check_now(chat, yousef)
    while check_items.next_open_item(chat.db, 1001) is not None:
        await answer_current(chat, yousef, right=True)
    chat.clock.advance(minutes=5)
    words = texts(await chat.send(yousef, "/words"))
    progress = texts(await chat.send(yousef, "/progress"))
    # none of the five answered is new; the one new card /words opened on (new cards first) is
    assert "📖 Learning: 5" in progress and "🆕 New: 1 ·" in progress
    # the five answered are not new (five more cards unlocked since are)
    assert "📘 New words: 5 · Words to look at again: 5" in words
    assert "كلمات لإعادة النظر فيها: \u20685\u2069" in words
