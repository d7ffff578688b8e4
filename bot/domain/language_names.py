"""Language names as people write them: a name typed in a message ("I speak Spanish", "Af
Soomaali") found in the catalogue, and a language's own name as a sentence of it writes it."""

from __future__ import annotations

import functools
import re
import unicodedata

from bot.domain.language import LANGUAGES

# Names people use besides the catalogue's English and own names: the short form a child
# types ("kreyòl", "creole"), and common other names of the same language.
_OTHER_NAMES = (
    ("ht", "Kreyòl"), ("ht", "Creole"), ("ht", "Haitian"), ("zh", "Mandarin"), ("zh", "汉语"),
    ("zh", "普通话"), ("tl", "Filipino"), ("es", "Castellano"), ("ar", "عربي"),
    ("fa", "دری"),
)  # fmt: skip
# Scripts written without spaces between words: a name is found inside a longer run.
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u1000-\u109f\u1100-\u11ff\u1780-\u17ff\u3040-\u30ff"
                       r"\u3400-\u9fff\uac00-\ud7af]")  # Thai, Burmese, Hangul, Khmer, kana, Han
# Languages whose sentences write language names in lower case ("te ayudaré en español",
# "an kreyòl", "bằng tiếng Việt", "на русском"): their own name is lowered inside a sentence.
_LOWER_INSIDE = frozenset({"es", "fr", "pt", "ht", "vi", "ru"})


def _fold(text: str) -> str:
    """Lower case without accents, every run of non-letters one space: "Español!" -> "espanol"."""
    bare = "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold())
                   if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", bare).split())


@functools.cache
def _names() -> tuple[tuple[str, str], ...]:
    """(folded name, code) for every name of every catalogue language, longest first."""
    found = []
    for code, language in LANGUAGES.items():
        english = re.split(r"[(),]", language.english_name)
        found += [(code, name) for name in (*english, language.native_name)]
    found += list(_OTHER_NAMES)
    folded = {(_fold(name), code) for code, name in found if _fold(name)}
    return tuple(sorted(folded, key=lambda pair: -len(pair[0])))


def named_languages(text: str) -> tuple[str, ...]:
    """The catalogue languages a message names, in the order it names them ("I speak Spanish
    and English" -> es, en); a name counts as whole words, or inside a run of a script written
    without spaces ("我说中文")."""
    folded = f" {_fold(text[:200])} "
    found: dict[int, str] = {}
    for name, code in _names():
        spaced = _UNSPACED.search(name) is None
        start = folded.find(f" {name} " if spaced else name)
        if start >= 0 and code not in found.values():
            found[start] = code
            folded = folded.replace(name, " " * len(name), 1)  # "haitian creole" is one name
    return tuple(code for _, code in sorted(found.items()))


def home_language_named(text: str) -> str | None:
    """The one home language a message names: English only when it names nothing else (a
    child who speaks Somali and English at home studies with Somali); None when it names no
    language, or more than one besides English."""
    named = named_languages(text)
    own = [code for code in named if code != "en"] or list(named)
    return own[0] if len(own) == 1 else None


def name_inside(code: str, sentence_lang: str, opens: bool = False) -> str:
    """A language's own name as a sentence in `sentence_lang` writes it: lower case inside a
    Spanish, French, Portuguese, Haitian Creole, Vietnamese or Russian sentence about that
    language ("¿Hablas español en casa?"); as the language writes its name anywhere else (a
    button, the start of a sentence, another language's sentence)."""
    language = LANGUAGES.get(code)
    if language is None:
        return code
    name = language.native_name
    if opens or code != sentence_lang or sentence_lang not in _LOWER_INSIDE:
        return name
    return name[:1].lower() + name[1:]
