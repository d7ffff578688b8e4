"""Knowledge tracing: how likely a student knows a word, from each answer's guess and slip.

Bayesian knowledge tracing per item type (bot/domain/mastery.py keeps the states and the review
schedule this estimate feeds).
"""

from __future__ import annotations

from bot.domain.scaffold import ItemType

# Guess and slip by item type: a four-option choice is guessed a quarter of the time,
# a typed word almost never; typing is also where careful learners slip most.
# A listening item ("hear the word, choose it") shows the word's spoken form, not its meaning:
# a student who hears the first sound can match it to a first letter without knowing the word
# (guess above the 1 in 4 of chance), and a synthetic voice is sometimes misheard by a student
# who does know it (slip as for typing). So a right answer counts for less than a right choice.
GUESS = {ItemType.CHOICE: 0.25, ItemType.REVERSE: 0.25, ItemType.POLL: 0.25,
         ItemType.CLOZE: 0.2, ItemType.TYPED: 0.02, ItemType.LISTEN: 0.35}
SLIP = {ItemType.CHOICE: 0.1, ItemType.REVERSE: 0.1, ItemType.POLL: 0.1,
        ItemType.CLOZE: 0.1, ItemType.TYPED: 0.15, ItemType.LISTEN: 0.15}
TYPED_CLOZE_GUESS = 0.02
# Spelled with letter tiles (domain/tiles.py): the letters are given, not their order nor which
# are the word's. A random tapper almost never spells a word (1 in 6,720 for five letters of
# eight tiles), but a student who half-knows it can sort a few letters she sees: between a
# six-option choice (1 in 6) and typing from memory (TYPED's 0.02). The luck of a run is
# another matter: one who knows her list's spellings and no meaning picks among the words the
# deal spells (the speller), so there a spelling counts as that many options
# (mastery.record_answer, tiles.counted_words).
TILES_GUESS = 0.05
USUAL_CHOICES = 4     # GUESS holds for this many options
LEARN = 0.15          # chance a learner moves to "known" after any practice opportunity
PRIOR = 0.15          # before any evidence
COGNATE_PRIOR = 0.3   # cognates start ahead: the home language already carries the meaning


def guess_rate(item_type: ItemType, typed: bool = False, choices: int | None = None,
               tiles: bool = False) -> float:
    """How often a student who does not know the word answers this item right: by the item
    type for its usual four options, never below one in the options shown (`choices`: a
    shortened item), and in proportion for more (a beginner's six-word deciding review).
    `tiles`: spelled with letter tiles (TILES_GUESS), whatever the item's type."""
    if tiles:
        return TILES_GUESS
    guess = TYPED_CLOZE_GUESS if typed and item_type is ItemType.CLOZE else GUESS[item_type]
    if not choices or typed:
        return guess
    if choices > USUAL_CHOICES:
        return guess * USUAL_CHOICES / choices
    return max(guess, 1 / choices)


def bkt_update(p_known: float, correct: bool, item_type: ItemType, typed: bool = False,
               choices: int | None = None, tiles: bool = False) -> float:
    """One knowledge-tracing step: condition on the answer, then allow for learning.

    `choices` (options shown) raises the guess rate of a shortened item, e.g. two options.
    One option counted ("Practice again", an answer that stood out) is practice: a right
    answer there is no evidence, and a miss counts as a miss on the item's usual options (the
    formula with a guess rate of 1 would read any miss as a slip of a known word: p = 1)."""
    guess = guess_rate(item_type, typed, choices, tiles)
    slip = SLIP[item_type]
    if guess >= 1:
        if correct:
            return practised(p_known)
        guess = guess_rate(item_type, typed)
    if correct:
        evidence = p_known * (1 - slip)
        posterior = evidence / (evidence + (1 - p_known) * guess)
    else:
        evidence = p_known * slip
        posterior = evidence / (evidence + (1 - p_known) * (1 - guess))
    return posterior + (1 - posterior) * LEARN


def practised(p_known: float) -> float:
    """The estimate after a right answer that is no evidence (practice): only the chance of
    learning from the practice itself."""
    return p_known + (1 - p_known) * LEARN
