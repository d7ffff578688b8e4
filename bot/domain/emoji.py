"""A message that is only emoji ("🙏", "👍👍", "❤️"): a family's whole answer, often, from
someone who types little. It is relayed to the teacher as it is, with what the common ones
mean ("🙏 (thanks)"): an English-speaking teacher may not read 🙏 as thanks."""

from __future__ import annotations

import re
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
# Korean chat's emoji are letters typed alone: ㅋㅋ and ㅎㅎ laugh, ㅠㅠ and ㅜㅜ cry, ㅡㅡ frowns
# (Korean playtest: Ji-woo's "ㅠㅠ" was offered to the teacher as a message, and "몰라요ㅠㅠ" was
# no "I don't know"). A run of them is an emoji; a run with another lone letter in it is a
# word's abbreviation ("ㅇㅋ" OK, "ㅁㄹ" 몰라), and a word is spelled in whole syllables.
KOREAN_EMOTICONS: dict[str, str | None] = {"ㅋ": "happy", "ㅎ": "happy", "ㅠ": "sad", "ㅜ": "sad",
                                           "ㅡ": None}
_LONE_HANGUL = re.compile(r"[\u3131-\u318e]+")  # Hangul compatibility jamo: letters typed alone
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


def _emoticon(run: str) -> bool:
    return set(run) <= KOREAN_EMOTICONS.keys()


def without_emoticons(text: str) -> str:
    """`text` with each Korean letter emoticon ("ㅋㅋ", "ㅠㅠ") a space, as an emoji is no
    word: "몰라요ㅠㅠ" says 몰라요."""
    return _LONE_HANGUL.sub(lambda run: " " if _emoticon(run[0]) else run[0], text)


def only_emoji(text: str) -> bool:
    """Whether a text is one or more emoji (Korean letter ones too) and nothing else (spaces
    aside)."""
    runs = _LONE_HANGUL.findall(text)
    chars = [ch for ch in _LONE_HANGUL.sub("", text) if not ch.isspace() and not _modifier(ch)]
    return bool(chars or runs) and all(map(_emoticon, runs)) and all(map(_pictograph, chars))


def meanings(text: str) -> tuple[str, ...]:
    """What the known emoji of an emoji-only text mean, once each, in order ("🙏🙏❤️" ->
    ("thanks", "love"), "ㅠㅠ" -> ("sad",)); empty for any other text, or emoji nobody needs
    explained."""
    if not only_emoji(text):
        return ()
    found = [MEANINGS.get(ch) or KOREAN_EMOTICONS.get(ch) for ch in text if not _modifier(ch)]
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
