"""A newcomer's counted answers by kind of question, and when one kind keeps her off "On track".

At levels 1-2 the questions differ a lot in what they show: choosing a word from a definition
in her own language (or a picture) is far easier than finding it in an English gap sentence.
Added up by word, a student right on every easy question read "✅ On track" while she had
missed both gap sentences she was asked (playtest: Hodan, level 2, Somali). So /report and
/student count her answers by kind too, and a kind the next level still asks, mostly missed,
keeps her off "On track" (docs/reports.md, "By kind of question at levels 1-2").
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bot.domain.scaffold import ItemType, WidaLevel, scaffold_for
from bot.domain.word_status import HELP_MISSES, is_hard

KIND_LEVELS = 2  # the kinds are told apart up to this level: above it, checks ask alike
# The answers counted by kind: a student's latest this many (practice and other classes' words
# among them, then left out). About a unit's worth at levels 1-2 (a check a school day of 5-8
# questions: three to four school weeks), so a kind she has since learned stops holding her
# back, and a report reads at most this many answers a student (docs/reports.md).
KIND_ANSWERS = 100


class AnswerKind(enum.StrEnum):
    """A kind of question, in the order a teacher reads them: the easiest first."""

    MEANING = "meaning"      # the word chosen from its home-language definition or picture
    REVERSE = "reverse"      # the English word chosen from the home-language word
    LISTENING = "listening"  # hear the English word, choose it
    TILES = "tiles"          # the word spelled with letter tiles
    TYPED = "typed"          # the word typed (letter blanks shown)
    GAP = "gap"              # the word found for a gap in an English sentence (chosen or typed)


_BY_ITEM = {ItemType.CHOICE: AnswerKind.MEANING, ItemType.POLL: AnswerKind.MEANING,
            ItemType.REVERSE: AnswerKind.REVERSE, ItemType.LISTEN: AnswerKind.LISTENING,
            ItemType.TYPED: AnswerKind.TYPED, ItemType.CLOZE: AnswerKind.GAP}


@dataclass(frozen=True)
class KindCount:
    """Her counted answers of one kind: right ones among them."""

    right: int
    answered: int

    @property
    def mostly_missed(self) -> bool:
        """The evidence a word needs to be "needs help" (word_status: 2+ misses, at least half
        wrong): one bar for ⚠️ and 🆘, so 0 of 2 is mostly missed and 1 of 2 is too little."""
        return self.answered - self.right >= HELP_MISSES and is_hard(self.right, self.answered)


def kind_of(item_type: str, tiles: bool = False) -> AnswerKind | None:
    """The kind of a stored answer (attempts.item_type, and whether it was spelled with letter
    tiles); None for an item type Puente does not ask (an old or forged row: left out).

    A word spelled with tiles is a tiles answer whatever asked it: at levels 1-2 a choice or
    reverse question is spelled with tiles by default (tiles.by_default), and counted as
    "meaning" it read "🔤 letter tiles 1/1" above a list of two misspelled tile answers
    (playtest: Yousef, level 1, Arabic). A gap sentence stays a gap: the sentence is what
    is hard there."""
    try:
        kind = _BY_ITEM.get(ItemType(item_type))
    except ValueError:
        return None
    return AnswerKind.TILES if tiles and kind is not AnswerKind.GAP and kind is not None \
        else kind


def tally(rows: Iterable[tuple[str, bool, int, int]]) -> dict[AnswerKind, KindCount]:
    """Counts by kind, in AnswerKind's order, from (item type, tiles, answers, right) rows;
    rows of no kind are ignored."""
    totals: dict[AnswerKind, tuple[int, int]] = {}
    for item_type, tiles, answered, right in rows:
        kind = kind_of(item_type, tiles)
        if kind is not None and answered > 0:
            done, ok = totals.get(kind, (0, 0))
            totals[kind] = (done + answered, ok + min(right, answered))
    return {k: KindCount(totals[k][1], totals[k][0]) for k in AnswerKind if k in totals}


def shows_kinds(level: int | None) -> bool:
    """Whether a teacher reads this student's answers by kind: levels 1-2 (no level yet is
    taught as level 1, scaffold_for)."""
    return level is None or level <= KIND_LEVELS


def needed_next(level: int | None) -> frozenset[AnswerKind]:
    """The kinds the next level still asks: its scaffold's question types, spelling (a word is
    mastered by a recall at every level) and listening while that level has it. From level 2,
    every kind but listening; from level 1, every kind."""
    up = scaffold_for(min((level or WidaLevel.ENTERING) + 1, WidaLevel.REACHING))
    kinds = {_BY_ITEM[t] for t in up.item_types} | {AnswerKind.TYPED, AnswerKind.TILES}
    return frozenset(kinds | ({AnswerKind.LISTENING} if up.listening else set()))


def to_check(counts: Mapping[AnswerKind, KindCount], level: int | None
             ) -> dict[AnswerKind, KindCount]:
    """The kinds that keep a level 1-2 student off "On track": mostly missed (2+ misses, at
    least half wrong) and still asked at the next level. Her words may all look fine, as the
    easy kinds carry them, while she cannot yet do what the next level asks of her."""
    if not shows_kinds(level):
        return {}
    needed = needed_next(level)
    return {k: c for k, c in counts.items() if k in needed and c.mostly_missed}
