"""Playtest: a teacher warned that no model translates into the family's language still typed
an English reply, and it went, unread, in one step. Now such an answer waits for ✅ Send as
written, beside the ready-made replies; a family who reads English, or one a model translates
for (tests/translate), gets it at once as before."""

from __future__ import annotations

from typing import Any

from bot.presentation import callbacks
from tests.harness import TEACHER_ID, Call, Chat, buttons, join_and_confirm, reply, texts

GRANDFATHER, COUSIN = 2001, 2002
HELD = ("⚠️ This goes to Hodan's family in English, exactly as written: they read Somali.")


def teacher(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def link(chat: Chat, user_id: int, first_name: str, lang: str) -> dict[str, Any]:
    made = texts(await chat.send(teacher(chat), "/family Hodan"))
    person = chat.user(user_id, first_name, lang)
    await chat.send(person, f"/start {made.split('?start=')[1].split()[0]}")
    await chat.tap(person, callbacks.data(callbacks.FAMILY_LANG, lang))
    await chat.deliver()
    return person


async def asks(chat: Chat, lang: str = "so", text: str = "/ask Hodan sidee bay u socotaa?"
               ) -> int:
    """Hodan joins, a family member links in `lang` and writes; the relay's id."""
    await join_and_confirm(chat, chat.user(name="Hodan", lang="so"), lang="so")
    member = await link(chat, GRANDFATHER if lang == "so" else COUSIN, "Awoowe", lang)
    await chat.send(member, text)
    [relayed] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert relayed.result_id is not None
    return relayed.result_id


def to_family(calls: list[Call]) -> list[str]:
    return [c.text for c in calls if c.chat_id in (GRANDFATHER, COUSIN)]


def ok_button(calls: list[Call]) -> str:
    return next(d for label, d in buttons(calls) if label == "✅ Send as written")


async def test_an_english_reply_waits_for_send_as_written_then_goes_once(chat: Chat) -> None:
    relay = await asks(chat)
    held = await reply(chat, teacher(chat), "Hodan is doing great in science!", relay)
    assert texts(held) == HELD  # one short message, nothing queued yet
    labels = [label for label, _ in buttons(held)]
    assert labels[:2] == ["✅ Send as written", "✖️ Cancel"]
    assert "💬 Hodan is doing well." in labels  # the ready-made replies, where they apply
    assert to_family(await chat.deliver()) == []
    first, second = await chat.double_tap(teacher(chat), ok_button(held))
    assert "Your answer about Hodan will be sent as you wrote it." in texts(first)
    assert "will be sent" not in texts(second)
    [answer] = to_family(await chat.deliver())
    assert "Hodan is doing great in science!" in answer
    # an old screen tapped again: said kindly, and nothing more goes
    again = await chat.tap_on(teacher(chat), ok_button(held), held[0].result_id or 0)
    assert "will be sent" not in texts(again)
    assert to_family(await chat.deliver()) == []


async def test_cancel_sends_nothing(chat: Chat) -> None:
    relay = await asks(chat)
    held = await reply(chat, teacher(chat), "See you at the meeting.", relay)
    cancel = next(d for label, d in buttons(held) if label == "✖️ Cancel")
    assert "Your message was not sent." in texts(await chat.tap(teacher(chat), cancel))
    assert to_family(await chat.deliver()) == []
    await chat.tap_on(teacher(chat), ok_button(held), held[0].result_id or 0)
    assert to_family(await chat.deliver()) == []


INSTEAD = "✅ Sent the ready-made reply instead: your own answer was not sent."


async def test_a_ready_made_reply_from_the_held_offer_goes_instead_of_the_english(
        chat: Chat) -> None:
    """Playtest: the teacher tapped a ready-made reply under the warning, and its ✅ still
    sent her English afterwards. The reply goes instead: the warning says so, ✅ is gone."""
    relay = await asks(chat)
    held = await reply(chat, teacher(chat), "She is fine.", relay)
    offer = held[0].result_id or 0
    well = next(d for label, d in buttons(held) if label == "💬 Hodan is doing well.")
    assert "✅ Sent to Hodan's family member in Somali" in texts(
        await chat.tap(teacher(chat), well))
    [answer] = to_family(await chat.deliver())
    assert "Waxbarashada Hodan si fiican ayay u socotaa." in answer
    now = chat.latest(teacher(chat), offer)
    assert now.text == INSTEAD
    assert now.buttons == []  # ✅ Send as written and ✖️ Cancel are gone
    # the family message above shows it answered: no second reply in one tap
    assert chat.latest(teacher(chat), relay).buttons == [
        ("✅ Answered: Hodan is doing well.", callbacks.ANSWERED)]
    # ✅ on the old screen: said, and the English never goes
    said = texts(await chat.tap_on(teacher(chat), ok_button(held), offer))
    assert "ready-made reply instead" in said and "will be sent" not in said
    assert to_family(await chat.deliver()) == []


async def test_a_ready_made_reply_under_the_family_message_drops_the_held_english(
        chat: Chat) -> None:
    relay = await asks(chat)
    held = await reply(chat, teacher(chat), "She is fine.", relay)
    offer = held[0].result_id or 0
    well = callbacks.data(callbacks.READY_REPLY, "well")
    await chat.tap_on(teacher(chat), well, relay)  # the button under his message
    assert chat.latest(teacher(chat), offer).text == INSTEAD
    assert chat.latest(teacher(chat), offer).buttons == []
    said = texts(await chat.tap_on(teacher(chat), ok_button(held), offer))
    assert "will be sent" not in said
    [answer] = to_family(await chat.deliver())
    assert "She is fine." not in answer and "Waxbarashada Hodan" in answer


async def test_forged_and_other_teachers_taps_send_nothing_and_lose_nothing(
        chat: Chat) -> None:
    relay = await asks(chat)
    held = await reply(chat, teacher(chat), "Thank you for writing.", relay)
    offer = held[0].result_id or 0
    forged = callbacks.data(callbacks.ANSWER_HELD, relay + 50, "ok")  # another message
    said = texts(await chat.tap_on(teacher(chat), forged, offer))
    assert "will be sent" not in said
    other = chat.user(9002, "Other", "en")
    assert "will be sent" not in texts(await chat.tap_on(other, ok_button(held), offer))
    assert to_family(await chat.deliver()) == []
    # the real ✅ still finds the teacher's words
    assert "will be sent" in texts(await chat.tap(teacher(chat), ok_button(held)))
    assert "Thank you for writing." in to_family(await chat.deliver())[0]


async def test_an_answer_typed_without_reply_is_held_too(chat: Chat) -> None:
    await asks(chat)
    offered = await chat.send(teacher(chat), "Hodan reads every day.")
    answer = next(d for _, d in buttons(offered) if d.startswith("ah:") and d != "ah:no")
    held = await chat.tap(teacher(chat), answer)
    assert HELD in texts(held)
    assert to_family(await chat.deliver()) == []
    await chat.tap(teacher(chat), ok_button(held))
    assert "Hodan reads every day." in to_family(await chat.deliver())[0]


async def test_a_family_that_reads_english_gets_the_reply_at_once(chat: Chat) -> None:
    relay = await asks(chat, "en", "/ask How is Hodan doing?")
    said = texts(await reply(chat, teacher(chat), "Doing well.", relay))
    assert "⚠️" not in said and "Send as written" not in said
    assert "Doing well." in to_family(await chat.deliver())[0]


async def test_a_meeting_reply_chosen_under_the_warning_goes_instead(chat: Chat) -> None:
    """Both parents asked to meet: "Please come on Thursday at 3pm, room 12" would have gone
    in English. The meeting reply, its day and time picked, goes in Somali instead."""
    relay = await asks(chat)
    held = await reply(chat, teacher(chat), "Please come on Thursday at 3pm, room 12.", relay)
    offer = held[0].result_id or 0
    meet = next(d for label, d in buttons(held)
                if label == "💬 Please come to school to meet me on ___ at ___.")
    days = await chat.tap(teacher(chat), meet)
    times = await chat.tap(teacher(chat), next(d for label, d in buttons(days)
                                               if label == "Thu 17 Sep"))
    halves = await chat.tap(teacher(chat), next(d for label, d in buttons(times)
                                                if label == "15:…"))
    await chat.tap(teacher(chat), next(d for label, d in buttons(halves) if label == "15:00"))
    assert chat.latest(teacher(chat), offer).text == INSTEAD
    said = texts(await chat.tap_on(teacher(chat), ok_button(held), offer))
    assert "will be sent" not in said
    [answer] = to_family(await chat.deliver())
    assert "Khamiis 17 Sebtembar saacadda 15:00" in answer and "room 12" not in answer


async def test_a_spanish_reply_to_a_tagalog_reading_student_waits_for_send_as_written(
        chat: Chat) -> None:
    """Playtest: Mr. Ortiz (Puente in Spanish) answered a Tagalog-reading student in Spanish,
    which no model here translates: it went at once, unread; a Portuguese father's got the
    step. Now the student's does too, in the teacher's language, naming both languages."""
    maria = chat.user(1001, "Maria", "tl")
    await join_and_confirm(chat, maria, lang="tl")
    ortiz = chat.user(TEACHER_ID, "Ortiz", "en")
    await chat.send(ortiz, "/language es")
    await chat.send(maria, "/ask Teacher, hindi ko po naintindihan ang takdang-aralin.")
    [relayed] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    held = await reply(chat, ortiz, "Hola Maria, mañana hablamos en clase.",
                       relayed.result_id or 0)
    assert texts(held) == ("⚠️ Esto llega a Maria tal como lo escribió, en español, sin "
                           "traducir: Maria lee en tagalo.")
    assert [label for label, _ in buttons(held)] == ["✅ Enviar tal cual", "✖️ Cancelar"]
    assert [c for c in await chat.deliver() if c.chat_id == 1001] == []
    await chat.tap(ortiz, ok_button_es(held))
    [answer] = [c.text for c in await chat.deliver() if c.chat_id == 1001]
    assert "Hola Maria, mañana hablamos en clase." in answer


async def test_an_english_reply_to_a_student_goes_at_once(chat: Chat) -> None:
    maria = chat.user(1001, "Maria", "tl")
    await join_and_confirm(chat, maria, lang="tl")
    await chat.send(maria, "/ask Teacher, hindi ko po naintindihan ang takdang-aralin.")
    [relayed] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    sent = await reply(chat, teacher(chat), "We will look at it together tomorrow.",
                       relayed.result_id or 0)
    assert "Send as written" not in str(buttons(sent))
    assert len([c for c in await chat.deliver() if c.chat_id == 1001]) == 1


def ok_button_es(calls: list[Call]) -> str:
    return next(d for label, d in buttons(calls) if label == "✅ Enviar tal cual")
