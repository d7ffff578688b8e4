"""Whether text typed while answer buttons wait is a go at the answer, or something said.

Under English options a child who types English is guessing, even a wrong word ("orange"
under apple/banana): English is what she is learning. Under options in her own language
(Chinese, Arabic, Korean, Russian meanings) she writes that language fluently, so text in it
that shares nothing with any option is no guess but a sentence: "你好老师我不懂" (hello
teacher, I don't understand) under Chinese options was "tap an answer" and nothing more.
So, beyond letters in a script no option uses and more words than any option has:

- in a script other than Latin, two words or more (two characters or more in Chinese or
  Japanese, which write no spaces) that share no word with any option (no character, in
  Chinese) are a message. A word is shared when one holds the other ("الكلب" holds "كلب",
  "고양이가" holds "고양이") or they begin alike (Russian endings: "собаку", "собака");
- Chinese or Japanese text longer than the longest option by more than EXTRA_CHARACTERS
  characters is a message, as a sentence is in a script with spaces.

One character ("猫"), one word, or one word's Zhuyin ("ㄕㄥ ㄊㄞˋ", up to ZHUYIN_WORD
syllables) stays a guess, even in a script no option uses: "猫" under English options was
offered to the teacher, who got "猫" (playtest, Lin). "好的" (ok) under
Chinese options shares no character and is no guess, but it is no message for the teacher
either: the acknowledgement filter (relays.worth_offering) keeps it to the pointer alone.

At a question to write, text in a script its English word never uses (`in_another_script`) is
never graded: the same test, with the word as the one option, tells a message from a go.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.domain.language import letter_scripts
from bot.domain.pinyin import is_zhuyin

EXTRA_WORDS = 1  # "the habitat" for "habitat": a word more than the longest option still tries
EXTRA_CHARACTERS = 2  # "是图书馆" for "图书馆": a word more, in a script with no spaces
UNSPACED = frozenset({"han", "kana"})  # scripts that write no spaces between words
HELD = 3  # a word of 3 letters or more held in another ("كلب" in "الكلب"); "لا" in "كلام" is not
SAME_START = 4  # words that begin with as many letters alike are one word, ended differently
ZHUYIN_WORD = 4  # syllables: a Chinese word is one to four characters (生態系統)
_ZHUYIN_SYLLABLE = re.compile(r"[\sˉˊˇˋ˙]+")  # a space or a tone mark ends one
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['’-][A-Za-z\u00c0-\u024f]+)*")


def _characters(text: str) -> list[str]:
    """The letters of `text` in a script with no spaces (Chinese, Japanese)."""
    return [ch for ch in text if ch.isalpha() and letter_scripts(ch) & UNSPACED]


def _one_word(text: str) -> bool:
    """Whether `text` is one word, or one character in a script with no spaces, or Zhuyin of
    one word's syllables ("ㄕㄥ ㄊㄞˋ": each syllable a character, spaced or not)."""
    if is_zhuyin(text):
        return len([s for s in _ZHUYIN_SYLLABLE.split(text) if s]) <= ZHUYIN_WORD
    return len(text.split()) == 1 and len(_characters(text)) <= 1


def in_another_script(text: str, answer: str) -> bool:
    """Whether every letter of `text` is in a script `answer` never uses ("猫", "موطن" for
    "habitat"): no spelling of the word, so nothing to grade."""
    scripts = letter_scripts(text)
    return bool(scripts) and not scripts & letter_scripts(answer)


def message_around(text: str, answer: str) -> bool:
    """Whether `text` is a sentence in a script `answer` never uses written around English
    words: "老师，这个ratio和rate有什么区别？" is a message, as it is without them
    (`in_another_script`); "habitat predator prey (موطن)" is a go, its gloss one word."""
    rest = _LATIN_WORD.sub(" ", text)
    return bool(letter_scripts(rest) - letter_scripts(answer)) \
        and not tries_an_answer(rest, (answer,))


def _alike(word: str, other: str) -> bool:
    """Whether two words are one word, perhaps with another ending or prefix."""
    if min(len(word), len(other)) >= HELD and (word in other or other in word):
        return True
    return len(word) >= SAME_START and word[:SAME_START] == other[:SAME_START]


def _shares_nothing(text: str, options: Sequence[str]) -> bool:
    """Whether non-Latin text of two words (characters, without spaces) or more has none in
    common with any option."""
    if not letter_scripts(text) - {"latin"}:
        return False  # English under English options: a wrong word is still a guess
    characters = _characters(text)
    if characters:
        shown = {ch for option in options for ch in _characters(option)}
        return len(characters) >= 2 and not shown.intersection(characters)
    words = text.casefold().split()
    shown_words = [w for option in options for w in option.casefold().split()]
    return len(words) >= 2 and not any(_alike(w, o) for w in words for o in shown_words)


def tries_an_answer(text: str, options: Sequence[str]) -> bool:
    """Whether `text`, typed at a button question, looks like a go at one of its `options`
    ("extint", "3", "hello there", "猫") rather than a message ("你好" or "我不会英语" under
    English options, "你好老师我不懂" under Chinese ones, or a sentence): a message may be for
    the teacher, an attempt only needs the buttons."""
    scripts = letter_scripts(text)
    if not scripts:  # "3", "?!": no words, nothing to tell a teacher
        return True
    shown = frozenset().union(*(letter_scripts(option) for option in options))
    if not scripts <= shown:  # a sentence in a script no option uses is a message; one
        return _one_word(text)  # word or character of it ("猫") is a go, the pointer enough
    longest = max((len(option.split()) for option in options), default=1)
    if len(text.split()) > longest + EXTRA_WORDS:
        return False
    characters = _characters(text)
    longest_characters = max((len(_characters(option)) for option in options), default=0)
    if characters and len(characters) > longest_characters + EXTRA_CHARACTERS:
        return False
    return not _shares_nothing(text, options)
