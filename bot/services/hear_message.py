"""What a 🔊 "Listen to this message" under a queued message reads: the reading stored with it
when it was queued (people's words only: prompts, ready-made replies, checked glosses), for
the chat it went to."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlite_utils import Database

from bot.domain.errors import PuenteError
from bot.domain.spoken_text import Spoken
from bot.store import outbox


class HearMessageError(PuenteError):
    """A 🔊 naming a message that was not sent to this chat, or holds no reading (forged, or
    erased since)."""

    prompt_key = "button-stale"


@dataclass(frozen=True)
class HeardMessage:
    language: str  # the reader's: the voice and the caption's
    says: Spoken


def reading(spoken: Spoken, language: str) -> dict[str, object]:
    """The payload entry a queued message keeps of what its 🔊 reads."""
    return {"language": language, "says": [list(part) for part in spoken]}


Rows = list[list[list[str]]]  # an outbox row's keyboard: [[label, callback data], ...] per row
ListenRows = Callable[[str, int], Rows]  # (reader's language, outbox row id) -> the 🔊 under it


def keep_reading(db: Database, row_id: int, spoken: Spoken | None, language: str,
                 listen_rows: ListenRows | None) -> None:
    """Keep what the queued message `row_id` reads aloud, and give it its 🔊 (made once the
    row's id is known): nothing when there is nothing people wrote to read."""
    if spoken and listen_rows is not None:
        outbox.set_reading(db, row_id, reading(spoken, language), listen_rows(language, row_id))


def queued_message(db: Database, user_id: int, row_id: int) -> HeardMessage:
    """What the 🔊 under the queued message `row_id` reads, only for the chat it went to."""
    payload = outbox.payload_for(db, row_id, user_id)
    stored = (payload or {}).get("spoken")
    if not isinstance(stored, dict) or not stored.get("says"):
        raise HearMessageError(row_id)
    return HeardMessage(str(stored["language"]),
                        [(str(lang), str(text)) for lang, text in stored["says"]])
