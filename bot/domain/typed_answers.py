"""Grade a typed answer: kind about spelling, strict about meaning.

Case, accents, punctuation, a leading article, British spellings, regular inflections and small
slips are forgiven; another real English word never is ("pray" is not "prey"). The curated gloss
of this very word gets "that is the Arabic word, now write it in English", and text that is
clearly not English (another script, or surely the student's language) "please write the
English word": one more try, not a miss (at most ENGLISH_RETRIES a question). Any other
home-language word (a listed false friend, a word from a word list) is a miss, since it shows
no knowledge of this word's meaning. "I don't know" in any language ("no sé", "m pa konnen",
"idk", "?", "🤷": `bot/domain/dont_know.py`) is a miss, the same as the question's 🤷 button.
Filler around the word ("ecosystem po", "habitat이요", "It's population", "producer (plants)":
`bot/domain/answer_frames.py`) is set aside when the whole answer is not right; a negation, a
second candidate word or a longer sentence keeps the answer whole.
See docs/typed-grading.md for the rules and why the word list comes from pyspellchecker.
"""

from __future__ import annotations

import difflib
import enum
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from bot.domain.answer_frames import answer_core, korean_stems, names_a_candidate, negated
from bot.domain.dont_know import says_dont_know
from bot.domain.emoji import without_emoticons
from bot.domain.english_spelling import (
    L1_SLIPS,
    allowed_typos,
    american_spelling,
    cognate,
    edit_distance,
    foreign_letters,
    home_word,
    is_english_word,
    l1_spellings,
    normalise,
    rare_slip,
    slip_distance,
    spellings,
    target_forms,
)
from bot.domain.home_text import (
    answer_key,
    beside,
    cuts,
    home_aside,
    home_key,
    home_keys,
    looks_like,
    own_language,
)
from bot.domain.language import school_languages
from bot.domain.packs import Word

# A target respelled by her language's habits is tried only for answers about its length (each
# habit drops a letter or two): a cheap bound, as a slip budget is two edits at most.
_L1_LENGTH = 5
MAX_ANSWER = 200  # a longer typed answer is not graded: the student is asked for the word
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
    DONT_KNOW = "dont-know"                     # "no sé", "idk", "?", "🤷", or the 🤷 button:
                                                # a miss, with the answer shown
    EMPTY = "empty"                             # no letter: spaces, digits, punctuation, emoji
    TOO_LONG = "too-long"                       # longer than MAX_ANSWER
    ACCEPTED = "accepted"                       # a miss a teacher of the class counted right
                                                # for this word before (overrule.py): right


# No answer to grade: the student is asked for the word again, and nothing is counted.
NOT_AN_ANSWER = frozenset({Verdict.EMPTY, Verdict.TOO_LONG})
# Not English: "write it in English", one more try (ENGLISH_RETRIES), not yet a miss.
RETRY = frozenset({Verdict.HOME_LANGUAGE_WORD, Verdict.NOT_ENGLISH})
# An English part written beside home-language text is graded on its own when it is the word,
# a slip of it, or another English word; anything else is graded as the whole answer.
_GRADED_BESIDE = frozenset({Verdict.EXACT, Verdict.TYPO_FORGIVEN, Verdict.OTHER_ENGLISH_WORD,
                            Verdict.FALSE_FRIEND})
# The word inside filler ("ecosystem po", "It's population"): the part graded stands when it is
# the word, a slip of it, or this word's gloss; anything else and the whole answer is graded.
_CORE_STANDS = frozenset({Verdict.EXACT, Verdict.TYPO_FORGIVEN, Verdict.HOME_LANGUAGE_WORD})
# ... and when it is another English word or the false friend while the whole answer was not
# graded as English (playtest: "pray nga" was "that looks like Tagalog"): a miss either way.
_ENGLISH_MISS = frozenset({Verdict.OTHER_ENGLISH_WORD, Verdict.FALSE_FRIEND})
_UNGRADED_MISS = frozenset({Verdict.NOT_ENGLISH, Verdict.WRONG})


@dataclass(frozen=True)
class TypedVerdict:
    """What a typed answer was taken for, and the text it matched (a form, word or gloss)."""

    kind: Verdict
    matched: str | None = None  # NOT_ENGLISH: the language code it looks like (None: unknown)
    graded: str | None = None   # the part of the answer graded, when filler around it was
                                # set aside ("ecosystem" of "ecosystem po"); None: all of it

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


_LATIN = re.compile(r"^[a-z0-9 ]*$")


def pack_terms(words: Iterable[Word], lang: str | None) -> tuple[list[str], list[str]]:
    """The English terms of a student's pack words (`grade`'s other_terms), and those words'
    glosses in the student's language."""
    words = list(words)
    home = [w.glosses[lang].term for w in words if lang and lang in w.glosses]
    return [w.term for w in words], home


def own_terms(word: Word, lang: str | None) -> tuple[list[str], list[str]]:
    """`grade`'s home_terms and false_friends for one word: its own curated glosses in the
    student's language and in the languages she is likely schooled in (`school_languages`:
    French for Haitian Creole, so "hypothèse" is "the French word, now in English", never a
    slip of hypothesis), and the look-alike her card warns about."""
    glosses = [g.term for code in school_languages(lang) if (g := word.glosses.get(code))]
    gloss = word.glosses.get(lang) if lang else None
    return glosses, [gloss.false_friend] if gloss and gloss.false_friend else []


def gloss_language(word: Word, lang: str | None, gloss: str | None) -> str | None:
    """The language whose gloss of `word` a HOME_LANGUAGE_WORD answer matched (`gloss`): the
    student's own `lang` first, else the school language it is in ("fr" for "hypothèse" from
    a Haitian Creole student), else `lang`."""
    return next((code for code in school_languages(lang)
                 if (g := word.glosses.get(code)) and g.term == gloss), lang)


def names_one(text: str, words: Iterable[Word], lang: str | None) -> bool:
    """Whether `text` is one of `words`' own home-language word (its gloss, or for Chinese its
    pinyin or Zhuyin): "種群" (population) or "生态系统" (ecosystem) typed while habitat is
    asked is a go at the question, wrong, not chat for the teacher (playtest, Jun-yu, 11: "I
    only help with words and cannot chat. Shall I send it to your teacher?")."""
    return any(grade(text, w.term, home_terms=own_terms(w, lang)[0], lang=lang).kind
               is Verdict.HOME_LANGUAGE_WORD for w in words)


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

    "I don't know" ("no sé", "idk", "?") is DONT_KNOW unless it grades right: the answer is
    read as an answer first, so no phrase can turn a right answer into a miss. An answer that
    is not the word as a whole is graded again without the filler around it (rule 14:
    "ecosystem po", "It's population", "producer (plants)"; `answer_frames.answer_core`).
    """
    verdict = _grade(answer, expected, forms, home_terms, lang, other_terms, false_friends)
    core = None if verdict.exact or verdict.kind in NOT_AN_ANSWER \
        else answer_core(answer, lang, (expected, *other_terms), expected)
    if core is not None:  # "ecosystem po", "The answer is population.", "producer (plants)"
        inner = _grade(core, expected, forms, home_terms, lang, other_terms, false_friends)
        # (a whole answer forgiven as a slip, "é population", is exact without its filler)
        if inner.kind in _CORE_STANDS and (inner.exact or not verdict.correct):
            return TypedVerdict(inner.kind, inner.matched, core)
        if inner.kind in _ENGLISH_MISS and verdict.kind in _UNGRADED_MISS:
            # "pray nga" for prey: an English word with filler around it is graded as that
            # word (a miss), never "that looks like Tagalog, write the English word"
            return TypedVerdict(inner.kind, inner.matched, core)
    if not verdict.correct and says_dont_know(answer):
        return TypedVerdict(Verdict.DONT_KNOW)
    if verdict.kind in RETRY and negated(answer, lang) \
            and names_a_candidate(answer, (expected,)):
        # "ecosystem 아니에요", "hindi ecosystem po": the English word, said not to be it, is a
        # miss as "not ecosystem" is, never a free "write it in English" retry
        return TypedVerdict(Verdict.WRONG)
    return verdict


def _grade(answer: str, expected: str, forms: Sequence[str], home_terms: Sequence[str],
           lang: str | None, other_terms: Sequence[str], false_friends: Sequence[str]
           ) -> TypedVerdict:
    """`grade`, "I don't know" aside."""
    if len(answer) > MAX_ANSWER:
        return TypedVerdict(Verdict.TOO_LONG)
    given = normalise(without_emoticons(answer))  # "ㅠㅠ" is Korean chat's 😭
    if not any(ch.isalpha() for ch in given):  # "🙂", "?!", "the", "12345": no word at all
        return TypedVerdict(Verdict.EMPTY)
    targets = target_forms(expected, forms)
    if given in targets:
        return TypedVerdict(Verdict.EXACT, given)
    lookalikes = {normalise(t): t for t in false_friends}
    if given in lookalikes:  # "soportar" for support: the trap the card warned about
        return TypedVerdict(Verdict.FALSE_FRIEND, lookalikes[given])
    home = home_keys(tuple(home_terms), lang)
    key = _gloss_key(answer, home, lang)
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
        # (never beside a negation: "ecosystem 아니에요" says it is not the ecosystem)
        if 0 < len(normalise(english).split()) <= longest and home_aside(aside, home, lang) \
                and not negated(aside, lang):
            verdict = _grade(english, expected, forms, home_terms, lang, other_terms,
                             false_friends)
            if verdict.kind in _GRADED_BESIDE:  # English, right or wrong: no other try
                return verdict
    for english, aside in cuts(answer):  # "ecosystem hệ sinh thái": no separator, so only the
        # word itself beside its very gloss is right, and never beside English ("data done")
        if answer_key(aside, home, lang) in home and not _english(aside, targets):
            verdict = _grade(english, expected, forms, home_terms, lang, other_terms,
                             false_friends)
            if verdict.exact:
                return verdict
    if not _LATIN.match(given):  # Cyrillic, Arabic, Chinese ...: not English, whatever it says
        return TypedVerdict(Verdict.NOT_ENGLISH, looks_like(answer, lang))
    if all(is_english_word(token, targets) for token in given.split()) \
            and not _one_word_slipped(given, targets) \
            and not rare_slip(given, normalise(expected)):
        # "mô tả" folds to two English words ("mo", "ta"); its own letters say Vietnamese
        if not answer.isascii() and _home_language(answer, home, lang):
            return TypedVerdict(Verdict.NOT_ENGLISH, lang)
        return TypedVerdict(Verdict.OTHER_ENGLISH_WORD, given)
    # Slips of the gloss are forgiven as the gloss, but not in Vietnamese: tones tell words apart
    slips = {} if lang == "vi" else {f: t for t in home_terms if (f := normalise(t))}
    verdict = _slip_or_not(given, expected, targets, slips, lang)
    if verdict.kind is Verdict.TYPO_FORGIVEN and foreign_letters(answer, lang):
        # "hypothèse", "énergie": letters English never uses say another language, so no
        # slip ("hypothese" is not hypotheses); only folded to the very word is it the word
        verdict = TypedVerdict(Verdict.WRONG)
    if verdict.kind is Verdict.WRONG and _home_language(answer, home, lang):  # "no sé"
        return TypedVerdict(Verdict.NOT_ENGLISH, lang)
    return verdict


def _gloss_key(answer: str, home: Mapping[str, str], lang: str | None) -> str:
    """`answer_key`, or a Korean answer's without the polite ending written onto the gloss
    ("생태계요", "서식지입니다": answer_frames.korean_stems) when that leaves the gloss."""
    key = answer_key(answer, home, lang)
    if key in home:
        return key
    return next((k for stem in korean_stems(answer, lang)
                 if (k := answer_key(stem, home, lang)) in home), key)


def _one_word_slipped(given: str, targets: set[str]) -> bool:
    """A term of several words written with every word but one as it is ("food wed" for food
    web): a slip inside the term, which the slip distance then judges, not another English
    phrase (a playtest child lost the review that would have mastered "food web" to it; "pray"
    alone for prey is still another word)."""
    words = given.split()
    return len(words) > 1 and any(
        len(parts := target.split()) == len(words)
        and sum(a != b for a, b in zip(words, parts, strict=True)) == 1 for target in targets)


def _english(text: str, targets: set[str]) -> bool:
    """True when `text` is English words as typed: "done" beside "data" is a second English
    word, whatever it means in Haitian Creole."""
    return text.isascii() and all(is_english_word(token, targets)
                                  for token in normalise(text).split())


def _home_language(answer: str, home: Mapping[str, str], lang: str | None) -> bool:
    """Not this word's gloss, yet surely the student's language: the gloss with other tones
    ("miêu tá" for miêu tả), or text the detector is sure of ("no sé", "je sais pas")."""
    return (not answer.isascii() and home_key(answer, None) in home) \
        or own_language(answer, lang)


def _respelled(answer: str, given: str, targets: set[str]) -> tuple[Verdict, str] | None:
    """The target written another accepted way: British, hyphenated, or with a space slip."""
    for spelling in (given, normalise(answer.replace("-", ""))):  # non-fiction, nonfiction
        head, _, last = spelling.rpartition(" ")
        respellings = {f"{head} {s}".strip() for s in spellings(last)}
        for american in {american_spelling(spelling), *respellings}:
            if american in targets:
                return Verdict.EXACT, american
    squeezed = given.replace(" ", "")
    for target in targets:
        if squeezed == target.replace(" ", "") and answer.isascii():  # "time line", "foodchain"
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
    home_like = (home_word(given, lang) or cognate(given, closest)
                 or cognate(given, american_spelling(normalise(expected))))
    for folded, original in home.items():
        # "ecosistemma" (a slip) or "organismos" (a form) of this word's own gloss
        if _gloss_slip(given, folded) and (distance > 1 or home_like):
            return TypedVerdict(Verdict.HOME_LANGUAGE_WORD, original)
    if home_like:
        return TypedVerdict(Verdict.WRONG)
    if distance > allowed_typos(closest):  # her language's spelling habits, then
        distance, closest = _habit_slip(given, targets, lang) or (distance, closest)
    if distance > allowed_typos(closest):
        return TypedVerdict(Verdict.WRONG)
    return TypedVerdict(Verdict.TYPO_FORGIVEN, closest)


def _habit_slip(given: str, targets: set[str], lang: str | None) -> tuple[float, str] | None:
    """The target `given` is a slip of once her language's spelling habits are allowed
    ("ipotesis": no ph, th or silent h in Kreyòl; english_spelling.L1_SPELLINGS), and how far:
    a habit costs nothing and leaves one edit of budget (L1_SLIPS). Tried after this word's
    gloss, so "fotosintez" (a slip of fotosentèz) is still the Creole word."""
    habit = min(((slip_distance(given, variant), t) for t in targets
                 if abs(len(t) - len(given)) <= _L1_LENGTH
                 for variant in l1_spellings(t, lang)), default=None)
    if habit is None or habit[0] > min(L1_SLIPS, allowed_typos(habit[1])):
        return None
    return habit


MARKED_AT_MOST = 3  # letters: more, and "check the spelling" is a different word, not a slip


def slip_marks(written: str, expected: str) -> tuple[tuple[str, bool], ...]:
    """The expected word in runs of letters, True where the student wrote it otherwise
    ("ecosistem" for ecosystem: "ecos", "y" marked, "stem"), so feedback on a forgiven slip
    shows which letters to fix, not the whole word again. Empty when there is nothing clear to
    mark: no letter of the word differs (a letter too many), or more than a slip does."""
    said, word = normalise(written), normalise(expected)
    if len(word) != len(expected) or not said:  # marks index the word as shown
        return ()
    runs: list[tuple[str, bool]] = []
    for tag, _, _, start, end in difflib.SequenceMatcher(None, said, word,
                                                         autojunk=False).get_opcodes():
        if start < end:
            runs.append((expected[start:end], tag != "equal"))
    marked = "".join(text for text, differs in runs if differs)
    # (a space alone, "foodweb", is said by the word itself: nothing underlined shows it)
    return tuple(runs) if marked.strip() and len(marked) <= MARKED_AT_MOST else ()
