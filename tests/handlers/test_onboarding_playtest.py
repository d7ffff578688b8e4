"""Joining and the first days, as a grade-8 ELD teacher's first day and a Mandarin grade-3
newcomer found them (playtests): English is never offered as the one-tap home language; a
greeting that tells no language is acknowledged, the menu ordered by its letters; a teacher
corrects a student's home language, and a level she sets is told to the student; /check
before the cards says why at every level; a first-day reminder calls words only read on
cards new, not "to review"."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from bot.presentation import callbacks
from bot.store import people
from tests.harness import (
    MATH_TEACHER_ID,
    TEACHER_ID,
    Chat,
    join_and_confirm,
    page_through,
    placed_at_level_one,
    texts,
    two_classes,
)

NOT_TOLD = "🌍 I could not tell your language from that: tap it below."


def question(calls: list) -> Any:
    return next(c for c in calls if "🌍" in c.text)


def labels(call: Any) -> list[str]:
    return [b["text"] for row in call.params["reply_markup"]["inline_keyboard"] for b in row]


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def to_student(chat: Chat, user_id: int) -> list[str]:
    """What the outbox brings the student now."""
    return [c.text for c in await chat.deliver() if c.chat_id == user_id]


@pytest.mark.parametrize("words", ["hello my name is Thiago", "hello"])
async def test_english_words_on_an_english_phone_never_offer_english_as_the_home_language(
        chat: Chat, words: str) -> None:
    thiago = chat.user(1001, "Thiago", "en")
    await chat.send(thiago, "/start JOINcode_123")
    asked = question(await chat.send(thiago, words))
    assert "Is your home language" not in asked.text
    assert asked.text.startswith(
        "🌍 Thank you! And at home, what language do you speak? Tap it below.")
    names = labels(asked)
    assert not any("✅" in name for name in names)  # no one-tap guess at all
    assert names[0] != "English" and names[-2] == "English"  # last, before 🌐 Other languages
    assert people.get_student(chat.db, 1001).language is None


@pytest.mark.parametrize("greeting", ["oi", "olá", "annyeong", "مرحبا"])
async def test_a_greeting_that_tells_no_language_is_acknowledged(chat: Chat,
                                                                 greeting: str) -> None:
    kid = chat.user(1001, "Kid", "en")
    first = question(await chat.send(kid, "/start JOINcode_123"))
    again = question(await chat.send(kid, greeting))
    assert again.text != first.text
    assert NOT_TOLD in again.text.split("\n")


async def test_arabic_letters_put_the_languages_written_in_them_first(chat: Chat) -> None:
    kid = chat.user(1001, "Kid", "en")
    await chat.send(kid, "/start JOINcode_123")
    again = question(await chat.send(kid, "مرحبا"))
    arabic = "\u200f🌍 لم أعرف لغتك من هذه الرسالة. ما لغتك؟ اللغات في الأزرار في الأسفل."
    assert again.text == f"{arabic}\n{NOT_TOLD}"  # in Arabic first, the letters' language
    assert labels(again)[:4] == ["العربية", "فارسی", "اردو", "پښتو"]
    assert len(again.params["reply_markup"]["inline_keyboard"][0]) == 3  # none alone on top
    await chat.tap(kid, callbacks.data(callbacks.LANGUAGE, "fa"))
    assert people.get_student(chat.db, 1001).language == "fa"


async def test_a_teacher_corrects_a_home_language_and_the_student_is_told_in_both(
        chat: Chat) -> None:
    thiago = chat.user(1001, "Thiago", "en")
    await join_and_confirm(chat, thiago, "en")  # the polite "English ✅ Yes"
    reply = texts(await chat.send(rivera(chat), "/language Thiago Portuguese"))
    assert reply.strip() == ("🌍 Thiago's home language is now Portuguese (Português). Thiago "
                             "gets a short note about it, in that language and in English.")
    assert people.get_student(chat.db, 1001).language == "pt"
    assert await to_student(chat, 1001) == [
        "🌍 Seu professor ou sua professora definiu seu idioma de casa: português. Se não "
        "estiver certo, envie /language.\n"
        "🌍 Your teacher set your home language: Portuguese. If it is not right, send "
        "/language."]
    again = texts(await chat.send(rivera(chat), "/language Thiago pt")).strip()
    assert again.startswith("Thiago's home language is Portuguese") and "nothing changed" in again
    assert await to_student(chat, 1001) == []  # nothing new to tell


async def test_only_a_students_own_teachers_can_correct_their_language(chat: Chat) -> None:
    two_classes(chat.db, chat.clock())  # Layla: Mr. Okafor's Math 6 only
    reply = texts(await chat.send(rivera(chat), "/language Layla Spanish"))
    assert "Layla" in reply and "home language is now" not in reply
    assert people.get_student(chat.db, 1002).language == "ar"
    okafor = chat.user(MATH_TEACHER_ID, "Okafor", "en")
    assert "home language is now Spanish" in texts(
        await chat.send(okafor, "/language Layla Spanish"))
    assert people.get_student(chat.db, 1002).language == "es"


async def test_a_teacher_language_without_a_known_language_says_how(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(1001, "Thiago", "en"), "en")
    reply = texts(await chat.send(rivera(chat), "/language Thiago Klingon"))
    assert reply.startswith("I don't know the language “Klingon”.")
    assert people.get_student(chat.db, 1001).language == "en"


async def test_a_student_hears_the_level_their_teacher_set(chat: Chat) -> None:
    olga = chat.user(1001, "Olga", "ru")
    await chat.send(olga, "/start JOINcode_123")
    await chat.tap(olga, callbacks.data(callbacks.LANGUAGE, "ru"))
    await chat.tap(olga, "pl:0:4")  # 🤷 on the first question: placed at level 1
    await chat.deliver()
    await chat.send(rivera(chat), "/level Olga 4")
    assert await to_student(chat, 1001) == [
        "🎚️ Учитель установил твой уровень: 4 (из 6), расширение (Expanding). Твои карточки "
        "будут ему соответствовать.\n"
        "🎚️ Your teacher set your level: 4 (of 6), Expanding. Your cards will fit it."]
    await chat.send(rivera(chat), "/level Olga 4")  # the same level: nothing changes for her
    assert await to_student(chat, 1001) == []
    await chat.send(rivera(chat), "/level Olga 6")  # her cards are English first now: so is this
    assert (await to_student(chat, 1001))[0].startswith(
        "🎚️ Your teacher set your level: 6 (of 6), Reaching.")


@pytest.mark.parametrize(("level", "english_first"), [(2, False), (5, True)])
async def test_check_before_the_cards_says_why_at_every_level(chat: Chat, level: int,
                                                               english_first: bool) -> None:
    linh = chat.user(1001, "Linh", "vi")
    await join_and_confirm(chat, linh, "vi", level=level)
    sent = [c.text for c in await chat.send(linh, "/check") if c.method == "sendMessage"]
    english = "📘 First, read your new cards. Then tap ✅ for your check."
    home = "📘 Trước tiên, bạn hãy đọc các thẻ từ mới. Sau đó chạm ✅ để làm bài kiểm tra."
    line = f"{english}\n{home}" if english_first else f"{home}\n{english}"
    assert sent[0].startswith(f"{line}\n\n📘 ")  # first, over the first card (its header)


async def test_a_first_day_reminder_does_not_call_words_only_read_reviews(chat: Chat) -> None:
    minh = chat.user(1001, "Minh", "vi")
    await page_through(chat, minh, await placed_at_level_one(chat, minh))  # 3 cards read
    job = chat.app.job_queue.get_jobs_by_name("school-reminder")[0]
    chat.clock.now = chat.clock.now.replace(hour=20) + timedelta(days=1)  # Tue 16:00
    before = len(chat.api.calls)
    await job.run(chat.app)
    said = [c.text for c in chat.api.calls[before:] if c.chat_id == 1001]
    assert len(said) == 1 and "review" not in said[0] and "ôn" not in said[0]
    assert said[0].endswith(
        "Hi Minh! New words from your cards, ready for a check: 3. Tap /check (2 minutes).")
