"""The language catalogue, and a best guess at which language a short chat message is in."""

from __future__ import annotations

import enum
import functools
import json
import math
import operator
import re
import threading
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from bot.domain.errors import PuenteError
from bot.domain.language_words import EVERYDAY_WORDS


class Capability(enum.Enum):
    """What Puente can do in a language."""

    DETECT = "detect"
    PROMPTS = "prompts"
    GLOSSES = "glosses"
    MACHINE_TRANSLATION = "mt"


@dataclass(frozen=True)
class Language:
    """One language: its code, names, direction and what Puente supports for it."""

    code: str
    english_name: str
    native_name: str
    rtl: bool
    capabilities: frozenset[Capability]


class UnknownLanguageError(PuenteError):
    """A language code that is not in the catalogue."""

    prompt_key = "error-unknown-language"


SUPPORTED_UI: tuple[str, ...] = (
    "en", "es", "ar", "zh", "vi", "hmn", "so", "ru", "ht", "tl", "ko", "pt", "fr",
)  # fmt: skip


# The functions marked "import only" build tables once; mutmut's mutants of them never
# run, so each would "survive". test_language checks the tables they build.
def _codes(text: str) -> frozenset[str]:  # pragma: no mutate block (import only)
    return frozenset(text.split())


_RTL = _codes("ar fa ur ps he")
# A bundled langdetect profile, or (ps, my, km) letters of their own that the rules below read.
_DETECTABLE = _codes(
    "en es ar zh vi so ru tl ko pt fr uk fa ur hi ne sw ja de it pl tr ps bn pa he th el my km"
)
# No n-gram profile: told by their everyday words alone (language_words), never `lang`
WORD_LISTED = _codes("ht hmn")
# Languages Argos Translate publishes en<->xx models for (argospm index); not so ht hmn ne sw.
_ARGOS = _codes("en es ar zh vi ru tl ko pt fr uk fa ur hi ja de it pl tr he th el bn")
_NAMES = (
    ("en", "English", "English"), ("es", "Spanish", "Español"), ("ar", "Arabic", "العربية"),
    ("zh", "Chinese", "中文"), ("vi", "Vietnamese", "Tiếng Việt"), ("hmn", "Hmong", "Hmoob"),
    ("so", "Somali", "Soomaali"), ("ru", "Russian", "Русский"),
    ("ht", "Haitian Creole", "Kreyòl ayisyen"), ("tl", "Tagalog", "Tagalog"),
    ("ko", "Korean", "한국어"), ("pt", "Portuguese", "Português"), ("fr", "French", "Français"),
    ("uk", "Ukrainian", "Українська"), ("fa", "Persian (Farsi, Dari)", "فارسی"),
    ("ur", "Urdu", "اردو"), ("hi", "Hindi", "हिन्दी"), ("ne", "Nepali", "नेपाली"),
    ("sw", "Swahili", "Kiswahili"), ("ja", "Japanese", "日本語"), ("de", "German", "Deutsch"),
    ("it", "Italian", "Italiano"), ("pl", "Polish", "Polski"), ("tr", "Turkish", "Türkçe"),
    ("ps", "Pashto", "پښتو"), ("bn", "Bengali", "বাংলা"), ("pa", "Punjabi", "ਪੰਜਾਬੀ"),
    ("he", "Hebrew", "עברית"), ("th", "Thai", "ไทย"), ("el", "Greek", "Ελληνικά"),
    ("my", "Burmese", "မြန်မာ"), ("km", "Khmer", "ខ្មែរ"), ("am", "Amharic", "አማርኛ"),
    ("ti", "Tigrinya", "ትግርኛ"),
)  # fmt: skip


def _capabilities(code: str) -> frozenset[Capability]:  # pragma: no mutate block (import only)
    caps = {Capability.PROMPTS, Capability.GLOSSES} if code in SUPPORTED_UI else set()
    if code in _DETECTABLE:
        caps.add(Capability.DETECT)
    if code in _ARGOS:
        caps.add(Capability.MACHINE_TRANSLATION)
    return frozenset(caps)


LANGUAGES: Mapping[str, Language] = MappingProxyType(
    {
        code: Language(code, english, native, code in _RTL, _capabilities(code))
        for code, english, native in _NAMES
    }
)
_ALIASES = {"iw": "he", "fil": "tl", "prs": "fa", "pes": "fa"}


def get_language(code: str) -> Language:
    """Return the catalogue entry for a code such as "es", "pt-BR" or "zh_Hant"."""
    key = str(code).strip().lower().replace("_", "-").split("-", 1)[0]
    key = _ALIASES.get(key, key)
    if key not in LANGUAGES:
        raise UnknownLanguageError(f"unknown language code {code!r}", code=code)
    return LANGUAGES[key]


# Languages a speaker of the key language is likely schooled in besides it, whose words she may
# write around or instead of an English answer (typed grading: docs/typed-grading.md, "The
# languages a student may write"). Only where we are sure: Haiti's schools teach in French
# (Kreyòl is the home language; French is the language of school books and exams, and a
# Haitian phone is often set to French). Left out: Somali -> Arabic (Quranic school teaches
# reading Arabic, not science words in it; Somali and English are the languages of school),
# Tagalog -> English (English is every student's already), Hmong -> Thai or Lao (no glosses,
# no prompts: nothing to match).
# Languages Telegram's apps are not translated into: a child who reads one of them has her
# phone in another language (nearly always English), so an English phone says nothing
# against her choosing it (playtest: every Somali and Tagalog joiner's note read "⚠️ picked
# Somali by a tap; phone English", a false alarm a teacher of newcomers learns to ignore)
NO_TELEGRAM_APP: frozenset[str] = frozenset({"so", "hmn", "ht", "tl"})

SCHOOL_LANGUAGES: Mapping[str, tuple[str, ...]] = MappingProxyType({"ht": ("fr",)})


def school_languages(code: str | None) -> tuple[str, ...]:
    """`code` and the languages its speakers are likely schooled in (SCHOOL_LANGUAGES), her
    own first: ("ht", "fr") for Haitian Creole, ("es",) for Spanish, () for none."""
    if code is None:
        return ()
    return (code, *SCHOOL_LANGUAGES.get(code, ()))


def is_rtl(code: str) -> bool:
    """Tell whether a language is written right to left."""
    return get_language(code).rtl


# ---------------------------------------------------------------------------------------------
# Detection


@dataclass(frozen=True)
class Detection:
    """A guess at a message's language.

    `lang` is a catalogue code, or None when unsure or when the best guess is a language no
    detector covers; `candidates` rank up to three catalogue languages with their probabilities,
    e.g. to order a confirmation menu; `confidence` is the first candidate's probability (0 when
    there is none), so it is the probability of `lang` whenever `lang` is set.
    """

    lang: str | None
    confidence: float
    candidates: tuple[tuple[str, float], ...] = ()

    @property
    def guess(self) -> str | None:
        """The language to ask a new student about in one tap: `lang`, else a language no
        n-gram profile covers (ht, hmn) that its everyday words put clearly ahead ("kuv tsis
        paub lus askiv": Hmong at 1.0, which a Hmong girl was never asked about, playtest)."""
        if self.lang is not None:
            return self.lang
        if self.candidates and self.candidates[0][0] in WORD_LISTED \
                and self.confidence >= _THRESHOLD:
            return self.candidates[0][0]
        return None

    @property
    def likely(self) -> tuple[str, ...]:
        """The candidates likely enough to lead a language menu, likeliest first (none when
        the scores say little: "ok" or "bonjou" alone)."""
        return tuple(lang for lang, chance in self.candidates if chance >= _INFORMATIVE)


_THRESHOLD = 0.75  # below this top probability the answer is "unsure"
_INFORMATIVE = 0.2  # a candidate this likely is worth a place at the top of a language menu
_MAX_CHARS = 240  # the head of a long text says as much as the whole
_HINT_BONUS, _CANDIDATE_BONUS = 0.7, 1.5  # log-odds; the phone's UI language is a weak prior
_WORD_WEIGHT, _DISTINCT_WORD_WEIGHT, _UNMARKED_PENALTY = 2.5, 1.0, 1.5
_NGRAM_TEMPERATURE, _NGRAM_SMOOTHING = 10.0, 0.5 / 10000  # langdetect's own smoothing

# Scripts by code-point range: (first, last, script).
_RANGES = sorted([
    (0x41, 0x5A, "latin"), (0x61, 0x7A, "latin"), (0xC0, 0x24F, "latin"),
    (0x1E00, 0x1EFF, "latin"), (0x370, 0x3FF, "greek"), (0x1F00, 0x1FFF, "greek"),
    (0x400, 0x52F, "cyrillic"), (0x590, 0x5FF, "hebrew"), (0x600, 0x6FF, "arabic"),
    (0x750, 0x77F, "arabic"), (0xFB50, 0xFDFF, "arabic"), (0xFE70, 0xFEFF, "arabic"),
    (0x900, 0x97F, "devanagari"), (0x980, 0x9FF, "bengali"), (0xA00, 0xA7F, "gurmukhi"),
    (0xE00, 0xE7F, "thai"), (0x1000, 0x109F, "myanmar"), (0x1200, 0x139F, "ethiopic"),
    (0x1780, 0x17FF, "khmer"), (0x1100, 0x11FF, "hangul"), (0x3130, 0x318F, "hangul"),
    (0xAC00, 0xD7AF, "hangul"), (0x3040, 0x30FF, "kana"), (0xFF66, 0xFF9D, "kana"),
    (0x3400, 0x4DBF, "han"), (0x4E00, 0x9FFF, "han"), (0xF900, 0xFAFF, "han"),
    # Zhuyin (Bopomofo), Taiwan's phonetic letters: a child who cannot write a character types
    # its sounds (ㄓㄨㄥˇ ㄑㄩㄣˊ). In no range, it read as no script, so as an English go
    (0x3100, 0x312F, "bopomofo"), (0x31A0, 0x31BF, "bopomofo"),
])  # fmt: skip
_STARTS = [start for start, _, _ in _RANGES]
# A script written by one catalogue language settles the question.
_SCRIPT_ONLY = {
    "greek": "el", "hebrew": "he", "bengali": "bn", "gurmukhi": "pa", "thai": "th",
    "myanmar": "my", "khmer": "km", "hangul": "ko", "kana": "ja", "bopomofo": "zh",
}  # fmt: skip
# Scripts whose languages no rule here tells apart: a menu order, never an answer.
_SCRIPT_MENU = {"ethiopic": (("am", 0.5), ("ti", 0.5))}


def _scored(codes: str, **proxies: str) -> dict[str, str]:  # pragma: no mutate block (import only)
    """Map each language scored in a script to the n-gram profile standing in for it."""
    return {code: code for code in codes.split()} | proxies


# Scripts shared by several languages. Non-catalogue profiles (af, nl, bg...) compete too, so a
# Dutch message is "unsure" rather than German. "" = no profile: the languages' mean score.
_SHARED = {
    "latin": _scored(
        "en es pt fr it de tl so sw tr pl vi af ca cs cy da et fi hr hu id lt lv nl no ro sk sl "
        "sq sv",
        ht="",
        hmn="",
        hi="",
        ur="",
    ),
    "arabic": _scored("ar fa ur", ps="fa"),  # Pashto has no profile; Persian is nearest
    "cyrillic": _scored("ru uk bg mk"),
    "devanagari": _scored("hi ne mr"),
    "han": _scored("zh ja"),
}
_PROFILE_SETS = {
    script: tuple(sorted(set(langs.values()) - {""})) for script, langs in _SHARED.items()
}
_PROFILE_NAMES = {"zh-cn": "zh", "zh-tw": "zh"}
_HAN_PRIOR = {"zh": 1.5}  # Han characters with no kana: Chinese is far likelier than Japanese
# Letters that point at languages: each distinct one present adds its weight to each of them.
_CUES = (
    ("ñ¿¡", "es", 3.0), ("ãõ", "pt", 3.5), ("çêâô", "pt", 1.0), ("çêâôùœèëïîû", "fr", 1.0),
    ("ìò", "it", 2.0), ("ß", "de", 4.0), ("ä", "de", 2.5), ("öü", "de", 1.5), ("çöü", "tr", 1.5),
    ("şğı", "tr", 4.0), ("ąęłńśźżć", "pl", 4.0), ("ăđ", "vi", 4.0),
    ("ٹڈڑںےہھۓ", "ur", 4.0), ("ټډړږښګڼېۍځڅ", "ps", 5.0), ("پچژگکی", "fa", 0.8),
    ("پچژگکی", "ur", 0.8), ("ةىيكأإ", "ar", 1.5), ("іїєґ", "uk", 5.0), ("ыэъё", "ru", 5.0),
    ("这们么说吗还为时谢师问题习边过让从关给开见钱买车东长门间话语读写听样觉认识发现经难错"
     "懂吧呢啊哪您這們麼說嗎還", "zh", 3.0),
)  # fmt: skip


# pragma: no mutate start (import only)
def _by_letter(cues: Iterable[tuple[str, str, float]]) -> dict[str, list[tuple[str, float]]]:
    table: dict[str, list[tuple[str, float]]] = {}
    for letters, lang, weight in cues:
        for letter in letters:
            table.setdefault(letter, []).append((lang, weight))
    return table
# pragma: no mutate end


_LETTER_CUES = _by_letter(_CUES)
# In Arabic script, Urdu and Pashto nearly always show a letter of their own.
_MARKED = {"ur": frozenset("ٹڈڑںےہھۓ"), "ps": frozenset("ټډړږښګڼېۍځڅ")}
_NOISE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|[@#/]\w+")
_ELONGATION = re.compile(r"(.)\1{2,}")  # "noooo" -> "noo"
_NOT_A_WORD = 25  # letters; longer runs are keyboard mashing, not language
_UNIVERSAL = frozenset(["ok", "okay", "okey", "k", "kk", "xd", "lol", "haha", "hmm", "sir"])
_FRENCH_ELISION = frozenset(["c", "j", "qu", "n", "s", "m", "t", "l", "d"])


@dataclass(frozen=True)
class _Profiles:
    """langdetect's bundled n-gram profiles, read once into one compact float table."""

    names: tuple[str, ...]
    offsets: Mapping[str, int]   # n-gram -> where its row of probabilities starts
    probs: array                 # one float32 per (n-gram, profile); ~20 MB, not ~60

    def get(self, gram: str) -> Sequence[float] | None:
        start = self.offsets.get(gram)
        if start is None:
            return None
        return self.probs[start:start + len(self.names)]


_LOADING = threading.Lock()


def _profiles() -> _Profiles:
    with _LOADING:  # start-up loads them in a thread; a first message may ask meanwhile
        return _load_profiles()


@functools.cache
def _load_profiles() -> _Profiles:
    # langdetect's own factory keeps a list of 55 Python floats per n-gram (+61 MiB); the
    # same numbers as float32 in one array take a third. No random sampling either: the same
    # text always gets the same answer, whatever other code does with langdetect's factory.
    # Imported here, in the start-up thread that preloads: the catalogue alone needs no
    # langdetect, and `puente run` reaches its first getUpdates without it.
    from langdetect.detector_factory import PROFILES_DIRECTORY

    # Only the profiles some script is scored against: Korean, Thai, Greek, Hebrew and the
    # Indic scripts but Devanagari are told by their letters alone, and their n-grams (most of
    # them Hangul) took a third of the table (RSS -13 MB, bench/footprint.py).
    read = set().union(*_PROFILE_SETS.values())
    files = sorted(f for f in Path(PROFILES_DIRECTORY).iterdir()
                   if _PROFILE_NAMES.get(f.name, f.name) in read)
    names = tuple(_PROFILE_NAMES.get(f.name, f.name) for f in files)
    offsets: dict[str, int] = {}
    probs = array("f")
    zeros = array("f", [0.0] * len(files))
    for index, path in enumerate(files):
        profile = json.loads(path.read_text(encoding="utf-8"))
        totals = profile["n_words"]
        for gram, count in profile["freq"].items():
            if not 1 <= len(gram) <= 3:
                continue
            start = offsets.get(gram)
            if start is None:
                start = offsets[gram] = len(probs)
                probs.extend(zeros)
            probs[start + index] = count / totals[len(gram) - 1]
    return _Profiles(names, offsets, probs)


def preload_detection() -> None:
    """Read langdetect's profiles now (under a second) rather than on the first message."""
    _profiles()


def _script_of(ch: str) -> str | None:
    index = bisect_right(_STARTS, ord(ch)) - 1
    if index >= 0 and ord(ch) <= _RANGES[index][1]:
        return _RANGES[index][2]
    return None


def letter_scripts(text: str) -> frozenset[str]:
    """The scripts of a text's letters ("latin", "han", "arabic", ...; digits have none)."""
    return frozenset(script for ch in text if ch.isalpha() and (script := _script_of(ch)))


def _in_word(ch: str, script: str) -> bool:
    # Vowel signs of Indic scripts are combining marks, not letters, but belong to the word.
    return _script_of(ch) == script and (ch.isalpha() or unicodedata.category(ch)[0] == "M")


def _dominant_script(text: str) -> str | None:
    weights: dict[str, float] = {}
    for ch in text:
        if ch.isalpha() and (script := _script_of(ch)):
            # One Han, kana or Hangul character carries about as much as a Latin word.
            weight = 3.0 if script in ("han", "kana", "hangul") else 1.0
            weights[script] = weights.get(script, 0.0) + weight
    if "kana" in weights and "han" in weights:
        weights["kana"] += weights.pop("han")
    if "bopomofo" in weights and "han" in weights:  # Zhuyin among characters: only Chinese
        weights["bopomofo"] += weights.pop("han")
    if not weights:
        return None
    best = max(weights, key=weights.__getitem__)
    return None if best == "latin" and weights[best] < 2 else best


@functools.lru_cache(maxsize=65536)
def _gram_logs(gram: str, script: str) -> tuple[float, ...] | None:
    """Log-probabilities of one n-gram in each profile scored for a script."""
    profiles, names = _profiles(), _PROFILE_SETS[script]
    probs = profiles.get(gram)
    if probs is None:
        return None
    best = dict.fromkeys(names, 0.0)
    for i, name in enumerate(profiles.names):
        if name in best:  # zh has two profiles, simplified and traditional
            best[name] = max(best[name], probs[i])
    return tuple(math.log(best[name] + _NGRAM_SMOOTHING) for name in names)


def _ngram_scores(text: str, script: str) -> dict[str, float]:
    """Score languages by langdetect's n-gram profiles: every n-gram, no random sampling."""
    from langdetect.utils.ngram import NGram  # loaded with the profiles (see _load_profiles)

    names = _PROFILE_SETS[script]
    totals = [0.0] * len(names)
    ngram = NGram()
    for ch in NGram.normalize_vi(text):
        ngram.add_char(ch)
        grams = ngram.grams
        for n in (1, 2, 3):
            if len(grams) >= n and grams[-n:] != " ":
                logs = _gram_logs(grams[-n:], script)
                if logs is not None:
                    totals = list(map(operator.add, totals, logs))
    by_name = dict(zip(names, totals, strict=True))
    best, mean = max(totals), sum(totals) / len(totals)
    return {
        lang: max(by_name.get(proxy, mean) - best, -50.0) / _NGRAM_TEMPERATURE
        for lang, proxy in _SHARED[script].items()
    }


def _word_scores(tokens: list[str], langs: Iterable[str]) -> dict[str, float]:
    scores = dict.fromkeys(langs, 0.0)
    for token in tokens:
        owners = [lang for lang in scores if token in EVERYDAY_WORDS.get(lang, ())]
        for lang in owners:
            scores[lang] += _WORD_WEIGHT + (_DISTINCT_WORD_WEIGHT if len(owners) == 1 else 0.0)
        head, _, tail = token.partition("'")
        if head in _FRENCH_ELISION and len(tail) > 1 and "fr" in scores:
            scores["fr"] += _WORD_WEIGHT  # c'est, j'ai, qu'il...
    return scores


def _cue_scores(text: str, langs: Iterable[str], script: str) -> dict[str, float]:
    scores = dict.fromkeys(langs, 0.0)
    letters = set(text)
    for ch in letters:
        for lang, weight in _LETTER_CUES.get(ch, ()):
            if lang in scores:
                scores[lang] += weight
    for lang, own in _MARKED.items():
        if script == "arabic" and lang in scores and not own & letters:
            scores[lang] -= _UNMARKED_PENALTY
    return scores


def _is_vietnamese(text: str) -> bool:
    # ơ ư and the stacked tone marks of Latin Extended Additional are Vietnamese alone.
    return any(ch in "ơư" or "\u1ea0" <= ch <= "\u1ef9" for ch in text)


def _known(code: str) -> str | None:
    try:
        return get_language(code).code
    except UnknownLanguageError:
        return None


def _priors(hint: str | None, candidates: Iterable[str] | None) -> dict[str, float]:
    priors = {lang: _CANDIDATE_BONUS for code in candidates or () if (lang := _known(code))}
    if hint and (lang := _known(hint)):
        priors[lang] = priors.get(lang, 0.0) + _HINT_BONUS
    return priors


def _scores(script: str, text: str, priors: Mapping[str, float]) -> dict[str, float]:
    langs = _SHARED[script]
    chars = "".join(ch if ch == "'" or _in_word(ch, script) else " " for ch in text)
    words = [word for word in chars.replace(" '", " ").split() if len(word) < _NOT_A_WORD]
    tokens = [word for word in words if word not in _UNIVERSAL]
    chars = " ".join(words)
    if script == "latin" and not tokens:
        return {}
    parts = [_ngram_scores(f" {chars} ", script), _word_scores(tokens, langs)]
    parts.append(_cue_scores(text, langs, script))
    if script == "han":
        parts.append(_HAN_PRIOR)
    return {
        lang: sum(part.get(lang, 0.0) for part in parts) + priors.get(lang, 0.0) for lang in langs
    }


def _decide(scores: Mapping[str, float]) -> Detection:
    top = max(scores.values())
    weights = {lang: math.exp(score - top) for lang, score in scores.items()}
    total = sum(weights.values())
    ranked = sorted(weights, key=weights.__getitem__, reverse=True)
    best = ranked[0]
    sure = weights[best] / total >= _THRESHOLD and best in _DETECTABLE
    menu = tuple((lang, round(weights[lang] / total, 3)) for lang in ranked if lang in LANGUAGES)
    return Detection(best if sure else None, menu[0][1] if menu else 0.0, menu[:3])


# The catalogue languages a script narrows a message to, likeliest first in a school: the
# order of a language menu when the words themselves tell no language ("مرحبا" is Arabic or
# Persian, "oi" any of many Latin-script languages: Latin narrows nothing)
_SCRIPT_LANGUAGES = {
    "arabic": ("ar", "fa", "ur", "ps"), "cyrillic": ("ru", "uk"), "hangul": ("ko",),
    "han": ("zh", "ja"), "kana": ("ja",), "devanagari": ("hi", "ne"), "ethiopic": ("am", "ti"),
    **{script: (code,) for script, code in _SCRIPT_ONLY.items() if script != "kana"},
}  # fmt: skip


def script_languages(text: str) -> tuple[str, ...]:
    """The languages a message's letters narrow it to (none for Latin letters, or none)."""
    sample = unicodedata.normalize("NFC", text[:_MAX_CHARS])
    script = _dominant_script(_NOISE.sub(" ", sample))
    return _SCRIPT_LANGUAGES.get(script, ()) if script else ()


def detect_language(
    text: str, *, hint: str | None = None, candidates: Iterable[str] | None = None
) -> Detection:
    """Guess the language of a short message; `lang` is None rather than a likely wrong guess."""
    sample = unicodedata.normalize("NFC", text[:_MAX_CHARS]).replace("’", "'").lower()
    sample = _ELONGATION.sub(r"\1\1", _NOISE.sub(" ", sample))
    script = _dominant_script(sample)
    if script is None:
        return Detection(None, 0.0)
    if script in _SCRIPT_ONLY:
        return Detection(_SCRIPT_ONLY[script], 0.99, ((_SCRIPT_ONLY[script], 0.99),))
    if script in _SCRIPT_MENU:
        return Detection(None, 0.5, _SCRIPT_MENU[script])
    if script == "latin" and _is_vietnamese(sample):
        return Detection("vi", 0.99, (("vi", 0.99),))
    scores = _scores(script, sample, _priors(hint, candidates))
    return _decide(scores) if scores else Detection(None, 0.0)
