"""What a teacher reads during a unit, from the teacher playtest (5 students, 10 school days):
/report, /student and the CSV must say what each student did, in words a busy teacher reads
right, with the numbers behind them and the days written one way."""

from __future__ import annotations

from bot.presentation import callbacks
from bot.store import check_items
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


def rivera(chat: Chat) -> dict:
    return chat.user(TEACHER_ID, "Rivera", "en")


def terms(chat: Chat) -> list[str]:
    return [w.word.term for w in pack_words(chat.db, "science.ecosystems")]


async def push_and_read(chat: Chat, words: list[str], *readers: dict) -> None:
    """The teacher pushes some words; each of `readers` reads every card, and no one answers."""
    await chat.send(rivera(chat), f"/push science.ecosystems {', '.join(words)}")
    delivered = await chat.deliver()
    for user in readers:
        await page_through(chat, user, [c for c in delivered if c.chat_id == user["id"]])


async def check(chat: Chat, user: dict, right: bool) -> None:
    """A whole /check, every answer right (or every answer wrong); then the cards its last
    message offers (📘 My new cards), read to the last."""
    await check_now(chat, user)
    last: list = []
    while check_items.next_open_item(chat.db, user["id"]) is not None:
        last = await answer_current(chat, user, right=right)
    offered = [d for c in last for _, d in c.buttons if d == callbacks.NEW_CARDS]
    if offered:
        await page_through(chat, user, await chat.tap(user, offered[0]))


async def test_a_student_who_reads_the_cards_and_never_answers_is_not_not_started(
        chat: Chat) -> None:
    """Mateo read every card for days and never did a check: "🕒 Not started: Mateo" on every
    report made his teacher think he never opened the app."""
    mateo = chat.user(1001, "Mateo", "es")
    await join_and_confirm(chat, mateo, level=2)
    await push_and_read(chat, terms(chat)[:3], mateo)  # Monday
    chat.clock.advance(days=1)
    await push_and_read(chat, terms(chat)[3:5], mateo)  # Tuesday
    await join_and_confirm(chat, chat.user(1002, "Bo", "es"), level=2)  # has opened nothing
    chat.clock.advance(days=3)  # Friday

    report = texts(await chat.send(rivera(chat), "/report"))
    drill = texts(await chat.send(rivera(chat), "/student Mateo"))

    # a line of its own, with how much and how lately; "Nothing done" is for who opened nothing
    assert "\n📖 Reads the cards, no check yet: Mateo (5 cards, last Tue 15 Sep)\n" in report
    assert ("\n🚫 Nothing done since joining (no card opened, no answer): Bo (joined Tue 15 "
            "Sep, 3 school days ago)\n") in report
    assert "Mateo (joined" not in report
    assert drill.endswith("🆕 population: opened, not answered yet\n"
                          "📖 Reads the cards, no check yet: 5 cards, last Tue 15 Sep")


async def a_week_begins(chat: Chat, days: int) -> tuple[dict, dict]:
    """Camila and Jorge read the three words pushed on Monday and do the check; then, on each
    of the next `days` school days, Camila answers every question right and Jorge every one
    wrong."""
    camila, jorge = chat.user(1001, "Camila", "es"), chat.user(1002, "Jorge", "es")
    for user in (camila, jorge):
        await join_and_confirm(chat, user, level=2)
    await push_and_read(chat, terms(chat)[:3], camila, jorge)
    for user in (camila, jorge):
        await check(chat, user, right=True)
    for _ in range(days):
        chat.clock.advance(days=1)
        await check(chat, camila, right=True)
        await check(chat, jorge, right=False)
    return camila, jorge


async def test_the_first_evening_reads_as_practice_done_not_as_skipped(chat: Chat) -> None:
    await a_week_begins(chat, days=0)
    calls = await chat.send(rivera(chat), "/report")
    report = texts(calls)

    # before: "✏️ Practice only so far (a right answer on the day a card is read counts from
    # the next school day)", read as work not done
    # and what they got right in that practice (a name alone read as nothing done)
    assert ("\n✏️ Practised the day they read the cards (those answers are not counted; "
            "counting starts the next school day): Camila (3 of 3 right), Jorge (3 of 3 "
            "right)\n") in report
    # the CSV's rows of that practice: no count, a last_seen, and now the answers behind it
    rows = csv_rows(calls)
    assert list(rows[0])[17] == "practice_answers"  # appended: the older columns keep place
    answered = [r for r in rows if r["student"] == "Camila" and r["last_seen"]]
    assert answered and all(
        (r["attempts"], r["correct"], r["estimated_chance_knows_now"], r["no_estimate_reason"])
        == ("0", "0", "", "practice only")
        and int(r["practice_answers"]) >= 1 for r in answered)
    assert all(r["practice_answers"] == "0" for r in rows if not r["last_seen"])


async def test_too_few_answers_to_tell_shows_the_answers_behind_it(chat: Chat) -> None:
    """Day 3 of the playtest: "🤔 Too few answers to tell yet: Camila" after 15 of 15 right."""
    await a_week_begins(chat, days=1)
    report = texts(await chat.send(rivera(chat), "/report"))

    # all four words right, each counted: an option from the pushed pack is known (counts)
    # and, apart, their practice on the first day (added into no count)
    assert ("\n🤔 Too few answers to tell yet (one counted answer a word so far): "
            "Camila (4 of 4 right · ✏️ practice: 3 of 3 right), Jorge (0 of 4 right · ✏️ "
            "practice: 3 of 3 right)\n✏️ Practice (answers on the day a card is first read") \
        in report


async def test_student_gives_each_word_the_status_the_csv_and_report_give_it(
        chat: Chat) -> None:
    """/student said "⚠️ community: correct 1 of 2 · learning" where the CSV said needs help."""
    await a_week_begins(chat, days=2)
    calls = await chat.send(rivera(chat), "/report")
    # the words; Jorge's typed misses, each a ✅ away from counting, follow in their own message
    drill = texts(await chat.send(rivera(chat), "/student Jorge")).split("\n✍️ ")[0]

    helped = {r["word"] for r in csv_rows(calls)
              if r["student"] == "Jorge" and r["status"] == "needs help"}
    assert helped and "🆘 Needs help: Jorge (" in texts(calls)
    lines = drill.split("\n")
    assert lines[1].startswith("⏱️ ")  # how fast (docs/reports.md), then at levels 1-2 her
    assert lines[2].startswith("🔎 ")  # answers by kind of question, then the words
    assert lines[3:] == [f"⚠️ {term}: correct 0 of 2 over 2 days · needs help"
                         for term in sorted(helped)]


async def test_a_word_in_review_says_what_mastery_still_needs_right_after_a_right_answer(
        chat: Chat) -> None:
    """Right on Tuesday and Wednesday: "needs a recall" read as if she had not just recalled
    it; what she lacks is another right answer on a later day (a scheduled review, 3 days or
    more after her first right answer)."""
    await a_week_begins(chat, days=2)
    drill = texts(await chat.send(rivera(chat), "/student Camila"))

    assert (f"🔁 {terms(chat)[0]}: correct 2 of 2 over 2 days · reviewing · back Wed 23 Sep\n"
            in drill)
    assert drill.endswith("\nℹ️ “reviewing”: needs another right answer on a later day (when "
                          "it comes back) to count as mastered.")  # said once, under the words
    assert "recall" not in drill
