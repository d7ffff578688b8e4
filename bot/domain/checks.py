"""Formative-check items: build them from words, grade answers with tolerant typed matching."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.domain.cognates import Relation, fold, relation_for
from bot.domain.packs import Word
from bot.domain.scaffold import ItemType, Scaffold
from bot.domain.typed_answers import Verdict, grade

GAP = "_____"
CHOICES = 4
MAX_ANSWER = 200  # longer typed answers are graded as wrong without being kept


@dataclass(frozen=True)
class WordRef:
    """A word with its store id, as checks need it."""

    id: int
    word: Word


@dataclass(frozen=True)
class Item:
    """One question: what to show, the options (for choice-like items) and the answer."""

    word_id: int
    item_type: ItemType
    prompt: str                  # definition, L1 term or gapped sentence
    options: tuple[str, ...]     # empty for typed answers
    answer: str                  # the exact text of the right option (or the expected word)
    asks_meaning: bool = False   # "what does WORD mean?" with home-language options

    @property
    def typed(self) -> bool:
        return not self.options


@dataclass(frozen=True)
class Grade:
    correct: bool
    exact: bool       # False when a small typo was forgiven
    expected: str
    verdict: Verdict | None = None  # typed answers only: see bot/domain/typed_answers.py


def gapped(example: str, term: str) -> str:
    """Blank out the term in its example sentence (whole word, any case)."""
    pattern = re.compile(rf"(?<!\w){re.escape(term)}(?!\w)", re.IGNORECASE)
    return pattern.sub(GAP, example, count=1)


def _distractors(target: WordRef, pool: Sequence[WordRef], rng: random.Random,
                 lang: str | None) -> list[str]:
    others = [w for w in pool if w.id != target.id and w.word.term != target.word.term]
    if lang is not None:
        others = [w for w in others if lang in w.word.glosses]
    same_pos = [w for w in others if w.word.pos == target.word.pos]
    rest = [w for w in others if w.word.pos != target.word.pos]
    rng.shuffle(same_pos)
    rng.shuffle(rest)
    chosen = (same_pos + rest)[:CHOICES - 1]
    if lang is None:
        return [w.word.term for w in chosen]
    return [w.word.glosses[lang].term for w in chosen]


def _options(answer: str, distractors: list[str], rng: random.Random) -> tuple[str, ...]:
    options = [answer, *dict.fromkeys(d for d in distractors if fold(d) != fold(answer))]
    rng.shuffle(options)
    return tuple(options)


def build_item(target: WordRef, pool: Sequence[WordRef], item_type: ItemType, lang: str,
               scaffold: Scaffold, rng: random.Random) -> Item:
    """Build one item of `item_type` for `target`, using `pool` for distractors."""
    word = target.word
    gloss = word.glosses.get(lang)
    if item_type is ItemType.REVERSE and gloss is None:
        item_type = ItemType.CHOICE  # nothing to show in the home language
    if item_type is ItemType.CHOICE and gloss is not None:
        relation = relation_for(word, lang)
        if relation.relation is Relation.FALSE_FRIEND and relation.lookalike:
            # The look-alike home-language word is the most tempting wrong meaning.
            wrong = [relation.lookalike, *_distractors(target, pool, rng, lang)][:CHOICES - 1]
            return Item(target.id, item_type, word.term, _options(gloss.term, wrong, rng),
                        gloss.term, asks_meaning=True)
    if item_type is ItemType.REVERSE:
        assert gloss is not None
        options = _options(word.term, _distractors(target, pool, rng, None), rng)
        return Item(target.id, item_type, gloss.term, options, word.term)
    if item_type is ItemType.CLOZE:
        sentence = gapped(word.example, word.term)
        if scaffold.typed_answers:
            return Item(target.id, item_type, sentence, (), word.term)
        options = _options(word.term, _distractors(target, pool, rng, None), rng)
        return Item(target.id, item_type, sentence, options, word.term)
    if item_type is ItemType.TYPED:
        return Item(target.id, item_type, word.definition, (), word.term)
    options = _options(word.term, _distractors(target, pool, rng, None), rng)
    return Item(target.id, item_type, word.definition, options, word.term)


def build_check(targets: Sequence[WordRef], pool: Sequence[WordRef], lang: str,
                scaffold: Scaffold, rng: random.Random, size: int = 4) -> list[Item]:
    """Build a short check (3-5 items) over `targets`, rotating the level's item types."""
    size = max(3, min(5, size))
    chosen = list(targets)[:size]
    if not chosen:
        return []
    while len(chosen) < 3:  # one or two words: ask again in another way, never a 1-item check
        chosen.append(chosen[len(chosen) % len(targets)])
    kinds = list(scaffold.item_types)
    offset = rng.randrange(len(kinds))
    items = []
    for index, target in enumerate(chosen):
        kind = kinds[(index + offset) % len(kinds)]
        items.append(build_item(target, pool, kind, lang, scaffold, rng))
    return items


def grade_typed(answer: str, expected: str, other_terms: Sequence[str] = (), *,
                forms: Sequence[str] = (), home_terms: Sequence[str] = (),
                lang: str | None = None) -> Grade:
    """Grade a typed answer: forgive case, accents and small slips, never a different word.

    A thin wrapper over `typed_answers.grade`; `Grade.verdict` tells a home-language word (one
    more try) from a miss.
    """
    verdict = grade(answer, expected, forms=forms, home_terms=home_terms, lang=lang,
                    other_terms=other_terms)
    return Grade(verdict.correct, verdict.exact, expected, verdict.kind)


def grade_choice(item: Item, option_index: int) -> Grade:
    """Grade a tapped option by its index into the options the student was shown."""
    if not 0 <= option_index < len(item.options):
        return Grade(False, False, item.answer)
    chosen = item.options[option_index]
    return Grade(chosen == item.answer, True, item.answer)
