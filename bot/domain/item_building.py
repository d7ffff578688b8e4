"""Build one formative-check item from a word: its type, options and prompt at a level (the
objects themselves: bot/domain/checks.py; a whole check: bot/domain/check_building.py)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace

from bot.domain import item_rules as rules
from bot.domain import tiles
from bot.domain.checks import (
    BEGINNER_CHOICES,
    CHOICES,
    LISTEN_MIN_OPTIONS,
    LISTEN_STEM,
    Item,
    Learner,
    WordRef,
)
from bot.domain.cognates import Relation, fold, relation_for
from bot.domain.gaps import GAP, gap_span
from bot.domain.packs import Gloss, Word
from bot.domain.scaffold import (
    ItemType,
    Scaffold,
    StemLanguage,
    beginner_stem,
    readable_definition,
    readable_gap,
)
from bot.domain.variety import (
    definition_stem,
    gap_sentences,
    not_last,
    prompt_key,
    same_prompt,
    shown_since,
)


def _label(ref: WordRef, meaning_in: str | None) -> str | None:
    """How an option shows a word: its English term, or its home-language gloss."""
    if meaning_in is None:
        return ref.word.term
    gloss = ref.word.glosses.get(meaning_in)
    return gloss.term if gloss else None


def inflect(term: str, suffix: str) -> str:
    """A regular plural ("s") or past ("ed") of a term, for options that fit the gap."""
    if not suffix:
        return term
    if suffix in ("s", "es"):
        if term.endswith("y") and term[-2:-1] not in "aeiou":
            return term[:-1] + "ies"
        return term + ("es" if term.endswith(("s", "x", "z", "ch", "sh")) else "s")
    if suffix in ("d", "ed"):
        return term + ("d" if term.endswith("e") else "ed")
    return term + suffix


def _distractors(target: WordRef, pool: Sequence[WordRef], who: Learner, rng: random.Random,
                 *, meaning_in: str | None = None, stem: str = "", article: str | None = None,
                 suffix: str = "", by_sound: bool = False, capital: bool = False,
                 any_pos: bool = False) -> list[str]:
    """Up to `who.choices` - 1 (usually three) fair wrong options: words whose cards she has
    read (`who.seen`, at every level), same part of speech, own pack while it has any left
    (another pack's word, a maths word among ecosystem words, is ruled out by its subject:
    `evidence.counted_choices` counts it as no option), similar length,
    never sharing a translation or a word family with the answer or each other, and written in
    the answer's case (`capital`: the gap starts a sentence, so every option is capitalised).

    `any_pos`: when no word of the answer's part of speech can be an option, other seen words
    may be (a level 1-2 student choosing an English word for a stem that is not English). The
    few words a newcomer has read may hold no other adjective, and "extinct" would otherwise
    wait for a check that never comes. The answer is then the odd one out, so a right answer
    is counted as practice, not evidence (`evidence.counted_choices`).

    `by_sound` (listening items): words about as many syllables long as the answer, and with
    its first letter where there are any, so the clip's length and first sound do not point
    at the answer."""
    answer = _label(target, meaning_in) or target.word.term
    answer = rules.as_gap(inflect(answer, suffix) if meaning_in is None else answer, capital)
    taken = {rules.gloss_key(target.word, who.lang), rules.gloss_key(target.word, None)}
    shown = [answer]
    chosen: list[str] = []
    pos = target.word.pos
    candidates = [w for w in pool if w.id != target.id and (any_pos or w.word.pos == pos)]
    rng.shuffle(candidates)
    # Same part of speech first, own pack next (even a word she answered today or reads as
    # one of her own: all three are ruled out alike, and a word of the unit is the better
    # practice), then words of similar length (a long option among short ones stands out).
    if by_sound:
        heard, initial = rules.syllables(target.word.term), fold(target.word.term)[:1]
        candidates.sort(key=lambda w: (w.word.pos != pos, w.pack_id != target.pack_id,
                                       abs(rules.syllables(w.word.term) - heard),
                                       fold(w.word.term)[:1] != initial))
    else:
        # Options she cannot rule out come first: not a word she has answered today, and,
        # unless the answer is itself read through her language, not an English word she
        # reads as one of her own ("consumer" beside "bèt yo chase pou manje" is not prey)
        looks = meaning_in is None and not rules.reads_as_home_word(target.word, who.lang)
        candidates.sort(key=lambda w: (w.word.pos != pos, w.pack_id != target.pack_id,
                                       w.id in who.avoid,
                                       looks and rules.reads_as_home_word(w.word, who.lang),
                                       round(abs(len(w.word.term) - len(target.word.term)) / 4)))
    for ref in candidates:
        if who.seen is not None and ref.id not in who.seen:
            continue  # a strange word beside the one card she read is ruled out: elimination
        if rules.kind_related(ref.word, target.word):
            continue  # "predator" for a consumer's definition is not a wrong answer
        if ref.word.pos != pos and chosen:
            break  # the answer's own part of speech filled some options: only those
        label = _label(ref, meaning_in)
        if label is None:
            continue
        label = rules.as_gap(inflect(label, suffix) if meaning_in is None else label, capital)
        if rules.capitalised(label) != rules.capitalised(answer):
            continue  # the one capitalised option (or the one without) would be the answer
        keys = {rules.gloss_key(ref.word, who.lang), rules.gloss_key(ref.word, None)}
        if keys & taken - {None} or any(rules.same_family(label, s) for s in shown):
            continue
        if not rules.fits_article(article, label) or (stem and rules.answer_in_text(
                stem, ref.word)):
            continue
        chosen.append(label)
        shown.append(label)
        taken |= keys
        if len(chosen) == who.choices - 1:
            break
    return chosen


def _options(answer: str, distractors: list[str], rng: random.Random) -> tuple[str, ...]:
    options = [answer, *dict.fromkeys(d for d in distractors if fold(d) != fold(answer))]
    rng.shuffle(options)
    return tuple(options)


def _cloze(target: WordRef, pool: Sequence[WordRef], who: Learner,
           rng: random.Random) -> Item | None:
    """A gap item on this turn's gap sentence (variety.gap_sentences), else on the word's
    next one that gaps fairly, the one its last question showed last; None without one
    (never the card's own example: that tests memory of the card)."""
    again = None  # the sentence its last question showed: only when no other gaps
    for cloze in gap_sentences(target.word, who.turn):
        if not readable_gap(cloze, who.scaffold):
            continue  # levels 1-2: a long English sentence tests reading, not the word
        item = _gap_item(target, cloze, pool, who, rng)
        if item is not None and not same_prompt(item.prompt, who.last):
            return item
        again = again or item
    return again


def _gap_item(target: WordRef, cloze: str, pool: Sequence[WordRef], who: Learner,
              rng: random.Random) -> Item | None:
    word = target.word
    span = gap_span(cloze, word.term, word.forms)
    if span is None:
        return None
    shown_form = cloze[span[0]:span[1]]
    sentence = cloze[:span[0]] + GAP + cloze[span[1]:]
    if rules.answer_in_text(sentence, word):
        return None
    if who.scaffold.typed_answers:
        return Item(target.id, ItemType.CLOZE, sentence, (), shown_form)
    suffix = ""
    if fold(shown_form) != fold(word.term):
        suffix = next((s for s in ("s", "ed") if fold(inflect(word.term, s)) ==
                       fold(shown_form)), "?")
        if suffix == "?":
            return None  # an irregular form: other options could not agree with the gap
    article = rules.article_before_gap(sentence)
    if not rules.fits_article(article, shown_form):
        return None
    # A sentence-initial gap shows "Compare": every option is capitalised the same way.
    capital = rules.capitalised(shown_form) and not rules.capitalised(word.term)
    wrong = _distractors(target, pool, who, rng, stem=sentence, article=article, suffix=suffix,
                         capital=capital)
    if not wrong:
        return None
    return Item(target.id, ItemType.CLOZE, sentence, _options(shown_form, wrong, rng),
                shown_form)


def _listening(target: WordRef, pool: Sequence[WordRef], who: Learner,
               rng: random.Random) -> Item | None:
    """Hear the English word, choose it among three or four written words the student has
    seen; None without a voice, above level 2, or when no fair options exist."""
    if not (who.hears and who.scaffold.listening):
        return None
    term = target.word.term
    wrong = _distractors(target, pool, replace(who, choices=min(who.choices, CHOICES)), rng,
                         by_sound=True, any_pos=who.beginner)
    if len(wrong) < LISTEN_MIN_OPTIONS - 1 or rules.sound_length_stands_out(term, wrong):
        return None
    return Item(target.id, ItemType.LISTEN, LISTEN_STEM, _options(term, wrong, rng), term)


def _try_item(target: WordRef, pool: Sequence[WordRef], item_type: ItemType, who: Learner,
              rng: random.Random) -> Item | None:
    """One item of this type, or None when the type would give the answer away."""
    word, lang = target.word, who.lang
    gloss = word.glosses.get(lang)
    if item_type is ItemType.CLOZE:
        return _cloze(target, pool, who, rng)
    if item_type is ItemType.LISTEN:
        return _listening(target, pool, who, rng)
    if item_type is ItemType.REVERSE:
        if gloss is None or gloss.cognate or rules.cognate_in(gloss.term, word):
            # nothing to show, or the home-language word shows the English one: "hábitat"
            # spells "habitat", and a cognate the pack flags sounds like it even where the
            # spelling differs ("konsomatè" / consumer): tapped by its look, not recalled
            return None
        wrong = _distractors(target, pool, who, rng, stem=gloss.short_term,
                             any_pos=who.beginner)
        return Item(target.id, item_type, gloss.short_term, _options(word.term, wrong, rng),
                    word.term) if wrong else None
    relation = relation_for(word, lang)
    if (item_type is ItemType.CHOICE and gloss is not None and relation.lookalike
            and not who.scaffold.oral  # its options are written in her language
            and relation.relation is Relation.FALSE_FRIEND
            and not rules.near_identical(gloss.term, word.term)):
        # The look-alike home-language word is the most tempting wrong meaning.
        wrong = [relation.lookalike, *_distractors(target, pool, who, rng, meaning_in=lang)]
        return Item(target.id, item_type, word.term,
                    _options(gloss.term, wrong[:who.choices - 1], rng),
                    gloss.term, asks_meaning=True)
    if (item_type in (ItemType.CHOICE, ItemType.POLL, ItemType.TYPED)
            and who.scaffold.definition_stem_language is StemLanguage.HOME):
        # her language's definition as her card showed it (a cognate in one gives the answer
        # away), else the picture, else the pack's other definition (at level 1 only a short
        # one); the one the word's last question did not show first (a typed recall asked as
        # before is not one, so without a third prompt a word asked by its card line alone
        # took 13 school days, not 9, to be mastered at level 1: bench/mastery_validity.py
        # 30 1 es 1)
        card, *other = _home_definitions(gloss, word, who.scaffold) or [None]
        stems = [s for s in (beginner_stem(card, None), beginner_stem(None, word.emoji),
                             *(beginner_stem(d, None) for d in other)) if s]
        stem = next(iter(not_last(stems, who.last)), None)  # None: the English definition
        if stem and item_type is ItemType.TYPED:  # no fair options (e.g. one word seen)
            return Item(target.id, item_type, stem, (), word.term)
        # An option whose home-language term is inside the stem would pull a wrong answer.
        fair = [r for r in pool if r.word.glosses.get(lang) is None
                or fold(r.word.glosses[lang].term) not in fold(stem or "")]
        wrong = _distractors(target, fair, who, rng, stem=stem,
                             any_pos=who.beginner) if stem else []
        if stem and wrong:
            return Item(target.id, item_type, stem, _options(word.term, wrong, rng), word.term)
    # This turn's English definition: the card's own only every other turn, never the first
    definition = definition_stem(word, who.scaffold, who.turn, who.last)
    if definition is None:
        return None
    if item_type is ItemType.TYPED:
        return Item(target.id, item_type, definition, (), word.term)
    wrong = _distractors(target, pool, who, rng, stem=definition)
    return Item(target.id, item_type, definition, _options(word.term, wrong, rng),
                word.term) if wrong else None


def build_item(target: WordRef, pool: Sequence[WordRef], item_type: ItemType, lang: str,
               scaffold: Scaffold, rng: random.Random,
               seen: frozenset[int] | None = None, hears: bool = False,
               choices: int | None = None, avoid: frozenset[int] = frozenset(),
               turn: int = 0, last: tuple[str, ...] = (), min_options: int = 2) -> Item:
    """Build a fair item for `target`, of `item_type` when that type gives nothing away,
    else of the level's next type that does (recall types last for beginners).

    `hears`: an English voice can say the word, so a listening item is possible; `choices`:
    options at most (fewer when fewer fair ones exist; None: six at levels 1-2, else four),
    `min_options` at least (a kind with fewer is asked written, `written`: a check asks
    `fewest_options`, "Practice again" two);
    `avoid`: words offered only when no other fair option is left (Learner.avoid); `turn`:
    the word's graded answers so far, which pick its definition and gap sentence, never
    `last` (its last questions' prompts, whatever kind showed them) where another definition,
    gap sentence or kind can ask it (variety): a word whose one definition the last question
    showed is asked by a gap or its home-language term instead."""
    item = _build_item(target, pool, item_type, lang, scaffold, rng, seen, hears, choices, avoid,
                       turn, last, min_options)
    return _with_decoys(item, target, pool, scaffold, seen, avoid, turn)


def _build_item(target: WordRef, pool: Sequence[WordRef], item_type: ItemType, lang: str,
               scaffold: Scaffold, rng: random.Random,
               seen: frozenset[int] | None = None, hears: bool = False,
               choices: int | None = None, avoid: frozenset[int] = frozenset(),
               turn: int = 0, last: tuple[str, ...] = (), min_options: int = 2) -> Item:
    who = Learner(lang, scaffold, seen, hears,
                  choices or (BEGINNER_CHOICES if scaffold.level <= 2 else CHOICES), avoid,
                  turn, last)
    # A gap sentence only at a level that reads one (check_plan asks a practice tap again as
    # one first: a level-1 newcomer read "The fish is the bear's _____.", playtest)
    asked = [] if item_type is ItemType.CLOZE and item_type not in scaffold.item_types \
        else [item_type]
    fallbacks = [*asked, *scaffold.item_types, ItemType.REVERSE, ItemType.CHOICE,
                 ItemType.TYPED]
    again: list[Item] = []  # items showing a prompt of `last`: only when no other kind can ask
    for kind in dict.fromkeys(fallbacks):
        item = _home_first(_try_item(target, pool, kind, who, rng), target.word, who)
        if item is not None and not item.typed and len(item.options) < min_options:
            item = written(item)  # too few options to count (a coin toss): written instead
        if item is not None and not same_prompt(item.prompt, last):
            return item
        again += [item] if item is not None else []
    if again:  # the prompt shown longest ago (stable: the level's kinds in order)
        return min(again, key=lambda i: shown_since(i.prompt, last))
    # No fair choice item (e.g. a beginner who has seen one word): ask for the word itself,
    # with the word blanked out of its definition if the pack's definition uses it.
    return Item(target.id, ItemType.TYPED, _last_resort(target.word, who), (), target.word.term)


def redeal(items: Sequence[Item], pool: Sequence[WordRef], scaffold: Scaffold,
           seen: frozenset[int] | None, answered: frozenset[int]) -> list[Item]:
    """A level 1-2 check's items, in the order they will be asked, each with decoys drawn
    again now that the order is known: never a word answered today or asked before it (she
    can rule those out), a word asked after it may be one (she has not answered it yet). Drawn
    while building, in build order, they were then filtered by the order asked (its quiz poll
    first, deciding reviews first), and a level-1 check of a few words had few left."""
    refs = {r.id: r for r in pool}
    asked = set(answered)
    dealt: list[Item] = []
    for position, item in enumerate(items):
        target = refs.get(item.word_id)
        if target is not None:
            item = _with_decoys(replace(item, decoys=()), target, pool, scaffold, seen,
                                frozenset(asked), position)
        asked.add(item.word_id)
        dealt.append(item)
    return dealt


def _with_decoys(item: Item, target: WordRef, pool: Sequence[WordRef], scaffold: Scaffold,
                 seen: frozenset[int] | None, avoid: frozenset[int], turn: int) -> Item:
    """At levels 1-2, an item whose word letter tiles may spell (a question that names an
    English word, or a typed one) with its decoys: words whose cards she read that its tiles
    spell too (tiles.choose_decoys), so they name no one word of her list. Her own pack's
    words first (another subject's word she might rule out by its lesson), never one she can
    rule out today (`avoid`: answered earlier today or asked earlier in this check). Drawn
    apart from the check's own draws, by the word and its turn, so each check deals it
    other decoys."""
    if scaffold.level > 2 or item.asks_meaning or not tiles.tileable(item.answer) \
            or not (item.typed or item.item_type in tiles.SPELLED_KINDS):
        return item
    fair = [r for r in pool if r.id != target.id and r.id not in avoid
            and (seen is None or r.id in seen)]
    random.Random(target.id * 1_000_003 + turn).shuffle(fair)
    fair.sort(key=lambda r: r.pack_id != target.pack_id)
    decoys = tiles.choose_decoys(item.answer, [r.word.term for r in fair])
    return replace(item, decoys=decoys) if decoys else item


def _home_first(item: Item | None, word: Word, who: Learner) -> Item | None:
    """The item, unless it asks a level 1-2 student to read the word's English definition
    when her language has the word: her check asks by the home-language definition, the
    picture, the home-language term, a short gap sentence or the word's sound instead
    (playtest: "Anything that takes up space, like rocks, water and air" in English alone on
    day 2, after the Creole one on day 1). A word with no translation in her language (her
    card says so: "No Haitian Creole translation yet") has only its English meaning to ask."""
    if (item is None or who.scaffold.definition_stem_language is not StemLanguage.HOME
            or item.asks_meaning or who.lang not in word.glosses):
        return item
    english = {prompt_key(s) for s in (word.definition, word.simple) if s}
    return None if prompt_key(item.prompt) in english else item


def _home_definitions(gloss: Gloss | None, word: Word, scaffold: Scaffold) -> list[str]:
    """The home-language definitions a level 1-2 check may ask by, the one her card showed
    first (the pack's `simple`, where it has one): a check in the textbook's words
    ("求几个相同加数的和的简便运算。" after a card saying "快速算几组同样多的总数") tested
    reading her language, not the English word (playtest, Mandarin newcomer, 8). The other
    one only where her level reads it (`readable_definition`: a 23-word Hmong definition
    after a 10-word card, playtest, Hmong level 1), else the gloss's `short` line in its
    place, so a word whose definition is long still has a second prompt; the card's line
    always, as she read it. At level 1 the `short` line asks too where the definition is
    short enough, a third prompt: a word she is asked every day or two had shown both others
    within mastery.PROMPT_MEMORY by its third question, and a right answer then counts no
    luck (Spanish, whose cognates have no home-language term to ask by: 41 of 89 words
    mastered in 30 school days, docs/newcomers.md, "The speller"). Those that give the answer
    away (a cognate in them) are left out."""
    if gloss is None:
        return []
    shown = gloss.newcomer_definition()
    other = gloss.definition if gloss.definition is None \
        or readable_definition(gloss.definition, scaffold) else None
    short = gloss.short if scaffold.definition_words is not None else None
    return [d for d in dict.fromkeys((shown, other, short))
            if d and not (rules.cognate_in(d, word) or rules.answer_in_text(d, word))]


def _last_resort(word: Word, who: Learner) -> str:
    """What a typed question shows when no other question is fair: at levels 1-2 her
    language's definition (a look-alike of the answer in it blanked) or the word's picture,
    even if the last question showed it, else its home-language term where that does not
    spell the English word; the English definition, the word blanked out, only when there is
    none of these (no translation in her language)."""
    gloss = word.glosses.get(who.lang)
    if who.scaffold.definition_stem_language is StemLanguage.HOME and gloss is not None:
        # her definition with the look-alike of the answer blanked ("La longitud de la ___"):
        # typed, so no option can be ruled out by it, and the rest is hers to read
        shown = gloss.newcomer_definition()
        own = rules.masked_lookalikes(shown, word) if shown else None
        term = None if gloss.cognate or rules.cognate_in(gloss.term, word) \
            else gloss.short_term
        stem = beginner_stem(own, word.emoji) or term
        if stem:
            return stem
    return rules.masked(word.definition, word)


def written(item: Item) -> Item | None:
    """The question asked with the word written instead of chosen, on the same prompt: its gap
    sentence, home-language term or definition (None: the options were home-language words).
    A coin toss passed over keeps its prompt among the word's ways to be asked, so the ways it
    turns through do not shrink to one it showed last time (variety)."""
    if item.asks_meaning or item.item_type is ItemType.LISTEN:
        return None
    kind = ItemType.CLOZE if item.item_type is ItemType.CLOZE else ItemType.TYPED
    return replace(item, item_type=kind, options=())
