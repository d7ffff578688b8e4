"""Find a word in a sentence as a whole token, so a gap item blanks exactly that word."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

GAP = "_____"

# A letter, digit, underscore or hyphen next to a match means it sits inside a longer word:
# "settler" inside "settlers", "fiction" inside "nonfiction" or "non-fiction". An apostrophe
# does not: "the author's pictures" still shows "author".
_INSIDE_BEFORE = r"(?<![\w-])"
_INSIDE_AFTER = r"(?![\w-])"


def _pattern(phrase: str) -> str:
    """A regex for one term or form; the words of a phrase may be split by any spacing."""
    return r"\s+".join(re.escape(part) for part in phrase.split())


@functools.lru_cache(maxsize=4096)
def _compile(term: str, forms: Sequence[str]) -> re.Pattern[str] | None:
    phrases = [p for p in dict.fromkeys(s.strip() for s in (term, *forms)) if p]
    if not phrases:
        return None
    # Longest first, so "food chains" wins over "food chain" at the same position.
    phrases.sort(key=len, reverse=True)
    alternatives = "|".join(_pattern(p) for p in phrases)
    return re.compile(rf"{_INSIDE_BEFORE}(?:{alternatives}){_INSIDE_AFTER}", re.IGNORECASE)


def gap_spans(sentence: str, term: str, forms: Sequence[str] = ()) -> list[tuple[int, int]]:
    """Every whole-token occurrence of the term or one of its forms, left to right."""
    pattern = _compile(term, tuple(forms))
    if pattern is None:
        return []
    return [m.span() for m in pattern.finditer(sentence)]


def gap_span(sentence: str, term: str, forms: Sequence[str] = ()) -> tuple[int, int] | None:
    """The span of the first whole-token occurrence of the term or a form, or None."""
    pattern = _compile(term, tuple(forms))
    match = pattern.search(sentence) if pattern is not None else None
    return match.span() if match else None


def gapped_sentence(sentence: str, term: str, forms: Sequence[str] = (),
                    gap: str = GAP) -> str | None:
    """The sentence with its first occurrence of the term (or a form) blanked, or None."""
    span = gap_span(sentence, term, forms)
    if span is None:
        return None
    start, end = span
    return sentence[:start] + gap + sentence[end:]


def inside_words(sentence: str, term: str) -> list[str]:
    """Longer words that contain the term (e.g. 'settlers' for 'settler'), to explain a miss."""
    found = []
    for match in re.finditer(re.escape(term), sentence, re.IGNORECASE):
        start, end = match.span()
        while start > 0 and (sentence[start - 1].isalnum() or sentence[start - 1] in "_-"):
            start -= 1
        while end < len(sentence) and (sentence[end].isalnum() or sentence[end] in "_-"):
            end += 1
        word = sentence[start:end]
        if word.casefold() != term.casefold() and word not in found:
            found.append(word)
    return found
