"""Audit check items for give-aways: build every item a pack can produce and judge each one.

The generator avoids give-aways by choice; the audit judges what it actually built, option by
option, with the same rules, so a fallback path or a new pack that slips past the generator is
counted rather than trusted.

A listening item's stem is a voice note that says the answer: hearing it is the task, not a
give-away. Its written stem (and so the caption) must still not show the answer, and its
options must not let the clip's length alone point at the answer.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bot.domain import item_rules as rules
from bot.domain.checks import Item, WordRef
from bot.domain.evidence import OptionWords
from bot.domain.gaps import GAP
from bot.domain.item_building import build_item
from bot.domain.item_rules import Giveaway
from bot.domain.scaffold import ItemType, StemLanguage, readable_gap, scaffold_for
from bot.domain.variety import prompt_key, same_definition_words

LEVELS = (1, 2, 3, 4, 5, 6)


@dataclass
class AuditReport:
    items: int = 0
    by_type: Counter[str] = field(default_factory=Counter)
    giveaways: Counter[Giveaway] = field(default_factory=Counter)
    examples: dict[Giveaway, str] = field(default_factory=dict)
    listening_asked: int = 0      # items asked for as "hear the word, choose it" (levels 1-2)
    listening_giveaways: int = 0  # give-aways among the items built as listening items
    # Levels 1-2: a word with no other of its part of speech seen, asked among the words that
    # were (evidence.counted_choices counts a right answer there as one option: practice only).
    practice_only: int = 0
    # items of a word's later turns (its other gap sentences and definition: variety.py),
    # judged as the first turn's are, counted apart so `items` stays one per word and type
    later_turns: int = 0
    # Levels 1-2: questions a newcomer must read an English sentence for (a gap sentence
    # longer than Scaffold.gap_words, or an English definition): 0 since the level-2
    # playtest ("An astronaut weighs less on the Moon, but her _____ stays the same.")
    english_sentences: int = 0

    @property
    def total(self) -> int:
        return sum(self.giveaways.values())


def judge(item: Item, target: WordRef, pool: Sequence[WordRef], lang: str, level: int,
          seen: frozenset[int] | None, options: OptionWords | None = None) -> list[Giveaway]:
    """Every rule this item breaks (`options`: the pool's OptionWords, when judging many)."""
    word, broken = target.word, []
    stem = item.prompt.replace(GAP, " ")  # a listening item: the text, never the audio
    if item.item_type is ItemType.CLOZE and GAP not in item.prompt:
        broken.append(Giveaway.MISSING_GAP)
    if not item.asks_meaning and rules.answer_in_text(stem, word):
        broken.append(Giveaway.ANSWER_IN_STEM)
    if not item.asks_meaning and rules.cognate_in(stem, word):
        broken.append(Giveaway.COGNATE_IN_STEM)  # a home-language stem spelled like the answer
    if item.asks_meaning and rules.near_identical(item.answer, word.term):
        broken.append(Giveaway.COGNATE_IN_STEM)
    if item.typed:
        return broken
    if len(item.options) < 2:
        broken.append(Giveaway.TOO_FEW_OPTIONS)
    words = (options or OptionWords(pool, lang)).of(item, target.pack_id)
    others = [w for w, o in zip(words, item.options, strict=True)
              if w is not None and o != item.answer]
    if not item.asks_meaning and rules.pos_odd_one_out(word, [w.word for w in others]):
        broken.append(Giveaway.POS_ODD_ONE_OUT)
    if item.item_type is ItemType.LISTEN and rules.sound_length_stands_out(
            item.answer, [o for o in item.options if o != item.answer]):
        broken.append(Giveaway.SOUND_LENGTH)
    if rules.case_odd_one_out(item.answer, [o for o in item.options if o != item.answer]):
        broken.append(Giveaway.CASE_ODD_ONE_OUT)
    article = rules.article_before_gap(item.prompt) if GAP in item.prompt else None
    if article and any(not rules.fits_article(article, o) for o in item.options):
        broken.append(Giveaway.ARTICLE_MISMATCH)
    known = [w for w in words if w is not None]
    keys = [k for w in known for k in {rules.gloss_key(w.word, lang),
                                       rules.gloss_key(w.word, None)} if k]
    if len(keys) != len(set(keys)):
        broken.append(Giveaway.SHARED_GLOSS)
    labels = list(item.options)
    if any(rules.same_family(a, b) for i, a in enumerate(labels) for b in labels[i + 1:]):
        broken.append(Giveaway.WORD_FAMILY)
    if any(rules.kind_related(w.word, word) for w in others):
        broken.append(Giveaway.KIND_OF_ANSWER)
    if seen is not None and any(w.id not in seen for w in others):
        broken.append(Giveaway.UNSEEN_DISTRACTOR)
    return broken


def english_sentence(item: Item, target: WordRef, level: int) -> bool:
    """At levels 1-2, the question is an English sentence a newcomer cannot read: a gap
    sentence longer than her level's (`Scaffold.gap_words`), or the word's English
    definition (checks ask by the home-language one)."""
    scaffold = scaffold_for(level)
    if scaffold.definition_stem_language is not StemLanguage.HOME:
        return False
    if item.item_type is ItemType.CLOZE:
        return not readable_gap(item.prompt, scaffold)
    word = target.word
    english = {prompt_key(s) for s in (word.definition, word.simple) if s}
    return prompt_key(item.prompt) in english or item.prompt == rules.masked(word.definition,
                                                                            word)


def _preview_sets(words: Sequence[WordRef], size: int) -> dict[int, frozenset[int]]:
    """The words a student has previewed by the time each word is checked (sets in order)."""
    seen: dict[int, frozenset[int]] = {}
    for start in range(0, len(words), size):
        so_far = frozenset(w.id for w in words[:start + size])
        for ref in words[start:start + size]:
            seen[ref.id] = so_far
    return seen


def _lone(target: WordRef, seen: frozenset[int] | None, pool: Sequence[WordRef]) -> bool:
    """A beginner has seen no other word of the target's part of speech."""
    return seen is not None and not any(
        w.id in seen and w.id != target.id and w.word.pos == target.word.pos for w in pool)


def _kinds(level: int) -> list[ItemType]:
    """The item types to ask for at a level: listening only where the level has it."""
    listening = scaffold_for(level).listening
    return [k for k in ItemType if k is not ItemType.LISTEN or listening]


def _turns(target: WordRef, kind: ItemType) -> int:
    """How many turns of a word give this kind another sentence: its gap sentences, its two
    definitions (variety.definition_stems: two that read the same are one), else one."""
    word = target.word
    if kind is ItemType.CLOZE:
        return max(1, len(word.clozes))
    if kind in (ItemType.CHOICE, ItemType.POLL, ItemType.TYPED):
        return 1 if same_definition_words([word]) or not word.simple else 2
    return 1


def audit(packs: Iterable[Sequence[WordRef]], languages: Sequence[str],
          levels: Sequence[int] = LEVELS, seed: int = 7) -> AuditReport:
    """Build every item type for every word, language and level (listening items at levels
    1-2, as with speech on), and count give-aways."""
    report = AuditReport()
    all_words = [w for pack in packs for w in pack]
    rng = random.Random(seed)
    by_pack: dict[str, list[WordRef]] = {}
    indexes: dict[str, OptionWords] = {}
    for ref in all_words:
        by_pack.setdefault(ref.pack_id, []).append(ref)
    for words in by_pack.values():
        for level in levels:
            scaffold = scaffold_for(level)
            seen_by_word = _preview_sets(words, scaffold.words_per_set)
            for lang in languages:
                options = indexes.setdefault(lang, OptionWords(all_words, lang))
                for target in words:
                    seen = seen_by_word[target.id]
                    for kind in _kinds(level):
                        for turn in range(_turns(target, kind)):
                            item = build_item(target, all_words, kind, lang, scaffold, rng,
                                              seen, hears=True, turn=turn)
                            _judged(report, item, target, all_words, lang, level, seen,
                                    options, kind, turn)
    return report


def _judged(report: AuditReport, item: Item, target: WordRef, all_words: Sequence[WordRef],
            lang: str, level: int, seen: frozenset[int] | None, options: OptionWords,
            kind: ItemType, turn: int) -> None:
    """Count one built item and the give-aways it breaks (turn 0 in `items`, later turns
    apart)."""
    if turn:
        report.later_turns += 1
    else:
        report.items += 1
        report.listening_asked += kind is ItemType.LISTEN
        report.by_type[str(item.item_type)] += 1
    report.english_sentences += english_sentence(item, target, level)
    rules_broken = judge(item, target, all_words, lang, level, seen, options)
    if Giveaway.POS_ODD_ONE_OUT in rules_broken and _lone(target, seen, all_words):
        rules_broken.remove(Giveaway.POS_ODD_ONE_OUT)
        report.practice_only += 1
    for rule in rules_broken:
        report.giveaways[rule] += 1
        report.listening_giveaways += item.item_type is ItemType.LISTEN
        report.examples.setdefault(
            rule, f"{target.pack_id} {target.word.term} [{lang}, level {level}] "
                  f"{item.prompt!r} -> {list(item.options)}")
