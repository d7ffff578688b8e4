"""Playtest (Vietnamese, Haitian Creole, Korean, Tagalog families and students): what a child
is told to send comes with a button (a child may not type "/words"), a missed word re-taught
at levels 1-2 is one short line before its card, a family who wrote on Friday night is told
the teacher reads it by Monday morning, and a teacher told "no English translation" is told
who can add the model, once a week."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.config import TranslationConfig
from bot.presentation import callbacks
from bot.store import check_items
from bot.translation.translator import Translator, engine_for
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    buttons,
    check_now,
    join_and_confirm,
    page_through,
    placed_at_level_one,
    texts,
    with_holidays,
)

FAMILY = 2001
INSTALL = "The person who runs Puente can add it: <code>puente translate install {}</code>"


async def family_member(chat: Chat, lang: str) -> dict[str, Any]:
    made = texts(await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/family Ana"))
    person = chat.user(FAMILY, "Lan", lang)
    await chat.send(person, f"/start {made.split('?start=')[1].split()[0]}")
    await chat.tap(person, callbacks.data(callbacks.FAMILY_LANG, lang))
    await chat.deliver()
    return person


def at_school_time(chat: Chat, days: int, hour: int, minute: int = 0) -> None:
    """`days` after Monday 14 Sep, at hour:minute in New York (UTC-4 in September)."""
    start = chat.clock.now.replace(hour=0, minute=0) - timedelta(days=chat.clock.now.weekday())
    chat.clock.now = start + timedelta(days=days, hours=hour + 4, minutes=minute)


async def test_a_family_writing_on_friday_night_is_told_monday_morning(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="vi"), lang="vi")
    lan = await family_member(chat, "vi")
    at_school_time(chat, 4, 22, 13)  # Friday 22:13
    said = texts(await chat.send(lan, "/ask Con tôi học thế nào?"))
    assert ("📅 Ngày học tiếp theo là thứ Hai: giáo viên sẽ thấy tin nhắn chậm nhất vào sáng "
            "thứ Hai.") in said
    assert "07:00" not in said
    at_school_time(chat, 5, 14)  # Saturday afternoon, no quiet hours: still Monday
    assert "thứ Hai" in texts(await chat.send(lan, "/ask Cảm ơn cô, con có bài tập không?"))
    at_school_time(chat, 8, 22, 13)  # Tuesday night: Wednesday is a school day
    said = texts(await chat.send(lan, "/ask Con tôi học thế nào?"))
    assert "07:00" in said and "📅" not in said


async def test_after_a_long_break_the_family_is_told_the_date(chat: Chat) -> None:
    chat = with_holidays(chat, *(chat.clock.now.date() + timedelta(days=d) for d in range(7, 12)))
    await join_and_confirm(chat, chat.user(lang="es"))
    lan = await family_member(chat, "es")
    at_school_time(chat, 4, 22, 13)  # Friday night before a week off
    said = texts(await chat.send(lan, "/ask ¿Cómo va Ana?"))
    assert "📅 El próximo día de clases es lun 28 de septiembre: " in said


@pytest.fixture
def no_models(chat: Chat, tmp_path: Path) -> Chat:
    """Translation on, with no model at all."""
    models = tmp_path / "models"
    chat.app.bot_data.services.translator = Translator(
        chat.db, TranslationConfig(True, models), engine=engine_for(models), clock=chat.clock)
    return chat


async def teacher_reads(chat: Chat) -> str:
    return "\n".join(c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID)


async def test_a_teacher_told_there_is_no_model_is_told_who_can_add_it_once_a_week(
        no_models: Chat) -> None:
    chat = no_models
    await join_and_confirm(chat, chat.user(lang="vi"), lang="vi")
    lan = await family_member(chat, "vi")
    await chat.send(lan, "/ask Con tôi học thế nào?")
    first = await teacher_reads(chat)
    assert "No English translation" in first and INSTALL.format("vi") in first
    # the command follows: the teacher (or who runs Puente) may run it on this computer
    assert "this computer has no Vietnamese model" in first
    chat.clock.advance(days=2)
    await chat.send(lan, "/ask Con có bài tập không?")
    second = await teacher_reads(chat)
    assert "No English translation" in second and "translate install" not in second
    # no command to run: the school's translator, as families and students read it
    assert "the school's translator has no Vietnamese model" in second
    assert "this computer" not in second
    chat.clock.advance(days=6)
    await chat.send(lan, "/ask Cảm ơn cô, con có bài kiểm tra không?")
    assert INSTALL.format("vi") in await teacher_reads(chat)


async def test_no_install_line_for_a_language_with_no_model_to_install(no_models: Chat
                                                                        ) -> None:
    chat = no_models
    await join_and_confirm(chat, chat.user(lang="ht"), lang="ht")
    lan = await family_member(chat, "ht")
    await chat.send(lan, "/ask Kijan pitit mwen ap fè lekòl la?")
    read = await teacher_reads(chat)
    assert "Kijan pitit mwen" in read and "translate install" not in read


async def finish_check(chat: Chat, user: dict, right: bool) -> list:
    await check_now(chat, user)
    calls: list = []
    while check_items.next_open_item(chat.db, 1001) is not None:
        calls = await answer_current(chat, user, right=right)
    return calls


async def test_a_check_that_says_look_at_the_cards_has_a_button_for_them(chat: Chat) -> None:
    wideline = chat.user(lang="ht")
    await join_and_confirm(chat, wideline, lang="ht", level=3)
    last = await finish_check(chat, wideline, right=False)
    assert "Gade kat ankò ak /words" in texts(last)  # one word or several: Kreyòl has one form
    assert ("📖 Kat mwen yo", callbacks.WORDS) in buttons(last)
    cards = await chat.tap(wideline, callbacks.WORDS)  # what /words sends
    assert "Which word means" not in texts(cards) and texts(cards)


async def test_a_checks_last_message_has_a_button_for_each_command_it_names(
        chat: Chat) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=3)
    last = await finish_check(chat, ana, right=True)
    end = texts(last).rsplit("\n\n", 1)[-1]
    named = {data for command, data in (("/words", callbacks.WORDS), ("/check", callbacks.CHECK))
             if command in end}
    assert {data for _, data in buttons(last)} == named


async def test_the_reminder_has_a_button_that_starts_the_check(chat: Chat) -> None:
    minh = chat.user(1001, "Minh", "vi")
    await page_through(chat, minh, await placed_at_level_one(chat, minh))
    job = chat.app.job_queue.get_jobs_by_name("school-reminder")[0]
    chat.clock.now = chat.clock.now.replace(hour=20) + timedelta(days=1)
    before = len(chat.api.calls)
    await job.run(chat.app)
    [reminder] = [c for c in chat.api.calls[before:] if c.chat_id == 1001]
    assert "Bấm /check" in reminder.text
    assert reminder.buttons == [("✅ Làm bài kiểm tra", callbacks.CHECK)]
    asked = await chat.tap(minh, callbacks.CHECK)
    assert check_items.next_open_item(chat.db, 1001) is not None and asked


async def re_taught(chat: Chat, lang: str, level: int) -> str:
    """The message after a word missed on two days in a row: the feedback, its card again."""
    user = chat.user(lang=lang)
    await join_and_confirm(chat, user, lang=lang, level=level)
    missed, said = None, ""
    for _ in range(2):
        await check_now(chat, user)
        while (stored := check_items.next_open_item(chat.db, 1001)) is not None \
                and not stored.practice:
            missed = missed or stored.item.word_id
            calls = await answer_current(chat, user, right=stored.item.word_id != missed)
            if stored.item.word_id == missed:
                said = texts(calls)
        chat.clock.advance(days=1)
    return said


async def test_a_level_one_word_re_taught_is_one_short_line_before_its_card(chat: Chat
                                                                            ) -> None:
    said = await re_taught(chat, "ht", 1)
    before_card = said.strip().split("\n<b>", 1)[0].splitlines()
    assert before_card[:2] == ["🔁 Se pa sa. Gade kat sa a, epi pratike l:",
                               "🔁 Not quite. Look at this card, then practice it:"]
    # a word spelled with letter tiles: what she spelled, letters only (nothing to read)
    assert len(before_card) == 4 and re.fullmatch(r"✔️ <b>[a-z]+</b>", before_card[2])
    assert re.fullmatch(r"🔤 [a-z<>/u]+", before_card[3])  # her letters under the word
    assert "W ap wè l ankò demen" not in said  # no promise the practice below contradicts


async def test_a_re_taught_word_is_practised_now_before_it_comes_back(chat: Chat) -> None:
    said = await re_taught(chat, "ko", 3)
    assert "You will practice it again in this check. You will see it again" in said
    assert "이번 퀴즈에서 한 번 더 연습해요." in said
