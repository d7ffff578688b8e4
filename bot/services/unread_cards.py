"""The cards /check found unread: point to the preview message that shows them, or send them.

One card a message (levels 1-3) leaves a preview's later cards unread until the student taps
Next. When every /check sent those cards again, a newcomer who never tapped Next had four live
previews of the same five words, numbered 1/5, 1/4, 1/3, 1/2, each /check counting one more
card as read (playtest, WIDA levels 1-2). Now, when previews sent today hold every unread
card, /check replies to the newest of them with one line. Otherwise (a word just unlocked, a
preview no longer kept, or sent on an earlier day) the unread cards come again in one preview
right under the reply, in the order their preview showed them (the order the teacher pushed the
words). At levels 4-6 (cards bundled in a few messages, a push's included) only the cards not
on screen today come again, under the line pointing to today's. A reply Telegram
refuses (she deleted that message) forgets the message (`message_gone`), and the next plan
sends the cards again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from sqlite_utils import Database

from bot.domain.checks import WordRef
from bot.store.previews import StoredPreview, get_preview, set_message, student_previews

ABOVE = "check-cards-above"      # her cards are there; the last one's ✅ starts the check
LATER = "check-cards-later"      # her cards are there; a check starts now, read them after it


@dataclass(frozen=True)
class Pointer:
    """One line, sent as a reply to the message that shows the unread cards."""

    preview_id: int
    message_id: int
    key: str  # the line's prompt key: ABOVE or LATER


@dataclass(frozen=True)
class UnreadCards:
    """Where the unread cards are: a preview on screen to point to, or cards to send."""

    pointer: Pointer | None
    send: list[WordRef]  # the unread cards no pointer covers, in one new preview


def place(db: Database, student_id: int, unread: Sequence[WordRef], check_follows: bool,
          now: datetime, tz: tzinfo, split: bool = False) -> UnreadCards:
    """The one rule for unread cards: point to the newest preview on screen when it was sent
    today, holds every unread card (with the previews sent today), and, when no check
    follows, ends with ✅; else send them all again, in one new preview right under the
    reply. A line pointing up to yesterday's message, or to cards with no ✅ ("then send
    /check"), left a newcomer with three card sets open and three different answers to the
    same /check (playtest, level 1). `check_follows`: a question comes right after.
    `split` (cards bundled in a few messages, levels 4-6): point to today's cards even when
    older ones must come again, and send only those; a bundle sent again counts as read at
    once, so no second set waits to be turned, and today's "📘 New words: 5" pasted again
    under itself was the duplicate students saw (playtest, level 4)."""
    today = now.astimezone(tz).date()
    kept = student_previews(db, student_id)
    wanted = {r.id for r in unread}
    shown = [p for p in kept if p.message_id is not None and wanted & set(p.word_ids)
             and p.created_at is not None and p.created_at.astimezone(tz).date() == today]
    held = {w for p in shown for w in p.word_ids} & wanted
    if shown and (held == wanted or split) and (message_id := shown[0].message_id) is not None \
            and (check_follows or shown[0].offer_check):
        newest = shown[0]  # the lowest in her chat
        return UnreadCards(Pointer(newest.id, message_id, LATER if check_follows else ABOVE),
                           in_preview_order([r for r in unread if r.id not in held], kept))
    return UnreadCards(None, in_preview_order(unread, kept))


def in_preview_order(refs: Sequence[WordRef], kept: Sequence[StoredPreview]) -> list[WordRef]:
    """The cards in the order the newest preview holding each showed them (older previews
    first); cards in no preview follow, as they came."""
    place_of: dict[int, tuple[int, int]] = {}
    for preview in kept:  # newest first: the first preview seen holding a word places it
        for index, word_id in enumerate(preview.word_ids):
            place_of.setdefault(word_id, (preview.id, index))
    placed = sorted((r for r in refs if r.id in place_of), key=lambda r: place_of[r.id])
    return placed + [r for r in refs if r.id not in place_of]


def message_gone(db: Database, student_id: int, pointer: Pointer) -> None:
    """Forget a preview message Telegram no longer has (she deleted it): the next `place`
    sends its unread cards again instead of pointing there."""
    stored = get_preview(db, pointer.preview_id)
    if stored is not None and stored.student_id == student_id \
            and stored.message_id == pointer.message_id:
        set_message(db, stored.id, None)
