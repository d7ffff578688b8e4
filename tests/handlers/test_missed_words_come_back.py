"""A missed word comes back on the next school day, ahead of new words a teacher keeps pushing,
and the feedback names that day (playtest, level-3 Arabic student in a maths class: "describe"
missed on a Tuesday, "it will come back to you soon", next asked 9 school days later, while
every check was filled with newly pushed maths words). The reminder counts every word ready,
as a check's last line and /progress do: "Words to review: 5" hid a backlog."""

from __future__ import annotations

from datetime import timedelta

from bot.store import check_items
from bot.store.packs import pack_words
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    check_now,
    join_and_confirm,
    open_item,
    page_through,
    texts,
)

PUSHED = ["matter", "mass", "solid", "liquid", "gas", "temperature", "force", "gravity",
          "friction", "mixture"]


async def miss_the_first_question(chat: Chat, user: dict) -> tuple[int, str]:
    """Day 1: read the class cards, start the check, miss its first question and get the rest
    right; return the missed word and the feedback on the miss."""
    await check_now(chat, user)
    missed = open_item(chat, user["id"]).item.word_id
    feedback = texts(await answer_current(chat, user, right=False))
    while check_items.next_open_item(chat.db, user["id"]) is not None:
        await answer_current(chat, user, right=True)
    return missed, feedback


async def ten_pushed_words_read(chat: Chat, user: dict) -> None:
    """The teacher pushes ten new words; the student reads all their cards the same day."""
    teacher = chat.user(TEACHER_ID, "Rivera", "en")
    await chat.send(teacher, f"/push science.matter-and-forces {', '.join(PUSHED)}")
    cards = [c for c in await chat.deliver() if c.chat_id == user["id"]]
    assert cards and "📘" in cards[0].text
    await page_through(chat, user, cards)


async def asked_in_next_check(chat: Chat, user: dict) -> list[int]:
    """/check, answered right to the end: the words it asked, in order."""
    await chat.send(user, "/check")
    asked = []
    while (item := check_items.next_open_item(chat.db, user["id"])) is not None:
        if not item.practice:
            asked.append(item.item.word_id)
        await answer_current(chat, user, right=True)
    return asked


async def test_a_word_missed_on_day_one_is_asked_on_day_two_before_new_pushed_words(
        chat: Chat) -> None:
    ana = chat.user(1001, "Ana", "es")
    await join_and_confirm(chat, ana, "es", level=3)
    missed, _ = await miss_the_first_question(chat, ana)
    await ten_pushed_words_read(chat, ana)

    chat.clock.advance(days=1)  # Tuesday
    asked = await asked_in_next_check(chat, ana)

    assert len(asked) == 5 and missed in asked  # the other four: pushed words


async def test_pushed_words_leave_one_place_to_a_class_word_passed_over_the_day_before(
        chat: Chat) -> None:
    """"explain", right on the day its card was read (practice), stayed "practice only" for 14
    days while the teacher kept pushing maths words (playtest)."""
    ana = chat.user(1001, "Ana", "es")
    await join_and_confirm(chat, ana, "es", level=3)
    await check_now(chat, ana)  # the class's words, all right: practice on their first day
    while check_items.next_open_item(chat.db, 1001) is not None:
        await answer_current(chat, ana, right=True)
    class_words = {r.id for r in pack_words(chat.db, "science.ecosystems")}
    await ten_pushed_words_read(chat, ana)

    chat.clock.advance(days=1)  # Tuesday: the pushed words come first
    assert not class_words & set(await asked_in_next_check(chat, ana))
    chat.clock.advance(days=1)  # Wednesday: five pushed words still wait, and a class word
    asked = await asked_in_next_check(chat, ana)  # passed over yesterday gets one place
    assert len(asked) == 5 and len(class_words & set(asked)) == 1


async def test_the_feedback_on_a_miss_names_the_day_the_word_comes_back(chat: Chat) -> None:
    ana = chat.user(1001, "Ana", "es")
    await join_and_confirm(chat, ana, "es", level=3)
    _, monday = await miss_the_first_question(chat, ana)
    assert "La verás otra vez mañana.\n" in monday
    assert "You will see it again tomorrow." in monday
    assert "soon" not in monday

    chat.clock.advance(days=4)  # Friday: a Saturday /check asks it, the reminder is Monday's
    await chat.send(ana, "/check")
    friday = texts(await answer_current(chat, ana, right=False))
    assert "You will see it again on Saturday (or on Monday, at school)." in friday
    assert "La verás otra vez el sábado (o el lunes, en la escuela)." in friday


async def test_the_reminder_counts_every_word_ready_as_progress_does(chat: Chat) -> None:
    ana = chat.user(1001, "Ana", "es")
    await join_and_confirm(chat, ana, "es", level=3)
    await miss_the_first_question(chat, ana)
    await ten_pushed_words_read(chat, ana)

    chat.clock.now = chat.clock.now.replace(hour=20) + timedelta(days=1)  # Tue 16:00 school
    job = chat.app.job_queue.get_jobs_by_name("school-reminder")[0]
    before = len(chat.api.calls)
    await job.run(chat.app)
    reminder = texts([c for c in chat.api.calls[before:] if c.chat_id == 1001])
    progress = texts(await chat.send(ana, "/progress"))

    ready = len(PUSHED) + 5  # the class pack's five words, the missed one among them, and ten
    # what today's check holds (a check asks 5), and apart what waits after it: "8 words to
    # review", then 11, then 12, read as a pile that only grows (playtest)
    assert f"Today's check: 5 words. Still waiting after it: {ready - 5}." in reminder
    assert f"👉 Next check: 5 words (still waiting after it: {ready - 5}): /check" in progress
    await chat.send(ana, "/check")  # one check asks five; its last line counts the rest
    while check_items.next_open_item(chat.db, 1001) is not None:
        last = texts(await answer_current(chat, ana, right=True))
    assert f"👉 Next check: 5 words (still waiting after it: {ready - 10}): /check" in last
