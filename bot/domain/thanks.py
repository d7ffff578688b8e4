"""A message that is only thanks ("Ua tsaug ntau!", "Gracias maestra", "Thank you Ms. Carter",
"شكرا أستاذة", "谢谢王老师"): the teacher owes no answer to it.

A message is only thanks when it has at least one thanks phrase, every other word goes with
thanks in the same language (or English, which families mix in): "very much", "teacher",
"Ms.", a blessing, a greeting (`bot/domain/thanks_words.py`), and besides those it names at
most one person. Emoji and punctuation are ignored. A question mark, or more than MAX_WORDS
words, makes it a normal message: "Thanks, but why did she get 2/5?" asks something.

In a script with capitals the name is a capitalised word ("Carter", "Мария Ивановна", a
name and its patronymic); in Chinese, Japanese or Korean a few characters just before a title
(王老师, 김 선생님); in another script without capitals a word just after one (أستاذة سارة).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from bot.domain.emoji import without_emoticons
from bot.domain.language_words import EVERYDAY_WORDS
from bot.domain.thanks_words import THANKS_WORDS

MAX_WORDS = 10
QUESTION_MARKS = frozenset("?？¿؟⸮፧\u037e")
GREEK_QUESTION = ";"  # Greek's question mark is the semicolon
THANKS, WITH, TITLE = "thanks", "with", "title"
# Russian and Ukrainian patronymics as folded: "Мария Ивановна" is one person.
PATRONYMIC_ENDINGS = ("овна", "евна", "івна", "ична", "ович", "евич", "іч", "ич")
_FOLDED_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ł": "l",
                                 "ة": "ه", "ى": "ي", "ی": "ي", "ک": "ك", "ٱ": "ا",
                                 "’": "'", "ʼ": "'", "‘": "'"})
_JOINERS = "'-"  # kept inside a word (ma'am, l'info, week-end, García-López)


def _unspaced(char: str) -> bool:
    """A script written without spaces between words (or, in Korean, with words and titles
    run together): Chinese, Japanese, Korean, Thai, Lao, Khmer, Burmese."""
    code = ord(char)
    return (0x0E00 <= code <= 0x0EFF or 0x1000 <= code <= 0x109F or 0x1780 <= code <= 0x17FF
            or _east_asian(char))


def _east_asian(char: str) -> bool:
    """Chinese, Japanese or Korean, where a name comes before its title (王老师, 김 선생님)."""
    code = ord(char)
    return (0x3040 <= code <= 0x30FF or 0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF
            or 0xF900 <= code <= 0xFAFF or 0xAC00 <= code <= 0xD7AF
            or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F)


def _cased(char: str) -> bool:
    return char.lower() != char.upper()


def fold(word: str) -> str:
    """A word as it is compared: no case, no accents or short vowels, one form of each
    Arabic letter people use interchangeably."""
    decomposed = unicodedata.normalize("NFKD", word.casefold().translate(_FOLDED_LETTERS))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare).translate(_FOLDED_LETTERS)


@dataclass(frozen=True)
class Word:
    folded: str
    capital: bool  # written with a capital (in a script that has capitals)


def _is_letter(char: str) -> bool:
    return unicodedata.category(char)[0] in "LN"


def words(text: str) -> list[Word]:
    """The words of a message, folded; emoji (Korean letter ones too: "ㅋㅋ", "ㅠㅠ"),
    punctuation and invisible characters dropped (a joiner inside a Persian word is part of its
    spelling, not a space)."""
    text = "".join(c for c in without_emoticons(unicodedata.normalize("NFC", text))
                   if unicodedata.category(c) != "Cf").translate(_FOLDED_LETTERS)
    found, current = [], []
    for index, char in enumerate(text):
        inside = char in _JOINERS and bool(current) and index + 1 < len(text) and \
            _is_letter(text[index + 1])
        mark = unicodedata.category(char)[0] == "M" and bool(current)  # not an emoji's
        if _is_letter(char) or inside or mark:
            current.append(char)
        elif current:
            found.append("".join(current))
            current = []
    if current:
        found.append("".join(current))
    return [Word(fold(w), w[0].isupper() or w[0].istitle()) for w in found if fold(w)]


def _phrases(entry: str, kind: str) -> Iterator[tuple[str, str]]:
    for phrase in entry.split("|"):
        yield " ".join(w.folded for w in words(phrase)), kind


@functools.cache
def _lexicon(lang: str) -> tuple[tuple[str, str], ...]:
    """(folded phrase, kind) of one language and English, longest first."""
    found: dict[str, str] = {}
    for code in dict.fromkeys(("en", lang)):
        for entry, kind in zip(THANKS_WORDS[code], (THANKS, WITH, TITLE), strict=True):
            for phrase, what in _phrases(entry, kind):
                if found.get(phrase) != THANKS:  # a phrase that thanks in either, thanks
                    found[phrase] = what
    return tuple(sorted(found.items(), key=lambda pair: -len(pair[0])))


@functools.cache
def _everyday() -> frozenset[str]:
    """Everyday chat words in any language, folded: a capitalised one ("No", "But", "Sorry")
    is no name unless a title comes just before it."""
    return frozenset(fold(w) for group in EVERYDAY_WORDS.values() for w in group)


def asks_something(text: str) -> bool:
    """Whether a message has a question mark (in any script)."""
    return any(c in QUESTION_MARKS for c in text) or (
        GREEK_QUESTION in text and any("\u0370" <= c <= "\u03ff" for c in text))


def only_thanks(text: str) -> bool:
    """Whether a message is only thanks, so the teacher owes no answer to it."""
    if asks_something(text):
        return False
    found = words(text)
    if not found or len(found) > MAX_WORDS:
        return False
    return any(_Reading(found, _lexicon(lang)).covers() for lang in THANKS_WORDS)


class _Reading:
    """One attempt to read a message's words as a thank-you with one language's lists."""

    def __init__(self, found: list[Word], lexicon: tuple[tuple[str, str], ...]) -> None:
        self.text = " ".join(w.folded for w in found)
        self.lexicon = lexicon
        self.found = found
        self.starts: dict[int, int] = {}  # where each word starts -> its index
        position = 0
        for index, word in enumerate(found):
            self.starts[position] = index
            position += len(word.folded) + 1

    def covers(self) -> bool:
        """Whether every word reads as thanks words, with at most one name, and thanks
        somewhere."""
        text = self.text

        @functools.cache
        def walk(at: int, named: bool, thanked: bool, titled: bool, owe_title: bool) -> bool:
            if at < len(text) and text[at] == " ":
                at += 1
            if at >= len(text):
                return thanked and not owe_title
            for phrase, kind in self.lexicon:
                end = at + len(phrase)
                if (kind == TITLE or not owe_title) and text.startswith(phrase, at) and \
                        self._ends_word(end) and \
                        walk(end, named, thanked or kind == THANKS, kind == TITLE, False):
                    return True
            if named or owe_title:
                return False
            return any(walk(end, True, thanked, False, owe)
                       for end, owe in self._names(at, titled))

        return walk(0, False, False, False, False)

    def _ends_word(self, end: int) -> bool:
        text = self.text
        return end == len(text) or text[end] == " " or (
            _unspaced(text[end - 1]) and _unspaced(text[end]))

    def _names(self, at: int, titled: bool) -> Iterator[tuple[int, bool]]:
        """Where a name starting at `at` may end, and whether a title must follow it."""
        text, first = self.text, self.text[at]
        space = text.find(" ", at)
        word_end = len(text) if space < 0 else space
        if not first.isalpha():
            return
        if _cased(first):
            index = self.starts.get(at)
            if index is None or not self.found[index].capital or \
                    (not titled and self.found[index].folded in _everyday()):
                return  # "No thanks" is no name and thanks: after a title, "cô Lan" is
            yield word_end, False
            after = self.found[index + 1] if index + 1 < len(self.found) else None
            if after is not None and after.capital and after.folded.endswith(PATRONYMIC_ENDINGS):
                yield word_end + 1 + len(after.folded), False
        elif _east_asian(first):  # 王老师, 田中先生, 김 선생님: a title follows
            for end in range(at + 1, min(word_end, at + 4) + 1):
                if _east_asian(text[end - 1]):
                    yield end, True
        elif titled and _unspaced(first):  # ครูสมศรี: the name runs on after its title
            for end in range(at + 1, word_end + 1):
                yield end, False
        elif titled and at in self.starts:  # أستاذة سارة
            yield word_end, False


# "OK" and its like, as children type them: a student's "ok" after a check acknowledges it, and
# is no message for the teacher (the bot points to what it can do instead).
ACKNOWLEDGEMENTS = (  # pragma: no mutate block (data)
    "ok|okay|okey|oki|okie|k|kk|ok ok|alright|all right|got it|cool|fine|"  # en
    "vale|bueno|de acuerdo|entendido|ok gracias|"  # es
    "d'accord|dac|entendu|"  # fr
    "dakò|dako|oke|"  # ht
    "beleza|certo|tá bom|ta bom|entendi|"  # pt
    "haye|waa hagaag|"  # so
    "vâng|dạ|được|được rồi|"  # vi
    "好|好的|知道了|"  # zh
    "حسنا|طيب|تمام|"  # ar
    "네|넵|알겠어요|알겠습니다|"  # ko
    "хорошо|ладно|понятно|"  # ru
    "sige|sige po|"  # tl
    "yog|zoo lawm"  # hmn
)


@functools.cache
def _acknowledgements() -> frozenset[str]:
    return frozenset(" ".join(w.folded for w in words(p)) for p in ACKNOWLEDGEMENTS.split("|"))


def only_acknowledges(text: str) -> bool:
    """Whether a message only says "OK" ("ok", "vale", "dakò", "好的"), in any language."""
    return " ".join(w.folded for w in words(text)) in _acknowledgements()
