"""A push to a class nobody has joined yet: booked for later, it waits for the students who join
before it goes out (listed in /scheduled, cancellable, reported honestly); for now, it says
nothing was sent and how students join (playtest 11: "Sending 3 words to 0 students", then
nothing, ever)."""

from __future__ import annotations

from collections import Counter

from bot.demo.offline import OfflineBotAPI
from bot.store import study
from bot.store.packs import words_by_id
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, texts

PUSH = "/push science.ecosystems predator, prey, habitat"
KEPT_TITLE = ("Words you pushed before anyone joined, still to come (each student gets them in "
              "the order you pushed them, a few at a time for their level):")


def rivera(chat: Chat) -> dict:
    return chat.user(TEACHER_ID, "Rivera", "en")


def started_with(chat: Chat, student_id: int) -> list[str]:
    """The words the student has started, in the order she was given them."""
    return [w.word.term for w in words_by_id(chat.db, list(study.student_mastery(
        chat.db, student_id)))]


def previews(api: OfflineBotAPI) -> Counter[int]:
    return Counter(c.chat_id for c in api.calls if c.method == "sendMessage" and "📘" in c.text)


async def test_a_push_booked_before_anyone_joined_reaches_the_students_who_join_in_time(
        chat: Chat) -> None:
    chat.clock.advance(hours=10)  # Monday 21:00 at school: the push is for Tuesday morning
    booked = texts(await chat.send(rivera(chat), f"{PUSH} at 08:15"))
    assert booked == (
        "Nobody has joined <b>Science 7B</b> yet. The push of 3 words is booked for Tue 08:15: "
        "it goes to every student who joins before then. /scheduled shows it, and lets you "
        "cancel.")
    listed = await chat.send(rivera(chat), "/scheduled")
    assert texts(listed) == (
        "Pushes waiting to be sent:\n"
        "1. Tue 08:15 · <b>Science 7B</b> · science.ecosystems: predator, prey, habitat "
        "(nobody has joined yet: it goes to whoever joins before then)")
    assert buttons(listed) == [("❌ Cancel 1 (Tue 08:15)", "sc:1")]

    amira, minh = chat.user(3001, "Amira", lang="ar"), chat.user(3002, "Minh", lang="vi")
    await join_and_confirm(chat, amira, lang="ar", level=3)
    await join_and_confirm(chat, minh, lang="vi", level=1)
    assert "(2 students)" in texts(await chat.send(rivera(chat), "/scheduled"))
    assert texts(await chat.deliver()) == ""  # nothing is due, and nothing to report yet

    chat.clock.advance(hours=11, minutes=15)  # Tuesday 08:15
    report = texts(await chat.deliver())
    assert previews(chat.api) == Counter({3001: 1, 3002: 1})
    assert ("Push finished, <b>Science 7B</b> (science.ecosystems: predator, prey, habitat): "
            "delivered to Telegram for 2 students") in report
    late = chat.user(3003, "Linh", lang="vi")  # joins after it went out: not sent again
    await join_and_confirm(chat, late, lang="vi", level=5)
    await chat.deliver()
    assert previews(chat.api)[3003] == 0
    assert "predator" in texts(await chat.send(late, "/words"))  # its words wait for her


async def test_a_push_booked_for_a_class_nobody_joins_in_time_says_it_reached_no_one(
        chat: Chat) -> None:
    chat.clock.advance(hours=10)
    await chat.send(rivera(chat), f"{PUSH} at 08:15")
    chat.clock.advance(hours=11, minutes=15)
    report = texts(await chat.deliver())
    assert report == (
        "Nobody in <b>Science 7B</b> could get the push of Tue 08:15: no student had joined and "
        "chosen a home language by then. Students who join later find its words first in "
        "/words.")
    assert "Push finished" not in report and previews(chat.api) == Counter()
    assert texts(await chat.deliver()) == ""  # told once
    assert texts(await chat.send(rivera(chat), "/scheduled")) == KEPT_TITLE + (
        "\n<b>Science 7B</b> · nobody has joined yet: predator, prey, habitat")
    late = chat.user(3003, "Linh", lang="vi")
    await join_and_confirm(chat, late, lang="vi", level=5)
    assert "predator" in texts(await chat.send(late, "/words"))


async def test_a_push_for_now_to_a_class_nobody_joined_is_what_those_who_join_start_with(
        chat: Chat) -> None:
    # "/push your unit's words before you share the link", then "Nobody has joined, so nothing
    # was sent": the children who joined that evening started on "analyze" (two playtests)
    reply = texts(await chat.send(rivera(chat), PUSH))
    assert reply == (
        "Nobody has joined <b>Science 7B</b> yet: everyone who joins will start with the 3 "
        "words you pushed. Students join with this link: "
        "https://t.me/PuenteDemoBot?start=JOINcode_123")
    assert texts(await chat.send(rivera(chat), "/scheduled")) == KEPT_TITLE + (
        "\n<b>Science 7B</b> · nobody has joined yet: predator, prey, habitat")
    assert texts(await chat.deliver()) == ""  # no "Push finished: 0 students"
    minh = chat.user(3002, "Minh", lang="vi")
    await join_and_confirm(chat, minh, lang="vi", level=1)
    first = texts(await chat.send(minh, "/words"))  # level 1: one card at a time
    assert "<b>predator</b>" in first and "<b>ecosystem</b>" not in first, first
    assert started_with(chat, 3002) == ["predator", "prey", "habitat"]


async def test_a_vietnamese_teacher_reads_that_her_empty_class_gets_the_push_later(
        chat: Chat) -> None:
    chat.clock.advance(hours=10)
    booked = texts(await chat.send(chat.user(TEACHER_ID, "Hoa", "vi"), f"{PUSH} at 08:15"))
    assert booked.startswith("Chưa có học sinh nào vào lớp <b>Science 7B</b>. Lượt gửi 3 từ "
                             "đã được hẹn lúc 08:15 Thứ Ba")


async def test_a_push_booked_for_an_empty_class_cancels_and_then_reaches_no_one(
        chat: Chat) -> None:
    chat.clock.advance(hours=10)
    await chat.send(rivera(chat), f"{PUSH} at 08:15")
    await chat.send(rivera(chat), "/scheduled")
    confirm = texts(await chat.tap(rivera(chat), "sc:1")).strip()
    assert confirm == (
        "Cancel the push of Tue 08:15 to <b>Science 7B</b> (predator, prey, habitat)? Nobody "
        "has joined the class yet; students who join before then will not get it.")
    done = texts(await chat.tap(rivera(chat), "sc:1:yes")).strip()
    assert done == ("The push of Tue 08:15 to <b>Science 7B</b> is cancelled. Nobody had joined "
                    "the class yet, so nothing of it was sent.")
    assert chat.db["pushes"].count == 0
    gone = texts(await chat.tap(rivera(chat), "sc:1:yes")).strip()
    assert gone.startswith("That push is not waiting any more")
    await join_and_confirm(chat, chat.user(3001, "Amira", lang="ar"), lang="ar", level=3)
    chat.clock.advance(hours=11, minutes=15)
    assert texts(await chat.deliver()) == ""
    assert previews(chat.api)[3001] <= 1  # her own first words at most, never the push
    assert "predator" not in texts(c for c in chat.api.calls if c.chat_id == 3001)


async def test_pushed_words_wait_for_a_class_whose_only_student_is_still_choosing_a_language(
        chat: Chat) -> None:
    mo = chat.user(3900, "Mo", lang="so")
    await chat.send(mo, "/start JOINcode_123")  # on the roster, no language tapped yet
    reply = texts(await chat.send(rivera(chat), PUSH))
    assert ("1 student has not chosen a home language yet, so nothing is sent to them now. "
            "These words will wait for them in /words once they choose.") in reply
    assert texts(await chat.deliver()) == ""  # nothing was sent: nothing to report
    await join_and_confirm(chat, mo, lang="so", level=4)
    cards = texts(await chat.send(mo, "/words"))
    assert all(word in cards for word in ("predator", "prey", "habitat")), cards


async def test_a_co_teacher_sees_the_push_booked_for_the_empty_class(chat: Chat) -> None:
    reply = texts(await chat.send(rivera(chat), "/coteach"))
    code = reply.split("/teach ")[1].split("<")[0].strip()
    okafor = chat.user(9003, "Okafor", "en")
    await chat.send(okafor, f"/teach {code}")
    chat.clock.advance(hours=10)
    await chat.send(rivera(chat), f"{PUSH} at 08:15")
    assert texts(await chat.send(okafor, "/scheduled")) == (
        "Pushes waiting to be sent:\n"
        "1. Tue 08:15 · <b>Science 7B</b> · science.ecosystems: predator, prey, habitat "
        "(nobody has joined yet: it goes to whoever joins before then) · booked by Ms. Rivera")
    confirm = texts(await chat.tap(okafor, "sc:1")).strip()
    assert confirm == ("Cancel the push of Tue 08:15 to <b>Science 7B</b> (predator, prey, "
                       "habitat)? Nobody has joined the class yet; students who join before "
                       "then will not get it. Ms. Rivera will be told.")  # never "0 students"
    done = await chat.tap(okafor, "sc:1:yes")
    assert [c.text for c in done if c.chat_id == TEACHER_ID] == [
        "Okafor cancelled your push of Tue 08:15 to <b>Science 7B</b> (predator, prey, "
        "habitat). Nobody had joined the class yet, so nothing of it was sent."]


async def test_the_same_push_booked_twice_for_an_empty_class_is_booked_once_and_sent_once(
        chat: Chat) -> None:
    # Booked twice while nobody had joined, it was kept twice: the student who joined got the
    # same preview twice, and the teacher two reports (playtest 12)
    chat.clock.advance(hours=10)
    await chat.send(rivera(chat), f"{PUSH} at 08:15")
    again = texts(await chat.send(rivera(chat), f"{PUSH} at 08:15"))
    assert again == (
        "Nothing was booked for Tue 08:15: every one of these words already waits in an earlier "
        "push. To move it, cancel it in /scheduled and push again.\n3 words of "
        "science.ecosystems are already waiting for Tue 08:15: /scheduled shows them, and lets "
        "you cancel")
    later = texts(await chat.send(rivera(chat), "/push science.ecosystems prey at 11:00"))
    assert later.startswith("Nothing was booked for Tue 11:00"), later  # the same school day
    assert chat.db["pushes"].count == 1
    await join_and_confirm(chat, chat.user(3001, "Amira", lang="ar"), lang="ar", level=4)
    chat.clock.advance(hours=11, minutes=15)
    report = texts(await chat.deliver())
    assert previews(chat.api)[3001] == 1
    assert report.count("Push finished") == 1


async def test_a_student_who_joins_gets_a_word_two_waiting_pushes_share_once(
        chat: Chat) -> None:
    chat.clock.advance(hours=10)
    await chat.send(rivera(chat), "/push science.ecosystems predator, prey at 08:15")
    second = texts(await chat.send(rivera(chat),
                                   "/push science.ecosystems prey, habitat at 09:00"))
    assert "is booked for Tue 09:00" in second  # habitat is new: booked, prey said to wait
    amira = chat.user(3001, "Amira", lang="ar")
    await join_and_confirm(chat, amira, lang="ar", level=4)
    chat.clock.advance(hours=12)  # Tuesday 09:00: both are due
    pushed = texts(c for c in await chat.deliver() if c.chat_id == 3001)
    assert [pushed.count(f"<b>{w}</b>") for w in ("predator", "prey", "habitat")] == [1, 1, 1]


async def test_scheduled_says_no_student_has_chosen_a_language_once_one_joined_without(
        chat: Chat) -> None:
    # /scheduled said "nobody has joined yet" while /roster showed her (playtest 12)
    chat.clock.advance(hours=10)
    await chat.send(rivera(chat), f"{PUSH} at 08:15")
    await chat.send(chat.user(3900, "Mo", lang="so"), "/start JOINcode_123")  # no language yet
    assert texts(await chat.send(rivera(chat), "/scheduled")).endswith(
        "science.ecosystems: predator, prey, habitat (no student has chosen a home language "
        "yet: it goes to those who have chosen one by then)")
    hoa = chat.user(TEACHER_ID, "Hoa", "vi")
    assert "(chưa có học sinh nào chọn ngôn ngữ ở nhà: sẽ gửi cho các em đã chọn trước giờ đó)" \
        in texts(await chat.send(hoa, "/scheduled"))


async def test_cancelling_a_push_for_students_still_choosing_a_language_says_they_joined(
        chat: Chat) -> None:
    # Cancelling said "Nobody had joined the class yet" while two students were on the
    # roster: they had joined, with no home language chosen, so nothing was sent to them
    reply = texts(await chat.send(rivera(chat), "/coteach"))
    okafor = chat.user(9003, "Okafor", "en")
    await chat.send(okafor, f"/teach {reply.split('/teach ')[1].split('<')[0].strip()}")
    chat.clock.advance(hours=10)
    await chat.send(rivera(chat), f"{PUSH} at 08:15")
    await chat.send(rivera(chat), "/push science.ecosystems food chain at 09:00")
    for user_id, name in ((3900, "Mo"), (3901, "Ilhan")):
        await chat.send(chat.user(user_id, name, lang="so"), "/start JOINcode_123")
    await chat.send(rivera(chat), "/scheduled")
    confirm = texts(await chat.tap(rivera(chat), "sc:1")).strip()
    assert confirm == (
        "Cancel the push of Tue 08:15 to <b>Science 7B</b> (predator, prey, habitat)? 2 "
        "students have joined the class but not chosen a home language yet; those who choose "
        "one before then will not get it.")
    done = texts(await chat.tap(rivera(chat), "sc:1:yes")).strip()
    assert done == ("The push of Tue 08:15 to <b>Science 7B</b> is cancelled. 2 students had "
                    "joined the class but not chosen a home language yet, so nothing of it was "
                    "sent.")
    await chat.send(okafor, "/scheduled")
    await chat.tap(okafor, "sc:2")
    told = await chat.tap(okafor, "sc:2:yes")
    assert [c.text for c in told if c.chat_id == TEACHER_ID] == [
        "Okafor cancelled your push of Tue 09:00 to <b>Science 7B</b> (food chain). 2 "
        "students had joined the class but not chosen a home language yet, so nothing of it "
        "was sent."]
