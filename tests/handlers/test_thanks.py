"""A thank-you is not a question (playtest finding): a family's message that is only thanks
still reaches the teacher, says so to the family, and never leaves the teacher's /thread
"⏳ waiting for your answer"."""

from __future__ import annotations

from typing import Any

import pytest

from bot.demo.offline import Call
from bot.presentation import callbacks
from tests.families import MOTHER, NADIA, WOODLY, answered, okafor, rivera, shared_phone
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, reply, texts

THANKED = "🙏 This looks like a thank-you: no answer needed."
NO_ANSWER = "· 🙏 a thank-you, no answer needed"
WAITING = "· ⏳ waiting for your answer"


def rivera_en(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def linked(chat: Chat, lang: str, user_id: int = 2001) -> dict[str, Any]:
    """Ana (a student of Ms. Rivera's) and one family member of hers, in `lang`."""
    await join_and_confirm(chat, chat.user(lang="es"))
    made = texts(await chat.send(rivera_en(chat), "/family Ana"))
    member = chat.user(user_id, f"Family{user_id}", lang)
    await chat.send(member, f"/start {made.split('?start=')[1].split()[0]}")
    await chat.tap(member, callbacks.data(callbacks.FAMILY_LANG, lang))
    await chat.deliver()  # the teacher hears of the new link
    return member


def sent_messages(calls: list[Call]) -> list[Call]:
    return [c for c in calls if c.method == "sendMessage"]


def thread_lines(listing: str) -> list[str]:
    """/thread's lines after its header, each from its date on."""
    return [line.split(" · ", 1)[1] for line in listing.split("\n")[1:]]


async def test_a_thank_you_replying_to_an_answer_goes_at_once_and_is_called_thanks(
        chat: Chat) -> None:
    mother = await shared_phone(chat)
    answer = await answered(chat, mother, WOODLY, rivera(chat))
    said = await reply(chat, mother, "Mèsi anpil, madam!", answer)
    assert buttons(said) == []  # no "which child?", no "shall I send it?"
    # no answer promised
    assert texts(said) == "🙏 Remèsiman ou yo sou wout pou pwofesè a, ki anseye Woodly."
    delivered = await chat.deliver()
    assert [c.chat_id for c in delivered] == [TEACHER_ID]  # Ms. Rivera, not Mr. Okafor
    relayed = delivered[0].text
    assert "<blockquote>Mèsi anpil, madam!</blockquote>" in relayed
    assert THANKED in relayed
    assert relayed.endswith("Nobody sees anyone's Telegram account.")  # she may still answer


async def test_the_teachers_thread_says_a_thank_you_needs_no_answer_and_a_question_does(
        chat: Chat) -> None:
    mother = await shared_phone(chat)
    answer = await answered(chat, mother, WOODLY, rivera(chat))
    await reply(chat, mother, "Mèsi anpil, madam!", answer)
    await chat.deliver()
    listing = texts(await chat.send(rivera(chat), "/thread Woodly"))
    assert thread_lines(listing) == [
        "✉️ Manman, a family member, written in Haitian Creole",
        "↩️ your answer, written in English · sent as you wrote it",  # no ht model here
        f"✉️ Manman, a family member, written in Haitian Creole {NO_ANSWER}"]
    assert "⏳" not in listing
    chat.clock.advance(minutes=5)
    await reply(chat, mother, "Mèsi! Èske li gen devwa pou demen?", answer)  # thanks, and asks
    await chat.deliver()
    assert thread_lines(texts(await chat.send(rivera(chat), "/thread Woodly")))[2:] == [
        f"✉️ Manman, a family member, written in Haitian Creole {NO_ANSWER}",
        f"✉️ Manman, a family member, written in Haitian Creole {WAITING}"]
    kept = [str(cell) for row in chat.db.execute("SELECT * FROM thread_messages") for cell in row]
    assert not any("Mèsi" in cell for cell in kept)  # a flag, never the words


async def test_a_thank_you_about_the_other_child_reaches_that_childs_teacher(
        chat: Chat) -> None:
    mother = await shared_phone(chat)
    answer = await answered(chat, mother, NADIA, okafor(chat))
    said = await reply(chat, mother, "Mèsi, mesye.", answer)
    assert texts(said) == "🙏 Remèsiman ou yo sou wout pou pwofesè a, ki anseye Nadia."
    delivered = await chat.deliver()
    assert [c.chat_id for c in delivered] == [okafor(chat)["id"]]
    assert THANKED in delivered[0].text


@pytest.mark.parametrize(("lang", "thanks", "offer", "sent"), [
    ("hmn", "Ua tsaug ntau!", "🙏 Puas xa koj lo lus ua tsaug rau tus xib fwb?",
     "🙏 Koj lo lus ua tsaug tab tom mus rau Ana tus xib fwb."),
    ("es", "Gracias", "🙏 ¿Le hago llegar su agradecimiento al maestro o la maestra?",
     "🙏 Su agradecimiento va en camino al maestro o la maestra de Ana."),
    ("ht", "Mèsi", "🙏 Èske m pase remèsiman ou yo bay pwofesè a?",
     "🙏 Remèsiman ou yo sou wout pou pwofesè a, ki anseye Ana."),
    ("so", "Mahadsanid", "🙏 Ma u gudbiyaa mahadnaqaaga macallinka?",
     "🙏 Mahadnaqaagu wuxuu u socdaa macallinka Ana."),
    ("en", "Thank you Ms. Carter", "🙏 Shall I pass your thanks on to the teacher?",
     "🙏 Your thanks are on their way to Ana's teacher."),
    ("ar", "شكرا", "\u200f🙏 هل أنقل شكركم إلى المعلّم أو المعلّمة؟",  # starts right-to-left
     "\u200f🙏 شكركم في طريقه إلى معلّم أو معلّمة \u2068Ana\u2069."),
    ("vi", "Cảm ơn cô", "🙏 Tôi chuyển lời cảm ơn của quý vị đến giáo viên nhé?",
     "🙏 Lời cảm ơn của quý vị đang được gửi đến giáo viên của Ana."),
])
async def test_a_family_thank_you_is_offered_as_thanks_and_passed_on_after_a_tap(
        chat: Chat, lang: str, thanks: str, offer: str, sent: str) -> None:
    member = await linked(chat, lang)
    offered = await chat.send(member, thanks)
    assert texts(offered) == offer
    assert [data for _, data in buttons(offered)] == ["ak:1001", "ak:no"]
    assert [c for c in await chat.deliver() if c.chat_id == TEACHER_ID] == []  # not before it
    confirmed = texts(sent_messages(await chat.tap(member, "ak:1001")))
    assert confirmed == sent
    relayed = [c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert len(relayed) == 1 and THANKED in relayed[0]
    assert thread_lines(texts(await chat.send(rivera_en(chat), "/thread Ana")))[0].endswith(
        NO_ANSWER)


async def test_thanks_with_a_question_is_a_normal_message_that_waits_for_an_answer(
        chat: Chat) -> None:
    member = await linked(chat, "en")
    offered = await chat.send(member, "Thanks, but why did she get 2/5?")
    assert texts(offered) == ("Thank you for your message. Shall I send it to the teacher? The "
                              "teacher will see your words just as you wrote them.")
    assert texts(sent_messages(await chat.tap(member, "ak:1001"))) == (
        "Your message is on its way to Ana's teacher. The answer will come here, "
        "as the teacher writes it.")
    relayed = [c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert len(relayed) == 1 and "thank-you" not in relayed[0]
    assert thread_lines(texts(await chat.send(rivera_en(chat), "/thread Ana"))) == [
        f"✉️ Family2001, a family member, written in English {WAITING}"]


async def test_ask_with_a_thank_you_passes_it_on_at_once(chat: Chat) -> None:
    member = await linked(chat, "es")
    said = await chat.send(member, "/ask Muchas gracias maestra 🙏")
    assert buttons(said) == []
    assert texts(said) == "🙏 Su agradecimiento va en camino al maestro o la maestra de Ana."
    relayed = [c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert len(relayed) == 1 and THANKED in relayed[0]
    assert "Muchas gracias maestra 🙏" in relayed[0]


async def test_a_students_thanks_reaches_the_teacher_as_thanks(chat: Chat) -> None:
    # The teacher still reads it; a class's "gracias" are no threads waiting for answers.
    await join_and_confirm(chat, chat.user(lang="es"))
    said = texts(await chat.send(chat.user(lang="es"), "/ask Gracias maestra"))
    assert said == ("🙏 Tu agradecimiento va en camino a tu maestro o maestra.\n"
                    "🙏 Your thanks are on their way to your teacher.")
    relayed = [c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert len(relayed) == 1 and THANKED in relayed[0] and "Gracias maestra" in relayed[0]
    assert MOTHER not in [c.chat_id for c in chat.api.calls]


async def test_a_students_stray_thank_you_is_welcomed_and_offered_as_thanks(chat: Chat) -> None:
    """A playtest child wrote "gracias maestra!" after her check and was told "I cannot answer
    messages like this"."""
    student = chat.user(lang="es")
    await join_and_confirm(chat, student)
    offered = await chat.send(student, "gracias maestra!")
    assert texts(offered) == ("😊 ¡De nada! ¿Le paso tu agradecimiento a tu maestro o maestra?\n"
                              "😊 You're welcome! Shall I pass your thanks on to your teacher?")
    assert [data for _, data in buttons(offered)] == ["ak:1001", "ak:no"]
    assert texts(sent_messages(await chat.tap(student, "ak:1001"))) == (
        "🙏 Tu agradecimiento va en camino a tu maestro o maestra.\n"
        "🙏 Your thanks are on their way to your teacher.")
    relayed = [c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert len(relayed) == 1 and THANKED in relayed[0]


@pytest.mark.parametrize("said", ["ok", "Vale", "OK!", "dakò"])
async def test_a_students_ok_points_to_what_the_bot_can_do(chat: Chat, said: str) -> None:
    student = chat.user(lang="es")
    await join_and_confirm(chat, student)
    reply = await chat.send(student, said)
    assert buttons(reply) == []
    assert "/check" in texts(reply) and "maestro" not in texts(reply)
    anything = await chat.send(student, "ok, I need help with my homework")
    # more than "ok" is still offered
    assert "¿Lo envío?" in texts(anything) and "tu maestro o maestra" in texts(anything)
