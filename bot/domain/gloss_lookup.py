"""A word a student types outside a check: which of their pack words it is the curated gloss
of ("ugaarsade"), or else which English word of theirs it is or misspells ("analize"). The
typed-answer grader decides, as it does in a check (accents and small slips forgiven, never
another English word, nor a false friend a card warns about)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.domain.checks import WordRef
from bot.domain.english_spelling import normalise, slip_distance
from bot.domain.language import school_languages
from bot.domain.typed_answers import Verdict, grade, may_be_gloss, own_terms

MAX_FOUND = 3  # a gloss two or three words share ("nooc": category, species), never a list
# Letters a typed word may differ in length from a word of theirs and still be it: a slip or
# two, or a regular ending ("analyzing"). Cheaply, before the grader: a sentence is no word.
LENGTH_SLACK = 4


# "How do you say X in English?" in the languages Puente speaks: X is looked up as a typed
# word is (playtest: "kijan yo di cellule an angle?" got the offer to send it to the teacher)
SAY_IN_ENGLISH = tuple(re.compile(pattern, re.IGNORECASE) for pattern in (  # pragma: no mutate
    r"^(?:how (?:do|would|can) (?:you|i|we) (?:say|write)|what(?:'s| is)) (.+?) in english\b",
    r"^(?:kijan|ki jan|kòman|koman) (?:yo|ou|w|m|mwen) (?:di|ekri) (.+?) (?:an|nan) angle\b",
    r"^comment (?:on dit|dit[- ]on|dire|se dit|tu dis|dit on) (.+?) en anglais\b",
    r"^c[oó]mo se (?:dice|escribe) (.+?) en ingl[eé]s\b",
    r"^como (?:se diz|se escreve|é|fala) (.+?) em ingl[eê]s\b",
    r"^sidee (?:loo yiraahdaa|baa loo yiraahdaa) (.+?) (?:af )?ingiriisi",
    r"^(.+?) (?:ua )?lus askiv (?:hais|yog) li cas",
    r"^(.+?) (?:trong |bằng )?tiếng anh (?:là gì|nói thế nào|nói sao)",
    r"^(.+?) (?:trong |bang )?tieng anh (?:la gi|noi the nao|noi sao)",  # typed without accents
    r"^(.+?)用英[语語文](?:怎么|怎麼)(?:说|說|讲|講|写|寫)",
    r"^كيف (?:أقول|اقول|نقول|تقول|يقال) (.+?) بال(?:إ|ا)نجليزي",
    r"^(.+?)[은는을를]? 영어로 (?:뭐|어떻게)",
    r"^как (?:сказать|будет|по[- ]английски) (.+?)(?: по[- ]английски)?$",
    r"^(?:ano ang|paano sabihin ang) (.+?) sa ingles\b",
))


def asked_word(text: str) -> str | None:
    """The word a "how do you say X in English?" asks about (None: no such question)."""
    typed = " ".join(text.split()).strip(" ?？؟!.¿¡")
    for pattern in SAY_IN_ENGLISH:
        if (found := pattern.search(typed)) and (word := found.group(1).strip(" «»“”\"'")):
            return word
    return None


def school_glossed(text: str, refs: Sequence[WordRef], lang: str | None
                   ) -> tuple[list[WordRef], str | None]:
    """glossed_words in `lang`, else in the language she is likely schooled in
    (school_languages: "cellule" from a Haitian student, as her typed answers are read), and
    the language it found them in."""
    for code in school_languages(lang):
        found = glossed_words(text, refs, code)
        if found:
            return found, code
    return [], None


def glossed_words(text: str, refs: Sequence[WordRef], lang: str | None) -> list[WordRef]:
    """The words whose gloss in `lang` `text` is (or, when none is written exactly so,
    closely matches), one per English term; none for a listed false friend."""
    if lang is None:
        return []
    glossed = [r for r in refs if lang in r.word.glosses]
    near = [r for r in glossed if may_be_gloss(text, r.word.glosses[lang].term, lang)]
    if not near:  # the usual case, and a cheap one: no gloss is even one slip away
        return []
    false_friends = [g.false_friend for r in glossed
                     if (g := r.word.glosses[lang]).false_friend]
    terms = [r.word.term for r in refs]
    found = [r for r in near if grade(
        text, r.word.term, r.word.forms, home_terms=own_terms(r.word, lang)[0], lang=lang,
        other_terms=terms, false_friends=false_friends).kind is Verdict.HOME_LANGUAGE_WORD]
    typed = " ".join(text.split()).casefold()
    # Written exactly as a gloss is, it is that word: "loài" (species), not "loại" (category)
    found = [r for r in found if r.word.glosses[lang].term.casefold() == typed] or found
    return _one_per_term(found)


@dataclass(frozen=True)
class EnglishWords:
    """The English words of theirs a student's text names: as written (`exact`), or as
    misspelled ("analize" for analyze: the closest slips only)."""

    refs: list[WordRef]
    exact: bool = False


def english_words(text: str, refs: Sequence[WordRef], lang: str | None) -> EnglishWords:
    """The words `text` is written as (a form or spelling the grader takes as the word), else
    the ones it is a forgiven slip of, graded as a typed answer to each would be (so "pray" is
    never prey, nor a gloss or a false friend an English word); one per English term, the
    closest slips only ("predater" is predator, not producer), at most MAX_FOUND."""
    given = normalise(text)
    if not given:
        return EnglishWords([])
    terms = [r.word.term for r in refs]
    exact: list[WordRef] = []
    slips: list[tuple[float, WordRef]] = []
    for ref in refs:
        word = ref.word
        if all(abs(len(normalise(form)) - len(given)) > LENGTH_SLACK
               for form in (word.term, *word.forms)):
            continue
        home, false_friends = own_terms(word, lang)
        verdict = grade(text, word.term, word.forms, home, lang, terms, false_friends)
        if verdict.exact:
            exact.append(ref)
        elif verdict.kind is Verdict.TYPO_FORGIVEN:
            slips.append((slip_distance(given, normalise(word.term)), ref))
    if exact:
        return EnglishWords(_one_per_term(exact), exact=True)
    closest = min((distance for distance, _ in slips), default=None)
    return EnglishWords(_one_per_term([r for distance, r in slips if distance == closest]))


def _one_per_term(refs: Sequence[WordRef]) -> list[WordRef]:
    """The first of each English term (a word in two packs), at most MAX_FOUND."""
    first: dict[str, WordRef] = {}
    for ref in refs:
        first.setdefault(ref.word.term, ref)
    return list(first.values())[:MAX_FOUND]
