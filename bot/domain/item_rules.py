"""What makes a check item give its answer away: one rule set for the generator and the audit.

An item is evidence only if a student who does not know the word cannot pass it by
elimination (the one verb among nouns, "an" before the gap, two options with the same
translation, an option that is part of another, the one capitalised option under a
sentence-initial gap) or by reading the answer in the question (the
word itself, or a home-language cognate spelled almost like it). The item generator uses these
predicates to choose distractors and item types; `puente packs audit` uses the same predicates
to count what slipped through.
"""

from __future__ import annotations

import difflib
import enum
import functools
import re
from collections.abc import Sequence

from bot.domain.cognates import fold
from bot.domain.gaps import GAP, gap_span
from bot.domain.packs import Word


class Giveaway(enum.StrEnum):
    POS_ODD_ONE_OUT = "part-of-speech odd one out"
    ARTICLE_MISMATCH = "article before the gap fits only some options"
    SHARED_GLOSS = "two options share a translation or a definition"
    WORD_FAMILY = "an option is an inflection or part of another"
    MISSING_GAP = "gap sentence without a gap"
    ANSWER_IN_STEM = "the answer appears in the question"
    COGNATE_IN_STEM = "a near-identical cognate in the question"
    UNSEEN_DISTRACTOR = "an option the student has never seen (the answer the one familiar word)"
    TOO_FEW_OPTIONS = "fewer than two options"
    SOUND_LENGTH = "a listening answer far longer or shorter than every other option"
    CASE_ODD_ONE_OUT = "the answer alone starts with a capital letter (or alone without one)"
    KIND_OF_ANSWER = "an option is a kind of the answer, or the answer a kind of it (not wrong)"


_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
# "an" goes before a vowel sound; these spellings break the letter rule.
_VOWEL_SOUND_EXCEPTIONS = ("hour", "honest", "honor", "honour", "heir")
_CONSONANT_SOUND_EXCEPTIONS = ("uni", "use", "usu", "one", "once", "eu", "ewe", "ura", "uro")


@functools.lru_cache(maxsize=65536)
def takes_an(phrase: str) -> bool:
    """Whether a phrase takes "an" rather than "a" (by its first sound, spelled)."""
    first = phrase.strip().casefold()
    if first.startswith(_VOWEL_SOUND_EXCEPTIONS):
        return True
    if first.startswith(_CONSONANT_SOUND_EXCEPTIONS):
        return False
    return first[:1] in "aeiou"


def article_before_gap(sentence: str) -> str | None:
    """"a" or "an" when it stands right before the gap, else None."""
    before = sentence.split(GAP, 1)[0].rstrip().casefold()
    for article in ("an", "a"):
        if before == article or before.endswith((" " + article, "(" + article)):
            return article
    return None


def fits_article(article: str | None, option: str) -> bool:
    """An option agrees with the article before the gap (always, when there is none)."""
    if article is None:
        return True
    return takes_an(option) == (article == "an")


@functools.lru_cache(maxsize=65536)
def _stem(text: str) -> str:
    folded = fold(text)
    for suffix in ("ies", "es", "s", "ed", "ing", "er", "or", "ion", "ive", "al"):
        if folded.endswith(suffix) and len(folded) - len(suffix) >= 4:
            return folded[: -len(suffix)]
    return folded


@functools.lru_cache(maxsize=65536)
def same_family(a: str, b: str) -> bool:
    """One option is part of, or an inflection of, the other (produce / producer)."""
    fa, fb = fold(a).strip(), fold(b).strip()
    if not fa or not fb or fa == fb:
        return fa == fb
    if fa in fb or fb in fa:
        return True
    shortest = min(len(fa), len(fb))
    prefix = next((i for i, (x, y) in enumerate(zip(fa, fb, strict=False)) if x != y),
                  shortest)
    return _stem(fa) == _stem(fb) or (prefix >= 5 and prefix >= shortest - 2)


@functools.lru_cache(maxsize=65536)
def near_identical(a: str, b: str) -> bool:
    """Spelled almost alike once case and accents are folded (hábitat / habitat)."""
    fa, fb = re.sub(r"[\W_]+", "", fold(a)), re.sub(r"[\W_]+", "", fold(b))
    if not fa or not fb:
        return False
    if fa == fb or same_family(fa, fb):
        return True
    return _distance(fa, fb) <= max(1, min(len(fa), len(fb)) // 4)


def _distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def answer_in_text(text: str, word: Word) -> bool:
    """The word (or a listed form, or its stem inside a longer word) appears in the text."""
    if gap_span(text, word.term, word.forms) is not None:
        return True
    stem = _stem(word.term)
    return len(stem) >= 5 and any(fold(token).startswith(stem)
                                  for token in _WORD.findall(text))


def masked(text: str, word: Word) -> str:
    """The text with the word (and words built on its stem) blanked out."""
    stem = _stem(word.term)

    def blank(match: re.Match[str]) -> str:
        token = fold(match.group())
        same = token == fold(word.term) or (len(stem) >= 5 and token.startswith(stem))
        return GAP if same else match.group()

    text = re.sub(_WORD, blank, text)
    span = gap_span(text, word.term, word.forms)  # multi-word terms
    return text if span is None else text[:span[0]] + GAP + text[span[1]:]


HIDDEN = "…"  # a word left out of a definition (not a gap: the answer does not go there)


def masked_lookalikes(text: str, word: Word) -> str:
    """The text with the word, and every word spelled almost like it (a home-language
    cognate: "produkto" for product), left out: "…"."""
    parts = [p for p in word.term.split() if len(p) >= 4]
    text = re.sub(_WORD, lambda m: HIDDEN if any(looks_alike(m.group(), p) for p in parts)
                  else m.group(), text)
    return masked(text, word).replace(GAP, HIDDEN)


@functools.lru_cache(maxsize=65536)
def looks_alike(a: str, b: str) -> bool:
    """Two words spelled almost alike (hábitat / habitat, ecosistema / ecosystem); below four
    letters only the same word counts ("the" is not "theme")."""
    fa, fb = re.sub(r"[\W_]+", "", fold(a)), re.sub(r"[\W_]+", "", fold(b))
    shortest = min(len(fa), len(fb))
    if shortest < 4:
        return bool(fa) and fa == fb  # "gas" shows "gas"
    prefix = next((i for i, (x, y) in enumerate(zip(fa, fb, strict=False)) if x != y),
                  shortest)
    return (fa == fb or _distance(fa, fb) <= max(1, shortest // 4)
            or (prefix >= 5 and prefix >= shortest - 2))


def cognate_in(text: str, word: Word) -> bool:
    """A word of the text is spelled almost like the English term (a give-away cognate)."""
    return _cognate_in(text, word.term)


@functools.lru_cache(maxsize=65536)
def _cognate_in(text: str, term: str) -> bool:
    tokens = _WORD.findall(text)
    parts = term.split()
    if len(parts) > 1:  # multi-word terms: the whole text, or every part, looks alike
        return looks_alike(text, term) or all(
            any(looks_alike(t, part) for t in tokens) for part in parts if len(part) >= 4)
    return any(looks_alike(token, term) for token in tokens)


# Ruling an option out needs less than giving an answer away: "abita" is read as "habitat"
# though two letters differ. Share of letters in common (difflib's ratio) from which a word of
# her language reads as the English one; "presa" / "prey" (0.67) does not.
READS_ALIKE = 0.7
_LETTERS = re.compile(r"[^\W\d_]{4,}")


def reads_as_home_word(word: Word, lang: str) -> bool:
    """An English word a speaker of `lang` reads through a word of her own: a cognate the pack
    flags, or one spelled nearly alike ("consumer" / "konsomatè", "habitat" / "abita")."""
    gloss = word.glosses.get(lang)
    if gloss is None:
        return False
    return gloss.cognate or _reads_alike(gloss.term, word.term)


@functools.lru_cache(maxsize=65536)
def _reads_alike(home: str, english: str) -> bool:
    target = fold(english)
    return _cognate_in(home, english) or (len(target) >= 4 and any(
        difflib.SequenceMatcher(None, fold(token), target).ratio() >= READS_ALIKE
        for token in _LETTERS.findall(home)))


def gloss_key(word: Word, lang: str | None) -> str | None:
    """What a student reads as the option's meaning: its gloss (or English definition)."""
    if lang is None:
        return fold(word.definition)
    gloss = word.glosses.get(lang)
    return fold(gloss.term) if gloss else None


_VOWELS = re.compile(r"[aeiouy]+")


@functools.lru_cache(maxsize=65536)
def syllables(term: str) -> int:
    """Syllables as spelled (vowel groups, a silent final "e" dropped): what the ear hears of a
    word's length before it knows the word."""
    count = 0
    for token in _WORD.findall(fold(term)):
        groups = len(_VOWELS.findall(token))
        if groups > 1 and token.endswith("e") and not token.endswith(("le", "ee")):
            groups -= 1
        count += max(1, groups)
    return count


def sound_length_stands_out(answer: str, others: Sequence[str]) -> bool:
    """In a listening item, the answer is two or more syllables away from every other option:
    a student who only hears a long (or short) clip finds it by its length alone."""
    heard = syllables(answer)
    return bool(others) and all(abs(syllables(o) - heard) >= 2 for o in others)


def capitalised(text: str) -> bool:
    """The option starts with a capital letter (a sentence-initial gap, a proper noun)."""
    first = next((c for c in text if c.isalpha()), "")
    return first.isupper()


def as_gap(option: str, capital: bool) -> str:
    """The option written as the gap needs it: capitalised at the start of a sentence."""
    return option[:1].upper() + option[1:] if capital else option


def case_odd_one_out(answer: str, others: Sequence[str]) -> bool:
    """The answer is the only option with (or without) a capital letter: "_____ your answer"
    offered "justify / Compare / predict" is answered by the capital alone."""
    return bool(others) and all(capitalised(o) != capitalised(answer) for o in others)


def pos_odd_one_out(answer: Word, distractors: Sequence[Word]) -> bool:
    """The answer is the only option of its part of speech."""
    return bool(distractors) and all(d.pos != answer.pos for d in distractors)


def kind_related(a: Word, b: Word) -> bool:
    """One word is a kind of the other as its pack says (`kind_of`: a predator is a
    consumer): choosing either for the other's definition is not wrong, so neither may be a
    wrong option for the other (playtest M6)."""
    return (fold(b.term) in {fold(t) for t in a.kind_of}
            or fold(a.term) in {fold(t) for t in b.kind_of})
