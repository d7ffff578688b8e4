"""A word a student types in their home language outside a check ("ugaarsade"): which of their
pack words it is the curated gloss of. The typed-answer grader decides, as it does in a check
(accents and small slips forgiven, never a false friend a card warns about)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.checks import WordRef
from bot.domain.typed_answers import Verdict, grade, may_be_gloss, own_terms

MAX_FOUND = 3  # a gloss two or three words share ("nooc": category, species), never a list


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
    first: dict[str, WordRef] = {}  # one per English term (a word in two packs)
    for ref in found:
        first.setdefault(ref.word.term, ref)
    return list(first.values())[:MAX_FOUND]
