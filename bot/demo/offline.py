"""An offline Bot API for `puente demo` and the tests: a real python-telegram-bot request layer
that answers each call locally, records it, and can be told to fail like Telegram does."""

from __future__ import annotations

import asyncio
import copy
import html
import itertools
import json
import re
import time
from dataclasses import dataclass, field
from typing import Any

from telegram.request import BaseRequest, RequestData

NOT_MODIFIED = ("Bad Request: message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup of the message")
TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"
NO_TEXT = "Bad Request: there is no text in the message to edit"
NO_CAPTION = "Bad Request: there is no caption in the message to edit"
NO_POLL = "Bad Request: message with poll to stop not found"
POLL_CLOSED = "Bad Request: poll has already been closed"
REPLY_GONE = "Bad Request: message to be replied not found"
NO_MESSAGE = "Bad Request: message to edit not found"
BOT_USER = {"id": 777000111, "is_bot": True, "first_name": "Puente", "username": "PuenteDemoBot",
            "can_join_groups": False, "can_read_all_group_messages": False,
            "supports_inline_queries": False}
# Message ids: Telegram numbers a private chat's messages with one sequence for both sides, so
# a person's message sent before the bot's has the lower id (a typed answer older than the
# question it would answer is told apart by it: answers.answer_typed). One counter for every
# offline API and update factory in the process keeps that order within each chat, and keeps
# it across a restart (a new Application over the same store), as Telegram's ids do.
MESSAGE_IDS = itertools.count(1000)


@dataclass
class Call:
    """One Bot API call the bot made."""

    method: str
    params: dict[str, Any]
    files: dict[str, bytes] = field(default_factory=dict)
    at: float = field(default_factory=time.monotonic)  # when the call arrived
    result_id: int | None = None  # the message id Telegram gave a message this call sent
    file_names: dict[str, str] = field(default_factory=dict)  # an uploaded file's own name

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return int(value) if value is not None else None

    @property
    def text(self) -> str:
        return str(self.params.get("text") or self.params.get("caption")
                   or self.params.get("question") or "")

    @property
    def reply_to(self) -> int | None:
        """The id of the message this send replies to (None: not a reply)."""
        return _reply_target(self.params)[0]

    @property
    def buttons(self) -> list[tuple[str, str]]:
        """(label, callback data) of every inline button, row by row."""
        markup = self.params.get("reply_markup")
        if isinstance(markup, str):
            markup = json.loads(markup)
        rows = (markup or {}).get("inline_keyboard", [])
        return [(b["text"], b.get("callback_data") or b.get("url", "")) for row in rows
                for b in row]


@dataclass
class Failure:
    status: int
    description: str
    retry_after: int | None = None
    method: str | None = None  # only this Bot API method fails (None: any send)


class OfflineBotAPI(BaseRequest):
    """Answer Bot API calls locally, as Telegram would for a healthy bot."""

    def __init__(self, latency: float = 0.0) -> None:
        self.latency = latency  # seconds each call takes, so concurrent senders interleave
        self.calls: list[Call] = []
        self.refused: list[Call] = []  # calls answered with Telegram's 400 refusal
        self._message_ids = MESSAGE_IDS
        self._poll_ids = itertools.count(1)
        self._failures: dict[int, list[Failure]] = {}
        self.uploads: dict[str, bytes] = {}  # file_id -> content users "sent" to the bot
        # (chat, message id) -> the message as it shows now (text or caption, keyboard): to
        # refuse an edit that changes nothing as Telegram does, and for a tap to carry it
        self.shown: dict[tuple[int, int], dict[str, Any]] = {}
        self.answered: set[str] = set()  # callback queries answered: Telegram takes one answer
        self.deleted: set[tuple[int, int]] = set()  # (chat, message id) the person deleted
        self.queries_expired = False  # True: every tap is over 15 minutes old

    @property
    def read_timeout(self) -> float | None:
        return None

    async def initialize(self) -> None:
        """Nothing to open: there is no network."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    def fail_next(self, chat_id: int, failure: Failure, times: int = 1) -> None:
        """Make the next `times` sends to `chat_id` fail with `failure`."""
        self._failures.setdefault(chat_id, []).extend([failure] * times)

    def block(self, chat_id: int, times: int = 1000) -> None:
        """Behave as if this user blocked the bot."""
        self.fail_next(chat_id, Failure(403, "Forbidden: bot was blocked by the user"), times)

    def expire_queries(self) -> None:
        """Behave as if every tap from now on is too old to answer (the bot was down)."""
        self.queries_expired = True

    def delete(self, chat_id: int, message_id: int) -> None:
        """Behave as if the person deleted this message of the bot's from her chat: the bot is
        not told; an edit of it, or a reply to it, is refused as Telegram refuses them."""
        self.shown.pop((chat_id, message_id), None)
        self.deleted.add((chat_id, message_id))

    def sent_to(self, chat_id: int) -> list[Call]:
        return [c for c in self.calls if c.chat_id == chat_id and c.method.startswith("send")]

    def showing(self, chat_id: int, message_id: int) -> dict[str, Any] | None:
        """The message as a tap on it carries it (what it shows now, text without its tags),
        or None for a message this API never sent."""
        message = copy.deepcopy(self.shown.get((chat_id, message_id)))
        if message is not None and "text" in message:
            message["text"], quotes = _plain(message["text"])
            if quotes:  # Telegram marks each quote block, as the bot's words under a button
                message["entities"] = quotes
        return message

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout: Any = None, write_timeout: Any = None,
                         connect_timeout: Any = None, pool_timeout: Any = None
                         ) -> tuple[int, bytes]:
        """Record the call and return Telegram's JSON answer for it."""
        if self.latency:
            await asyncio.sleep(self.latency)
        api_method = url.rsplit("/", 1)[-1]
        if method == "GET":  # a file download: Telegram serves what the user uploaded
            content = self.uploads.get(api_method)
            return (200, content) if content is not None else (404, b"")
        params = dict(request_data.parameters) if request_data else {}
        files, file_names = {}, {}
        if request_data and request_data.contains_files:
            for name, part in (request_data.multipart_data or {}).items():
                if isinstance(part, tuple) and len(part) >= 2 and isinstance(part[1], bytes):
                    files[name] = part[1]
                    file_names[name] = str(part[0] or name)
        chat = params.get("chat_id")
        queue = self._failures.get(int(chat), []) if chat is not None else []
        if queue and (queue[0].method == api_method  # e.g. an edit Telegram refuses
                      or (queue[0].method is None and api_method.startswith("send"))):
            failure = queue.pop(0)
            body: dict[str, Any] = {"ok": False, "error_code": failure.status,
                                    "description": failure.description}
            if failure.retry_after is not None:
                body["parameters"] = {"retry_after": failure.retry_after}
            return failure.status, json.dumps(body).encode()
        refused = self._refusal(api_method, params)
        if refused is not None:
            self.refused.append(Call(api_method, params, files))
            return 400, json.dumps({"ok": False, "error_code": 400, "description": refused}
                                   ).encode()
        if api_method == "sendVoice":
            return self._voice(params, files)
        call = Call(api_method, params, files, file_names=file_names)
        self.calls.append(call)
        result = self._result(api_method, params)
        if isinstance(result, dict) and "message_id" in result:
            call.result_id = result["message_id"]
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def _refusal(self, api_method: str, params: dict[str, Any]) -> str | None:
        """Telegram's refusal of a repeated answer, an edit that changes nothing, or an edit
        of text a voice note does not have (or of a caption a text message does not have)."""
        if api_method == "answerCallbackQuery":
            query_id = str(params.get("callback_query_id"))
            if self.queries_expired or query_id in self.answered:
                return TOO_OLD
            self.answered.add(query_id)
            return None
        if api_method == "stopPoll":
            poll = (self.shown.get(_shown_key(params)) or {}).get("poll")
            return NO_POLL if poll is None else POLL_CLOSED if poll["is_closed"] else None
        if api_method.startswith("send"):
            message_id, allow = _reply_target(params)
            gone = (int(params.get("chat_id", 0)), message_id) in self.deleted
            return REPLY_GONE if message_id is not None and gone and not allow else None
        if not api_method.startswith("editMessage"):
            return None
        if _shown_key(params) in self.deleted:
            return NO_MESSAGE
        old = self.shown.get(_shown_key(params))
        if old is None:  # a message this API never sent (a hand-built tap): accept
            return None
        field = {"editMessageText": "text", "editMessageCaption": "caption"}.get(api_method)
        if field == "text" and "text" not in old:
            return NO_TEXT
        if field == "caption" and "text" in old:
            return NO_CAPTION
        same = field is None or (params.get(field) or None) == old.get(field)
        if same and _keyboard(params) == _keyboard(old):
            return NOT_MODIFIED
        return None

    def _remember(self, message: dict[str, Any], params: dict[str, Any]) -> None:
        """Keep what a message shows now: its content and the keyboard this call gave it."""
        shown = copy.deepcopy(message)
        shown.pop("reply_markup", None)
        if _keyboard(params):
            shown["reply_markup"] = {"inline_keyboard": _keyboard(params)}
        self.shown[(message["chat"]["id"], message["message_id"])] = shown

    def _voice(self, params: dict[str, Any], files: dict[str, bytes]) -> tuple[int, bytes]:
        """A voice note: an upload gets a new file_id; a file_id must be one uploaded here."""
        if files:
            file_id = f"voice-{len(self.uploads) + 1}"
            self.uploads[file_id] = next(iter(files.values()))
        else:
            file_id = str(params.get("voice"))
            if file_id not in self.uploads:
                return 400, json.dumps({"ok": False, "error_code": 400, "description":
                                        "Bad Request: wrong file identifier/HTTP URL specified"
                                        }).encode()
        call = Call("sendVoice", params, files)
        self.calls.append(call)
        message = self._message("sendVoice", params)
        call.result_id = message["message_id"]
        message["voice"] = {"file_id": file_id, "file_unique_id": file_id,
                            "duration": int(params.get("duration") or 1),
                            "mime_type": "audio/ogg", "file_size": len(self.uploads[file_id])}
        self._remember(message, params)
        return 200, json.dumps({"ok": True, "result": message}).encode()

    def _result(self, api_method: str, params: dict[str, Any]) -> Any:
        if api_method == "getMe":
            return BOT_USER
        if api_method == "getUpdates":
            return []
        if api_method == "getFile":
            file_id = str(params.get("file_id"))
            return {"file_id": file_id, "file_unique_id": file_id,
                    "file_size": len(self.uploads.get(file_id, b"")), "file_path": file_id}
        if api_method in ("sendMessage", "sendPhoto", "sendDocument", "sendAudio", "sendPoll"):
            message = self._message(api_method, params)
            self._remember(message, params)
            return message
        if api_method in ("editMessageText", "editMessageCaption", "editMessageReplyMarkup"):
            return self._edited(api_method, params)
        if api_method == "copyMessage":  # a relayed voice note: Telegram answers with its id
            return {"message_id": next(self._message_ids)}
        if api_method == "stopPoll":  # the poll closed: it takes no more votes
            message = self.shown[_shown_key(params)]
            message["poll"]["is_closed"] = True
            return message["poll"]
        return True

    def _edited(self, api_method: str, params: dict[str, Any]) -> dict[str, Any]:
        """The message after an edit: the new text or caption (if edited), the new keyboard."""
        message = self._message(api_method, params)
        old = self.shown.get((message["chat"]["id"], message["message_id"]))
        if old is None:
            return message  # a message this API never sent (a hand-built tap)
        message = {**copy.deepcopy(old), "edit_date": message["date"]}
        if api_method == "editMessageText":
            message["text"] = params.get("text")
        elif api_method == "editMessageCaption":
            message.pop("caption", None)
            if params.get("caption"):
                message["caption"] = params["caption"]
        self._remember(message, params)
        return message

    def _message(self, api_method: str, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params.get("chat_id", 0))
        message: dict[str, Any] = {
            "message_id": int(params.get("message_id") or next(self._message_ids)),
            "date": int(time.time()), "chat": {"id": chat_id, "type": "private"},
            "from": BOT_USER}
        if "text" in params:
            message["text"] = params["text"]
        replied = self.shown.get((chat_id, _reply_target(params)[0] or 0))
        if replied is not None and api_method.startswith("send"):
            message["reply_to_message"] = {k: copy.deepcopy(v) for k, v in replied.items()
                                           if k != "reply_to_message"}
        if params.get("caption") and api_method.startswith("send"):
            message["caption"] = params["caption"]
        if api_method == "sendPhoto":
            message["photo"] = [{"file_id": "photo", "file_unique_id": "photo", "width": 640,
                                 "height": 480}]
        if api_method == "sendDocument":
            message["document"] = {"file_id": "doc", "file_unique_id": "doc"}
        if api_method == "sendAudio":
            message["audio"] = {"file_id": "audio", "file_unique_id": "audio", "duration": 1}
        if api_method == "sendPoll":
            options = params.get("options", [])
            message["poll"] = {
                "id": f"poll-{next(self._poll_ids)}", "question": params.get("question", ""),
                "options": [{"text": o if isinstance(o, str) else o.get("text", ""),
                             "voter_count": 0, "persistent_id": f"option-{i}"}
                            for i, o in enumerate(options)],
                "total_voter_count": 0, "is_closed": False, "is_anonymous": False,
                "type": "quiz", "allows_multiple_answers": False, "allows_revoting": False,
                "members_only": False,
                "correct_option_ids": params.get("correct_option_ids")}
        return message


def _reply_target(params: dict[str, Any]) -> tuple[int | None, bool]:
    """The message a send replies to (reply_parameters, or the older reply_to_message_id), and
    whether it may go without the reply when that message is gone."""
    wanted = params.get("reply_parameters")
    if isinstance(wanted, str):
        wanted = json.loads(wanted)
    if isinstance(wanted, dict):
        message_id, allow = wanted.get("message_id"), wanted.get("allow_sending_without_reply")
    else:
        message_id = params.get("reply_to_message_id")
        allow = params.get("allow_sending_without_reply")
    return (None if message_id is None else int(message_id)), allow in (True, "true", 1)


def _shown_key(params: dict[str, Any]) -> tuple[int, int]:
    """The (chat, message id) a call names, as `OfflineBotAPI.shown` keeps messages."""
    return int(params.get("chat_id", 0)), int(params.get("message_id") or 0)


def _keyboard(params: dict[str, Any]) -> Any:
    """The inline keyboard a call asks for, decoded (None: no keyboard)."""
    markup = params.get("reply_markup")
    if isinstance(markup, str):
        markup = json.loads(markup)
    return (markup or {}).get("inline_keyboard") or None


class UpdateFactory:
    """Build real Update objects, as Telegram would send them, for one bot."""

    def __init__(self) -> None:
        self._ids = itertools.count(1)

    @staticmethod
    def user(user_id: int, first_name: str = "Ana", language_code: str | None = None
             ) -> dict[str, Any]:
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
        if language_code:
            user["language_code"] = language_code
        return user

    def message(self, user: dict[str, Any], text: str) -> dict[str, Any]:
        """An update carrying a private text message (a command gets its entity)."""
        message: dict[str, Any] = {
            "message_id": next(MESSAGE_IDS), "date": int(time.time()),
            "chat": {"id": user["id"], "type": "private", "first_name": user["first_name"]},
            "from": user, "text": text}
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0,
                                    "length": len(text.split()[0])}]
        return {"update_id": next(self._ids), "message": message}

    def document(self, user: dict[str, Any], file_id: str, file_name: str, size: int
                 ) -> dict[str, Any]:
        """An update carrying a file the user sent (upload its bytes to the offline API)."""
        update = self.message(user, "")
        message = update["message"]
        del message["text"]
        message["document"] = {"file_id": file_id, "file_unique_id": file_id,
                               "file_name": file_name, "file_size": size}
        return update

    def tap(self, user: dict[str, Any], data: str, message_id: int = 1,
            message: dict[str, Any] | None = None) -> dict[str, Any]:
        """An update for a tapped inline button carrying `data`, on `message` as it shows now
        (OfflineBotAPI.showing); without one, on a message that shows that button."""
        if message is None:
            message = {"message_id": message_id, "date": int(time.time()),
                       "chat": {"id": user["id"], "type": "private"}, "from": BOT_USER,
                       "text": "...", "reply_markup": {"inline_keyboard": [
                           [{"text": "...", "callback_data": data}]]}}
        return {"update_id": next(self._ids), "callback_query": {
            "id": str(next(self._ids)), "from": user, "chat_instance": "demo",
            "data": data, "message": message}}

    def poll_answer(self, user: dict[str, Any], poll_id: str, option: int) -> dict[str, Any]:
        """An update for a vote in a non-anonymous quiz poll (it carries no chat)."""
        return {"update_id": next(self._ids), "poll_answer": {
            "poll_id": poll_id, "user": user, "option_ids": [option],
            "option_persistent_ids": [f"option-{option}"]}}


def _utf16(text: str) -> int:
    """Telegram's length of a text: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def _plain(text: str) -> tuple[str, list[dict[str, Any]]]:
    """An HTML message as Telegram shows it: its text without tags, and its quote blocks as
    entities (offset and length in UTF-16 units)."""
    plain, quotes, opened = "", [], None
    for piece in re.split(r"(<[^>]*>)", text):
        if piece.startswith("<blockquote"):
            opened = _utf16(plain)
        elif piece == "</blockquote>" and opened is not None:
            quotes.append({"type": "blockquote", "offset": opened,
                           "length": _utf16(plain) - opened})
            opened = None
        elif not piece.startswith("<"):
            plain += html.unescape(piece)
    return plain, quotes
