"""What a teacher reads (a playtest with two Anas): every student named so the teacher can tell
them apart, a typed answer that does not use Telegram's reply, report counts that agree, and
error messages that say what to do."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from bot.presentation import callbacks
from bot.store import check_items, people
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    buttons,
    check_now,
    join_and_confirm,
    texts,
)

ANA, BO, ANA2, MOTHER = 1001, 1002, 1003, 2001


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def two_anas(chat: Chat) -> None:
    """Ana (#1), Bo (#2) and another Ana (#3) join Science 7B."""
    for user_id, name in ((ANA, "Ana"), (BO, "Bo"), (ANA2, "Ana")):
        await join_and_confirm(chat, chat.user(user_id, name, "es"))


async def link_family(chat: Chat, who: str, lang: str = "en") -> dict[str, Any]:
    """The family member of student `who` (a name or a roster number) opens the link."""
    reply = texts(await chat.send(rivera(chat), f"/family {who}"))
    person = chat.user(MOTHER, "Mirlande", lang)
    await chat.send(person, f"/start {reply.split('?start=')[1].split()[0]}")
    await chat.tap(person, callbacks.data(callbacks.FAMILY_LANG, lang))
    return person


async def relayed(chat: Chat) -> list[str]:
    """Deliver what waits; the texts the teacher received."""
    return [c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID]


# --- 1. two students called Ana --------------------------------------------------------------

async def test_two_anas_get_their_roster_numbers_in_commands_replies(chat: Chat) -> None:
    await two_anas(chat)
    remove = texts(await chat.send(rivera(chat), "/remove 3"))
    assert remove.startswith("Remove Ana #3 from <b>Science 7B</b>?")
    assert texts(await chat.send(rivera(chat), "/level 3 2")) == (
        "Ana #3 is now at WIDA level 2 in Science 7B.")
    assert texts(await chat.send(rivera(chat), "/level 1 4, Bo 2")) == (
        "Ana #1 is now at WIDA level 4 in Science 7B.\n"
        "Bo is now at WIDA level 2 in Science 7B.")  # a unique name stays
    assert "Send this link to Ana #3's family" in texts(await chat.send(rivera(chat),
                                                                        "/family 3"))
    assert texts(await chat.send(rivera(chat), "/student 1")).startswith("<b>Ana #1</b> - ")
    assert "about <b>Ana #3</b>" in texts(await chat.send(rivera(chat), "/thread 3"))


async def test_the_report_lists_name_each_ana_with_her_number(chat: Chat) -> None:
    await two_anas(chat)
    report = texts(await chat.send(rivera(chat), "/report"))
    assert ("🆕 Joined recently (nothing expected before their first full school day): Ana #1, "
            "Ana #3, Bo") in report  # /roster's order, by name


async def test_a_familys_message_names_which_ana_it_is_about(chat: Chat) -> None:
    await two_anas(chat)
    mother = await link_family(chat, "3")
    await chat.send(mother, "/ask Ana is sick today.")
    to_teacher = "\n".join(await relayed(chat))
    assert "From Mirlande (<b>Ana #3</b>'s family)" in to_teacher
    assert "Reply to this message (swipe left on it) to answer" in to_teacher  # how, on a phone


async def test_the_missed_words_alert_names_which_ana_and_a_command_that_finds_her(
        chat: Chat) -> None:
    await two_anas(chat)
    ana = chat.user(ANA2, "Ana", "es")
    alerts = []
    for _ in range(4):  # a check a day, every answer wrong
        await check_now(chat, ana)
        while check_items.next_open_item(chat.db, ANA2) is not None:  # re-teaching too
            alerts += [c.text for c in await answer_current(chat, ana, False)
                       + await chat.deliver()  # the alert goes through the outbox
                       if c.chat_id == TEACHER_ID and "missed" in c.text]
        chat.clock.advance(days=1)
    assert len(alerts) == 1 and alerts[0].startswith("⚠️ Ana #3 has missed these words")
    assert "Consider level 2: /level 3 2" in alerts[0]  # "/level Ana 2" asks "which Ana?"


async def test_a_namesake_in_another_class_names_the_class_too(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(ANA, "Ana", "es"))
    math = people.create_class(chat.db, TEACHER_ID, "Math 6", "MATHcode_456",
                               chat.clock().replace(year=2027), None, chat.clock())
    people.upsert_student(chat.db, ANA2, "Ana", chat.clock())
    people.enroll(chat.db, ANA2, math.id, chat.clock())
    mother = await link_family(chat, "1 Science 7B")
    await chat.send(mother, "/ask Ana is sick today.")
    assert "(<b>Ana #1 (Science 7B)</b>'s family)" in "\n".join(await relayed(chat))


async def test_families_shows_roster_numbers_not_list_positions(chat: Chat) -> None:
    await two_anas(chat)
    await link_family(chat, "3", "es")
    calls = await chat.send(rivera(chat), "/families")
    listing = texts(calls)
    assert "• Mirlande · Ana #3 · Spanish · linked Mon 14 Sep" in listing  # who, too
    assert "1. Ana" not in listing  # never a position that reads like Ana #1
    assert [label for label, data in buttons(calls) if data.startswith("fu:")] == [
        "Unlink: Mirlande · Ana #3 · Spanish"]


# --- 2. a teacher's answer typed without Telegram's reply ------------------------------------

async def test_an_answer_typed_without_reply_says_how_and_offers_to_send_it(chat: Chat) -> None:
    await two_anas(chat)
    mother = await link_family(chat, "3")
    await chat.send(mother, "/ask Can Ana take the book home?")
    await relayed(chat)
    offer = await chat.send(rivera(chat), "Yes, you can take the book home.")
    text = texts(offer)
    assert "Tap /words" not in text and "swipe left" in text
    relay_id = chat.db.execute("SELECT relay_message_id FROM thread_messages").fetchone()[0]
    assert buttons(offer) == [("✉️ Send to Mirlande (Ana #3's family)", f"ah:{relay_id}"),
                              ("Don't send", "ah:no")]  # ids only, never the text
    assert "will be sent" in texts(await chat.tap(rivera(chat), f"ah:{relay_id}"))
    to_mother = [c.text for c in await chat.deliver() if c.chat_id == MOTHER]
    assert len(to_mother) == 1 and "Yes, you can take the book home." in to_mother[0]


async def test_a_forged_answer_button_sends_nothing(chat: Chat) -> None:
    await two_anas(chat)
    mother = await link_family(chat, "1")
    await chat.send(mother, "/ask Is there homework?")
    await relayed(chat)
    await chat.send(rivera(chat), "No homework today.")
    relay_id = chat.db.execute("SELECT relay_message_id FROM thread_messages").fetchone()[0]
    forged = texts(await chat.tap(rivera(chat), f"ah:{relay_id + 5}"))
    assert "no longer have that answer" in forged
    assert chat.db.execute("SELECT count(*) FROM outbox WHERE kind = 'answer'").fetchone()[0] == 0


async def test_a_teachers_text_with_nothing_to_answer_gets_teacher_help(chat: Chat) -> None:
    reply = texts(await chat.send(rivera(chat), "Hello?"))
    assert "/words" not in reply and "/help" in reply and "reply to their message" in reply
    assert buttons(chat.api.calls[-1:]) == []


async def test_a_teachers_ask_says_who_it_is_for_and_how_to_reach_families(chat: Chat) -> None:
    reply = texts(await chat.send(rivera(chat), "/ask"))
    assert reply.startswith("/ask is for students and families")
    assert "/announce" in reply and "/family" in reply


# --- 3. reports that agree --------------------------------------------------------------------

async def test_student_shows_a_word_never_answered_as_not_answered_yet(chat: Chat) -> None:
    ana = chat.user(ANA, "Ana", "es")
    await join_and_confirm(chat, ana)
    await check_now(chat, ana)  # the cards are read; nothing answered yet
    drill = texts(await chat.send(rivera(chat), "/student Ana"))
    assert "opened, not answered yet" in drill and "· new" not in drill
    assert "correct 0 of 0" not in drill and "over 0 day" not in drill


async def test_the_heatmap_caption_says_it_shows_recent_words_of_all(chat: Chat) -> None:
    ana = chat.user(ANA, "Ana", "es")
    await join_and_confirm(chat, ana)
    await check_now(chat, ana)
    await answer_current(chat, ana, right=True)  # one word practised of the words met
    calls = await chat.send(rivera(chat), "/report")
    words = int(re.search(r"(\d+) words", texts(calls))[1])  # the report's count
    photo = next(c for c in calls if c.method == "sendPhoto")
    assert words > 1
    assert photo.params["caption"] == (
        f"The chart shows the 1 word practised in the last 21 days; the report and the CSV "
        f"count all {words}.")


async def test_the_csvs_last_seen_is_school_time_with_its_offset(chat: Chat) -> None:
    ana = chat.user(ANA, "Ana", "es")
    await join_and_confirm(chat, ana)
    await check_now(chat, ana)
    await answer_current(chat, ana, right=True)
    answered = chat.clock()
    document = next(c for c in await chat.send(rivera(chat), "/report")
                    if c.method == "sendDocument")
    rows = csv.DictReader(io.StringIO(next(iter(document.files.values())).decode("utf-8-sig")))
    seen = {r["last_seen"] for r in rows if r["last_seen"]}
    local = answered.astimezone(chat.app.bot_data.services.config.school.timezone)
    assert seen == {local.isoformat(timespec="seconds")}
    assert all(s.endswith("-04:00") for s in seen)  # New York in September, not UTC


# --- 4. error messages that say what to do ---------------------------------------------------

async def test_pushing_words_without_their_pack_says_how_and_never_echoes_a_comma(
        chat: Chat) -> None:
    await two_anas(chat)
    reply = texts(await chat.send(rivera(chat), "/push predator, prey"))
    assert reply == ("predator is a word, not a pack. Name its pack first, then the words: "
                     "/push science.ecosystems predator prey")
    other = texts(await chat.send(rivera(chat), "/push nosuchpack, prey"))
    assert "nosuchpack." in other and "nosuchpack," not in other


async def test_a_roster_number_nobody_has_is_said_to_be_a_number(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(ANA, "Ana", "es"))
    assert texts(await chat.send(rivera(chat), "/level 3 2")) == (
        "There is no student number 3 in your classes. /roster shows each student's number.")
    assert "can't find a student called Zed" in texts(await chat.send(rivera(chat),
                                                                      "/level Zed 2"))


async def test_an_announcement_with_no_family_linked_offers_no_families_button(
        chat: Chat) -> None:
    await two_anas(chat)
    calls = await chat.send(rivera(chat), "/announce Science 7B Field trip on Friday.")
    assert "No family member is linked in this class yet" in texts(calls)
    labels = [label for label, _ in buttons(calls)]
    assert labels == ["Send to students", "Cancel"]
    announcement = buttons(calls)[0][1].split(":")[1]
    forged = texts(await chat.tap(rivera(chat), f"am:{announcement}:f"))  # families: nobody
    assert "Nobody in <b>Science 7B</b> can receive announcements yet" in forged
    assert chat.db.execute("SELECT count(*) FROM outbox WHERE kind = 'announcement'"
                           ).fetchone()[0] == 0
