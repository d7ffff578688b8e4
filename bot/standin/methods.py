"""The Bot API methods the stand-in answers, with Telegram's checks and error texts."""

from __future__ import annotations

import copy
import json
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from bot.standin.faults import Faults
from bot.standin.html_check import EntityError, Parsed, parse_html, utf16_len
from bot.standin.limits import FloodControl
from bot.standin.state import JSON, Sent, StoredFile, World
from bot.standin.updates import ApiError, UpdateQueue

TEXT_LIMIT, CAPTION_LIMIT, CALLBACK_DATA_LIMIT = 4096, 1024, 64
NOT_MODIFIED = ("Bad Request: message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup of the message")
REPLY_GONE = "Bad Request: message to be replied not found"
_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


@dataclass
class Params:
    """A request's parameters as Telegram reads them: query, form, JSON or multipart."""

    values: dict[str, Any]
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)

    def text(self, key: str) -> str | None:
        value = self.values.get(key)
        return None if value is None else str(value)

    def number(self, key: str, default: int | None = None) -> int | None:
        value = self.values.get(key)
        if value in (None, ""):
            return default
        try:
            return int(value)
        except (TypeError, ValueError):
            raise ApiError(400, f"Bad Request: invalid {key} specified") from None

    def decoded(self, key: str) -> Any:
        """A JSON-typed parameter (reply_markup, allowed_updates ...), sent as a string."""
        value = self.values.get(key)
        if isinstance(value, str):
            try:
                return json.loads(value)
            except json.JSONDecodeError:
                raise ApiError(400, f"Bad Request: can't parse {key} JSON object") from None
        return value

    def flag(self, key: str) -> bool:
        value = self.values.get(key)
        return value in (True, "true", "True", "1", 1)


@dataclass
class Telegram:
    """Everything a method may read or change."""

    world: World
    queue: UpdateQueue
    flood: FloodControl
    faults: Faults
    me: JSON
    strict_html: bool = True


Method = Callable[[Telegram, Params], Awaitable[Any]]
METHODS: dict[str, Method] = {}


def method(name: str) -> Callable[[Method], Method]:
    """Register a Bot API method (Telegram matches names case-insensitively)."""
    def register(func: Method) -> Method:
        METHODS[name.lower()] = func
        return func
    return register


async def call(tg: Telegram, name: str, params: Params) -> Any:
    """Run one Bot API method; unknown names get Telegram's 404."""
    func = METHODS.get(name.lower())
    if func is None:
        raise ApiError(404, "Not Found")
    tg.world.stats.requests[name] += 1
    return await func(tg, params)


@method("getMe")
async def get_me(tg: Telegram, p: Params) -> JSON:
    """Return the bot's own User."""
    return tg.me


@method("getUpdates")
async def get_updates(tg: Telegram, p: Params) -> list[JSON]:
    """Long polling: confirm below offset, wait up to timeout for new updates."""
    tg.queue.set_allowed(p.decoded("allowed_updates"))
    limit = min(100, max(1, p.number("limit", 100) or 100))
    return await tg.queue.get_updates(p.number("offset"), limit, float(p.number("timeout", 0)
                                                                        or 0))


@method("setWebhook")
async def set_webhook(tg: Telegram, p: Params) -> bool:
    """Store the webhook (an empty url removes it) and start POSTing updates to it."""
    url, secret = p.text("url") or "", p.text("secret_token") or ""
    if url and not url.startswith("https://"):
        raise ApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
    if secret and not _SECRET.match(secret):
        raise ApiError(400, "Bad Request: secret token contains unallowed characters")
    if p.flag("drop_pending_updates"):
        tg.queue.pending.clear()
    tg.queue.set_allowed(p.decoded("allowed_updates"))
    hook = tg.queue.webhook
    hook.url, hook.secret_token = url, secret
    hook.max_connections = p.number("max_connections", 40) or 40
    tg.queue.wake()
    return True


@method("deleteWebhook")
async def delete_webhook(tg: Telegram, p: Params) -> bool:
    """Remove the webhook; getUpdates works again."""
    if p.flag("drop_pending_updates"):
        tg.queue.pending.clear()
    tg.queue.webhook.url = tg.queue.webhook.secret_token = ""
    return True


@method("getWebhookInfo")
async def get_webhook_info(tg: Telegram, p: Params) -> JSON:
    """Describe the webhook and its delivery state."""
    return tg.queue.webhook.info(len(tg.queue.pending), tg.queue.allowed)


def _commands_key(p: Params) -> str:
    scope = p.decoded("scope") or {"type": "default"}
    return json.dumps([scope, p.text("language_code") or ""], sort_keys=True)


@method("setMyCommands")
async def set_my_commands(tg: Telegram, p: Params) -> bool:
    """Store the command menu for a scope and language."""
    commands = p.decoded("commands") or []
    scope = p.decoded("scope") or {}
    if scope.get("type") == "chat" and int(scope.get("chat_id") or 0) not in tg.world.chats:
        raise ApiError(400, "Bad Request: chat not found")  # a menu for a chat it never had
    for command in commands:
        if not re.fullmatch(r"[a-z0-9_]{1,32}", str(command.get("command", ""))):
            raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
        if not 1 <= len(str(command.get("description", ""))) <= 256:
            raise ApiError(400, "Bad Request: command description must be non-empty")
    tg.world.commands[_commands_key(p)] = [dict(c) for c in commands]
    return True


@method("deleteMyCommands")
async def delete_my_commands(tg: Telegram, p: Params) -> bool:
    """Forget the command menu for a scope and language."""
    tg.world.commands.pop(_commands_key(p), None)
    return True


@method("getMyCommands")
async def get_my_commands(tg: Telegram, p: Params) -> list[JSON]:
    """Return the command menu for a scope and language."""
    return tg.world.commands.get(_commands_key(p), [])


def target(tg: Telegram, p: Params) -> int:
    """The chat a send goes to: known to Telegram and not blocking the bot."""
    raw = p.text("chat_id")
    if not raw:
        raise ApiError(400, "Bad Request: chat_id is empty")
    try:
        chat_id = int(raw)
    except ValueError:
        raise ApiError(400, "Bad Request: chat not found") from None
    if chat_id not in tg.world.chats:
        raise ApiError(400, "Bad Request: chat not found")  # a bot cannot write first
    if chat_id in tg.faults.blocked:
        raise ApiError(403, "Forbidden: bot was blocked by the user")
    return chat_id


def formatted(tg: Telegram, p: Params, key: str, limit: int) -> Parsed:
    """Parse `text` or `caption` in its parse_mode and check its length in UTF-16 units."""
    raw = p.text(key) or ""
    parsed = Parsed(raw, p.decoded(f"{'caption_' if key == 'caption' else ''}entities") or [])
    if (p.text("parse_mode") or "").lower() == "html":
        try:
            parsed = parse_html(raw, strict=tg.strict_html)
        except EntityError as exc:
            raise ApiError(400, f"Bad Request: can't parse entities: {exc}") from None
    if utf16_len(parsed.text) > limit:
        what = "message caption" if key == "caption" else "message"
        raise ApiError(400, f"Bad Request: {what} is too long")
    return parsed


def inline_markup(p: Params) -> JSON | None:
    """The inline keyboard to show under a message, checked like Telegram does."""
    markup = p.decoded("reply_markup")
    if not isinstance(markup, dict) or "inline_keyboard" not in markup:
        return None  # reply keyboards are not echoed in the Message
    for row in markup["inline_keyboard"]:
        for button in row:
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= CALLBACK_DATA_LIMIT:
                raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
            if not {"callback_data", "url", "switch_inline_query", "web_app", "login_url",
                    "copy_text", "pay", "callback_game",
                    "switch_inline_query_current_chat"} & set(button):
                raise ApiError(400, "Bad Request: can't parse inline keyboard button: Text "
                               "buttons are unallowed in the inline keyboard")
    return markup


def replied(tg: Telegram, p: Params, chat_id: int) -> JSON:
    """What a send that replies to a message adds to its Message: `reply_to_message`, the
    message as the chat has it now (reply_parameters, or the older reply_to_message_id). A
    reply to a message the chat no longer has (the person deleted it) is refused, as Telegram
    does, unless allow_sending_without_reply: then it goes as a plain message."""
    wanted = p.decoded("reply_parameters")
    if isinstance(wanted, dict):
        message_id, allow = wanted.get("message_id"), wanted.get("allow_sending_without_reply")
        chat = wanted.get("chat_id", chat_id)
    else:
        message_id, chat = p.number("reply_to_message_id"), chat_id
        allow = p.values.get("allow_sending_without_reply")
    if message_id is None:
        return {}
    try:
        found = tg.world.messages.get((int(chat), int(message_id)))
    except (TypeError, ValueError):
        raise ApiError(400, "Bad Request: invalid reply_parameters specified") from None
    if found is None:
        if allow in (True, "true", "True", "1", 1):
            return {}
        raise ApiError(400, REPLY_GONE)
    return {"reply_to_message": {k: copy.deepcopy(v) for k, v in found.items()
                                 if k != "reply_to_message"}}


def pace(tg: Telegram, chat_id: int) -> None:
    """Refuse a message over the flood limits with Telegram's 429."""
    retry = tg.flood.check(chat_id, tg.world.now())
    if retry is not None:
        raise ApiError(429, f"Too Many Requests: retry after {retry}", retry)


def deliver(tg: Telegram, name: str, p: Params, chat_id: int, content: JSON,
            parsed: Parsed) -> JSON:
    """Make the Message, remember it, and return it as Telegram's result."""
    message: JSON = {"message_id": tg.world.next_message_id(chat_id), "from": tg.me,
                     "chat": tg.world.chats[chat_id], "date": int(time.time()), **content}
    markup = inline_markup(p)
    if markup is not None:
        message["reply_markup"] = markup
    tg.world.record(Sent(name, chat_id, message["message_id"], tg.world.now(), parsed.text,
                         p.text("text") or p.text("caption") or p.text("question") or "",
                         message, dict(p.values)))
    return message


@method("sendMessage")
async def send_message(tg: Telegram, p: Params) -> JSON:
    """Send a text message."""
    chat_id = target(tg, p)
    if not (p.text("text") or "").strip():
        raise ApiError(400, "Bad Request: message text is empty")
    parsed = formatted(tg, p, "text", TEXT_LIMIT)
    if not parsed.text.strip():
        raise ApiError(400, "Bad Request: message text is empty")
    inline_markup(p)
    reply = replied(tg, p, chat_id)
    pace(tg, chat_id)
    content: JSON = {**reply, "text": parsed.text}
    if parsed.entities:
        content["entities"] = parsed.entities
    return deliver(tg, "sendMessage", p, chat_id, content, parsed)


def media_file(tg: Telegram, p: Params, key: str, folder: str, suffix: str) -> StoredFile:
    """The file of a send: an upload, a known file_id, or a URL Telegram fetches."""
    if key in p.files:
        return tg.world.store_file(p.files[key][1], folder, suffix)
    ref = p.text(key)
    if not ref:
        raise ApiError(400, f"Bad Request: there is no {key} in the request")
    if ref.startswith("attach://") and ref[9:] in p.files:
        return tg.world.store_file(p.files[ref[9:]][1], folder, suffix)
    if ref in tg.world.files:
        return tg.world.files[ref]
    if ref.startswith(("http://", "https://")):
        return tg.world.store_file(b"", folder, suffix)
    raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")


async def _send_media(tg: Telegram, p: Params, name: str, key: str,
                      describe: Callable[[StoredFile, Params], Any]) -> JSON:
    chat_id = target(tg, p)
    parsed = formatted(tg, p, "caption", CAPTION_LIMIT)
    inline_markup(p)
    stored = media_file(tg, p, key, f"{key}s", {"photo": ".jpg", "voice": ".oga",
                                                "audio": ".ogg"}.get(key, ""))
    reply = replied(tg, p, chat_id)
    pace(tg, chat_id)
    content: JSON = {**reply, key: describe(stored, p)}
    if parsed.text:
        content["caption"] = parsed.text
        if parsed.entities:
            content["caption_entities"] = parsed.entities
    return deliver(tg, name, p, chat_id, content, parsed)


def _photo(stored: StoredFile, p: Params) -> list[JSON]:
    width, height = 320, 320
    if stored.content[:8] == b"\x89PNG\r\n\x1a\n" and len(stored.content) >= 24:
        width = int.from_bytes(stored.content[16:20], "big")
        height = int.from_bytes(stored.content[20:24], "big")
    return [{"file_id": stored.file_id, "file_unique_id": stored.unique_id,
             "file_size": len(stored.content), "width": width, "height": height}]


def _document(stored: StoredFile, p: Params) -> JSON:
    name = p.files.get("document", ("", b""))[0] or stored.path.rsplit("/", 1)[-1]
    return {"file_id": stored.file_id, "file_unique_id": stored.unique_id, "file_name": name,
            "mime_type": "application/octet-stream", "file_size": len(stored.content)}


def _voice(stored: StoredFile, p: Params) -> JSON:
    return {"file_id": stored.file_id, "file_unique_id": stored.unique_id,
            "duration": p.number("duration", 1) or 1, "mime_type": "audio/ogg",
            "file_size": len(stored.content)}


@method("sendPhoto")
async def send_photo(tg: Telegram, p: Params) -> JSON:
    """Send a photo (upload, file_id or URL) with an optional caption."""
    return await _send_media(tg, p, "sendPhoto", "photo", _photo)


@method("sendDocument")
async def send_document(tg: Telegram, p: Params) -> JSON:
    """Send a file with an optional caption."""
    return await _send_media(tg, p, "sendDocument", "document", _document)


@method("sendVoice")
async def send_voice(tg: Telegram, p: Params) -> JSON:
    """Send a voice note with an optional caption."""
    return await _send_media(tg, p, "sendVoice", "voice", _voice)


@method("sendAudio")
async def send_audio(tg: Telegram, p: Params) -> JSON:
    """Send an audio file (a player in the chat, not a voice note) with an optional caption."""
    return await _send_media(tg, p, "sendAudio", "audio", _voice)


@method("sendChatAction")
async def send_chat_action(tg: Telegram, p: Params) -> bool:
    """Show "typing..." (nothing is recorded)."""
    target(tg, p)
    return True


@method("getFile")
async def get_file(tg: Telegram, p: Params) -> JSON:
    """Describe a stored file and where to download it."""
    stored = tg.world.files.get(p.text("file_id") or "")
    if stored is None:
        raise ApiError(400, "Bad Request: invalid file_id")
    return stored.as_file()
