"""The stand-in speaks Telegram's wire format: PTB's own Bot gets real objects and real errors."""

from __future__ import annotations

import httpx
import pytest
from telegram import Bot, BotCommand, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden

from bot.standin import StandIn
from tests.live import TOKEN


async def test_get_me_and_send_message_return_real_objects(standin: StandIn, bot: Bot) -> None:
    ana = standin.user(101, "Ana", "es")
    me = await bot.get_me()
    assert me.is_bot and me.username == "PuenteStandInBot"
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Sí", callback_data="lc:es")]])
    message = await bot.send_message(ana.id, "<b>Hola</b> &amp; bienvenida", parse_mode="HTML",
                                     reply_markup=keyboard)
    assert message.message_id > 0 and message.chat.id == ana.id and message.date
    assert message.text == "Hola & bienvenida"
    assert message.entities[0].type == "bold" and message.entities[0].length == 4
    assert message.reply_markup == keyboard
    assert ana.received()[0].raw == "<b>Hola</b> &amp; bienvenida"
    assert ana.received()[0].buttons == [("Sí", "lc:es")]


async def test_unknown_method_is_404_and_wrong_token_401_like_telegram(standin: StandIn) -> None:
    async with httpx.AsyncClient() as client:
        missing = await client.post(f"{standin.base_url}{TOKEN}/sendTelepathy")
        assert missing.status_code == 404
        assert missing.json() == {"ok": False, "error_code": 404, "description": "Not Found"}
        wrong = await client.get(f"{standin.base_url}not-a-token/getMe")
        assert wrong.status_code == 401 and wrong.json()["description"] == "Unauthorized"


async def test_json_body_query_string_and_lower_case_names_work(standin: StandIn) -> None:
    standin.user(102, "Bo")
    async with httpx.AsyncClient() as client:
        by_json = await client.post(f"{standin.base_url}{TOKEN}/sendMessage",
                                    json={"chat_id": 102, "text": "json"})
        by_query = await client.get(f"{standin.base_url}{TOKEN}/sendmessage",
                                    params={"chat_id": "102", "text": "query"})
    assert by_json.json()["result"]["text"] == "json"
    assert by_query.json()["result"]["text"] == "query"
    assert [s.text for s in standin.sent(102)] == ["json", "query"]


async def test_a_bot_cannot_write_first_and_blocked_users_refuse(standin: StandIn,
                                                                  bot: Bot) -> None:
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(999, "hello stranger")
    standin.user(103, "Cy")
    standin.block(103)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(103, "are you there?")
    assert standin.sent() == [] and standin.stats.errors == {400: 1, 403: 1}


async def test_callback_data_over_64_bytes_is_refused(standin: StandIn, bot: Bot) -> None:
    standin.user(104, "Di")
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="é" * 33)]])
    with pytest.raises(BadRequest, match="Button_data_invalid"):
        await bot.send_message(104, "pick", reply_markup=keyboard)


async def test_edits_change_the_message_and_an_edit_that_changes_nothing_is_refused(
        standin: StandIn, bot: Bot) -> None:
    ed = standin.user(105, "Ed")
    sent = await bot.send_message(ed.id, "first")
    edited = await bot.edit_message_text("second", ed.id, sent.message_id)
    assert edited.text == "second" and edited.edit_date is not None
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_text("second", ed.id, sent.message_id)
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("x", ed.id, 9999)
    assert [s.text for s in ed.received(edits=True)] == ["first", "second"]


async def test_callback_query_is_answered_once(standin: StandIn, bot: Bot) -> None:
    fe = standin.user(106, "Fe")
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Go", callback_data="go")]])
    await bot.send_message(fe.id, "tap", reply_markup=keyboard)
    fe.tap("Go")
    (update,) = await bot.get_updates()
    assert update.callback_query.data == "go"
    assert update.callback_query.message.text == "tap"
    assert await update.callback_query.answer()
    with pytest.raises(BadRequest, match="Query is too old"):
        await update.callback_query.answer()


async def test_photo_upload_get_file_and_download(standin: StandIn, bot: Bot) -> None:
    standin.user(107, "Gu")
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + (64).to_bytes(4, "big") * 2 + b"rest"
    message = await bot.send_photo(107, png, caption="<i>QR</i>", parse_mode="HTML")
    assert message.caption == "QR" and message.photo[-1].width == 64
    file = await bot.get_file(message.photo[-1].file_id)
    assert bytes(await file.download_as_bytearray()) == png
    again = await bot.send_photo(107, message.photo[-1].file_id)  # reuse by file_id
    assert again.photo[-1].file_id == message.photo[-1].file_id
    with pytest.raises(BadRequest, match="Wrong file identifier"):
        await bot.send_photo(107, "no-such-file")


async def test_user_document_reaches_the_bot_and_downloads(standin: StandIn, bot: Bot) -> None:
    teacher = standin.user(108, "Rivera")
    teacher.send_file(b"term,definition\n", "words.csv")
    (update,) = await bot.get_updates()
    document = update.message.document
    assert document.file_name == "words.csv"
    file = await bot.get_file(document.file_id)
    assert bytes(await file.download_as_bytearray()) == b"term,definition\n"


async def test_quiz_poll_vote_and_stop(standin: StandIn, bot: Bot) -> None:
    hu = standin.user(109, "Hu")
    message = await bot.send_poll(hu.id, "habitat?", ["home", "food"], type="quiz",
                                  correct_option_ids=[0], is_anonymous=False)
    assert message.poll.type == "quiz" and not message.poll.is_anonymous
    assert message.poll.correct_option_ids == (0,)
    hu.vote(message.poll.id, 1)
    (update,) = await bot.get_updates()
    assert update.poll_answer.poll_id == message.poll.id
    assert update.poll_answer.option_ids == (1,) and update.poll_answer.user.id == hu.id
    stopped = await bot.stop_poll(hu.id, message.message_id)
    assert stopped.is_closed


async def test_commands_are_kept_per_scope_and_language(bot: Bot) -> None:
    await bot.set_my_commands([BotCommand("start", "Begin")])
    await bot.set_my_commands([BotCommand("start", "Empezar")], language_code="es")
    assert [c.description for c in await bot.get_my_commands()] == ["Begin"]
    assert [c.description for c in await bot.get_my_commands(language_code="es")] == ["Empezar"]
    await bot.delete_my_commands(language_code="es")
    assert await bot.get_my_commands(language_code="es") == ()


async def test_chat_action_voice_and_document(standin: StandIn, bot: Bot) -> None:
    standin.user(110, "Iv")
    assert await bot.send_chat_action(110, "typing")
    voice = await bot.send_voice(110, b"OggS-clip", duration=2)
    document = await bot.send_document(110, b"a,b\n", filename="report.csv", caption="CSV")
    assert voice.voice.mime_type == "audio/ogg" and document.document.file_name == "report.csv"
    assert [s.method for s in standin.sent(110)] == ["sendVoice", "sendDocument"]
