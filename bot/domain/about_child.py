"""The parts of a family's message about their own child, when it also speaks of someone else:
"Ana is sick today, her brother is fine today" offered no "sick today" (a word for well
anywhere cancelled it, playtest), and "Her brother is sick today, Ana is fine" offered one.

The message is cut at sentence and clause ends (. ; , ? ! …) and at a "but" ("pero", "mais",
"men", "但是"…); a part that names a brother, a sister or a cousin and none of the family's
children (`names`: a one-child family's child; on a shared phone each child) is about someone
else: it neither excuses the day nor cancels another part that does. A part that names no
one is about the child, as before. What remains is read as a whole message is (sick_words.py,
coming_days.py). "Ana's brother is sick" names Ana: still read as hers (a button too many
costs one tap)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from bot.domain.sick_words import languages_of
from bot.domain.word_lists import has, marked, places, spaced

# Another person than the child: siblings and cousins (never "my son", "mi hija": the child)
RELATIVES: dict[str, tuple[str, ...]] = {
    "en": ("brother", "brothers", "sister", "sisters", "sibling", "siblings", "cousin",
           "cousins"),
    "es": ("hermano", "hermana", "hermanos", "hermanas", "hermanito", "hermanita", "primo",
           "prima"),
    "fr": ("frère", "frères", "sœur", "sœurs", "soeur", "soeurs", "cousin", "cousine"),
    "pt": ("irmão", "irmã", "irmãos", "irmãs", "irmao", "irma", "primo", "prima"),
    "ht": ("frè", "sè", "kouzen", "kouzin"),
    "so": ("walaal*",),
    "hmn": ("kwv", "tij laug", "muam", "nus", "viv ncaus"),
    "vi": ("anh trai", "chị gái", "em trai", "em gái"),
    "zh": ("哥哥", "弟弟", "姐姐", "妹妹", "兄弟", "姐妹", "表哥", "表姐", "表弟", "表妹"),
    "ar": ("أخوه", "أخوها", "اخوه", "اخوها", "أخته", "أختها", "اخته", "اختها", "أخيه",
           "أخيها", "أخي", "أختي", "اخي", "اختي", "شقيق*", "إخوته", "اخوته", "إخوتها",
           "اخوتها"),
    "ko": ("동생*", "오빠*", "누나*", "언니*", "형", "형이", "형은", "형도", "형님*", "사촌*"),
    "ru": ("брат*", "сестр*", "двоюродн*"),
    "tl": ("kapatid", "kuya", "pinsan"),
}
# A "but" between two parts of a sentence (each part is then read on its own)
BUT: dict[str, tuple[str, ...]] = {
    "en": ("but", "while", "whereas", "however"),
    "es": ("pero", "mientras que", "sin embargo"),
    "fr": ("mais", "tandis que", "par contre", "alors que"),
    "pt": ("mas", "porém", "porem", "enquanto"),
    "ht": ("men",),
    "so": ("laakiin", "balse"),
    "hmn": ("tiam sis", "tab sis", "tabsis"),
    "vi": ("nhưng",),
    "zh": ("但是", "可是", "不过", "不過", "但"),
    "ar": ("لكن", "لكنه", "لكنها", "ولكن", "بس"),
    "ko": ("하지만", "그런데", "근데", "그러나"),
    "ru": ("но", "а"),
    "tl": ("pero", "ngunit", "subalit"),
}
_ENDS = r"[,.;:!?\n，。；：！？、،؛؟]"


def about_child(text: str, language: str, names: Sequence[str] = ()) -> str:
    """`text` without its parts about someone else than the family's children (`names`),
    each part left on its own line; the text itself when every part may be the child's."""
    codes = languages_of(text, language)
    parts = _parts(text, codes)
    kept = [part for part in parts if not _someone_else(part, codes, names)]
    return text if len(kept) == len(parts) else "\n".join(kept)


def _parts(text: str, codes: Sequence[str]) -> list[str]:
    """The text cut after each clause end (kept with its part: "?" still asks) and at each
    "but" (dropped) of the languages it is read in."""
    buts = sorted({unicodedata.normalize("NFC", word) for code in (*codes, "en")
                   for word in BUT.get(code, ())}, key=len, reverse=True)
    words = [rf"(?<!\w){re.escape(word)}(?!\w)" if spaced(word) else re.escape(word)
             for word in buts]
    pieces = re.split(f"(?<={_ENDS})|{'|'.join(words)}",
                      unicodedata.normalize("NFC", text), flags=re.IGNORECASE)
    return [piece for piece in pieces if piece and piece.strip()]


def _someone_else(part: str, codes: Sequence[str], names: Sequence[str]) -> bool:
    """Whether a part names a relative and none of the children."""
    clauses = marked(part)
    if any(places(name, clause, tokens) for name in _folded(names)
           for clause, tokens, _ in clauses):
        return False
    return any(has(RELATIVES, clause, tokens, code) for code in codes
               for clause, tokens, _ in clauses)


def _folded(names: Sequence[str]) -> list[str]:
    """Names as a folded text holds them ("Jean-Baptiste" is "jean baptiste")."""
    return [" ".join(found) for name in names
            if (found := re.findall(r"\w+", unicodedata.normalize("NFC", name).casefold()))]
