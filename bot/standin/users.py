"""People who talk to the bot through the stand-in: they type, tap, vote and send files."""

from __future__ import annotations

import itertools
import time
from typing import TYPE_CHECKING, Any

from bot.standin import objects
from bot.standin.state import JSON, Sent

if TYPE_CHECKING:
    from bot.standin.server import StandIn

_query_ids = itertools.count(4_200_000_000_000_000_001)


class Person:
    """One Telegram user in a private chat with the bot."""

    def __init__(self, standin: StandIn, user_id: int, first_name: str,
                 language_code: str | None = "en", username: str | None = None) -> None:
        self.standin = standin
        self.id = user_id
        self.user = objects.user(user_id, first_name, language_code, username)
        self.chat = objects.private_chat(self.user)
        standin.world.chats.setdefault(user_id, self.chat)  # the person opened the chat

    def __repr__(self) -> str:
        return f"Person({self.id}, {self.user['first_name']!r})"

    def say(self, text: str) -> JSON | None:
        """Send a text message (a leading /command is marked as one); return the update."""
        message = objects.text_message(self.standin.world.next_message_id(self.id),
                                       int(time.time()), self.chat, self.user, text)
        return self._send(message)

    def send_file(self, content: bytes, file_name: str, caption: str | None = None
                  ) -> JSON | None:
        """Send a document; the bot can fetch it with getFile and a download."""
        stored = self.standin.world.store_file(content, "documents", "")
        file = {"file_id": stored.file_id, "file_unique_id": stored.unique_id,
                "file_name": file_name, "file_size": len(content)}
        message = objects.document_message(self.standin.world.next_message_id(self.id),
                                           int(time.time()), self.chat, self.user, file,
                                           caption)
        return self._send(message)

    def send_voice(self, content: bytes, duration: int = 1) -> JSON | None:
        """Send a voice note; the bot can fetch it, or copy it to someone (copyMessage)."""
        stored = self.standin.world.store_file(content, "voice", ".oga")
        message = objects.text_message(self.standin.world.next_message_id(self.id),
                                       int(time.time()), self.chat, self.user, "")
        del message["text"]
        message["voice"] = {"file_id": stored.file_id, "file_unique_id": stored.unique_id,
                            "duration": duration, "mime_type": "audio/ogg",
                            "file_size": len(content)}
        return self._send(message)

    def _send(self, message: JSON) -> JSON | None:
        """Telegram keeps what a person sends (the bot may copy it) and tells the bot."""
        self.standin.world.messages[(self.id, message["message_id"])] = message
        return self.standin.inject({"message": message})

    def tap(self, button: str, message_id: int | None = None) -> JSON | None:
        """Tap the newest button whose data or label is `button` (or forge one on message_id)."""
        message = self._message_with(button) if message_id is None else \
            self.standin.world.messages.get((self.id, message_id))
        if message is None:
            raise LookupError(f"{self}: no message from the bot shows a button {button!r}")
        data = next((d for label, d in _buttons(message) if button in (label, d)), button)
        query_id = str(next(_query_ids))
        self.standin.world.open_queries[query_id] = self.standin.world.now()
        return self.standin.inject(
            {"callback_query": objects.callback_query(query_id, self.user, message, data)})

    def vote(self, poll_id: str, *option_ids: int) -> JSON | None:
        """Vote in a non-anonymous poll (the update carries no chat)."""
        return self.standin.inject(
            {"poll_answer": objects.poll_answer(poll_id, self.user, list(option_ids))})

    def delete(self, message_id: int) -> None:
        """Delete one of the bot's messages from this chat, as a person can: the bot is not
        told, its edits find nothing, and a reply to it is refused."""
        self.standin.world.messages.pop((self.id, message_id), None)
        self.standin.world.changed()

    def received(self, edits: bool = False) -> list[Sent]:
        """Everything the bot sent this person, oldest first."""
        return self.standin.world.sent(self.id, edits=edits)

    def screen(self) -> list[JSON]:
        """What the person sees now: the bot's messages in their latest (edited) state."""
        world, bot_id = self.standin.world, self.standin.tg.me["id"]
        return [m for (chat, _), m in sorted(world.messages.items())
                if chat == self.id and m.get("from", {}).get("id") == bot_id]

    def texts(self, edits: bool = False) -> str:
        """Everything the bot said to this person, joined, for assertions."""
        return "\n".join(s.text for s in self.received(edits))

    async def wait_for(self, contains: str, within: float = 10.0, after: int = 0,
                       edits: bool = True) -> Sent:
        """Wait for a message to this person containing `contains` (from index `after`)."""
        def found() -> Sent | None:
            return next((s for s in self.received(edits)[after:] if contains in s.text), None)
        return await self.standin.world.wait_for(found, within,
                                                 f"message to {self} containing {contains!r}")

    def _message_with(self, button: str) -> JSON | None:
        for sent in reversed(self.received(edits=True)):
            current = self.standin.world.messages.get((self.id, sent.message_id), sent.message)
            if any(button in (label, data) for label, data in _buttons(current)):
                return current
        return None


def _buttons(message: dict[str, Any]) -> list[tuple[str, str]]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return [(b["text"], b.get("callback_data") or "") for row in rows for b in row]
