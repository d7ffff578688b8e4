"""Formative-check items: the item, the learner and the grade, and grading answers with
tolerant typed matching. Building them from words: bot/domain/item_building.py (one item) and
bot/domain/check_building.py (a whole check)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.domain.frozen import quick_init
from bot.domain.packs import Word
from bot.domain.scaffold import ItemType, Scaffold
from bot.domain.typed_answers import Verdict, grade, slip_marks

CHOICES = 4
# A level 1-2 student chooses among up to six words she has read (three rows of two short
# buttons): on four options a guesser's four lucky taps in a row master a word 1 time in 256,
# and a term of checks holds many such runs; on six, 1 in 1,296, and a learner's right answer
# is stronger evidence (bench/mastery_validity.py, docs/newcomers.md). Listening stays at four.
BEGINNER_CHOICES = 6
LISTEN_MIN_OPTIONS = 3  # a level-1 student's first set is three words; two options is a coin
# From level 3 on a question with options offers at least three: two (one fair wrong option
# left among the few cards she has read) is a coin toss to the teacher reading it, and a right
# tap half the time from a student who knows nothing. Levels 3+ can write the word, so it is
# written on the same prompt (`written`; bench/mastery_validity.py, level 3: 1.8 % of counted
# taps showed two options, now none); levels 1-2, who choose, count such a right tap as
# practice (evidence.counted_choices), and check_plan asks it another way where one counts.
MIN_OPTIONS = 3
LISTEN_STEM = "🔊"  # a listening item's stem is the voice note: its text says nothing
MAX_ANSWER = 200  # longer typed answers are graded as wrong without being kept
MAX_CHECK = 5  # questions in a check: one a word, so fewer words make a shorter check
FULL_CHECK = 3  # a check with fewer questions tells the student why (few words are ready)


@quick_init
@dataclass(frozen=True)
class WordRef:
    """A word with its store id, as checks need it."""

    id: int
    word: Word
    pack_id: str = ""  # distractors come from the target's own pack while it has any


@quick_init
@dataclass(frozen=True)
class Item:
    """One question: what to show, the options (for choice-like items) and the answer."""

    word_id: int
    item_type: ItemType
    prompt: str                  # definition, L1 term or gapped sentence
    options: tuple[str, ...]     # empty for typed answers
    answer: str                  # the exact text of the right option (or the expected word)
    asks_meaning: bool = False   # "what does WORD mean?" with home-language options
    # levels 1-2: other words of her list its letter tiles spell too (tiles.choose_decoys),
    # so the deal names no one word of them
    decoys: tuple[str, ...] = ()

    @property
    def typed(self) -> bool:
        return not self.options


@quick_init
@dataclass(frozen=True)
class Grade:
    correct: bool
    exact: bool       # False when a small typo was forgiven
    expected: str
    verdict: Verdict | None = None  # typed answers only: see bot/domain/typed_answers.py
    matched: str | None = None  # typed: what it was taken for (NOT_ENGLISH: the language)
    # a forgiven slip: the answer's letters, True where she wrote them otherwise (feedback
    # shows which to fix; her text itself is never kept)
    slip: tuple[tuple[str, bool], ...] = ()
    chosen: str | None = None  # a tap: the option she chose
    # a typed gloss (HOME_LANGUAGE_WORD): the language it is in, hers or her school's ("fr"
    # for "hypothèse" from a Haitian Creole student); None: hers
    language: str | None = None
    graded: str | None = None  # typed: the part graded, filler set aside ("mitose" of "c'est
    #                            la mitose"); None: all of it


@dataclass(frozen=True)
class Learner:
    """What item building needs to know about the student."""

    lang: str
    scaffold: Scaffold
    # word ids previewed, the only options at every level (None: no limit)
    seen: frozenset[int] | None = None
    hears: bool = False  # an English voice can say the word (speech is on)
    choices: int = CHOICES  # options an item offers at most
    # Words she can rule out as options (answered earlier today, or asked earlier in this
    # check): offered only when no other fair word is left (evidence.counted_choices)
    avoid: frozenset[int] = frozenset()
    turn: int = 0  # the word's graded answers so far: which of its sentences to show (variety)
    # the prompts its last check question and any "Practice again" after it showed: not again
    # where it can be asked another way
    last: tuple[str, ...] = ()

    @property
    def beginner(self) -> bool:
        return self.scaffold.level <= 2



def grade_typed(answer: str, expected: str, other_terms: Sequence[str] = (), *,
                forms: Sequence[str] = (), home_terms: Sequence[str] = (),
                lang: str | None = None, false_friends: Sequence[str] = ()) -> Grade:
    """Grade a typed answer: forgive case, accents and small slips, never a different word.

    A thin wrapper over `typed_answers.grade`; `Grade.verdict` tells this word's own gloss (one
    more try) and a listed false friend (a miss the card warned about) from other misses.
    """
    verdict = grade(answer, expected, forms=forms, home_terms=home_terms, lang=lang,
                    other_terms=other_terms, false_friends=false_friends)
    # (marks on the part graded: "ecosistem po" marks the y of ecosystem, not the "po")
    slip = slip_marks(verdict.graded or answer, expected) \
        if verdict.kind is Verdict.TYPO_FORGIVEN else ()
    return Grade(verdict.correct, verdict.exact, expected, verdict.kind, verdict.matched, slip,
                 graded=verdict.graded)


def grade_choice(item: Item, option_index: int) -> Grade:
    """Grade a tapped option by its index into the options the student was shown."""
    if not 0 <= option_index < len(item.options):
        return Grade(False, False, item.answer)
    chosen = item.options[option_index]
    return Grade(chosen == item.answer, True, item.answer, chosen=chosen)


def grade_dont_know(item: Item) -> Grade:
    """Grade a tapped "🤷 I don't know": a miss, as typing "I don't know" is."""
    return Grade(False, False, item.answer, Verdict.DONT_KNOW)
