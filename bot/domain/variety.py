"""Which of a word's sentences, and which kind of question, its next check asks.

A check is evidence only if it cannot be passed by memory of the card. A word asked with the
same definition, or the same gap sentence, check after check is passed by remembering that
sentence's shape (mid-level playtest: "the cell one again"). So each word's questions turn
through what the pack gives it: the item kinds of the student's level, its gap sentences
(`cloze`, one or more), and two English definitions (the card's, and the newcomer's `simple`
one, which cards from level 3 on do not show). The turn is the number of graded answers the
word already has (`WordMastery.attempts`): stored anyway, read with the rest of the mastery row,
so the choice costs no query and is the same however often a check is rebuilt.

The first turn never shows a sentence printed on the card when the word has another: right
after the card, a question in the card's own words asks what the eye still holds.

Two definitions that read the same (a pack's `simple` copied from `definition`) are one
prompt, and the prompt a word's last question showed, a "Practice again" one included, is
compared as text, whatever kind of question showed it: when the word's turn would show it
again, its next question asks another way (a gap sentence, its home-language term), so a
level-3 student no longer met "An animal that hunts and eats other animals" in four checks
running as a poll, buttons and typing (playtest: "predator").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from bot.domain import item_rules as rules
from bot.domain.cognates import fold
from bot.domain.packs import Word
from bot.domain.scaffold import Scaffold

T = TypeVar("T")


def turned(options: Sequence[T], turn: int) -> list[T]:
    """The options starting at `turn` (modulo their number), the rest after in order: the
    first is this turn's, the others its fallbacks when it cannot be asked."""
    if not options:
        return []
    start = turn % len(options)
    return [*options[start:], *options[:start]]


def item_kinds(kinds: Sequence[T], words: Sequence[tuple[int, int]]) -> list[T]:
    """The item kind of each (word id, turn) of a check: each word's turn picks its kind, so
    successive answers on a word step through the level's kinds (the word id staggers words);
    a kind already taken in the check passes to the word's next one, so a check mixes kinds
    as a plain rotation does (one of each before any comes twice)."""
    out: list[T] = []
    taken: list[T] = []
    for word_id, turn in words:
        if len(taken) == len(kinds):
            taken = []  # every kind asked once: the next word starts a second round
        kind = next(k for k in turned(kinds, word_id + turn) if k not in taken)
        taken.append(kind)
        out.append(kind)
    return out


def card_sentences(word: Word, scaffold: Scaffold) -> frozenset[str]:
    """The English sentences the word's card shows at this level (card_views.card): the
    definition and the example, or at levels 1-2 the newcomer's definition where the pack
    gives one."""
    if not scaffold.english_definition and word.simple:
        return frozenset({word.simple})
    return frozenset({word.definition, word.example})


def prompt_key(text: str) -> str:
    """A prompt as a student reads it: case, spacing and a final full stop do not make two
    sentences different questions."""
    return " ".join(fold(text).rstrip(" .").split())


def shown_since(text: str, last: Sequence[str]) -> int:
    """How recently the word's last questions showed `text` (`last`: its last check
    question's prompt, then any "Practice again" one's after it, in order), read as the
    student reads it: 0 never, else 1 + the place of its latest showing. When every way to
    ask a word was shown, the one shown longest ago is asked: the last thing read, with its
    answer, is the one the screen still holds."""
    key = prompt_key(text)
    return max((n + 1 for n, shown in enumerate(last) if prompt_key(shown) == key), default=0)


def same_prompt(text: str, last: Sequence[str]) -> bool:
    """Whether `text` is a prompt the word's last questions showed (shown_since)."""
    return shown_since(text, last) > 0


def definition_stems(word: Word, scaffold: Scaffold) -> list[str]:
    """The English definitions a check may show to ask for the word, the ones its card does
    not show first: both are the word's meaning, and neither may contain the word; two that
    read the same are one."""
    unique = {prompt_key(s): s for s in reversed((word.definition, word.simple or "")) if s}
    stems = [s for s in reversed(unique.values()) if not rules.answer_in_text(s, word)]
    shown = card_sentences(word, scaffold)
    return sorted(stems, key=lambda s: s in shown)  # stable: the card's own last


def not_last(options: Sequence[str], last: Sequence[str]) -> list[str]:
    """The options in order, the one the word's last question showed moved to the end: a
    turn skipped (a "Practice again" answer counts one) must not land on it again."""
    return sorted(options, key=lambda o: shown_since(o, last))


def definition_stem(word: Word, scaffold: Scaffold, turn: int,
                    last: Sequence[str] = ()) -> str | None:
    """This turn's English definition stem, never the one the word's last question showed
    when it has another (None: every definition gives the word away)."""
    stems = not_last(turned(definition_stems(word, scaffold), turn), last)
    return stems[0] if stems else None


def gap_sentences(word: Word, turn: int) -> list[str]:
    """The word's gap sentences, this turn's first (never the card's example)."""
    return turned(word.clozes, turn)


def same_definition_words(words: Sequence[Word]) -> tuple[Word, ...]:
    """Words whose newcomer's definition (`simple`) reads the same as the card's: checks have
    one definition fewer to turn through, and the newcomer gets no simpler wording, so a pack
    author should write a simpler one."""
    return tuple(w for w in words if w.simple and prompt_key(w.simple) == prompt_key(
        w.definition))


def single_sentence_words(words: Sequence[Word]) -> tuple[Word, ...]:
    """Words with exactly one gap sentence: every gap check on them shows the same sentence,
    so a pack author should add another (`cloze = ["...", "..."]`)."""
    return tuple(w for w in words if len(w.clozes) == 1)
