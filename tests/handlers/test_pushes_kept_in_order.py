"""Two pushes to a class nobody has joined yet: a student who joins gets every one, in the
order they were pushed, a set at a time for her level, and the teacher sees what still waits
(playtest: Ms. Okafor pushed the water cycle, then ecosystems; Hodan, level 2, got only the
ecosystem words, and /scheduled said "No push is waiting" all week)."""

from __future__ import annotations

from bot.store import study
from bot.store.packs import words_by_id
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, texts

WATER = "/push science.matter-and-forces evaporation, condensation, precipitation"
LINK = "https://t.me/PuenteDemoBot?start=JOINcode_123"


def rivera(chat: Chat) -> dict:
    return chat.user(TEACHER_ID, "Rivera", "en")


def started_with(chat: Chat, student_id: int) -> list[str]:
    """The words the student has started, in the order she was given them."""
    return [w.word.term for w in words_by_id(chat.db, list(study.student_mastery(
        chat.db, student_id)))]


async def test_a_joiner_starts_with_the_first_push_then_the_second_a_set_at_a_time(
        chat: Chat) -> None:
    first = texts(await chat.send(rivera(chat), WATER))
    assert first.startswith("Nobody has joined <b>Science 7B</b> yet: everyone who joins will "
                            "start with the 3 words you pushed.")
    second = texts(await chat.send(rivera(chat), "/push science.ecosystems"))
    assert second.startswith(
        "Nobody has joined <b>Science 7B</b> yet: everyone who joins will start with the 3 "
        f"words you pushed before, then these 5 words, a few at a time for their level. "
        f"Students join with this link: {LINK}\n"), second
    chat.clock.advance(minutes=30)  # she joins after the lesson's pushes
    hodan = chat.user(3100, "Hodan", lang="so")
    await join_and_confirm(chat, hodan, lang="so", level=2)  # 4 new words at a time
    await chat.send(hodan, "/words")
    assert started_with(chat, 3100) == ["evaporation", "condensation", "precipitation",
                                        "ecosystem"]
    listed = texts(await chat.send(rivera(chat), "/scheduled"))
    assert listed == (
        "Words you pushed before anyone joined, still to come (each student gets them in the "
        "order you pushed them, a few at a time for their level):\n"
        "<b>Science 7B</b> · Hodan: organism, habitat, population, community")
    report = texts(await chat.send(rivera(chat), "/report"))
    assert ("⏳ Words you pushed before anyone joined, not given yet (they come in the order "
            "you pushed them, a few at a time for each student's level):\n"
            "<b>Science 7B</b> · Hodan: organism, habitat, population, community") in report


async def test_a_push_after_the_student_joined_reaches_her_that_day(chat: Chat) -> None:
    await chat.send(rivera(chat), WATER)
    await chat.send(rivera(chat), "/push science.ecosystems")
    chat.clock.advance(minutes=30)
    hodan = chat.user(3100, "Hodan", lang="so")
    await join_and_confirm(chat, hodan, lang="so", level=2)
    third = texts(await chat.send(rivera(chat), "/push science.matter-and-forces erosion"))
    assert third.startswith("Sending 1 word to 1 student of <b>Science 7B</b>"), third
    pushed = texts(c for c in await chat.deliver() if c.chat_id == 3100)
    assert "<b>erosion</b>" in pushed
    assert "erosion" in started_with(chat, 3100)


async def test_a_single_push_to_an_empty_class_says_only_its_own_words(chat: Chat) -> None:
    # the second push's answer counts the earlier words; the first has none to count
    reply = texts(await chat.send(rivera(chat), WATER))
    assert "pushed before" not in reply and "3 words you pushed." in reply


async def test_pushes_sent_to_students_who_all_left_are_not_kept_for_a_new_joiner(
        chat: Chat) -> None:
    """Ana had both pushes, then left; the class was empty, and every push it had been sent
    read as kept for joiners: Hodan started with the oldest, and /scheduled listed them as
    "pushed before anyone joined". They were delivered, not kept: she gets what the class
    studies now first, as any later joiner does, and nothing is listed as waiting."""
    ana = chat.user(3200, "Ana", lang="es")
    await join_and_confirm(chat, ana, lang="es", level=2)
    await chat.send(rivera(chat), WATER)
    await chat.send(rivera(chat), "/push science.ecosystems")
    assert {c.chat_id for c in await chat.deliver()} >= {3200}
    asked = await chat.send(rivera(chat), "/remove Ana")
    [remove] = [data for _, data in buttons(asked) if data.startswith("rm:3200")]
    await chat.tap(rivera(chat), remove)
    chat.clock.advance(minutes=30)
    hodan = chat.user(3100, "Hodan", lang="so")
    await join_and_confirm(chat, hodan, lang="so", level=2)
    await chat.send(hodan, "/words")
    assert started_with(chat, 3100)[0] == "ecosystem"  # the latest push first
    assert "before anyone joined" not in texts(await chat.send(rivera(chat), "/scheduled"))
    assert "before anyone joined" not in texts(await chat.send(rivera(chat), "/report"))


async def test_words_kept_for_joiners_are_not_left_behind_a_later_push(chat: Chat) -> None:
    """Teacher playtest (Ms. Okafor, three school weeks): Hodan (level 1, 3 words at a time)
    joined after the unit's first push and started with 3 of its 5 words; two days later the
    class's next push reached her, and every week after another: her words never had a free
    place again, and "population, community" waited under /report's "⏳ ... (they come in the
    order you pushed them ...)" for three weeks while each later push came first. Once a later
    push has reached her, her next cards bring the words kept for her first."""
    await chat.send(rivera(chat), "/push science.ecosystems")  # nobody has joined yet
    chat.clock.advance(minutes=30)
    hodan = chat.user(3100, "Hodan", lang="so")
    await join_and_confirm(chat, hodan, lang="so", level=1)
    await chat.send(hodan, "/words")
    assert started_with(chat, 3100) == ["ecosystem", "organism", "habitat"]
    chat.clock.advance(days=2)  # Wednesday: the class's next words, to every student
    await chat.send(rivera(chat), "/push science.ecosystems producer, consumer, decomposer")
    await chat.deliver()
    assert "population" not in started_with(chat, 3100)
    chat.clock.advance(days=1)
    await chat.send(hodan, "/words")
    started = started_with(chat, 3100)
    assert {"population", "community"} <= set(started), started
    report = texts(await chat.send(rivera(chat), "/report"))
    assert "⏳" not in report
