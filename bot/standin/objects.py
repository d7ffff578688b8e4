"""Bot API objects as Telegram serialises them: users, chats, messages, polls, updates."""

from __future__ import annotations

from typing import Any

JSON = dict[str, Any]


def bot_user(bot_id: int, username: str) -> JSON:
    """The User that getMe returns."""
    return {"id": bot_id, "is_bot": True, "first_name": "Puente", "username": username,
            "can_join_groups": True, "can_read_all_group_messages": False,
            "supports_inline_queries": False, "can_connect_to_business": False,
            "has_main_web_app": False}


def user(user_id: int, first_name: str, language_code: str | None = None,
         username: str | None = None) -> JSON:
    """A person's User object."""
    data: JSON = {"id": user_id, "is_bot": False, "first_name": first_name}
    if username:
        data["username"] = username
    if language_code:
        data["language_code"] = language_code
    return data


def private_chat(person: JSON) -> JSON:
    """The private Chat between the bot and `person`."""
    chat: JSON = {"id": person["id"], "type": "private", "first_name": person["first_name"]}
    if "username" in person:
        chat["username"] = person["username"]
    return chat


def text_message(message_id: int, date: int, chat: JSON, sender: JSON, text: str) -> JSON:
    """A text message; a leading /command gets its bot_command entity, as clients send it."""
    message: JSON = {"message_id": message_id, "from": sender, "chat": chat, "date": date,
                     "text": text}
    if text.startswith("/"):
        command = text.split()[0]
        message["entities"] = [{"type": "bot_command", "offset": 0,
                                "length": len(command.encode("utf-16-le")) // 2}]
    return message


def document_message(message_id: int, date: int, chat: JSON, sender: JSON, file: JSON,
                     caption: str | None = None) -> JSON:
    """A message carrying a file the person sent."""
    message: JSON = {"message_id": message_id, "from": sender, "chat": chat, "date": date,
                     "document": file}
    if caption:
        message["caption"] = caption
    return message


def poll(poll_id: str, params: JSON) -> JSON:
    """The Poll of a sendPoll call (quiz or regular), before anyone voted."""
    options = []
    for index, option in enumerate(params.get("options") or []):
        text = option if isinstance(option, str) else option.get("text", "")
        options.append({"text": text, "voter_count": 0, "persistent_id": f"{poll_id}-{index}"})
    data: JSON = {"id": poll_id, "question": str(params.get("question", "")),
                  "options": options, "total_voter_count": 0, "is_closed": False,
                  "is_anonymous": _flag(params.get("is_anonymous"), True),
                  "type": str(params.get("type") or "regular"),
                  "allows_multiple_answers": _flag(params.get("allows_multiple_answers"), False),
                  "allows_revoting": True, "members_only": False}
    correct = params.get("correct_option_ids")
    if correct is None and params.get("correct_option_id") is not None:
        correct = [int(params["correct_option_id"])]
    if correct is not None:
        data["correct_option_ids"] = [int(c) for c in correct]  # Bot API 9.6 dropped the singular
    if params.get("explanation"):
        data["explanation"] = str(params["explanation"])
    return data


def _flag(value: Any, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, str):
        return value.lower() in ("true", "1")
    return bool(value)


def callback_query(query_id: str, sender: JSON, message: JSON, data: str) -> JSON:
    """A tap on an inline button of `message` (a message the bot sent)."""
    return {"id": query_id, "from": sender, "message": message,
            "chat_instance": f"ci{message['chat']['id']}", "data": data}


def poll_answer(poll_id: str, voter: JSON, option_ids: list[int]) -> JSON:
    """A vote in a non-anonymous poll: it carries the voter, never a chat."""
    return {"poll_id": poll_id, "user": voter, "option_ids": option_ids,
            "option_persistent_ids": [f"{poll_id}-{i}" for i in option_ids]}


def update_type(update: JSON) -> str:
    """The kind of an update ("message", "callback_query", ...), for allowed_updates."""
    return next(key for key in update if key != "update_id")
