"""English spelling for typed grading: what counts as the expected word, and how far a slip is.

An answer is folded (`normalise`: case, accents, punctuation, a leading article); the expected
term grows its accepted forms (`target_forms`: listed and regular forms, British and American
spellings); a typed word is measured against them (`slip_distance`: learners' usual slips cost
half an edit) and checked against the word lists, so that another real English word, a word of
the student's language or a home-language cognate (ecosistema) is never taken for a slip.
The grading decision itself is `bot/domain/typed_answers.py`; see docs/typed-grading.md.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from bot.domain.cognates import fold
from bot.domain.language import school_languages

# Latin-script languages whose word list pyspellchecker ships: an answer found there (and not in
# English) is a home-language word, never forgiven as a slip of the English one; unless it is
# this word's own gloss it is a miss. (So is an answer in another script.)
HOME_WORD_LISTS = frozenset({"es", "pt", "fr", "it", "de", "nl", "eu", "lv"})

_ARTICLES = re.compile(r"^(the|a|an|to)(\s+|$)")
_NON_WORD = re.compile(r"[^\w\s]|_")
_LIGATURES = str.maketrans({"æ": "ae", "œ": "oe", "ß": "ss"})


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


# Spelling habits of a student's language that predictably carry over to an English word: a
# slip written so is measured from the word respelled by them, at no cost for the habit itself
# (`l1_spellings`; the slip budget still applies to the rest). Haitian Creole spells as it
# sounds: no "ph" (fotosentèz), no "th" (teyori), no silent "h" (ipotèz, istwa), the nasal
# vowel of Greek "syn-", "sym-" written "en" (fotosentèz, senbòl), and the Greek ending
# "-esis", "-ysis" written "-èz", "-iz" (ipotèz, analiz). ("in" is left alone: "-ing" is no
# nasal vowel, and "setteng" came within budget of "methoding".) So "ipotesis",
# "fotosintesis", "photosentez" are slips of hypothesis and photosynthesis, as "hipotesis"
# always was. Each habit rewrites every place it fits; any combination is tried. The word's
# Kreyòl gloss itself ("ipotèz", "fotosentez") is graded first: "the Creole word, now in
# English".
L1_SPELLINGS: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {  # pragma: no mutate block
    "ht": (
        (re.compile(r"ph"), "f"),
        (re.compile(r"th"), "t"),
        (re.compile(r"(?<![a-z])h(?=[aeiouy])"), ""),
        (re.compile(r"y[nm](?=[^aeiouy\s])"), "en"),
        (re.compile(r"esis$"), "ez"),
        (re.compile(r"ysis$"), "iz"),
    ),
}
# A habit costs nothing, so what is left of the slip budget after it is small: one edit. With
# the English word's own budget (two from 8 letters), "tesis" came within it of "ypotesis".
L1_SLIPS = 1.0
# Letters a language writes with that English never uses, which its speakers carry into an
# English word by habit (Kreyòl's è and ò: "ipotèsis"); any other such letter makes an answer
# no slip of an English word (`foreign_letters`).
L1_LETTERS: dict[str, str] = {"ht": "èòà"}
# Letters outside a-z that English writes itself (encyclopædia) or that `normalise` folds as
# ligatures: no sign of another language.
_ENGLISH_EXTRA = frozenset("æœ")


def l1_spellings(word: str, lang: str | None) -> frozenset[str]:
    """`word` (folded) respelled by every combination of `lang`'s habits (L1_SPELLINGS), the
    word itself left out: "hypothesis" gives "ipotesis", "hypotesis", "iposesis" ... for ht."""
    variants = {word}
    for pattern, replacement in L1_SPELLINGS.get(lang or "", ()):
        variants |= {pattern.sub(replacement, variant) for variant in variants}
    return frozenset(variants - {word})


def foreign_letters(text: str, lang: str | None) -> bool:
    """True when `text` has a letter English never uses (é, ç, ñ, ê, ü ...): "hypothèse",
    "énergie" are no slip of an English word (only folded to the very word, "hábitat", are
    they the word). The letters `lang` writes by habit (L1_LETTERS: "ipotèsis") are not
    counted, unless the text is a word of a language she is schooled in ("système": French).
    """
    letters = [ch for ch in unicodedata.normalize("NFC", text.casefold())
               if ch.isalpha() and not ch.isascii() and ch not in _ENGLISH_EXTRA
               and fold(ch) != ch]
    own = L1_LETTERS.get(lang or "", "")
    if not letters or any(ch not in own for ch in letters):
        return bool(letters)
    folded = normalise(text)
    return any(all(token in word_list(code) for token in folded.split())
               for code in school_languages(lang)[1:] if code in HOME_WORD_LISTS)


def allowed_typos(expected: str) -> int:
    """Short words must be exact; longer ones may carry one or two slips."""
    length = len(expected.replace(" ", ""))
    return 0 if length <= 3 else 1 if length <= 7 else 2


# --- word lists (loaded once, on first use) ------------------------------------------------

LIST_ONLY = 50  # pyspellchecker's count for a word seen in a word list but not in its corpus


# An English word seen at least this often in pyspellchecker's corpus is one a pupil may mean
# ("pray", "later"); below it, a word like "mater" or "biter" is far more often a slip of a
# common word than a word a newcomer typed on purpose (`rare_slip`).
COMMON = 1000


@functools.cache
def word_list(lang: str) -> frozenset[str]:
    """The words pyspellchecker knows in `lang`, folded like answers are.

    English keeps every word (its list is clean, and rare words must count as words); other
    languages keep words seen in real text, since their list-only words include misspellings.
    """
    return _word_lists(lang)[0]


@functools.cache
def _word_lists(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """`word_list(lang)`, and those of its words seen at least COMMON times (read together:
    one pass over pyspellchecker's counts)."""
    from spellchecker import SpellChecker  # with its lists, on first use: not at start-up

    counts = SpellChecker(language=lang, case_sensitive=False).word_frequency.dictionary
    words: set[str] = set()
    common: set[str] = set()
    for word, count in counts.items():
        if "'" in word or (lang != "en" and count <= LIST_ONLY):
            continue
        folded = word if word.isascii() and word.isalpha() else normalise(word)
        words.add(folded)
        if count >= COMMON:
            common.add(folded)
    return frozenset(words), frozenset(common)


def rare_slip(token: str, term: str) -> bool:
    """A rare English word one doubled letter away from a common term: "mater" for matter
    (a doubled letter written once, the commonest slip), "biter" for bitter. Such a word is
    graded as a slip of the term, not as another word: nobody at school means "mater". A
    common word never is ("later" for latter, "diner" for dinner, "pray" for prey), nor a
    slip of a regular form the term's grading refused as another word ("planed" for plan:
    `_own_forms`), so only the term as the pack writes it counts."""
    common = _word_lists("en")[1]
    return token not in common and term in common and _one_doubling(token, term)


def _one_doubling(a: str, b: str) -> bool:
    """One word is the other with one doubled letter written once ("mater" / "matter")."""
    short, long = sorted((a, b), key=len)
    if len(long) != len(short) + 1:
        return False
    return any(long[i] == long[i - 1] and long[:i] + long[i + 1:] == short
               for i in range(1, len(long)))


def english_words() -> frozenset[str]:
    """The English word list (about 160,000 words, American spelling, rare words included)."""
    return word_list("en")


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


def american_spelling(text: str) -> str:
    """Every word of `text` in American spelling (`americanise`)."""
    return " ".join(americanise(token) for token in text.split())


def spellings(word: str) -> set[str]:
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


# Other accepted spellings of a term, which no British rule makes: a teacher accepts them, and
# each is itself in the English word list, so without this it would be "another word".
# (A different word that means much the same, heterotroph for consumer, is not a spelling.)
VARIANT_SPELLINGS: dict[str, tuple[str, ...]] = {  # pragma: no mutate block (data)
    "adaptation": ("adaption",),
    "judgment": ("judgement",),
    "sulfur": ("sulphur",),
    "aluminum": ("aluminium",),
    "gray": ("grey",),
}


def target_forms(expected: str, forms: Iterable[str]) -> set[str]:
    """The expected term, its listed forms and its regular forms, in American spelling, and
    those of its other accepted spellings (VARIANT_SPELLINGS: adaption)."""
    listed = {normalise(expected), *(normalise(f) for f in forms)} - {""}
    listed |= {variant for term in listed for variant in VARIANT_SPELLINGS.get(term, ())}
    result: set[str] = set()
    for term in listed:
        head, _, last = term.rpartition(" ")
        result.update(f"{head} {form}".strip() for form in _own_forms(last))
        first, _, tail = term.partition(" ")
        if tail.startswith("of "):  # points of view
            result.update(f"{form} {tail}" for form in _own_forms(first))
    result |= {_OGUE.sub(r"og\1", term) for term in result}  # dialogue: dialog in the US
    return {american_spelling(term) for term in result}


def is_english_word(token: str, targets: set[str]) -> bool:
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


def cognate(given: str, word: str) -> bool:
    """True when `given` looks like the home-language cognate of `word`, not a slip of it."""
    if word.endswith("tion") and given == word[:-4] + "cion":  # eleccion (but fracion is a slip)
        return True
    return any(english.search(word) and home.search(given) and not home.search(word)
               and (len(given) > len(word) or not longer)  # habitta is a slip, not Spanish
               for english, home, longer in _COGNATE_ENDINGS)


def home_word(text: str, lang: str | None) -> bool:
    """True when every word of `text` is in the word list of `lang`, when one ships."""
    if lang not in HOME_WORD_LISTS:
        return False
    words = word_list(lang)
    return all(token in words for token in text.split())


