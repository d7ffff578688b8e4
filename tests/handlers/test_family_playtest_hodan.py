"""Playtest (Hodan's grandfather reads Somali and no English; no Somali model here; her cousin's
phone is in English). The teacher's English answer was useless to him: under a family message
no model can answer in its language, the teacher gets a few ready-made replies Puente has in
that language; a tap sends one to that family member, in Somali with the English beneath,
once. The cousin got Somali first. /families named neither of them."""

from __future__ import annotations

from typing import Any

import pytest

from bot.presentation import callbacks
from bot.services import teacher_answers
from bot.services.teacher_answers import Answer
from tests.clock import START
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, reply, texts

GRANDFATHER = 2001
WELL = callbacks.data(callbacks.READY_REPLY, "well")


def teacher(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def link(chat: Chat, user_id: int, first_name: str, lang: str) -> dict[str, Any]:
    made = texts(await chat.send(teacher(chat), "/family Hodan"))
    person = chat.user(user_id, first_name, lang)
    await chat.send(person, f"/start {made.split('?start=')[1].split()[0]}")
    await chat.tap(person, callbacks.data(callbacks.FAMILY_LANG, lang))
    await chat.deliver()  # the teacher's note about a new language
    return person


async def grandfather_asks(chat: Chat, text: str = "Macallin, Hodan sidee bay u socotaa?"
                           ) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Hodan (Somali) joins, her grandfather links in Somali and writes (`text`, "how is
    Hodan doing?"): the teacher's copy."""
    await join_and_confirm(chat, chat.user(name="Hodan", lang="so"), lang="so")
    grandfather = await link(chat, GRANDFATHER, "Awoowe", "so")
    await chat.send(grandfather, f"/ask {text}")
    relayed = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    return grandfather, buttons(relayed)


def answers_queued(chat: Chat) -> int:
    return chat.db.execute("SELECT count(*) FROM thread_messages WHERE direction = 'answer'"
                           ).fetchone()[0]


async def test_the_grandfather_gets_a_ready_made_reply_in_somali_with_the_english_beneath(
        chat: Chat) -> None:
    _, offered = await grandfather_asks(chat)
    assert 4 <= len(offered) <= 8  # one a row: a short list
    assert ("💬 Hodan is doing well.", WELL) in offered
    confirm = texts(await chat.tap(teacher(chat), WELL))
    # the teacher sees exactly what went, and in which language
    assert "✅ Sent to Hodan's family member in Somali" in confirm
    assert "Waxbarashada Hodan si fiican ayay u socotaa." in confirm
    assert "Hodan is doing well." in confirm
    [answer] = [c for c in await chat.deliver() if c.chat_id == GRANDFATHER]
    somali, english = answer.text.index("Waxbarashada Hodan"), answer.text.index(
        "Hodan is doing well.")
    assert somali < english  # his language first, the English beneath for a helper
    assert "(tarjumaad mashiin)" not in answer.text  # people wrote it: no machine mark
    thread = texts(await chat.send(teacher(chat), "/thread Hodan"))
    assert "↩️ a ready-made reply, sent in Somali" in thread


async def test_a_ready_made_reply_goes_once_and_never_from_a_forged_button(chat: Chat) -> None:
    await grandfather_asks(chat)
    relay = chat.showing(teacher(chat), WELL)
    first, second = await chat.double_tap(teacher(chat), WELL)
    assert "✅ Sent" in texts(first) and "✅ Sent" not in texts(second)
    assert chat.showing(teacher(chat), WELL) == 1  # its replies gave way to "✅ Answered"
    # the same reply again on the same message (an old screen): refused, nothing more sent
    await chat.tap_on(teacher(chat), WELL, relay)
    # a forged reply id, and a button under a message that is no family message of theirs
    await chat.tap_on(teacher(chat), "rr:zz", relay)
    await chat.tap_on(teacher(chat), callbacks.data(callbacks.READY_REPLY, "call"), 1)
    # another teacher with the same message id in their own chat: not theirs to answer
    other = chat.user(9002, "Other", "en")
    await chat.tap_on(other, callbacks.data(callbacks.READY_REPLY, "call"), relay)
    assert answers_queued(chat) == 1


async def test_a_second_different_ready_made_reply_is_asked_about_then_goes_once(
        chat: Chat) -> None:
    """Playtest: after "Hodan is doing well." the teacher's "I will call you." was refused;
    later, a reply tapped under an answered message went in one tap, out of its context. A
    second reply is asked about first, then goes, each only once."""
    await grandfather_asks(chat)
    call = callbacks.data(callbacks.READY_REPLY, "call")
    relay = chat.showing(teacher(chat), call)
    before = chat.api.showing(TEACHER_ID, relay)  # the replies live (a relay from before)
    assert "✅ Sent" in texts(await chat.tap(teacher(chat), WELL))
    # a screen still showing the replies: asked first, nothing sent yet
    asked = await chat.process(chat.factory.tap(teacher(chat), call, relay, before))
    assert "⚠️ This message was already answered, or it is more than a week old. Send “Thank you " \
        "for your message. I will contact you soon.” anyway?" in texts(asked)
    assert answers_queued(chat) == 1
    yes = callbacks.data(callbacks.READY_REPLY, "call", relay, callbacks.CONFIRMED)
    assert ("✅ Yes, send it", yes) in buttons(asked)
    first, second = await chat.double_tap(teacher(chat), yes)
    assert "✅ Sent" in texts(first) and "✅ Sent" not in texts(second)
    # the same reply again (an old screen, a forged button): refused, nothing more sent
    again = await chat.tap_on(teacher(chat), WELL, relay)
    assert "✅ Sent" not in texts(again) and "anyway?" not in texts(again)
    assert answers_queued(chat) == 2
    sent = [c.text for c in await chat.deliver() if c.chat_id == GRANDFATHER]
    assert len(sent) == 2
    assert "Hodan is doing well." in sent[0] and "I will contact you soon." in sent[1]
    # Puente cannot place a call: no ready-made reply promises one (playtest)
    assert "I will call you" not in sent[1]


async def test_cancel_under_send_anyway_sends_nothing(chat: Chat) -> None:
    await grandfather_asks(chat)
    relay = chat.showing(teacher(chat), WELL)
    await chat.tap(teacher(chat), WELL)
    await chat.tap_on(teacher(chat), callbacks.data(callbacks.READY_REPLY, "sick"), relay)
    kept = texts(await chat.tap(teacher(chat), callbacks.data(callbacks.ANSWERED, "no")))
    assert "Nothing changed." in kept
    assert answers_queued(chat) == 1


async def test_a_sick_child_gets_the_first_ready_made_reply_in_somali(chat: Chat) -> None:
    """Playtest: a child home sick is the most common family message; no ready-made reply
    said "I hope they feel better"."""
    _, offered = await grandfather_asks(chat, "Macallin, Hodan waa xanuunsan tahay maanta.")
    sick = callbacks.data(callbacks.READY_REPLY, "sick")
    assert offered[0] == ("💬 Thank you for telling me. I hope Hodan feels better soon.", sick)
    assert "✅ Sent" in texts(await chat.tap(teacher(chat), sick))
    [answer] = [c.text for c in await chat.deliver() if c.chat_id == GRANDFATHER]
    assert "Waxaan Hodan u rajeynayaa caafimaad degdeg ah." in answer
    assert "I hope Hodan feels better soon." in answer


async def test_no_get_well_reply_under_a_message_that_says_nobody_is_sick(chat: Chat) -> None:
    """Playtest: "I hope Davi feels better soon" was the first reply offered under every
    family message, sick or not."""
    _, offered = await grandfather_asks(chat)  # "how is Hodan doing?"
    assert offered[0] == ("💬 Thank you for your message. I will contact you soon.",
                          callbacks.data(callbacks.READY_REPLY, "call"))
    assert not any("feels better" in label for label, _ in offered)


async def test_no_ready_replies_for_a_family_member_unlinked_since(chat: Chat) -> None:
    _, offered = await grandfather_asks(chat)
    assert offered
    chat.db.execute("DELETE FROM families WHERE telegram_id = ?", [GRANDFATHER])
    calls = await chat.tap(teacher(chat), WELL)
    assert "✅ Sent" not in texts(calls)
    assert answers_queued(chat) == 0


async def test_a_family_that_reads_english_gets_no_ready_replies(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(name="Hodan", lang="so"), lang="so")
    cousin = await link(chat, 2002, "Cabdi", "en")
    await chat.send(cousin, "/ask How is Hodan doing?")
    relayed = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert relayed and not buttons(relayed)


async def test_the_store_refuses_the_same_ready_made_reply_twice_to_one_message(
        chat: Chat) -> None:
    """Each reply once per message even when two taps pass every button check (two phones)."""
    await grandfather_asks(chat)
    relay = chat.db.execute("SELECT relay_message_id FROM thread_messages").fetchone()[0]
    asked, child = teacher_answers.ready_reply_to(chat.db, TEACHER_ID, relay, "call")
    answer = Answer(asked, child, "Thank you.", None)
    teacher_answers.queue_ready(chat.db, answer, "call", "text", START)
    with pytest.raises(teacher_answers.ReadySentError):
        teacher_answers.queue_ready(chat.db, answer, "call", "text", START)
    teacher_answers.queue_ready(chat.db, answer, "daily", "text", START)  # another reply: goes
    with pytest.raises(teacher_answers.ReadySentError):
        teacher_answers.queue_ready(chat.db, answer, "daily", "text", START)
    with pytest.raises(teacher_answers.ReadyButtonError):  # no reply of ours
        teacher_answers.ready_reply_to(chat.db, TEACHER_ID, relay, "zz")
    with pytest.raises(teacher_answers.ReadyButtonError):  # not this teacher's message
        teacher_answers.ready_reply_to(chat.db, 9002, relay, "call")
    assert answers_queued(chat) == 2


async def test_a_cousin_whose_phone_is_in_english_gets_english_first_and_no_way_back_to_somali(
        chat: Chat) -> None:
    """Playtest: the cousin (phone in English) got the welcome and the menu Somali-first, and
    after tapping English, "↩️ Ku noqo af Soomaali"."""
    await join_and_confirm(chat, chat.user(name="Hodan", lang="so"), lang="so")
    made = texts(await chat.send(teacher(chat), "/family Hodan"))
    cousin = chat.user(2002, "Cabdi", "en")
    welcome = await chat.send(cousin, f"/start {made.split('?start=')[1].split()[0]}")
    assert texts(welcome).startswith("Welcome! You are now connected to Hodan's learning.")
    assert "Ku soo dhawoow" in texts(welcome)  # the child's language still there, beneath
    assert buttons(welcome)[0] == ("English", callbacks.data(callbacks.FAMILY_LANG, "en"))
    chosen = await chat.tap(cousin, callbacks.data(callbacks.FAMILY_LANG, "en"))
    assert not [label for label, _ in buttons(chosen) if label.startswith("↩️")]
    grandfather = chat.user(2003, "Awoowe", "so")  # a Somali phone: Somali first, as before
    again = await chat.send(grandfather, f"/start {made.split('?start=')[1].split()[0]}")
    assert texts(again).startswith("Ku soo dhawoow")
    assert buttons(again)[0][1] == callbacks.data(callbacks.FAMILY_LANG, "so")


async def test_after_a_reply_the_message_shows_answered_and_no_reply_goes_in_one_tap(
        chat: Chat) -> None:
    """Playtest: the replies stayed live under an answered message; a teacher tapped "I hope
    Ana feels better soon" under an answered homework question, and the family, who cannot
    read the English line, thought the child was ill. Once answered, the replies give way to
    "✅ Answered: …"; a tap there, or on an old screen, sends nothing."""
    await grandfather_asks(chat)
    relay = chat.showing(teacher(chat), WELL)
    await chat.tap(teacher(chat), WELL)
    assert chat.latest(teacher(chat), relay).buttons == [
        ("✅ Answered: Hodan is doing well.", callbacks.ANSWERED)]
    said = await chat.tap_on(teacher(chat), callbacks.ANSWERED, relay)
    assert [c.method for c in said] == ["answerCallbackQuery"]
    assert said[0].text == "Already answered ✅ To add something, reply to the message."
    sick = callbacks.data(callbacks.READY_REPLY, "sick")
    assert "✅ Sent" not in texts(await chat.tap_on(teacher(chat), sick, relay))
    assert answers_queued(chat) == 1


async def test_a_typed_answer_takes_the_ready_replies_off(chat: Chat) -> None:
    await grandfather_asks(chat)
    relay = chat.showing(teacher(chat), WELL)
    await reply(chat, teacher(chat), "Hodan is fine, thank you.", relay)
    await chat.tap(teacher(chat), callbacks.data(callbacks.ANSWER_HELD, relay, "ok"))
    assert chat.latest(teacher(chat), relay).buttons == [
        ("✅ Answered: Hodan is fine, thank you.", callbacks.ANSWERED)]
    refused = texts(await chat.tap_on(teacher(chat), callbacks.data(callbacks.READY_REPLY,
                                                                    "sick"), relay))
    assert refused == "Already answered ✅ To add something, reply to the message."
    assert answers_queued(chat) == 1


async def test_a_ready_reply_on_a_message_over_a_week_old_is_asked_about(chat: Chat) -> None:
    await grandfather_asks(chat)
    chat.clock.advance(days=8)
    assert "anyway?" in texts(await chat.tap(teacher(chat), WELL))
    assert answers_queued(chat) == 0


MEET = "💬 Please come to school to meet me on ___ at ___."


async def test_a_meeting_reply_with_a_day_and_time_goes_in_somali(chat: Chat) -> None:
    """Playtest: both parents asked to meet; no ready-made reply had a day and time, so
    "Please come on Thursday at 3pm" went in English. The day and time are chosen with the
    ready-made announcements' buttons, and the reply reads in Somali with his day name."""
    _, offered = await grandfather_asks(chat)
    meet = next(d for label, d in offered if label == MEET)
    relay = chat.showing(teacher(chat), meet)
    days = await chat.tap(teacher(chat), meet)
    assert "Which day?" in texts(days)
    labels = [label for label, _ in buttons(days)]
    assert labels[:2] == ["Tue 15 Sep", "Wed 16 Sep"] and labels[-1] == "Later ▶"
    thursday = next(d for label, d in buttons(days) if label == "Thu 17 Sep")
    times = await chat.tap(teacher(chat), thursday)
    assert "At what time?" in texts(times) and "on Thu 17 Sep at ___" in texts(times)
    halves = await chat.tap(teacher(chat), next(d for label, d in buttons(times)
                                                if label == "15:…"))
    assert "on Thu 17 Sep at ___" in texts(halves)  # the hour chosen, its half still open
    three = next(d for label, d in buttons(halves) if label == "15:00")
    first, second = await chat.double_tap(teacher(chat), three)
    assert "✅ Sent to Hodan's family member in Somali" in texts(first)
    assert "Please come to school to meet me on Thu 17 Sep at 15:00." in texts(first)
    assert "✅ Sent" not in texts(second)
    [answer] = [c.text for c in await chat.deliver() if c.chat_id == GRANDFATHER]
    assert "si aan u kulanno Khamiis 17 Sebtembar saacadda 15:00" in answer
    assert "Please come to school to meet me on Thu 17 Sep at 15:00." in answer
    assert answers_queued(chat) == 1
    # once per message: the button under his message opens no second menu
    again = texts(await chat.tap_on(teacher(chat), meet, relay))
    assert "Already answered" in again and "Which day?" not in again


async def test_forged_meeting_days_times_and_messages_send_nothing(chat: Chat) -> None:
    await grandfather_asks(chat)
    relay = chat.showing(teacher(chat), WELL)
    for when in ("20260919-1500", "20260917-0300", "20261231-1500", "p9", "2026x917"):
        data = callbacks.data(callbacks.READY_REPLY, "meet", relay, when)
        said = texts(await chat.tap_on(teacher(chat), data, relay))
        assert "✅ Sent" not in said, when
    other = chat.user(9002, "Other", "en")
    await chat.tap_on(other, callbacks.data(callbacks.READY_REPLY, "meet", relay,
                                            "20260917-1500"), relay)
    await chat.tap_on(teacher(chat), callbacks.data(callbacks.READY_REPLY, "well", relay,
                                                    "20260917-1500"), relay)
    assert answers_queued(chat) == 0
