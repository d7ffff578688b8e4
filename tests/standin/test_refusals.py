"""Every Bot API method Puente calls is refused by the stand-in with Telegram's own texts: a chat
the bot never had, a person who blocked it, a message gone, a tap too old to answer."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeChat,
    InlineKeyboardButton,
    Message,
    ReplyParameters,
)
from telegram import InlineKeyboardMarkup as Keys
from telegram.error import BadRequest, Forbidden

from bot.standin import StandIn

Send = Callable[[Bot, int], Awaitable[Any]]
SENDS: dict[str, Send] = {
    "sendMessage": lambda bot, chat: bot.send_message(chat, "hi"),
    "sendPhoto": lambda bot, chat: bot.send_photo(chat, b"\x89PNG\r\n\x1a\n"),
    "sendDocument": lambda bot, chat: bot.send_document(chat, b"a,b", filename="r.csv"),
    "sendVoice": lambda bot, chat: bot.send_voice(chat, b"OggS", duration=1),
    "sendAudio": lambda bot, chat: bot.send_audio(chat, b"OggS", filename="word.ogg"),
    "sendPoll": lambda bot, chat: bot.send_poll(chat, "Which?", ["a", "b"], type="quiz",
                                                correct_option_ids=[0], is_anonymous=False),
    "editMessageText": lambda bot, chat: bot.edit_message_text("x", chat, 1),
    "editMessageReplyMarkup": lambda bot, chat: bot.edit_message_reply_markup(chat, 1),
    "editMessageCaption": lambda bot, chat: bot.edit_message_caption(chat, 1, caption="x"),
    "copyMessage": lambda bot, chat: bot.copy_message(chat, 201, 1),
}


@pytest.mark.parametrize("name", list(SENDS))
async def test_a_chat_the_bot_never_had_is_not_found(bot: Bot, name: str) -> None:
    with pytest.raises(BadRequest, match=r"^Chat not found$"):
        await SENDS[name](bot, 999)


@pytest.mark.parametrize("name", list(SENDS))
async def test_a_person_who_blocked_the_bot_refuses_everything(standin: StandIn, bot: Bot,
                                                               name: str) -> None:
    standin.user(201, "Ana").say("hola")  # the message copyMessage copies
    standin.user(202, "Bo")
    standin.block(202)
    with pytest.raises(Forbidden, match=r"^Forbidden: bot was blocked by the user$"):
        await SENDS[name](bot, 202)


async def test_a_message_gone_cannot_be_edited_or_copied(standin: StandIn, bot: Bot) -> None:
    standin.user(203, "Cy")
    with pytest.raises(BadRequest, match=r"^Message to edit not found$"):
        await bot.edit_message_text("x", 203, 77)
    with pytest.raises(BadRequest, match=r"^Message to edit not found$"):
        await bot.edit_message_reply_markup(203, 77)
    with pytest.raises(BadRequest, match=r"^Message to copy not found$"):
        await bot.copy_message(203, 203, 77)


async def test_a_voice_note_is_copied_with_its_new_caption(standin: StandIn, bot: Bot) -> None:
    standin.user(204, "Di").send_voice(b"OggS-voice", duration=3)
    standin.user(205, "Teacher")
    copied = await bot.copy_message(205, 204, 1, caption="<b>From Di</b>", parse_mode="HTML")
    (sent,) = standin.sent(205)
    assert sent.message_id == copied.message_id and sent.method == "copyMessage"
    assert sent.message["voice"]["duration"] == 3 and sent.message["caption"] == "From Di"


async def test_an_edit_that_changes_nothing_is_refused_in_telegrams_words(
        standin: StandIn, bot: Bot) -> None:
    standin.user(206, "Ed")
    keys = Keys([[InlineKeyboardButton("Next ▶ 2/3", callback_data="cd:1:1")]])
    sent = await bot.send_message(206, "<b>card</b>", parse_mode="HTML", reply_markup=keys)
    for edit in (bot.edit_message_text("<b>card</b>", 206, sent.message_id, parse_mode="HTML",
                                       reply_markup=keys),
                 bot.edit_message_reply_markup(206, sent.message_id, reply_markup=keys)):
        with pytest.raises(BadRequest) as refused:
            await edit
        assert refused.value.message == (
            "Message is not modified: specified new message content and reply markup are "
            "exactly the same as a current content and reply markup of the message")


async def test_a_tap_is_answered_within_15_minutes_and_not_after(standin: StandIn,
                                                                  bot: Bot) -> None:
    fe = standin.user(207, "Fe")
    await bot.send_message(207, "tap", reply_markup=Keys([[InlineKeyboardButton(
        "Go", callback_data="go")]]))
    fe.tap("Go")
    fe.tap("Go")
    early, late = await bot.get_updates()
    standin.age_queries(14 * 60)
    assert await early.callback_query.answer()  # 14 minutes: still answered
    standin.age_queries(2 * 60)
    with pytest.raises(BadRequest, match=r"^Query is too old and response timeout expired or "
                       r"query id is invalid$"):
        await late.callback_query.answer()


async def test_a_menu_for_a_chat_the_bot_never_had_is_refused(standin: StandIn,
                                                              bot: Bot) -> None:
    standin.user(208, "Gu")
    assert await bot.set_my_commands([BotCommand("words", "My words")],
                                     scope=BotCommandScopeChat(208))
    with pytest.raises(BadRequest, match=r"^Chat not found$"):
        await bot.set_my_commands([BotCommand("words", "My words")],
                                  scope=BotCommandScopeChat(999))


async def test_a_voice_note_has_a_caption_to_edit_and_no_text(standin: StandIn,
                                                               bot: Bot) -> None:
    standin.user(207, "Fa")
    keys = Keys([[InlineKeyboardButton("habitat", callback_data="an:1:0")]])
    note = await bot.send_voice(207, b"OggS", duration=1, caption="Which word?",
                                reply_markup=keys)
    with pytest.raises(BadRequest, match=r"^There is no text in the message to edit$"):
        await bot.edit_message_text("✅ Yes!", 207, note.message_id)
    with pytest.raises(BadRequest, match=r"^Message is not modified"):
        await bot.edit_message_caption(207, note.message_id, caption="Which word?",
                                       reply_markup=keys)
    edited = await bot.edit_message_caption(207, note.message_id, caption="<b>✅ Yes!</b>",
                                            parse_mode="HTML")
    assert isinstance(edited, Message) and edited.caption == "✅ Yes!"
    assert edited.reply_markup is None and edited.voice is not None  # its buttons went
    text = await bot.send_message(207, "hi")
    with pytest.raises(BadRequest, match=r"^There is no caption in the message to edit$"):
        await bot.edit_message_caption(207, text.message_id, caption="x")


async def test_a_reply_to_a_message_the_person_deleted_is_refused_unless_allowed(
        standin: StandIn, bot: Bot) -> None:
    ha = standin.user(209, "Ha")
    card = await bot.send_message(209, "📘 card 1/3")
    pointer = await bot.send_message(209, "👆 here", reply_parameters=ReplyParameters(
        card.message_id, allow_sending_without_reply=False))
    assert pointer.reply_to_message is not None
    assert pointer.reply_to_message.message_id == card.message_id  # Telegram quotes it
    ha.delete(card.message_id)
    for reply in (ReplyParameters(card.message_id, allow_sending_without_reply=False),
                  ReplyParameters(card.message_id)):  # Telegram's default: refused too
        with pytest.raises(BadRequest, match=r"^Message to be replied not found$"):
            await bot.send_message(209, "👆 here", reply_parameters=reply)
    with pytest.raises(BadRequest, match=r"^Message to edit not found$"):
        await bot.edit_message_text("card 2/3", 209, card.message_id)
    alone = await bot.send_message(209, "👆 here", reply_parameters=ReplyParameters(
        card.message_id, allow_sending_without_reply=True))
    assert alone.reply_to_message is None  # sent, as a message of its own
    assert card.message_id not in [m["message_id"] for m in ha.screen()]
