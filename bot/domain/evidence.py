"""What a right tap is evidence of: the options a student who does not know the word could not
rule out.

Four options are one chance in four only if all four are live. A student who knows no English
still rules out an option she reads through her own language ("consumer" is her "konsomatè":
not the word asked), and an option whose word she answered earlier that day (its right answer
was shown to her), and an option from another pack than the answer's (a maths word beside a
definition about animals is ruled out by its subject; not in a listening item, whose stem is a
sound). Her tap is chosen among what is left, and knowledge tracing, the guessing
luck behind mastery and the recall rule all count that many options (mastery.record_answer's
`choices`). An item whose answer is the only one of its part of speech left counts as one
option: practice, no evidence. So does an item showing two options (levels 1-2, among the few
cards a newcomer has read; levels 3+ write the word instead): a teacher reads a right tap
between two as the coin toss it is for a student who knows nothing (checks.MIN_OPTIONS). Four
options with two ruled out still count two: the luck rule (mastery.MASTERED_LUCK) takes each
such tap as the half chance it is, and counting them as practice cost simulated level-3
learners 16 of their 118 mastered words (bench/mastery_validity.py 30 1 es).

The word behind each option comes from `OptionWords`, an index built once for a pool of words
and a language (the give-away audit judges thousands of items with it).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from bot.domain import item_rules as rules
from bot.domain.checks import MIN_OPTIONS, Grade, Item, WordRef
from bot.domain.cognates import fold
from bot.domain.item_building import inflect
from bot.domain.scaffold import ItemType


class OptionWords:
    """Which word each option shows, looked up by its folded label: built once for a pool and a
    language, so judging an item costs its few options, not a scan of the pool (an upload of
    400 words judged thousands of items against every word: minutes of a frozen bot)."""

    def __init__(self, pool: Sequence[WordRef], lang: str) -> None:
        self.lang = lang
        # label -> the first word per pack that shows it, in pool order
        self.terms: dict[str, dict[str, WordRef]] = {}
        self.meanings: dict[str, dict[str, WordRef]] = {}
        for ref in pool:
            term = ref.word.term
            for key in {fold(term), *map(fold, ref.word.forms), fold(inflect(term, "s")),
                        fold(inflect(term, "ed"))}:
                self.terms.setdefault(key, {}).setdefault(ref.pack_id, ref)
            gloss = ref.word.glosses.get(lang)
            if gloss is not None:
                self.meanings.setdefault(fold(gloss.term), {}).setdefault(ref.pack_id, ref)

    def of(self, item: Item, pack_id: str) -> list[WordRef | None]:
        """The word behind each option (an English term or form, or a home-language gloss):
        one of the target's own pack (`pack_id`) first, then the first in the pool."""
        index = self.meanings if item.asks_meaning else self.terms
        found: list[WordRef | None] = []
        for option in item.options:
            by_pack = index.get(fold(option), {})
            found.append(by_pack.get(pack_id) or next(iter(by_pack.values()), None))
        return found


def ruled_out(ref: WordRef | None, lang: str, met_today: Collection[str], *,
              by_look: bool = True, topic: str | None = None) -> bool:
    """A wrong option a student who does not know the asked word can still set aside: its word
    was answered earlier today (`met_today`: folded English terms), it comes from another pack
    than `topic` (the answer's: its subject is not the question's), or (`by_look`) it reads as
    a word of her own language. An option whose word is unknown stays live."""
    if ref is None:
        return False
    if fold(ref.word.term) in met_today or (topic is not None and ref.pack_id != topic):
        return True
    return by_look and rules.reads_as_home_word(ref.word, lang)


def counted_choices(item: Item, words: Sequence[WordRef | None], lang: str,
                    met_today: Collection[str] = ()) -> int | None:
    """How many options a right answer counts as chosen among (None: typed): the answer and
    every wrong option not ruled out (`words`: the word behind each option, OptionWords.of).
    One when the answer is the only one of its part of speech left (it may stand out by its
    form) or when only two options are shown (a coin toss): a right answer is practice and
    moves no estimate towards mastery."""
    if item.typed:
        return None
    if len(item.options) < MIN_OPTIONS:
        return 1
    answer = next((ref for option, ref in zip(item.options, words, strict=True)
                   if option == item.answer), None)
    # Options in her own language are all words she knows; and an answer she reads through
    # her own language is known the same way as the cognates beside it (recognition a cognate
    # earns: mastery still waits for a typed recall, checks.recall_on_due_reviews)
    by_look = not item.asks_meaning and not (
        answer is not None and rules.reads_as_home_word(answer.word, lang))
    # Another pack's word is told apart by its subject, unless the stem is a sound
    topic = answer.pack_id if answer is not None and item.item_type is not ItemType.LISTEN \
        else None
    live = [ref for option, ref in zip(item.options, words, strict=True)
            if option != item.answer and not ruled_out(ref, lang, met_today, by_look=by_look,
                                                       topic=topic)]
    if (not item.asks_meaning and answer is not None and live
            and all(ref is not None for ref in live)
            and rules.pos_odd_one_out(answer.word, [ref.word for ref in live if ref])):
        return 1
    return 1 + len(live)


def chosen_meaning(item: Item, grade: Grade, words: Sequence[WordRef | None], lang: str
                   ) -> tuple[str, str] | None:
    """A wrong tap's option and what it means on the other side ("food web", "rezo alimantè";
    for an item asking a meaning, "ropa", "clothes"): feedback says what she chose, so a mix-up
    of two words is seen as one. None for a right answer or an option with no known word."""
    if grade.correct or grade.chosen is None or grade.chosen not in item.options:
        return None
    ref = words[item.options.index(grade.chosen)]
    if ref is None:
        return None
    if item.asks_meaning:
        return grade.chosen, ref.word.term
    gloss = ref.word.glosses.get(lang)
    return (grade.chosen, gloss.term) if gloss is not None else None
