"""A teacher counts a typed miss as right: what is kept of the miss, and its word's mastery
folded again from that answer on, as every answer is folded (mastery.record_answer).

Typed grading is strict about meaning (docs/typed-grading.md) and still misses some right
answers: a synonym, a phrase the lists do not know. The text of a typed miss is kept
KEEP_DAYS (at most MAX_KEPT characters) so a teacher can count it from /student. The word's
mastery is then worked out again: from its state just before the miss (kept with the miss),
the miss now right, then every later answer on the word with the flags it was graded with
(`Graded`, kept as bits on each answer). Nothing is guessed: the fold is the one a live answer
goes through, with the same inputs, so a word a teacher's count makes mastered is mastered as
it would have been had grading known the answer.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Any

from bot.domain.english_spelling import edit_distance, is_english_word, normalise
from bot.domain.frozen import quick_init
from bot.domain.home_text import home_key
from bot.domain.mastery import WordMastery, record_answer, study_day
from bot.domain.scaffold import ItemType

KEEP_DAYS = 14  # a typed miss's text is kept this long, then the retention job erases it
KEEP = timedelta(days=KEEP_DAYS)
MAX_KEPT = 200  # characters of a typed miss kept (an answer is a word or a short phrase)
SHOWN_MISSES = 8  # /student lists at most this many recent typed misses, newest first
# A count can be undone from its own screen this long: the notes it sends (the student's, the
# other teachers') wait as long, so an undone count leaves nobody told something untrue
UNDO_WITHIN = timedelta(minutes=2)

def plausible(answer: str, term: str, home_terms: Iterable[str] = (), tiles: bool = False,
              lang: str | None = None) -> bool:
    """Whether a teacher might count a missed answer as right, so /student offers ✅ Count
    as right: near the word (at most a third of its letters off, one at least), this word's
    gloss in the student's language, or (typed, not tiles) English words, a synonym the lists
    lack. Letter tiles a level-1 child tapped at random ("moisl", "ypas" for mouse) are
    none of these: a button under each was a tap away from a mastery nobody earned
    (playtest)."""
    given, word = normalise(answer), normalise(term)
    if given and edit_distance(given, word) <= max(1, len(word) // 3):
        return True
    if home_key(answer, lang) in {home_key(h, lang) for h in home_terms if h}:
        return True
    words = _LETTERS.findall(given)  # "wrong answer 2": its words (digits say nothing)
    return not tiles and bool(words) and answer.isascii() \
        and all(token == word or is_english_word(token, {word}) for token in words)


_LETTERS = re.compile(r"[^\W\d_]+")


# Bits of an answer's `grading` (attempts.grading): what record_answer was told about it
_EXACT, _CARD_TODAY, _REVEALED, _PRACTICE_ITEM, _REMEMBERED, _CARD_READ, _TYPED, _TILES = (
    1, 2, 4, 8, 16, 32, 64, 128)
# the ninth flag sits above the options counted (bits 8-15): rows written before it keep
# their meaning, and `from_bits` reads the options through a mask
_ACCEPTED = 1 << 16
# the tenth: written in a language other than English after "write it in English" (the
# meaning, "matière" for matter): its text is shown the teacher, never a ✅ to count it
_OTHER_LANGUAGE = 1 << 17
# the eleventh: the question showed letter tiles and was answered without them (🤷 over a
# typed question that opened on its tiles): what the student saw, for the teacher's views
# only; record_answer is never told it (the evidence is the answer's, `tiles` above)
_ON_TILES = 1 << 18
# the twelfth: a tile miss that spelled another word of the deal (one of its decoys), which
# ends a run a typed deciding miss would leave standing (mastery.record_answer, `other_word`)
_OTHER_WORD = 1 << 19
_CHOICES_SHIFT = 8  # the options counted, above the flags (0: None, typed or the usual four)


@quick_init
@dataclass(frozen=True)
class Graded:
    """How one answer was graded: the inputs record_answer took besides the answer itself."""

    exact: bool
    choices: int | None = None
    card_today: bool = False     # its card was first shown that school day
    revealed: bool = False       # a wrong tap earlier in the check gave its meaning
    practice_item: bool = False  # a "Practice again" item
    remembered: bool = False     # its prompt was asked within PROMPT_MEMORY before
    card_read: bool = False      # its card was re-read that school day
    typed: bool = False          # written, not chosen among options
    tiles: bool = False          # spelled with letter tiles (typed too): a teacher is told so
    # right only because a teacher accepted this text for the word in the class (a class-wide
    # acceptance): the evidence says so (/student, the CSV's accepted_by_teacher)
    accepted: bool = False
    other_language: bool = False  # the meaning in another language, not the English word
    # shown with letter tiles, answered otherwise (🤷): a teacher reads it as a tiles question,
    # never as typing (playtest, Hodan: "⌨️ typed 0/1" for a child who never typed). Display
    # only: knowledge tracing's guess rate reads `tiles`, never this
    on_tiles: bool = False
    other_word: bool = False  # spelled with tiles, another word the deal spells: a wrong word

    def bits(self) -> int:
        """The flags as one integer (attempts.grading)."""
        flags = ((_EXACT, self.exact), (_CARD_TODAY, self.card_today),
                 (_REVEALED, self.revealed), (_PRACTICE_ITEM, self.practice_item),
                 (_REMEMBERED, self.remembered), (_CARD_READ, self.card_read),
                 (_TYPED, self.typed), (_TILES, self.tiles), (_ACCEPTED, self.accepted),
                 (_OTHER_LANGUAGE, self.other_language), (_ON_TILES, self.on_tiles),
                 (_OTHER_WORD, self.other_word))
        return sum(bit for bit, on in flags if on) | ((self.choices or 0) << _CHOICES_SHIFT)

    @classmethod
    def from_bits(cls, bits: int) -> Graded:
        """The flags kept by `bits`."""
        choices = (bits >> _CHOICES_SHIFT) & 0xFF
        return cls(bool(bits & _EXACT), choices or None, bool(bits & _CARD_TODAY),
                   bool(bits & _REVEALED), bool(bits & _PRACTICE_ITEM),
                   bool(bits & _REMEMBERED), bool(bits & _CARD_READ), bool(bits & _TYPED),
                   bool(bits & _TILES), bool(bits & _ACCEPTED), bool(bits & _OTHER_LANGUAGE),
                   bool(bits & _ON_TILES), bool(bits & _OTHER_WORD))

    def missed_practice(self) -> bool:
        """Whether the answer, graded a miss, was practice (services.answers' rule for a
        miss: "Practice again", or the day its card was read). A teacher's count keeps the
        answer among those it was graded in, so this is also the flag it has once counted
        and once undone: the live rule for a right answer (the only option left, or the
        meaning just shown by a wrong tap) is not asked again, as it would take a counted
        miss out of every total (typed_misses.count_as_right)."""
        return self.practice_item or self.card_today


@dataclass(frozen=True)
class KeptAnswer:
    """One graded answer on a word, as the store keeps it, to fold again."""

    item_type: ItemType
    correct: bool
    answered_at: datetime
    graded: Graded


def kept_text(text: str) -> str:
    """What is kept of a typed miss: its words, spaces folded, at most MAX_KEPT characters."""
    return " ".join(text.split())[:MAX_KEPT]


def answer_key(text: str) -> str:
    """A typed answer as a class's accepted answers are matched: case, accents, spacing and
    end punctuation aside ("Habitat." is "habitat")."""
    decomposed = unicodedata.normalize("NFKD", " ".join(text.split()).casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.strip(" .!?¡¿,;:'\"“”«»")[:MAX_KEPT]


ACCEPTED_BIT = _ACCEPTED  # attempts.grading's bit of an answer right by a class's acceptance
CARD_READ_BIT = _CARD_READ  # ... and of one given the school day its card was re-read


def may_accept_for_class(typed: str, term: str, pack_terms: Iterable[str]) -> bool:
    """Whether a teacher may accept `typed` for `term` for the whole class, beyond the one
    answer they count: not an empty answer, nor the text of another word of the packs (the
    two words could no longer be told apart: "producer" accepted for "consumer" makes every
    mix-up right). Letters in common are not asked for: a synonym may share none ("quick"
    for "fast"); the choice is the teacher's, on a button that names the text and the word.
    """
    key = answer_key(typed)
    if not any(c.isalnum() for c in key):
        return False
    own = answer_key(term)
    return not any(answer_key(other) == key for other in pack_terms if answer_key(other) != own)


def fold_again(before: WordMastery, answers: Iterable[KeptAnswer], tz: tzinfo) -> WordMastery:
    """The word's mastery from `before` through these answers, each folded as it was live
    (the first is the miss now counted right)."""
    state = before
    for one in answers:
        g = one.graded
        state = record_answer(
            state, correct=one.correct, exact=g.exact,
            item_type=one.item_type, typed=g.typed, now=one.answered_at,
            local_day=study_day(one.answered_at, tz), choices=g.choices,
            card_today=g.card_today or g.revealed, practice_item=g.practice_item,
            remembered=g.remembered, card_read=g.card_read, tz=tz, tiles=g.tiles,
            other_word=g.other_word)
    return state


def snapshot(state: WordMastery) -> str:
    """The word's mastery as JSON, kept with a typed miss (fold_again starts from it)."""
    def moment(at: datetime | None) -> str | None:
        return at.isoformat() if at is not None else None
    return json.dumps({
        "p_known": state.p_known, "card": state.card, "due_at": moment(state.due_at),
        "successes": state.successes, "misses_in_row": state.misses_in_row,
        "success_days": sorted(state.success_days), "mastered_at": moment(state.mastered_at),
        "first_correct_at": moment(state.first_correct_at), "answered": state.answered,
        "misses": state.misses, "shown_at": moment(state.shown_at),
        "last_answered": moment(state.last_answered), "luck": state.luck,
        "attempts": state.attempts, "card_seen_at": moment(state.card_seen_at)},
        separators=(",", ":"))


def from_snapshot(text: str) -> WordMastery:
    """The word's mastery kept by `snapshot`."""
    data: dict[str, Any] = json.loads(text)
    for name in ("due_at", "mastered_at", "first_correct_at", "shown_at", "last_answered",
                 "card_seen_at"):
        data[name] = datetime.fromisoformat(data[name]) if data[name] else None
    data["success_days"] = frozenset(data["success_days"])
    return WordMastery(**data)
