"""Telegram is the spec: a second tap that arrives before the first one's edit, or a tap too old
to answer, is done already. The student sees no error, no duplicate, and the work stands."""

from __future__ import annotations

import asyncio
import logging

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest

from bot.demo.offline import Call, OfflineBotAPI
from bot.presentation import callbacks
from tests.harness import (
    Chat,
    check_now,
    is_next,
    join_and_confirm,
    open_item,
    page_through,
    restarted,
)

SPANISH_ERROR = "Algo salió mal"  # error-generic, Spanish


def data_of(calls: list[Call], wanted: str) -> str:
    """The callback data of the first button whose label contains `wanted`."""
    return next(d for c in calls for label, d in c.buttons if wanted in label)


def next_data(calls: list[Call]) -> str:
    return next(d for c in calls for label, d in c.buttons if is_next(label))


async def first_card(chat: Chat, user: dict, level: int = 1) -> list[Call]:
    await join_and_confirm(chat, user, level=level)
    return await chat.send(user, "/words")


def quietly_done(calls: list[Call]) -> bool:
    """The tap was answered (its spinner stops) and nothing else happened."""
    return [c.method for c in calls] == ["answerCallbackQuery"]


async def test_a_double_tap_on_next_turns_the_card_once_and_says_nothing_more(
        chat: Chat, caplog: pytest.LogCaptureFixture) -> None:
    ana = chat.user(lang="es")
    tap = next_data(await first_card(chat, ana))
    with caplog.at_level(logging.INFO):
        first, second = await chat.double_tap(ana, tap)
    assert [c.method for c in first] == ["answerCallbackQuery", "editMessageText"]
    assert quietly_done(second)  # Telegram said "not modified": it shows that card already
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING or r.exc_info]


async def test_a_double_tap_on_back_turns_back_once(chat: Chat) -> None:
    ana = chat.user(lang="es")
    await chat.tap(ana, next_data(await first_card(chat, ana)))
    back = data_of(chat.api.calls[-1:], "◀")
    first, second = await chat.double_tap(ana, back)
    assert "📘" in next(c for c in first if c.method == "editMessageText").text  # card 1
    assert quietly_done(second)


async def test_a_double_tap_on_a_cards_flip_flips_it_once(chat: Chat) -> None:
    ana = chat.user(lang="es")
    flip = data_of(await first_card(chat, ana, level=3), "🔁")
    first, second = await chat.double_tap(ana, flip)
    assert [c.method for c in first] == ["answerCallbackQuery", "editMessageText"]
    assert quietly_done(second)


async def test_a_double_tap_on_flip_under_bundled_cards_sends_them_flipped_once(
        chat: Chat) -> None:
    ana = chat.user(lang="es")
    flip = data_of(await first_card(chat, ana, level=5), "🔁")
    first, second = await chat.double_tap(ana, flip)
    assert [c.method for c in first[:2]] == ["answerCallbackQuery", "editMessageReplyMarkup"]
    assert any(c.method == "sendMessage" for c in first)  # the cards, home language first
    assert quietly_done(second)  # the 🔁 had left the message: no second copy of the cards


async def test_a_double_tap_on_a_language_confirms_once(chat: Chat) -> None:
    ana = chat.user(lang="es")
    await chat.send(ana, "/start JOINcode_123")
    first, second = await chat.double_tap(ana, callbacks.data(callbacks.LANGUAGE, "es"))
    assert any(c.method == "sendMessage" for c in first)
    assert quietly_done(second)  # its buttons were gone: the first tap did the work


async def test_a_double_tap_on_an_answer_shows_the_next_question_once(chat: Chat) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=3)
    await check_now(chat, ana)
    stored = open_item(chat)
    while stored.poll_id or stored.item.typed:
        await chat.vote(ana, stored.poll_id, 0) if stored.poll_id else \
            await chat.send(ana, stored.item.answer)
        stored = open_item(chat)
    first, second = await chat.double_tap(ana, f"an:{stored.id}:0")
    assert sum(c.method in ("editMessageText", "sendMessage", "sendPoll") for c in first) >= 1
    assert quietly_done(second)
    assert SPANISH_ERROR not in "".join(c.text for c in second)


async def test_a_tap_too_old_to_answer_still_turns_the_card_without_an_error(
        chat: Chat, caplog: pytest.LogCaptureFixture) -> None:
    ana = chat.user(lang="es")
    tap = next_data(await first_card(chat, ana))
    chat.api.expire_queries()  # the bot was down for 20 minutes: Telegram takes no answer now
    with caplog.at_level(logging.INFO):
        calls = await chat.tap(ana, tap)
    assert [c.method for c in calls] == ["editMessageText"]  # the card turned all the same
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING or r.exc_info]


async def test_an_error_after_a_tap_is_explained_though_the_tap_was_answered_already(
        chat: Chat) -> None:
    ana = chat.user(lang="es")
    await first_card(chat, ana)
    calls = await chat.tap(ana, "cd:999999:1")  # Telegram refuses the error handler's answer
    assert [c.method for c in calls] == ["answerCallbackQuery", "sendMessage"]
    assert calls[-1].text.startswith("Esa tarjeta es de una lista vieja")


async def test_the_offline_api_answers_edits_and_taps_as_telegram_does() -> None:
    api = OfflineBotAPI()
    bot = Bot("123:offline", request=api, get_updates_request=api)
    keys = InlineKeyboardMarkup([[InlineKeyboardButton("Next", callback_data="n")]])
    sent = await bot.send_message(5, "<b>card</b>", parse_mode="HTML", reply_markup=keys)
    with pytest.raises(BadRequest, match=r"^Message is not modified: specified new message"):
        await bot.edit_message_text("<b>card</b>", 5, sent.message_id, parse_mode="HTML",
                                    reply_markup=keys)
    with pytest.raises(BadRequest, match=r"^Message is not modified"):
        await bot.edit_message_reply_markup(5, sent.message_id, reply_markup=keys)
    await bot.edit_message_reply_markup(5, sent.message_id)  # the keyboard goes: a change
    with pytest.raises(BadRequest, match=r"^Message is not modified"):
        await bot.edit_message_text("<b>card</b>", 5, sent.message_id, parse_mode="HTML")
    assert await bot.answer_callback_query("42")
    with pytest.raises(BadRequest, match=r"^Query is too old and response timeout expired"):
        await bot.answer_callback_query("42")  # one answer a tap


async def test_the_offline_api_edits_a_voice_notes_caption_never_its_text() -> None:
    api = OfflineBotAPI()
    bot = Bot("123:offline", request=api, get_updates_request=api)
    keys = InlineKeyboardMarkup([[InlineKeyboardButton("habitat", callback_data="an:1:0")]])
    note = await bot.send_voice(5, b"OggS", caption="Which word?", reply_markup=keys)
    with pytest.raises(BadRequest, match=r"^There is no text in the message to edit$"):
        await bot.edit_message_text("✅ Yes!", 5, note.message_id)
    with pytest.raises(BadRequest, match=r"^Message is not modified"):
        await bot.edit_message_caption(5, note.message_id, caption="Which word?",
                                       reply_markup=keys)
    await bot.edit_message_caption(5, note.message_id, caption="✅ Yes!")  # buttons go
    tapped = api.showing(5, note.message_id)
    assert tapped is not None and tapped["caption"] == "✅ Yes!" and "voice" in tapped
    assert "reply_markup" not in tapped and "text" not in tapped
    text = await bot.send_message(5, "<b>card</b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"^There is no caption in the message to edit$"):
        await bot.edit_message_caption(5, text.message_id, caption="x")
    assert [c.method for c in api.refused] == ["editMessageText", "editMessageCaption",
                                               "editMessageCaption"]


def questions_sent(calls: list[Call]) -> list[Call]:
    """The check questions among these calls (a quiz poll, or a message or voice note)."""
    return [c for c in calls if c.method in ("sendPoll", "sendMessage", "sendVoice")
            and "1/3" in c.text]


def open_checks(chat: Chat) -> int:
    return chat.db.execute("SELECT count(DISTINCT check_id) FROM check_items "
                           "WHERE answered_at IS NULL").fetchone()[0]


async def cards_read(chat: Chat, user: dict) -> None:
    """A level-1 Somali newcomer who read her three cards: their ✅ starts a check."""
    await join_and_confirm(chat, user, lang="so", level=1)
    cards = await page_through(chat, user, await chat.send(user, "/words"))
    assert any(d == callbacks.CHECK for _, d in cards[-1].buttons)


async def test_a_double_tap_on_test_me_asks_the_first_question_once(chat: Chat) -> None:
    # The playtest: question 1 came twice, a quiz poll and then the same question as buttons
    hodan = chat.user(lang="so")
    await cards_read(chat, hodan)
    first, second = await chat.double_tap(hodan, callbacks.CHECK)
    assert len(questions_sent(first)) == 1
    assert [(c.method, c.params.get("text")) for c in second] == [
        ("answerCallbackQuery", "👇 Su'aashaadu hoos ayay kugu sugaysaa.")]  # no message
    assert open_checks(chat) == 1 and chat.db["check_items"].count == 3


@pytest.mark.parametrize("order", ["per user", "all at once"])
async def test_two_taps_on_test_me_handled_together_open_one_check_and_ask_once(
        chat: Chat, order: str) -> None:
    """The second tap is handled while the first still waits on Telegram: Puente runs one
    user's updates in order (PerUserOrder); run at once, they still ask one question."""
    hodan = chat.user(lang="so")
    await cards_read(chat, hodan)
    message_id = chat.showing(hodan, callbacks.CHECK)
    message = chat.api.showing(hodan["id"], message_id)
    taps = [Update.de_json(chat.factory.tap(hodan, callbacks.CHECK, message_id, message),
                           chat.app.bot) for _ in range(2)]
    chat.api.latency = 0.02  # each Bot API call takes a while: the taps overlap
    before = len(chat.api.calls)
    app = chat.app
    await asyncio.gather(*(app.update_processor.process_update(tap, app.process_update(tap))
                           if order == "per user" else app.process_update(tap) for tap in taps))
    calls = chat.api.calls[before:]
    assert len(questions_sent(calls)) == 1
    assert sorted(str(c.params.get("text")) for c in calls if c.method == "answerCallbackQuery"
                  ) == ["None", "👇 Su'aashaadu hoos ayay kugu sugaysaa."]
    assert open_checks(chat) == 1 and chat.db["check_items"].count == 3


async def test_test_me_tapped_again_after_a_restart_points_to_its_quiz_poll(chat: Chat) -> None:
    hodan = chat.user(lang="so")
    await cards_read(chat, hodan)
    first = await chat.tap(hodan, callbacks.CHECK)
    assert [c.method for c in questions_sent(first)] == ["sendPoll"]
    again = await restarted(chat)  # nothing in memory: the poll's message is in the store
    try:
        calls = await again.tap(hodan, callbacks.CHECK)
    finally:
        await again.app.shutdown()
    assert [(c.method, c.params.get("text")) for c in calls] == [
        ("answerCallbackQuery", "👇 Su'aashaadu hoos ayay kugu sugaysaa.")]
