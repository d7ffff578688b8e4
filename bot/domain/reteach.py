"""Re-teaching a word a learner keeps missing: an easier item, and when to tell the teacher."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace

from bot.domain import item_rules as rules
from bot.domain.check_building import fewest_options
from bot.domain.checks import Item, WordRef
from bot.domain.item_building import build_item
from bot.domain.scaffold import ItemType, Scaffold, StemLanguage

RETEACH_AFTER = 2        # misses in a row on one word before its card comes back, L1-first
EASIER_OPTIONS = 2       # the easier item at levels 1-2: the answer and one other word
LEVEL_WINDOW = 10        # recent answers read when deciding whether to suggest a lower level
LEVEL_SHARE = 0.4        # right less often than this over the window: suggest one level down


def needs_reteach(misses_in_row: int, retaught_today: bool) -> bool:
    """A word missed RETEACH_AFTER or more times in a row is re-taught, once a day: a newcomer
    who keeps missing it sees its card and "Practice again" on each day she misses it again,
    never twice the same day (a missed "Practice again" is a miss too, and would loop)."""
    return misses_in_row >= RETEACH_AFTER and not retaught_today


def easier(item: Item, rng: random.Random, keep: int = EASIER_OPTIONS) -> Item:
    """The same question with `keep` options: the answer and `keep` - 1 distractors (two
    options at levels 1-2; from level 3 on a question offers at least three, `practice_item`).

    A quiz poll comes back as buttons: the easier item follows a tap, and a poll there would
    be a second message for that answer (checks ask their poll first or not at all)."""
    others = [o for o in item.options if o != item.answer]
    if not others:
        return item
    # one distractor drawn as before (levels 1-2 keep their questions), more by sampling
    chosen = [rng.choice(others)] if keep <= EASIER_OPTIONS else \
        rng.sample(others, min(len(others), keep - 1))
    options = [item.answer, *chosen]
    rng.shuffle(options)
    kind = ItemType.CHOICE if item.item_type is ItemType.POLL else item.item_type
    return replace(item, options=tuple(options), item_type=kind)


# The ways "Practice again" may ask a word, most useful first: the home-language term its
# card now leads with (-> the English word), a meaning (-> the word), the word's picture (levels
# 1-2, whose questions show a home-language meaning or a picture), a sentence with a gap (only
# at levels whose checks have them: at level 1 an English sentence is not yet readable).
PICTURE = "picture"
PRACTICE_FORMS = (ItemType.REVERSE, ItemType.CHOICE, PICTURE, ItemType.CLOZE)
_SAME_STEM = {ItemType.POLL: ItemType.CHOICE}  # a quiz poll asks what a choice item asks


def practice_item(missed: Item, target: WordRef, pool: Sequence[WordRef], lang: str,
                  scaffold: Scaffold, rng: random.Random,
                  seen: frozenset[int] | None = None) -> Item:
    """The "Practice again" item after a second miss: the word asked another way than the
    question just missed, with two options at levels 1-2 and three from level 3 (`easier`),
    never in the order that question showed them. It comes right after the card and the answer
    were shown, so the same question again would be answered from the screen. The same prompt
    comes back (its options reordered) only
    when the word has no other form to be asked by (no home-language term that is not a
    cognate, no picture, no gap sentence at the student's level)."""
    missed_kind = _SAME_STEM.get(missed.item_type, missed.item_type)
    # From level 3 on three options, as every other question there: "Which English word is
    # 개체군? [population] [producer]" was a coin toss at level 5 (playtest)
    keep = fewest_options(scaffold)
    for form in PRACTICE_FORMS:
        if form is missed_kind or (form is ItemType.CLOZE and form not in scaffold.item_types):
            continue
        if form == PICTURE:
            other = _picture(target, pool, lang, scaffold, rng, seen)
        else:  # two options are chosen, even where this level types the gap
            other = build_item(target, pool, ItemType(form), lang,
                               replace(scaffold, typed_answers=False), rng, seen)
        if other is not None and other.options and other.prompt != missed.prompt:
            return _reordered(easier(other, rng, keep), missed)
    same = missed if missed.options else build_item(  # typed: its meaning, with options
        target, pool, ItemType.CHOICE, lang, scaffold, rng, seen)
    return _reordered(easier(same, rng, keep), missed)


def _picture(target: WordRef, pool: Sequence[WordRef], lang: str, scaffold: Scaffold,
             rng: random.Random, seen: frozenset[int] | None) -> Item | None:
    """The word's picture -> the English word, at levels 1-2, among options whose own pictures
    differ from it (None: no picture, or no such option)."""
    emoji = target.word.emoji
    if not emoji or scaffold.definition_stem_language is not StemLanguage.HOME:
        return None
    choice = build_item(target, pool, ItemType.CHOICE, lang, scaffold, rng, seen)
    if choice.asks_meaning or choice.answer != target.word.term:
        return None  # options in the home language, or a form the picture does not show
    pictures = {ref.word.term: ref.word.emoji for ref in pool}
    options = tuple(o for o in choice.options
                    if o == choice.answer or pictures.get(o, emoji) != emoji)
    return Item(target.id, ItemType.CHOICE, emoji, options, choice.answer) \
        if len(options) > 1 else None


def _reordered(item: Item, missed: Item) -> Item:
    """Two options never in the order the missed question showed them."""
    shown = tuple(o for o in missed.options if o in item.options)
    if len(item.options) == 2 and item.options == shown:
        return replace(item, options=item.options[::-1])
    return item


def suggested_level(level: int | None, recent: list[bool]) -> int | None:
    """One level down when a student keeps missing (a full window, mostly wrong), else None."""
    if level is None or level <= 1 or len(recent) < LEVEL_WINDOW:
        return None
    window = recent[:LEVEL_WINDOW]
    return level - 1 if sum(window) / len(window) < LEVEL_SHARE else None


def pair_item(missed: Item, target: WordRef, other: WordRef, lang: str, scaffold: Scaffold,
              rng: random.Random) -> Item:
    """The "Practice again" item for two words a student mixes up (domain/confusions.py): the
    word missed (`target`), asked another way when one is fair (practice_item over the two
    words alone), its two options exactly these two words, never in the missed question's
    order. Without such a way, its meaning (levels 1-2: its home-language term, when that is
    no cognate) among the two English words."""
    pair = [target, other]
    tries = [practice_item(missed, target, pair, lang, scaffold, rng)]
    if ItemType.CLOZE in scaffold.item_types and missed.item_type is not ItemType.CLOZE:
        # A sentence first: the two short cards just shown hold the meanings, not the use
        # (a fair one: "an ___" before "ecosystem" and "habitat" is none, and build_item then
        # falls back to the question just missed)
        cloze = build_item(target, pair, ItemType.CLOZE, lang,
                           replace(scaffold, typed_answers=False), rng)
        if cloze.item_type is ItemType.CLOZE:
            tries.insert(0, easier(cloze, rng))
    for item in tries:
        labels = {ref.id: _label(ref, lang, item.asks_meaning) for ref in pair}
        if set(item.options) == set(labels.values()) and item.answer == labels[target.id]:
            return _reordered(item, missed)
    gloss = target.word.glosses.get(lang)
    home = (scaffold.definition_stem_language is StemLanguage.HOME and gloss is not None
            and not gloss.cognate and not rules.cognate_in(gloss.term, target.word))
    kind, stem = ((ItemType.REVERSE, gloss.short_term) if home and gloss is not None
                  else (ItemType.CHOICE, rules.masked(target.word.definition, target.word)))
    options = [target.word.term, other.word.term]
    rng.shuffle(options)
    return _reordered(Item(target.id, kind, stem, tuple(options), target.word.term), missed)


def _label(ref: WordRef, lang: str, meaning: bool) -> str:
    """How an option shows a word: its English term, or its home-language term (`meaning`)."""
    gloss = ref.word.glosses.get(lang)
    return gloss.term if meaning and gloss is not None else ref.word.term
