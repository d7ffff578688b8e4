"""Grade a typed answer: kind about spelling, strict about meaning.

Case, accents, punctuation, a leading article, British spellings, regular inflections and small
slips are forgiven; another real English word never is ("pray" is not "prey"). The curated gloss
of this very word gets "that is the Arabic word, now write it in English", and text that is
clearly not English (another script, or surely the student's language) "please write the
English word": one more try, not a miss (at most ENGLISH_RETRIES a question). Any other
home-language word (a listed false friend, a word from a word list) is a miss, since it shows
no knowledge of this word's meaning.
See docs/typed-grading.md for the rules and why the word list comes from pyspellchecker.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from bot.domain.cognates import fold
from bot.domain.home_text import (
    answer_key,
    beside,
    home_aside,
    home_key,
    home_keys,
    looks_like,
    own_language,
)
from bot.domain.packs import Word

MAX_ANSWER = 200  # a longer typed answer is not graded: the student is asked for the word
# Latin-script languages whose word list pyspellchecker ships: an answer found there (and not in
# English) is a home-language word, never forgiven as a slip of the English one; unless it is
# this word's own gloss it is a miss. (So is an answer in another script.)
HOME_WORD_LISTS = frozenset({"es", "pt", "fr", "it", "de", "nl", "eu", "lv"})
# "Write it in English" comes once a question: an answer that is not English after it is graded
# (a miss), so it can neither hold a question open for ever nor dodge its miss.
ENGLISH_RETRIES = 1


class Verdict(enum.Enum):
    EXACT = "exact"                             # the word, a regular form, or a UK/US variant
    TYPO_FORGIVEN = "typo-forgiven"             # a small slip that is not itself another word
    OTHER_ENGLISH_WORD = "other-english-word"   # a real word with another meaning: a miss
    HOME_LANGUAGE_WORD = "home-language-word"   # this word's own gloss: one more try
    NOT_ENGLISH = "not-english"                 # another script, or surely the student's
                                                # language: one more try
    FALSE_FRIEND = "false-friend"               # the look-alike the card warns about: a miss
    WRONG = "wrong"                             # anything else: a miss
    EMPTY = "empty"                             # no letter: spaces, digits, punctuation, emoji
    TOO_LONG = "too-long"                       # longer than MAX_ANSWER


# No answer to grade: the student is asked for the word again, and nothing is counted.
NOT_AN_ANSWER = frozenset({Verdict.EMPTY, Verdict.TOO_LONG})
# Not English: "write it in English", one more try (ENGLISH_RETRIES), not yet a miss.
RETRY = frozenset({Verdict.HOME_LANGUAGE_WORD, Verdict.NOT_ENGLISH})
# An English part written beside home-language text is graded on its own when it is the word,
# a slip of it, or another English word; anything else is graded as the whole answer.
_GRADED_BESIDE = frozenset({Verdict.EXACT, Verdict.TYPO_FORGIVEN, Verdict.OTHER_ENGLISH_WORD,
                            Verdict.FALSE_FRIEND})


@dataclass(frozen=True)
class TypedVerdict:
    """What a typed answer was taken for, and the text it matched (a form, word or gloss)."""

    kind: Verdict
    matched: str | None = None  # NOT_ENGLISH: the language code it looks like (None: unknown)

    @property
    def correct(self) -> bool:
        return self.kind in (Verdict.EXACT, Verdict.TYPO_FORGIVEN)

    @property
    def exact(self) -> bool:
        return self.kind is Verdict.EXACT

    @property
    def retry(self) -> bool:
        """True when the student should be asked again in English rather than marked wrong."""
        return self.kind in RETRY


_ARTICLES = re.compile(r"^(the|a|an|to)(\s+|$)")
_NON_WORD = re.compile(r"[^\w\s]|_")
_LIGATURES = str.maketrans({"æ": "ae", "œ": "oe", "ß": "ss"})
_LATIN = re.compile(r"^[a-z0-9 ]*$")


@functools.lru_cache(maxsize=8192)  # pack terms and glosses come back with every answer
def normalise(text: str) -> str:
    """Fold case, accents, punctuation, extra spaces and a leading article away."""
    folded = fold(text).translate(_LIGATURES)
    folded = _NON_WORD.sub(" ", folded)
    folded = " ".join(folded.split())
    return _ARTICLES.sub("", folded)


def edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count as one edit)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current.append(value)
        previous2, previous = previous, current
    return previous[-1]


_VOWELS = frozenset("aeiouy")
# Letters learners swap for one another by sound: b/v (Spanish), s/z, c/k/q/s, g/j, d/t.
_SOUND_ALIKE = frozenset(frozenset(pair) for pair in
                         ("bv", "sz", "ck", "cs", "kq", "cq", "gj", "dt", "xs", "xk"))


def _substitution(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if (a in _VOWELS and b in _VOWELS) or frozenset((a, b)) in _SOUND_ALIKE:
        return 0.5
    return 1.0


def _indel(word: str, index: int) -> float:
    """Cost of adding or dropping word[index]: half for a vowel or a doubled letter."""
    letter = word[index]
    doubled = (index > 0 and word[index - 1] == letter) or word[index + 1:index + 2] == letter
    return 0.5 if letter in _VOWELS or doubled else 1.0


def slip_distance(typed: str, word: str) -> float:
    """Damerau-Levenshtein distance where learners' usual slips cost half an edit.

    Vowel for vowel (anylize), sound-alike consonants (rezult, bote), an added or dropped vowel
    or doubled letter (comunity, detale) cost 0.5; other edits and adjacent swaps cost 1.
    """
    previous2: list[float] = []
    previous = [0.0]
    for j in range(len(word)):
        previous.append(previous[-1] + _indel(word, j))
    for i, ca in enumerate(typed, 1):
        current = [previous[0] + _indel(typed, i - 1)]
        for j, cb in enumerate(word, 1):
            value = min(previous[j] + _indel(typed, i - 1), current[j - 1] + _indel(word, j - 1),
                        previous[j - 1] + _substitution(ca, cb))
            if i > 1 and j > 1 and ca == word[j - 2] and typed[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current.append(value)
        previous2, previous = previous, current
    return previous[-1]


def allowed_typos(expected: str) -> int:
    """Short words must be exact; longer ones may carry one or two slips."""
    length = len(expected.replace(" ", ""))
    return 0 if length <= 3 else 1 if length <= 7 else 2


# --- word lists (loaded once, on first use) ------------------------------------------------

LIST_ONLY = 50  # pyspellchecker's count for a word seen in a word list but not in its corpus


@functools.cache
def _word_list(lang: str) -> frozenset[str]:
    """The words pyspellchecker knows in `lang`, folded like answers are.

    English keeps every word (its list is clean, and rare words must count as words); other
    languages keep words seen in real text, since their list-only words include misspellings.
    """
    from spellchecker import SpellChecker  # with its lists, on first use: not at start-up

    counts = SpellChecker(language=lang, case_sensitive=False).word_frequency.dictionary
    return frozenset(word if word.isascii() and word.isalpha() else normalise(word)
                     for word, count in counts.items()
                     if "'" not in word and (lang == "en" or count > LIST_ONLY))


def english_words() -> frozenset[str]:
    """The English word list (about 160,000 words, American spelling, rare words included)."""
    return _word_list("en")


def preload() -> None:
    """Load the English word list now (under a second) instead of on the first typed answer."""
    english_words()


# --- spelling variants and regular forms ---------------------------------------------------

# British -> American, applied only to words the American list does not know as they are.
_BRITISH = (
    (re.compile(r"is(e|ed|es|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"ys(e|ed|es|ing|er|ers)$"), r"yz\1"),
    (re.compile(r"our"), "or"),
    (re.compile(r"([tb])re(s?)$"), r"\1er\2"),
    (re.compile(r"([tb])red$"), r"\1ered"),
    (re.compile(r"ogue(s?)$"), r"og\1"),
    (re.compile(r"ll(ed|ing|er|ers)$"), r"l\1"),
)  # not ae -> e nor -ence -> -ense: "aera" would become "era", and "sence" "sense"


def americanise(word: str) -> str:
    """Turn one British spelling (colour, centre, analyse, organise) into the American one."""
    known = english_words()
    if word in known:
        return word
    for pattern, replacement in _BRITISH:
        changed = pattern.sub(replacement, word)
        if changed != word and changed in known:
            return changed
    return word


def _american(text: str) -> str:
    return " ".join(americanise(token) for token in text.split())


def _spellings(word: str) -> set[str]:
    """`word` and its American respellings, even unlisted ones (analyses -> analyzes).

    A known word is respelled only by the -ise/-yse rules: "four" must not become "for", nor
    "filler" "filer".
    """
    rules = _BRITISH[:2] if word in english_words() else _BRITISH
    return {word, americanise(word), *(pattern.sub(repl, word) for pattern, repl in rules)}


_OGUE = re.compile(r"ogue(s?)$")
_SIBILANT = ("s", "x", "z", "ch", "sh")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_CVC = re.compile(r"[^aeiou][aeiou][^aeiouwxy]$")


def inflections(word: str, strict: bool = False) -> set[str]:
    """Regular forms of a one-word term (plural, -s, -ed, -ing, Latin plurals).

    Not strict, both "infered" and "inferred" count; strict, a one-syllable word must double
    ("setting"), so the undoubled forms are the ones not strict adds.
    """
    stem_e = word[:-1] if word.endswith("e") else word
    if len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
        forms = {word, word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    else:
        forms = {word, word + "es" if word.endswith(_SIBILANT) else word + "s", stem_e + "ed",
                 word + "ing" if word.endswith(("ee", "ye", "oe")) else stem_e + "ing"}
    if _CVC.search(word):  # plot -> plotted, infer -> inferred
        if strict and len(_VOWEL_GROUPS.findall(word)) == 1:
            forms -= {word + "ed", word + "ing"}
        forms.update({word + word[-1] + "ed", word + word[-1] + "ing"})
    if word.endswith("is"):
        forms.add(word[:-2] + "es")       # hypothesis -> hypotheses
    if word.endswith("us"):
        forms.add(word[:-2] + "i")        # radius -> radii
    if word.endswith(("ex", "ix")):
        forms.add(word[:-2] + "ices")     # vertex -> vertices
    return forms


def _own_forms(word: str) -> set[str]:
    """Regular forms of the expected word, undoubled ones too ("ploted"), unless such a form is
    another English word: "planed" is not a form of "plan", nor "hoped" of "hop"."""
    forms = inflections(word)
    known = english_words()
    return forms - {form for form in forms - inflections(word, strict=True) if form in known}


def _target_forms(expected: str, forms: Iterable[str]) -> set[str]:
    """The expected term, its listed forms and its regular forms, in American spelling."""
    listed = {normalise(expected), *(normalise(f) for f in forms)} - {""}
    result: set[str] = set()
    for term in listed:
        head, _, last = term.rpartition(" ")
        result.update(f"{head} {form}".strip() for form in _own_forms(last))
        first, _, tail = term.partition(" ")
        if tail.startswith("of "):  # points of view
            result.update(f"{form} {tail}" for form in _own_forms(first))
    result |= {_OGUE.sub(r"og\1", term) for term in result}  # dialogue: dialog in the US
    return {_american(term) for term in result}


def _is_english_word(token: str, targets: set[str]) -> bool:
    """True when `token` is a real English word, as listed or respelled, other than a target.

    A word the list lacks is not guessed from a listed stem: such guesses are rarely words and
    often a learner's slip ("insted" is no form of inst, nor "palying" of paly, "runing" of
    rune or "soliders" of solider), and the list already holds the forms people use.
    """
    if token in targets:
        return False
    known = english_words()
    return token in known or americanise(token) in known


# A home-language cognate: the English word plus a Romance ending (ecosistema, nutriente), or
# -y/-tion turned into -ia/-ção/-syon. Within the slip budget, but not a slip. (-cion and a
# final -e are left out: "fracion" and "claime" are how learners misspell, not Spanish words.)
_COGNATE_ENDINGS = (  # (English ending, home-language ending, the home word is longer)
    (re.compile(r"[^aeiouy]$"), re.compile(r"(a|o|as|os)$"), True),   # ecosistema, organismo
    (re.compile(r"(ure|ine)$"), re.compile(r"(ura|ina)$"), False),    # cultura, estructura
    (re.compile(r"nt$"), re.compile(r"nte$"), True),                  # nutriente
    (re.compile(r"y$"), re.compile(r"(ia|ya|io)$"), True),            # energia, democracia
    (re.compile(r"tion$"), re.compile(r"(cao|zione|syon)$"), False),  # populacao, popilasyon
)


def _cognate(given: str, word: str) -> bool:
    """True when `given` looks like the home-language cognate of `word`, not a slip of it."""
    if word.endswith("tion") and given == word[:-4] + "cion":  # eleccion (but fracion is a slip)
        return True
    return any(english.search(word) and home.search(given) and not home.search(word)
               and (len(given) > len(word) or not longer)  # habitta is a slip, not Spanish
               for english, home, longer in _COGNATE_ENDINGS)


def _home_word(text: str, lang: str | None) -> bool:
    """True when every word of `text` is in the word list of `lang`, when one ships."""
    if lang not in HOME_WORD_LISTS:
        return False
    words = _word_list(lang)
    return all(token in words for token in text.split())


# --- the grader ----------------------------------------------------------------------------

def pack_terms(words: Iterable[Word], lang: str | None) -> tuple[list[str], list[str]]:
    """The English terms of a student's pack words (`grade`'s other_terms), and those words'
    glosses in the student's language."""
    words = list(words)
    home = [w.glosses[lang].term for w in words if lang and lang in w.glosses]
    return [w.term for w in words], home


def own_terms(word: Word, lang: str | None) -> tuple[list[str], list[str]]:
    """`grade`'s home_terms and false_friends for one word: its own curated gloss in the
    student's language, and the look-alike the card warns about."""
    gloss = word.glosses.get(lang) if lang else None
    if gloss is None:
        return [], []
    return [gloss.term], [gloss.false_friend] if gloss.false_friend else []


def grade(answer: str, expected: str, forms: Sequence[str] = (),
          home_terms: Sequence[str] = (), lang: str | None = None,
          other_terms: Sequence[str] = (), false_friends: Sequence[str] = ()) -> TypedVerdict:
    """Grade a typed `answer` against the `expected` English term (rules: docs/typed-grading.md).

    `forms`: inflections the pack lists for the word (irregular plurals, past tenses);
    `home_terms`: this word's own curated gloss(es) in the student's language, the only
    home-language answers praised as "the Arabic word"; `false_friends`: the look-alikes its
    card warns about; `lang`: the student's language (its word list, when one ships, and the
    language the detector is asked about); `other_terms`: the other English terms of the
    student's packs (so "food chain" is never a slip for "food web").
    """
    if len(answer) > MAX_ANSWER:
        return TypedVerdict(Verdict.TOO_LONG)
    given = normalise(answer)
    if not any(ch.isalpha() for ch in given):  # "🙂", "?!", "the", "12345": no word at all
        return TypedVerdict(Verdict.EMPTY)
    targets = _target_forms(expected, forms)
    if given in targets:
        return TypedVerdict(Verdict.EXACT, given)
    lookalikes = {normalise(t): t for t in false_friends}
    if given in lookalikes:  # "soportar" for support: the trap the card warned about
        return TypedVerdict(Verdict.FALSE_FRIEND, lookalikes[given])
    home = home_keys(tuple(home_terms), lang)
    key = answer_key(answer, home, lang)
    if key in home and not answer.isascii():  # périmètre: French, though "perimetre" passes
        return TypedVerdict(Verdict.HOME_LANGUAGE_WORD, home[key])
    respelled = _respelled(answer, given, targets)
    if respelled is not None:
        return TypedVerdict(*respelled)
    if given in {normalise(t) for t in other_terms} - targets:
        return TypedVerdict(Verdict.OTHER_ENGLISH_WORD, given)
    if key in home:
        return TypedVerdict(Verdict.HOME_LANGUAGE_WORD, home[key])
    longest = max(len(target.split()) for target in targets)
    for english, aside in beside(answer):  # "habitat (موطن)": the English part is graded
        if 0 < len(normalise(english).split()) <= longest and home_aside(aside, home, lang):
            verdict = grade(english, expected, forms, home_terms, lang, other_terms,
                            false_friends)
            if verdict.kind in _GRADED_BESIDE:  # English, right or wrong: no other try
                return verdict
    if not _LATIN.match(given):  # Cyrillic, Arabic, Chinese ...: not English, whatever it says
        return TypedVerdict(Verdict.NOT_ENGLISH, looks_like(answer, lang))
    if all(_is_english_word(token, targets) for token in given.split()):
        # "mô tả" folds to two English words ("mo", "ta"); its own letters say Vietnamese
        if not answer.isascii() and _home_language(answer, home, lang):
            return TypedVerdict(Verdict.NOT_ENGLISH, lang)
        return TypedVerdict(Verdict.OTHER_ENGLISH_WORD, given)
    # Slips of the gloss are forgiven as the gloss, but not in Vietnamese: tones tell words apart
    slips = {} if lang == "vi" else {f: t for t in home_terms if (f := normalise(t))}
    verdict = _slip_or_not(given, expected, targets, slips, lang)
    if verdict.kind is Verdict.WRONG and _home_language(answer, home, lang):  # "no sé"
        return TypedVerdict(Verdict.NOT_ENGLISH, lang)
    return verdict


def _home_language(answer: str, home: Mapping[str, str], lang: str | None) -> bool:
    """Not this word's gloss, yet surely the student's language: the gloss with other tones
    ("miêu tá" for miêu tả), or text the detector is sure of ("no sé", "je sais pas")."""
    return (not answer.isascii() and home_key(answer, None) in home) \
        or own_language(answer, lang)


def _respelled(answer: str, given: str, targets: set[str]) -> tuple[Verdict, str] | None:
    """The target written another accepted way: British, hyphenated, or with a space slip."""
    for spelling in (given, normalise(answer.replace("-", ""))):  # non-fiction, nonfiction
        head, _, last = spelling.rpartition(" ")
        for american in {_american(spelling), *(f"{head} {s}".strip() for s in _spellings(last))}:
            if american in targets:
                return Verdict.EXACT, american
    squeezed = given.replace(" ", "")
    for target in targets:
        if squeezed == target.replace(" ", ""):  # "time line", "foodchain"
            return Verdict.TYPO_FORGIVEN, target
    return None


def _gloss_slip(given: str, folded: str) -> bool:
    """One slip or form away from a (folded) gloss long enough to tell a slip from a word."""
    # (one edit changes the length by one at most: a sentence is no slip of a word, cheaply)
    return len(folded) >= 6 and abs(len(given) - len(folded)) <= 1 and \
        edit_distance(given, folded) <= 1


def may_be_gloss(text: str, gloss: str, lang: str | None = None) -> bool:
    """Cheaply: could `grade` take `text` for `gloss` (equal once folded, or one slip away, or
    one of its alternatives as `lang` writes it: الموطن for موطن)?"""
    given, folded = normalise(text), normalise(gloss)
    if not folded:
        return False
    keys = home_keys((gloss,), lang)
    return given == folded or _gloss_slip(given, folded) or answer_key(text, keys, lang) in keys


def _slip_or_not(given: str, expected: str, targets: set[str], home: dict[str, str],
                 lang: str | None) -> TypedVerdict:
    """Tell a forgivable slip from a slip of this word's gloss and from a wrong answer.

    A home-language word that is not this word's gloss (found in a word list, or with a
    Romance ending on the English word) is never forgiven as a slip, and never praised."""
    distance, closest = min((slip_distance(given, t), t) for t in targets)
    # In the home-language word list, or the English word with a Romance ending (ecosistema):
    # home language, whatever the slip distance says.
    home_like = (_home_word(given, lang) or _cognate(given, closest)
                 or _cognate(given, _american(normalise(expected))))
    for folded, original in home.items():
        # "ecosistemma" (a slip) or "organismos" (a form) of this word's own gloss
        if _gloss_slip(given, folded) and (distance > 1 or home_like):
            return TypedVerdict(Verdict.HOME_LANGUAGE_WORD, original)
    if home_like or distance > allowed_typos(closest):
        return TypedVerdict(Verdict.WRONG)
    return TypedVerdict(Verdict.TYPO_FORGIVEN, closest)
