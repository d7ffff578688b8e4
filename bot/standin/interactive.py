"""Bot API methods around interaction: edits, copies, polls, callback query answers."""

from __future__ import annotations

import copy
import time

from bot.standin import objects
from bot.standin.html_check import Parsed
from bot.standin.methods import (
    CAPTION_LIMIT,
    NOT_MODIFIED,
    TEXT_LIMIT,
    Params,
    Telegram,
    deliver,
    formatted,
    inline_markup,
    method,
    pace,
    replied,
    target,
)
from bot.standin.state import JSON, Sent
from bot.standin.updates import ApiError

QUERY_LIFETIME = 15 * 60  # seconds Telegram takes an answer to a tap


def _stored(tg: Telegram, p: Params, missing: str) -> tuple[int, JSON]:
    if p.text("inline_message_id"):
        raise ApiError(400, "Bad Request: MESSAGE_ID_INVALID")  # inline mode is not emulated
    chat_id = target(tg, p)
    message = tg.world.messages.get((chat_id, p.number("message_id") or 0))
    if message is None or message.get("from", {}).get("id") != tg.me["id"]:
        raise ApiError(400, f"Bad Request: {missing}")
    return chat_id, message


def _edited(tg: Telegram, name: str, p: Params, chat_id: int, message: JSON,
            parsed: Parsed) -> JSON:
    tg.world.record(Sent(name, chat_id, message["message_id"], tg.world.now(), parsed.text,
                         p.text("text") or p.text("caption") or "", message, dict(p.values)))
    return message


@method("editMessageText")
async def edit_message_text(tg: Telegram, p: Params) -> JSON:
    """Replace a message's text (and keyboard); refuse an edit that changes nothing."""
    chat_id, old = _stored(tg, p, "message to edit not found")
    if "text" not in old:
        raise ApiError(400, "Bad Request: there is no text in the message to edit")
    if not (p.text("text") or "").strip():
        raise ApiError(400, "Bad Request: message text is empty")
    parsed = formatted(tg, p, "text", TEXT_LIMIT)
    markup = inline_markup(p)
    new = copy.deepcopy(old)
    new["text"] = parsed.text
    new.pop("entities", None)
    if parsed.entities:
        new["entities"] = parsed.entities
    new.pop("reply_markup", None)
    if markup is not None:
        new["reply_markup"] = markup
    if (new.get("text"), new.get("entities"), new.get("reply_markup")) == (
            old.get("text"), old.get("entities"), old.get("reply_markup")):
        raise ApiError(400, NOT_MODIFIED)
    new["edit_date"] = int(time.time())
    return _edited(tg, "editMessageText", p, chat_id, new, parsed)


@method("editMessageCaption")
async def edit_message_caption(tg: Telegram, p: Params) -> JSON:
    """Replace a media message's caption (and keyboard); a text message has no caption to
    edit, and an edit that changes nothing is refused."""
    chat_id, old = _stored(tg, p, "message to edit not found")
    if "text" in old or "poll" in old:
        raise ApiError(400, "Bad Request: there is no caption in the message to edit")
    parsed = formatted(tg, p, "caption", CAPTION_LIMIT)
    markup = inline_markup(p)
    new = copy.deepcopy(old)
    for key in ("caption", "caption_entities", "reply_markup"):
        new.pop(key, None)
    if parsed.text:
        new["caption"] = parsed.text
    if parsed.entities:
        new["caption_entities"] = parsed.entities
    if markup is not None:
        new["reply_markup"] = markup
    if all(new.get(k) == old.get(k) for k in ("caption", "caption_entities", "reply_markup")):
        raise ApiError(400, NOT_MODIFIED)
    new["edit_date"] = int(time.time())
    return _edited(tg, "editMessageCaption", p, chat_id, new, parsed)


@method("editMessageReplyMarkup")
async def edit_message_reply_markup(tg: Telegram, p: Params) -> JSON:
    """Replace (or remove) a message's inline keyboard."""
    chat_id, old = _stored(tg, p, "message to edit not found")
    markup = inline_markup(p)
    if markup == old.get("reply_markup") or (markup is None and "reply_markup" not in old):
        raise ApiError(400, NOT_MODIFIED)
    new = copy.deepcopy(old)
    new.pop("reply_markup", None)
    if markup is not None:
        new["reply_markup"] = markup
    new["edit_date"] = int(time.time())
    text = new.get("text") or new.get("caption") or ""
    return _edited(tg, "editMessageReplyMarkup", p, chat_id, new, Parsed(text))


@method("copyMessage")
async def copy_message(tg: Telegram, p: Params) -> JSON:
    """Copy a message (a person's voice note, say) to a chat, with a new caption if given;
    Telegram answers with the copy's MessageId only."""
    chat_id = target(tg, p)
    source = tg.world.messages.get((p.number("from_chat_id") or 0, p.number("message_id") or 0))
    if source is None:
        raise ApiError(400, "Bad Request: message to copy not found")
    parsed = formatted(tg, p, "caption", CAPTION_LIMIT) if p.text("caption") is not None \
        else Parsed(source.get("caption") or source.get("text") or "")
    inline_markup(p)
    pace(tg, chat_id)
    content = {k: copy.deepcopy(v) for k, v in source.items()
               if k in ("text", "entities", "photo", "document", "voice", "audio", "poll")}
    if "text" not in content and parsed.text:
        content["caption"] = parsed.text
    message = deliver(tg, "copyMessage", p, chat_id, content, parsed)
    return {"message_id": message["message_id"]}


@method("sendPoll")
async def send_poll(tg: Telegram, p: Params) -> JSON:
    """Send a poll or quiz; Telegram gives it a long numeric id."""
    chat_id = target(tg, p)
    question = p.text("question") or ""
    if not 1 <= len(question) <= 300:
        raise ApiError(400, "Bad Request: poll question length must not exceed 300")
    p.values["options"] = p.decoded("options") or []
    if not 2 <= len(p.values["options"]) <= 12:
        raise ApiError(400, "Bad Request: poll must have at least 2 option")
    if p.values.get("correct_option_ids") is not None:
        p.values["correct_option_ids"] = p.decoded("correct_option_ids")
    if p.text("type") == "quiz" and p.values.get("correct_option_ids") is None \
            and p.number("correct_option_id") is None:
        raise ApiError(400, "Bad Request: wrong correct option id")
    inline_markup(p)
    reply = replied(tg, p, chat_id)
    pace(tg, chat_id)
    poll_id = str(5_000_000_000_000_000_000 + len(tg.world.polls) + 1)
    message = deliver(tg, "sendPoll", p, chat_id,
                      {**reply, "poll": objects.poll(poll_id, p.values)}, Parsed(question))
    tg.world.polls[poll_id] = (chat_id, message["message_id"])
    return message


@method("stopPoll")
async def stop_poll(tg: Telegram, p: Params) -> JSON:
    """Close a poll the bot sent and return its final state."""
    chat_id, old = _stored(tg, p, "message with poll to stop not found")
    if "poll" not in old:
        raise ApiError(400, "Bad Request: message with poll to stop not found")
    if old["poll"]["is_closed"]:
        raise ApiError(400, "Bad Request: poll has already been closed")
    new = copy.deepcopy(old)
    new["poll"]["is_closed"] = True
    tg.world.messages[(chat_id, new["message_id"])] = new
    return new["poll"]


@method("answerCallbackQuery")
async def answer_callback_query(tg: Telegram, p: Params) -> bool:
    """Answer a button tap once, within 15 minutes; a second, late or unknown answer is
    refused."""
    query_id = p.text("callback_query_id") or ""
    made = tg.world.open_queries.pop(query_id, None)
    if made is None or tg.world.now() - made > QUERY_LIFETIME:
        raise ApiError(400, "Bad Request: query is too old and response timeout expired or "
                       "query ID is invalid")
    tg.world.query_answers[query_id] = dict(p.values)
    tg.world.changed()
    return True
