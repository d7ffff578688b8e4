"""The cards /check found unread: point to the preview message that shows them, or send them.

One card a message (levels 1-3) leaves a preview's later cards unread until the student taps
Next. When every /check sent those cards again, a newcomer who never tapped Next had four live
previews of the same five words, numbered 1/5, 1/4, 1/3, 1/2, each /check counting one more
card as read (playtest, WIDA levels 1-2). Now, when previews she has in her chat hold every
unread card, /check replies to the newest of them with one line. Otherwise (a word just
unlocked, or a preview no longer kept) the unread cards come again in one preview, in the
order their preview showed them (the order the teacher pushed the words). A reply Telegram
refuses (she deleted that message) forgets the message (`message_gone`), and the next plan
sends the cards again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from bot.domain.checks import WordRef
from bot.store.previews import StoredPreview, get_preview, set_message, student_previews

ABOVE = "check-cards-above"      # her cards are there; the last one's ✅ starts the check
COMMAND = "check-cards-command"  # her cards are there; their last card has no ✅: send /check
LATER = "check-cards-later"      # her cards are there; a check starts now, read them after it


@dataclass(frozen=True)
class Pointer:
    """One line, sent as a reply to the message that shows the unread cards."""

    preview_id: int
    message_id: int
    key: str  # the line's prompt key: ABOVE, COMMAND or LATER


@dataclass(frozen=True)
class UnreadCards:
    """Where the unread cards are: a preview on screen to point to, or cards to send."""

    pointer: Pointer | None
    send: list[WordRef]  # every unread card, in one new preview (empty with a pointer)


def place(db: Database, student_id: int, unread: Sequence[WordRef],
          check_follows: bool) -> UnreadCards:
    """Point to the newest preview on screen when previews on screen hold every unread card;
    else send them all, in one new preview that holds them together (a card just unlocked, or
    one whose message is gone, joins those still on screen: the next /check points to it).
    `check_follows`: a question comes right after."""
    kept = student_previews(db, student_id)
    wanted = {r.id for r in unread}
    shown = [p for p in kept if p.message_id is not None and wanted & set(p.word_ids)]
    held = {w for p in shown for w in p.word_ids} & wanted
    if shown and held == wanted and (message_id := shown[0].message_id) is not None:
        newest = shown[0]  # the lowest in her chat
        return UnreadCards(Pointer(newest.id, message_id, _key(newest, check_follows)), [])
    return UnreadCards(None, in_preview_order(unread, kept))


def _key(preview: StoredPreview, check_follows: bool) -> str:
    """What the line asks of her: read the cards after the check that follows now, or read
    them and tap the last card's ✅ (or, on cards whose last has no ✅, send /check)."""
    if check_follows:
        return LATER
    return ABOVE if preview.offer_check else COMMAND


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
