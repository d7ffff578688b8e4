"""Whether a family member's own words say the child is sick today ("林林今天生病了，不去学校",
"Ana está enferma", "Omar مريض اليوم"): then the offer to send them also offers the
ready-made "🤒 sick today", which excuses the day (no reminder to a sick child, no school day
counted against her). Families type; they do not hunt for the ready-made list (zh playtest).

A small list per language, with English always (families mix it in). In a script with spaces
a word must be whole ("sick", not "homesick"); a word ending in "*" is a stem, for languages
that add endings (Korean 아파요/아파서, Russian заболела); words with a space between them are
matched as a phrase ("may sakit"). In a script without spaces (Chinese) a word is found
anywhere. A false hit costs one extra button; the family's own message still goes as it is.
"""

from __future__ import annotations

import re
import unicodedata

SICK_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("sick", "ill", "unwell"),
    "es": ("enfermo", "enferma", "enfermito", "enfermita", "se siente mal"),
    "fr": ("malade",),
    "pt": ("doente",),
    "ht": ("malad", "maladi"),
    "so": ("xanuunsan*", "buka", "bukaan"),
    "hmn": ("mob",),
    "vi": ("ốm", "bệnh"),
    "zh": ("生病", "病了"),
    "ar": ("مريض", "مريضة", "مريضه", "ومريض", "ومريضة"),
    "ko": ("아파*", "아프*", "아픕*", "아픈"),
    "ru": ("болен", "больна", "болеет", "заболел*", "приболел*"),
    "tl": ("may sakit", "maysakit", "nagkasakit"),
}
# Arabic short vowels and shadda ("مريضٌ"): not letters of the word, dropped before matching
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670]")
_WORD = re.compile(r"\w+")


def _spaced(word: str) -> bool:
    """Whether a word's script puts spaces between words (all but Chinese here)."""
    return not any(0x3400 <= ord(char) <= 0x9FFF for char in word)


def _found(word: str, text: str, tokens: list[str]) -> bool:
    """Whether one listed word (a stem, a phrase, a word) is in the text."""
    if not _spaced(word):
        return word in text
    if " " in word:
        return f" {word} " in f" {' '.join(tokens)} "
    if word.endswith("*"):
        return any(token.startswith(word[:-1]) for token in tokens)
    return word in tokens


def says_sick(text: str, language: str) -> bool:
    """Whether `text`, written by a family member who reads `language`, says the child is sick
    (in that language or in English)."""
    folded = _ARABIC_MARKS.sub("", unicodedata.normalize("NFC", text).casefold())
    tokens = _WORD.findall(folded)
    words = SICK_WORDS.get(language, ()) + SICK_WORDS["en"]
    return any(_found(unicodedata.normalize("NFC", word), folded, tokens) for word in words)
