"""A message that is only emoji ("🙏", "👍👍", "❤️"): a family's whole answer, often, from
someone who types little. It is relayed to the teacher as it is, with what the common ones
mean ("🙏 (thanks)"): an English-speaking teacher may not read 🙏 as thanks."""

from __future__ import annotations

import unicodedata

# Emoji whose meaning a teacher might miss, by what they mean (a prompt key's ending). Skin
# tones, variation selectors and joiners are stripped before looking up.
MEANINGS: dict[str, str] = {
    "🙏": "thanks", "👍": "ok", "👌": "ok", "✅": "ok", "🆗": "ok",
    "❤": "love", "💕": "love", "💖": "love", "💗": "love", "🥰": "love", "😍": "love",
    "😊": "happy", "🙂": "happy", "😀": "happy", "😃": "happy", "😄": "happy", "🥲": "happy",
    "👏": "proud", "💪": "proud", "🌟": "proud", "⭐": "proud",
    "😢": "sad", "😞": "sad", "😔": "sad", "😭": "sad",
    "🤔": "question", "❓": "question", "❔": "question",
}
THANKS = "thanks"
# What a content child says with an emoji alone: no sign of being lost
CONTENT = frozenset({THANKS, "ok", "love", "happy", "proud"})
QUESTION_MARKS = frozenset("?？¿؟")
_MODIFIERS = {"\u200d", "\ufe0f", "\ufe0e", "\u20e3"}  # joiner, variation selectors, keycap


def _modifier(char: str) -> bool:
    return char in _MODIFIERS or 0x1F3FB <= ord(char) <= 0x1F3FF  # skin tones


def _pictograph(char: str) -> bool:
    """An emoji or pictographic symbol (not a letter, digit or punctuation mark)."""
    return unicodedata.category(char) == "So" or 0x1F1E6 <= ord(char) <= 0x1F1FF  # flags


def only_emoji(text: str) -> bool:
    """Whether a text is one or more emoji and nothing else (spaces aside)."""
    chars = [ch for ch in text if not ch.isspace() and not _modifier(ch)]
    return bool(chars) and all(_pictograph(ch) for ch in chars)


def meanings(text: str) -> tuple[str, ...]:
    """What the known emoji of an emoji-only text mean, once each, in order ("🙏🙏❤️" ->
    ("thanks", "love")); empty for any other text, or emoji nobody needs explained."""
    if not only_emoji(text):
        return ()
    found = [MEANINGS.get(ch) for ch in text if not _modifier(ch)]
    return tuple(dict.fromkeys(m for m in found if m is not None))


def only_thanks_emoji(text: str) -> bool:
    """An emoji-only text that says thanks (🙏, maybe with ❤️ or 😊): no answer is owed."""
    found = meanings(text)
    return THANKS in found and set(found) <= {THANKS, "love", "happy"}


def seems_lost(text: str) -> bool:
    """Whether a student's text is a bare "?" ("??", "？") or emoji alone that is not content
    ("😢", "😭", "🤔"; not "👍" or "🙏"): a child who may be lost and cannot say so in words
    (Somali playtest: "?" and "😢" got only the commands)."""
    if only_question_marks(text):
        return True
    found = meanings(text)
    return only_emoji(text) and not (found and set(found) <= CONTENT)


def only_question_marks(text: str) -> bool:
    """Whether a text is question marks alone ("?", "??", "¿?", "؟"): no word, no shrug."""
    chars = [ch for ch in text if not ch.isspace()]
    return bool(chars) and all(ch in QUESTION_MARKS for ch in chars)
