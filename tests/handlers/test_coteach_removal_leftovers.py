"""Chem 11 playtest, after Ms. Duarte took Mr. Ali (her ESL co-teacher) off the class: the
push he had booked for 08:00 still reached the students the next morning, his /roster read
"You have no class yet" as if he never had one, and his recordings still said "Ali from your
class" to its students. Nothing he queued for the class reaches its students or families
after he left; she is told what was cancelled, with the /push that books it again."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.presentation import callbacks
from bot.services import recordings as recording
from bot.store import check_items, outbox, recordings
from tests.families import link
from tests.harness import (
    INVITE,
    TEACHER_ID,
    Chat,
    answer_until,
    buttons,
    check_now,
    enrol_student,
    join_and_confirm,
    reply,
    texts,
    write_as_written,
)

ALI, LINH, MAI, AMAL = 9060, 1001, 1005, 2001
PACK = "science.ecosystems"
GONE = ("Ms. Duarte has taken you off <b>Science 7B</b>, so you no longer see its students. "
        "To teach it again, ask Ms. Duarte for a new /coteach code, then send /teach CODE.")


def duarte(chat: Chat) -> dict[str, Any]:
    chat.db.execute("UPDATE teachers SET first_name = 'Ms. Duarte' WHERE id = ?", [TEACHER_ID])
    return chat.user(TEACHER_ID, "Duarte", "en")


def ali(chat: Chat) -> dict[str, Any]:
    return chat.user(ALI, "Ali", "en")


async def co_teaches(chat: Chat) -> None:
    made = texts(await chat.send(duarte(chat), "/coteach"))
    await chat.send(ali(chat), f"/teach {made.split('/teach ')[1].split('<')[0].strip()}")
    await chat.deliver()


async def take_ali_off(chat: Chat) -> str:
    """Ms. Duarte's Remove tap under /coteach: what her message then says."""
    class_id = chat.db["classes"].get(1)["id"]
    return texts(await chat.tap(duarte(chat), callbacks.data(callbacks.COTEACHER, class_id,
                                                             ALI, "yes")))


def told(calls: list, user_id: int) -> str:
    return "\n".join(c.text or "" for c in calls if c.chat_id == user_id)


async def test_his_push_booked_for_later_is_cancelled_and_she_is_told_how_to_book_it(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(LINH, "Linh", "vi"), "vi", level=4)
    await co_teaches(chat)
    chat.clock.advance(hours=6)  # Monday 17:00 at school
    booked = texts(await chat.send(ali(chat), f"/push {PACK} predator, prey at 08:00"))
    assert booked.startswith("Will send Tue 08:00: 2 words to 1 student")
    done = await take_ali_off(chat)
    assert done.strip() == (
        "Ali no longer teaches <b>Science 7B</b>. I let them know.\n\n"
        "📅 Cancelled: Ali's push for Tue 08:00 (predator, prey), so it will not reach the "
        f"students. To send it yourself: <code>/push {PACK} predator, prey to Science 7B at "
        "08:00</code>")
    assert texts(await chat.send(duarte(chat), "/scheduled")).startswith("No push is waiting")
    chat.clock.advance(days=1)  # Tuesday 17:00: 08:00 has come and gone
    calls = await chat.deliver()
    assert "predator" not in told(calls, LINH)
    assert "Push finished" not in told(calls, ALI)


async def test_her_own_push_and_one_already_gone_stay_as_they_are(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(LINH, "Linh", "vi"), "vi", level=4)
    await co_teaches(chat)
    await chat.send(duarte(chat), f"/push {PACK} habitat at 08:00")
    done = await take_ali_off(chat)
    assert "📅" not in done  # nothing of his was waiting: no line about a push
    chat.clock.advance(days=1)
    assert "habitat" in told(await chat.deliver(), LINH)


async def test_his_announcement_waiting_out_quiet_hours_is_not_sent_after_he_left(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(LINH, "Linh", "vi"), "vi", level=4)
    await co_teaches(chat)
    chat.clock.advance(hours=10)  # Monday 21:00: quiet hours, it waits for the morning
    preview = await chat.send(ali(chat), "/announce Science 7B Quiz on Friday, bring a pencil")
    await chat.tap(ali(chat), next(d for _, d in buttons(preview) if d.endswith(":s")))
    assert "Quiz" not in told(await chat.deliver(), LINH)
    done = await take_ali_off(chat)
    assert done.endswith("📣 Not sent: Ali's announcement “Quiz on Friday, bring a pencil”, "
                         "which was waiting for quiet hours to end. /announce sends one of "
                         "your own.")
    chat.clock.advance(hours=12)  # Tuesday 09:00
    assert "Quiz" not in told(await chat.deliver(), LINH)


async def test_the_removed_co_teacher_reads_which_class_and_how_to_come_back(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(LINH, "Linh", "vi"), "vi", level=4)
    await co_teaches(chat)
    await take_ali_off(chat)
    for command in ("/roster", "/start", "/report", "/classes", "/roster Science 7B",
                    f"/push {PACK}"):
        said = texts(await chat.send(ali(chat), command))
        assert said == GONE, command
    assert "Linh" not in GONE
    await co_teaches(chat)  # a new code from Ms. Duarte: he teaches it again
    assert "Linh" in texts(await chat.send(ali(chat), "/roster"))


async def test_a_teacher_never_taken_off_a_class_still_reads_how_to_start(
        chat: Chat) -> None:
    await chat.send(ali(chat), f"/teach {INVITE}")
    assert texts(await chat.send(ali(chat), "/roster")).startswith("You have no class yet.")
    await chat.send(ali(chat), "/newclass ELD 2")
    assert texts(await chat.send(ali(chat), "/roster Science 7B")).startswith(
        "You have no class called Science 7B")


async def test_his_recordings_stay_for_the_class_with_no_name_under_them(chat: Chat) -> None:
    enrol_student(chat.db, chat.clock(), 1004, "Paj", "hmn", 1)
    await co_teaches(chat)
    for item in recording.lines(chat.db, 1, "hmn"):  # Ali recorded every Hmong line
        chat.api.uploads[f"v{item.word_id}"] = b"OggS"
        recordings.save_recording(chat.db, item.word_id, "hmn", item.line, f"v{item.word_id}",
                                  5, ALI, chat.clock())
    recorded = {i.word_id: i.line for i in recording.lines(chat.db, 1, "hmn")}
    mai = chat.user(MAI, "Mai", "hmn")
    await join_and_confirm(chat, mai, lang="hmn", level=1)
    await check_now(chat, mai)
    question = await answer_until(chat, mai, lambda s: s.item.options and not s.poll_id
                                  and recorded.get(s.item.word_id) == s.item.prompt)
    sound = callbacks.data(callbacks.QUESTION_AUDIO, question.id)
    (before,) = [c for c in await chat.tap(mai, sound) if c.method == "sendVoice"]
    assert "🧑‍🏫 Ali, hauv koj chav kawm, hais qhov no ua lus Hmoob." in before.text
    await take_ali_off(chat)
    assert check_items.next_open_item(chat.db, MAI).id == question.id  # still open
    (after,) = [c for c in await chat.tap(mai, sound) if c.method == "sendVoice"]
    assert after.params["voice"] == f"v{question.item.word_id}"  # the class keeps his voice
    assert after.text == (f"🎙️ {question.item.prompt}\n🧑‍🏫 Ib tug xib fwb hauv koj lub tsev "
                          "kawm ntawv hais qhov no ua lus Hmoob. Nov yog ib tug neeg lub suab, "
                          "tsis yog tshuab.")


async def test_how_his_push_already_on_its_way_went_is_told_to_her_not_him(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(LINH, "Linh", "vi"), "vi", level=4)
    await co_teaches(chat)
    await chat.send(ali(chat), f"/push {PACK} predator")  # now: the deliverer takes it up
    (row,) = outbox.claim(chat.db, [r for r, c in outbox.claimable(chat.db, chat.clock(), 9)
                                    if c == LINH], "deliverer", chat.clock(),
                          chat.clock() + timedelta(minutes=1))
    assert "📅" not in await take_ali_off(chat)  # on its way to Telegram: it cannot be stopped
    outbox.mark_sent(chat.db, row.id, chat.clock())  # ... and Telegram took it
    calls = await chat.deliver()
    assert "Push finished" not in told(calls, ALI)  # its students are no longer his to see
    assert "Push finished, <b>Science 7B</b> (science.ecosystems: predator): delivered to " \
        "Telegram for 1 student" in told(calls, TEACHER_ID)


async def test_with_a_class_of_his_own_he_reads_it_when_he_names_the_class_he_left(
        chat: Chat) -> None:
    await co_teaches(chat)
    await chat.send(ali(chat), "/newclass ELD 2")
    await take_ali_off(chat)
    assert texts(await chat.send(ali(chat), "/roster Science 7B")) == GONE
    assert texts(await chat.send(ali(chat), "/roster")).startswith("<b>ELD 2</b>: 0 students")


async def test_his_answer_waiting_out_quiet_hours_is_not_sent_and_the_message_waits_again(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(LINH, "Linh", "vi"), "vi", level=4)
    await co_teaches(chat)
    mom = chat.user(AMAL, "Lan", "en")
    await link(chat, duarte(chat), "Linh", mom)
    await chat.deliver()
    await chat.send(mom, "/ask Is there homework for Friday?")
    [relayed] = [c for c in await chat.deliver() if c.chat_id == ALI]
    chat.clock.advance(hours=10)  # Monday 21:00: quiet hours, his answer waits for 07:00
    await reply(chat, ali(chat), "Yes, page 12.", relayed.result_id)
    assert "page 12" not in told(await chat.deliver(), AMAL)
    assert "⏳ waiting for your answer" not in texts(await chat.send(duarte(chat),
                                                                   "/thread Linh"))
    done = await take_ali_off(chat)
    assert done.endswith("↩️ Not sent: Ali's answer about Linh, which was waiting for quiet "
                         "hours to end. The message waits for your answer again: /thread "
                         "shows it.")
    chat.clock.advance(hours=12)  # Tuesday 09:00
    assert "page 12" not in told(await chat.deliver(), AMAL)
    assert texts(await chat.send(duarte(chat), "/thread Linh")).endswith(
        "Mon 14 Sep 11:00 · ✉️ Lan, a family member, written in English · ⏳ waiting for your "
        "answer")


async def test_his_message_written_first_and_waiting_is_not_sent_either(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(LINH, "Linh", "vi"), "vi", level=4)
    await co_teaches(chat)
    mom = chat.user(AMAL, "Lan", "en")
    await link(chat, duarte(chat), "Linh", mom)
    await chat.deliver()
    chat.clock.advance(hours=10)  # Monday 21:00: quiet hours
    listing = await chat.send(ali(chat), "/families")
    await chat.tap(ali(chat), next(d for label, d in buttons(listing)
                                   if label.startswith("✉️ Write: Lan")))
    await write_as_written(chat, ali(chat), "Linh did well on the lab today.")
    done = await take_ali_off(chat)
    assert done.endswith("↩️ Not sent: Ali's message to the family of Linh, which was waiting "
                         "for quiet hours to end.")
    chat.clock.advance(hours=12)  # Tuesday 09:00
    assert "lab today" not in told(await chat.deliver(), AMAL)
    assert "Ali wrote first" not in texts(await chat.send(duarte(chat), "/thread Linh"))
