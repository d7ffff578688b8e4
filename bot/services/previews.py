"""Previews one card at a time (WIDA levels 1-3): open a preview, turn its pages.

Button data is forgeable, so a tap names only a preview id and a card number; the store says
whose preview it is and which words it holds. A tap on another student's preview, on a card
number the preview does not have, or on a preview let go (`store.previews.KEEP`, retention) is
refused with one kind line and changes nothing. Any of the student's latest previews still
turns, so a Next on yesterday's cards works after today's /words.

A word counts as previewed only once its card was shown: the first card when a preview opens
(a pushed one only once the student taps it: delivering a card is not reading it), each later
card when the student turns to it. A check never asks a word whose card the student has not
seen.

Each preview remembers the message that shows it (`sent_as`), once Telegram has answered: a
/check that finds its cards unread points to that message instead of sending them again. So
does a bundled preview a push sends (levels 4-6, `keep_bundle`): it has no Next to turn, but a
/check right after it pasted the same "📘 New words: 5" under it (playtest).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from bot.domain.checks import WordRef
from bot.domain.errors import PuenteError
from bot.domain.scaffold import Scaffold
from bot.services.glosses import complete_glosses
from bot.services.learners import Learner, PreviewWords, cards_shown, learner, word_refs
from bot.store.outbox import preview_push
from bot.store.packs import words_by_id
from bot.store.previews import create_preview, get_preview, set_message


class StaleCardError(PuenteError):
    """A Next or ◀ we never sent this student, or on a preview let go."""

    prompt_key = "card-stale"


@dataclass(frozen=True)
class Page:
    """One card of a preview, as the student sees it now."""

    preview_id: int
    index: int                # 0-based: the first card carries the preview's header
    total: int
    ref: WordRef              # the card's word, its gloss completed from the memory
    lang: str
    scaffold: Scaffold
    new: int | None           # words shown for the first time (None: all of them)
    offer_check: bool         # the last card offers "Check" (False: a check follows anyway)
    flipped: bool = False     # home language first, as the student asked
    push_id: int | None = None  # the push that sent it: its last card's ✅ checks those words

    @property
    def last(self) -> bool:
        return self.index == self.total - 1

    @property
    def can_flip(self) -> bool:
        """"My language first" only where it changes the card: not a card that leads with
        it already, nor one with no word in the home language (a tap would redraw it as is)."""
        return not self.flipped and flippable([self.ref], self.lang, self.scaffold)

    @property
    def can_unflip(self) -> bool:
        """"English first" on a card flipped to the home language, the way back to the order
        her level reads (none led back before: playtest, Arabic level 3)."""
        return self.flipped and flippable([self.ref], self.lang, self.scaffold)


def flippable(refs: Sequence[WordRef], lang: str, scaffold: Scaffold) -> bool:
    """Whether "My language first" would change these cards: they lead with English, and
    one of them at least has its word in the student's language."""
    return not (scaffold.l1_first or lang == "en") and \
        any(lang in ref.word.glosses for ref in refs)


def open_preview(db: Database, who: Learner, refs: Sequence[WordRef], now: datetime, *,
                 new: int | None = None, offer_check: bool = True,
                 flipped: bool = False, sent: bool = True, push_id: int | None = None) -> Page:
    """Remember a preview's words in card order and return its first page, whose word now
    counts as shown (`sent`=False: the page goes out later, and counts once she taps it; `push_id`:
    the push that sends it, whose words its last card's ✅ checks)."""
    if not refs:
        raise ValueError("a preview needs at least one word")
    preview_id = create_preview(db, who.id, [r.id for r in refs], new, offer_check, now)
    if sent:
        cards_shown(db, who.id, [refs[0].id], now)
    return Page(preview_id, 0, len(refs), refs[0], who.language, who.scaffold, new,
                offer_check, flipped, push_id)


def remember_cards(db: Database, who: Learner, refs: Sequence[WordRef], now: datetime,
                   new: int | None = None) -> int:
    """Remember the words of cards sent together (levels 4-6), in order, and return the id
    their 🔁 and 🔊 carry: scrolled back to after a newer /words or push, those buttons act on
    the cards above them, not on the words current at the tap (an old 🔁 sent different cards,
    and unlocked new words)."""
    return create_preview(db, who.id, [r.id for r in refs], new, True, now)


def cards_of(db: Database, who: Learner, preview_id: int) -> PreviewWords:
    """The words of this student's cards sent together, in their order (`remember_cards`);
    StaleCardError for another's, or cards let go (`store.previews.KEEP`, retention)."""
    stored = get_preview(db, preview_id)
    refs = word_refs(words_by_id(db, list(stored.word_ids))) \
        if stored is not None and stored.student_id == who.id else []
    if stored is None or not refs:
        raise StaleCardError(f"cards {preview_id} are not {who.id}'s")
    return PreviewWords(refs, stored.new if stored.new is not None else len(refs))


def turn_to(db: Database, user_id: int, preview_id: int, index: int, now: datetime,
            flipped: bool = False) -> Page:
    """The card a Next, ◀ or 🔁 tap asks for, from this student's own preview only: its word
    now counts as shown, so a later check may ask it. The last card of a pushed preview names
    its push, so its ✅ checks that preview's words (as the ✅ under a bundled one does)."""
    stored = get_preview(db, preview_id)
    if stored is None or stored.student_id != user_id or index >= len(stored.word_ids):
        raise StaleCardError(f"card {index} of preview {preview_id} is not {user_id}'s")
    who = learner(db, user_id)
    found = words_by_id(db, [stored.word_ids[index]])
    if not found:  # the word left the store (its pack was replaced)
        raise StaleCardError(f"word {stored.word_ids[index]} is gone")
    ref = complete_glosses(db, [WordRef(found[0].id, found[0].word, found[0].pack_id)],
                           who.language)[0]
    # Any tap on a preview means its first card was on screen: a pushed preview's first
    # card counts as read only now (delivery is not reading: learners.cards_shown)
    cards_shown(db, user_id, list(dict.fromkeys([stored.word_ids[0], ref.id])), now)
    last = index == len(stored.word_ids) - 1
    push_id = preview_push(db, user_id, stored.id) if last and stored.offer_check else None
    return Page(stored.id, index, len(stored.word_ids), ref, who.language, who.scaffold,
                stored.new, stored.offer_check, flipped, push_id)


def keep_bundle(db: Database, student_id: int, refs: Sequence[WordRef], now: datetime,
                new: int | None = None) -> int:
    """Remember the cards a push bundles in a few messages (levels 4-6), none of them read
    yet, so /check can point to them once delivery says which message shows them; return its
    id. Nothing turns it (its buttons name the push, never the preview)."""
    return create_preview(db, student_id, [r.id for r in refs], new, True, now)


def sent_as(db: Database, preview_id: int, message_id: int,
            delivered_at: datetime | None = None) -> None:
    """Remember the message that shows this preview in its student's chat (sent now by a
    handler, or by delivery for a push): /check points there to cards not read yet.
    `delivered_at`: when a push's message reached her, perhaps a day after it was queued
    (a push booked for the morning), which is when her cards count as "sent today"."""
    set_message(db, preview_id, message_id, delivered_at)
