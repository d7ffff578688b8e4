"""Render user-facing messages from prompts/<lang>.toml, falling back to English.

This is the one path from words to Telegram HTML (the bot's default parse mode). Every value a
placeholder receives is escaped and made inert (no direction overrides, no invisible
characters) unless it is `Markup`: HTML the code built itself from escaped parts. A rendered
prompt is itself `Markup`, so it can fill another prompt without being escaped twice.

A prompt that counts something is a table of CLDR plural categories instead of one string:

    progress-next-check = { one = "1 word is ready", other = "{count} words are ready" }

The count is the `count` argument, or the one a `plural` field names
(`{ plural = "minutes", one = ..., other = ... }`). The language's rule
(`bot.domain.plurals`) picks the category; a category the table lacks reads "other".

A sentence with two counts ("Sending 3 words to 1 student") takes each as `Counted`: the key
of a table that names the count with its noun ("count-words") and the number. Each is
rendered in the sentence's language, with its own plural form, before the sentence is.
"""

from __future__ import annotations

import html
import re
import string
import tomllib
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from bot.domain.language import LANGUAGES, is_rtl
from bot.domain.language_names import name_in, name_inside
from bot.domain.names import inert
from bot.domain.plurals import OTHER, plural_categories, plural_category
from bot.paths import PROMPTS_DIR
from bot.presentation.cjk_spacing import SPACED, spaced

REFERENCE = "en"
# Telegram picks a paragraph's direction from its first strong character; a right-to-left
# mark makes Arabic lines that start with an English word or a number still read right-to-left.
RLM = "\u200f"
# First-strong isolates keep an English term or a number inside Arabic text in its own order.
FSI, PDI = "\u2068", "\u2069"
# A /command in right-to-left text takes the sentence's direction and shows as "check/"; a
# child who types what they see gets nothing. An isolate keeps it as typed, with the ASCII
# arguments it shows (/remind 16:30, /push {pack}). The marks are format characters, which
# Telegram does not count as word characters, so it still finds the command (a bot_command
# entity needs no letter, digit, "_", "/", "<" or ">" beside it) and a tap sends the command
# alone, without the marks.
_COMMAND = re.compile(r"(?<![\w/<])/[A-Za-z0-9_]{1,64}"
                      r"(?: (?:\{\w+\}|\[?[A-Za-z0-9][A-Za-z0-9_:-]*\]?))*(?![\w/])")
# A tap on <code> copies what is inside: isolate the whole element, never what it holds.
_CODE = re.compile(r"<code>(.*?)</code>")
# Two isolated numbers around a slash read backwards ("3/1"): a counter is one unit.
_COUNTER = re.compile(f"{FSI}(\\d+){PDI}/{FSI}(\\d+){PDI}")
# Numbers act as right-to-left letters on the signs between them, so "3×4=12" in an Arabic
# definition read "12=4×3", "7÷2" read "2÷7" and the point (3, 5) read (5 ,3) (Arabic
# playtest): a left-to-right isolate keeps an expression as the US board writes it. A time
# ("08:00") already keeps its order (a lone ":" between digits joins them): left alone.
LRI = "\u2066"
_RIGHT_TO_LEFT_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# A term: a number (signed, a fraction, with a unit: "−5", "4/8", "5 °C", "50%"), a variable
# or both ("2x"); a letter inside an English word is not one. A fraction is one term: "4/8 =
# 1/2" cut at its slashes read "2/8 = 1/4" (re-playtest).
_NUMBER = (r"\(?(?<![A-Za-z])(?:[−-]?\d+(?:[.,]\d+)?(?:/\d+)?(?:\s?°[CF]?|%)?[A-Za-z]{0,2}"
           r"|[A-Za-z]{1,2})(?![A-Za-z])\)?")
# A calculation; or a number alone whose sign or unit the line's direction would move ("−5 °C"
# read "C° 5−").
_MATH = re.compile(f"{_NUMBER}(?:\\s?[×÷+\\-−=*<>≤≥,]\\s?{_NUMBER})+"
                   r"|(?<![\w−-])[−-]\d+(?:[.,]\d+)?(?:\s?°[CF]?|%)?"
                   r"|(?<![\w−-])\d+(?:[.,]\d+)?\s?°[CF]?")


class Markup(str):
    """Telegram HTML that is safe as it is: built by our code, every typed value escaped.

    Wrap only text you built yourself (tags plus `escape`d values); anything else is plain
    text, and the catalogue escapes it. Operations on Markup return plain `str` again."""

    __slots__ = ()


def escape(value: object) -> Markup:
    """Make a value safe inside a Telegram HTML message; Markup passes through unchanged.

    Text is made inert first (direction overrides and invisible characters dropped), then
    <, > and & become entities; quotes stay readable (Telegram needs no escaping for them)."""
    if isinstance(value, Markup):
        return value
    return _escaped_text(str(value))


@lru_cache(maxsize=4096)  # the same definitions, terms and names, on every question: inert
def _escaped_text(text: str) -> Markup:  # reads them letter by letter
    return Markup(html.escape(math_kept(inert(text)), quote=False))


def math_kept(text: str) -> str:
    """Right-to-left text with each written calculation ("3×4=12", "(3, 5)") isolated left to
    right; any other text unchanged."""
    if not _RIGHT_TO_LEFT_LETTER.search(text):
        return text
    return _MATH.sub(lambda m: f"{LRI}{m[0]}{PDI}", text)


@dataclass(frozen=True)
class LanguageName:
    """A language's name as a placeholder value: its own name, or (`reader`) the name the
    sentence's language gives it; the catalogue writes it the way the sentence it fills does
    ("¿Hablas español en casa?", but "Español" at a line's start)."""

    code: str
    reader: bool = False

    def __str__(self) -> str:
        language = LANGUAGES.get(self.code)
        return language.native_name if language else self.code


def language_name(code: str) -> LanguageName:
    """A language as its speakers write it (Español), for a prompt's {language}."""
    return LanguageName(code)


def reader_language(code: str) -> LanguageName:
    """A student's or family's language as the reader calls it (a teacher reads "somalí" in
    Spanish, "Somali" in English), for a prompt's {language}."""
    return LanguageName(code, reader=True)


_NOT_WORDS = re.compile(r"<[^>]*>|[^\w.!?]+")  # tags, spaces, emoji, quotes, dashes


def _opens_sentence(before: str) -> bool:
    """Whether a value placed after `before` starts its line or sentence."""
    words = _NOT_WORDS.sub("", before.rsplit("\n", 1)[-1])
    return not words or words[-1] in ".!?"


def _fill(template: str, lang: str, params: Mapping[str, Any],
          safe: Callable[[Any], Any]) -> str:
    """Format `template`, each language name written the way its place in the sentence asks."""
    out: list[str] = []
    for literal, field, _, _ in string.Formatter().parse(template):
        out.append(literal)
        if field is not None:
            value = params[field]
            if isinstance(value, LanguageName):  # the catalogue's text: its isolates stay
                named = name_in if value.reader else name_inside
                value = Markup(html.escape(named(value.code, lang, _opens_sentence(
                    "".join(out))), quote=False))
            out.append(str(safe(value)))
    return "".join(out)


def placeholders(template: str | Plural) -> frozenset[str]:
    """Return the {names} a template expects (every form's, and the count, for a Plural)."""
    if isinstance(template, Plural):
        return frozenset({template.argument}).union(*map(placeholders, template.forms.values()))
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


@dataclass(frozen=True)
class Counted:
    """A number with its noun ("3 words"), for a sentence that holds two counts: `key` names a
    plural table ("count-words") that the sentence's language renders for `count`."""

    key: str
    count: int


@dataclass(frozen=True)
class Said:
    """A sentence of its own as a placeholder value ("You will see it again on Monday."):
    `key` with its `params`, rendered in the sentence's language, so a bilingual line says it
    in each of its languages."""

    key: str
    params: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Day:
    """A school day as a placeholder value, written as the sentence's language writes a day
    ("Mon 14 Dec", "lun 14 dic"): a bilingual line names it in each of its languages."""

    value: date


# Values whose equal instances always render alike (and hash): the memo's keys hold only these
_KEPT_TYPES = frozenset({str, Markup, int, float, bool, type(None), LanguageName, Counted, Day})

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # date.weekday() order
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclass(frozen=True)
class Plural:
    """A prompt with one text per CLDR plural category, chosen by the count it is given."""

    forms: Mapping[str, str]
    argument: str = "count"

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> Plural:
        """Read `{ one = "...", other = "..." }`, with an optional `plural` argument name."""
        forms = {k: v for k, v in table.items() if k != "plural" and isinstance(v, str)}
        return cls(forms, str(table.get("plural", "count")))

    def pick(self, lang: str, params: Mapping[str, Any]) -> str:
        """Return the text `lang` writes for this count ("other" for a category not given)."""
        count = params.get(self.argument)
        category = plural_category(lang, count) \
            if isinstance(count, int) and not isinstance(count, bool) else OTHER
        return self.forms.get(category) or self.forms.get(OTHER) or next(iter(self.forms.values()))

    def problems(self, lang: str) -> list[str]:
        """List what is wrong with the table for `lang`'s plural rule."""
        found = [f"'{category}' is not a plural form in {lang}" for category in self.forms
                 if category not in plural_categories(lang)]
        if OTHER not in self.forms:
            found.append("has no 'other' form")
        found.extend(f"'{category}' leaves out {{{self.argument}}}, yet {lang} reads it "
                     f"for {covered[0]} and {covered[1]}"
                     for category, text in self.forms.items()
                     if self.argument not in placeholders(text)
                     and len(covered := _covered(lang, category)) > 1)
        return found


def _covered(lang: str, category: str) -> list[int]:
    """Counts (up to a thousand, and whole millions) that read `category` in `lang`."""
    counts = [*range(1000), 10**6, 2 * 10**6]
    return [n for n in counts if plural_category(lang, n) == category]


Template = str | Plural


def texts(template: Template) -> tuple[str, ...]:
    """Return every text a template can show: itself, or each form of a Plural."""
    return tuple(template.forms.values()) if isinstance(template, Plural) else (template,)


class PromptFiles(Mapping[str, Mapping[str, Template]]):
    """The prompts of every <lang>.toml in a folder, each file parsed when first asked for.

    Parsing all 13 files takes tens of milliseconds, a share of every start-up; `puente run`
    needs English before its first getUpdates and the rest a moment later (command menus), or
    when someone first writes in that language."""

    def __init__(self, directory: Path) -> None:
        self._paths = {path.stem: path for path in sorted(directory.glob("*.toml"))}
        self._parsed: dict[str, Mapping[str, Template]] = {}

    def __getitem__(self, lang: str) -> Mapping[str, Template]:
        parsed = self._parsed.get(lang)
        if parsed is None:
            with self._paths[lang].open("rb") as fh:
                parsed = {k: v if isinstance(v, str) else Plural.from_table(v)
                          for k, v in tomllib.load(fh).items() if isinstance(v, str | dict)}
            self._parsed[lang] = parsed
        return parsed

    def __contains__(self, lang: object) -> bool:
        return lang in self._paths  # without parsing the file

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)


# Rendered messages kept per catalogue: a graded tap renders a dozen (feedback, counter, the
# next question, the 🤷 label), the same few keys with the same words again and again, and
# rendering one costs about as much as an SQL statement (bench/graded_answers.py).
MEMO_SIZE = 4096


def _memo_key(*head: Any, params: Mapping[str, Any]) -> tuple | None:
    """A rendering's key: each value with its type (Markup "a<b" renders otherwise than str
    "a<b", True otherwise than 1); None when a value is of a type whose equal values may
    render differently (two equal datetimes in two zones) or not of a known type at all."""
    key = list(head)
    for name, value in params.items():
        kind = value.__class__
        if kind is Said:  # a sentence as a value: keyed by its own key and values, each kind
            # included (a wrong answer's "You will see it again tomorrow" was never kept)
            said = _memo_key(value.key, params=dict(value.params))
            if said is None:
                return None
            key += (name, kind, said)
        elif kind not in _KEPT_TYPES:
            return None
        else:
            key += (name, kind, value)
    return tuple(key)


@dataclass(frozen=True)
class Catalog:
    """Every prompt in every language (English read at start-up, the others when first used).

    Prompts never change once read, and rendering is a pure function of the key, the language
    and the values, so renderings are kept (MEMO_SIZE of them, then started afresh)."""

    messages: Mapping[str, Mapping[str, Template]]
    _memo: dict[tuple, Any] = dataclass_field(default_factory=dict, init=False, repr=False,
                                              compare=False)

    def _keep(self, key: tuple | None, rendered: Any) -> Any:
        """Keep a rendering under `key` (None: not kept), and return it."""
        if key is not None:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            self._memo[key] = rendered
        return rendered

    @classmethod
    def load(cls, directory: Path = PROMPTS_DIR) -> Catalog:
        """Find every <lang>.toml in `directory` and read the English reference now."""
        messages = PromptFiles(directory)
        if REFERENCE not in messages:
            raise FileNotFoundError(f"{directory}/{REFERENCE}.toml is missing")
        messages[REFERENCE]  # read English now: a broken reference fails the start, not a reply
        return cls(messages)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.messages)

    def has(self, key: str) -> bool:
        return key in self.messages[REFERENCE]

    def template(self, key: str, lang: str) -> tuple[str, Template]:
        """Return (language actually used, template) for a key, falling back to English."""
        own = self.messages.get(lang, {})
        if key in own:
            return lang, own[key]
        return REFERENCE, self.messages[REFERENCE][key]

    def _text(self, key: str, lang: str, params: Mapping[str, Any]) -> tuple[str, str]:
        """Return (language used, text): for a Plural, the form its count reads there."""
        used, template = self.template(key, lang)
        return used, template.pick(used, params) if isinstance(template, Plural) else template

    def render(self, key: str, lang: str, **params: Any) -> Markup:
        """Render one message in `lang` (English when the language lacks it) as Telegram HTML.

        Values are escaped unless they are Markup; numbers are shown as they are."""
        memo = _memo_key("render", key, lang, params=params)
        found = self._memo.get(memo) if memo is not None else None
        return found if found is not None else self._keep(memo, self._render(key, lang, params))

    def _render(self, key: str, lang: str, params: Mapping[str, Any]) -> Markup:
        used, template = self._text(key, lang, params)
        params = {k: self.render(v.key, used, count=v.count) if isinstance(v, Counted)
                  else self.render(v.key, used, **dict(v.params)) if isinstance(v, Said)
                  else self.day(used, v.value) if isinstance(v, Day) else v
                  for k, v in params.items()}
        if not is_rtl(used):
            text = self._format(template, used, params, _escaped)
            return Markup(spaced(text) if used in SPACED else text)
        text = _units_kept(self._format(_commands_kept(template), used, params,
                                         lambda v: _isolate(_escaped(v))))
        return Markup("\n".join(RLM + line if line else line for line in text.split("\n")))

    @staticmethod
    def _format(template: str, lang: str, params: Mapping[str, Any],
                safe: Callable[[Any], Any]) -> str:
        if any(isinstance(v, LanguageName) for v in params.values()):
            return _fill(template, lang, params, safe)
        return template.format(**{k: safe(v) for k, v in params.items()})

    def plain(self, key: str, lang: str, **params: Any) -> str:
        """Render one message as plain text, for places Telegram shows without HTML (buttons,
        poll questions, chart labels, the command menu)."""
        memo = _memo_key("plain", key, lang, params=params)
        found = self._memo.get(memo) if memo is not None else None
        return found if found is not None else self._keep(memo, self._plain(key, lang, params))

    def _plain(self, key: str, lang: str, params: Mapping[str, Any]) -> str:
        used, template = self._text(key, lang, params)
        params = {k: self.plain(v.key, used, count=v.count) if isinstance(v, Counted)
                  else self.plain(v.key, used, **dict(v.params)) if isinstance(v, Said)
                  else self.day(used, v.value) if isinstance(v, Day) else v
                  for k, v in params.items()}
        if is_rtl(used):
            return _units_kept(self._format(_commands_kept(template), used, params,
                                             lambda v: _isolate(_inert(v))))
        text = self._format(template, used, params, _inert)
        return spaced(text) if used in SPACED else text

    def day(self, lang: str, local: date) -> str:
        """A day with its weekday and date in `lang` ("Thu 24 Sep", "jue 24 sept")."""
        weekday = self.plain(f"weekday-{WEEKDAYS[local.weekday()]}", lang)
        month = self.plain(f"month-{MONTHS[local.month - 1]}", lang)
        return self.plain("date-day", lang, weekday=weekday, day=local.day, month=month)

    def bilingual(self, key: str, lang: str, *, english_first: bool = False,
                  **params: Any) -> Markup:
        """Render in the learner's language and English, or English alone for English
        (`english_first`: the English line on top, where `lang` is only a guess).

        Beside its own line, the English one names a language in English alone ("Vietnamese"):
        the line above names it as it names itself. Alone, it names both ("Persian (فارسی)")."""
        memo = _memo_key("bilingual", key, lang, english_first, params=params)
        found = self._memo.get(memo) if memo is not None else None
        return found if found is not None else self._keep(
            memo, self._bilingual(key, lang, english_first, params))

    def _bilingual(self, key: str, lang: str, english_first: bool, params: Mapping[str, Any]
                   ) -> Markup:
        if lang == REFERENCE or lang not in self.messages or key not in self.messages[lang]:
            return self.render(key, REFERENCE, **params)
        own = self.render(key, lang, **params)
        english = self.render(key, REFERENCE, **{
            k: LanguageName(v.code, reader=True) if isinstance(v, LanguageName) else v
            for k, v in params.items()})
        if own == english:
            return english
        return Markup(f"{english}\n{own}" if english_first else f"{own}\n{english}")

    def problems(self) -> list[str]:
        """List every missing key, placeholder mismatch against English and bad plural table."""
        reference = self.messages[REFERENCE]
        found = []
        for lang, own in self.messages.items():
            for key, template in reference.items():
                if key not in own:
                    found.append(f"{lang}: missing '{key}'")
                elif placeholders(own[key]) != placeholders(template):
                    found.append(f"{lang}: '{key}' has placeholders "
                                 f"{sorted(placeholders(own[key]))}, English has "
                                 f"{sorted(placeholders(template))}")
            found.extend(f"{lang}: '{key}' is not in English" for key in own
                         if key not in reference)
            found.extend(f"{lang}: '{key}' {problem}" for key, template in own.items()
                         if isinstance(template, Plural) for problem in template.problems(lang))
        return found


def own_line(text: str) -> str:
    """A value on a line of its own (a check's definition or sentence), in its own direction.

    Telegram takes a line's direction from its first strong letter: English reads left to
    right, and a line with right-to-left words starts with an RLM, so an Arabic definition
    that opens with an English term or a number still reads right to left. Markup stays
    Markup."""
    if not _has_right_to_left(str(text)):
        return text
    return Markup(RLM + text) if isinstance(text, Markup) else RLM + text


@lru_cache(maxsize=4096)  # a check's definitions and sentences come from its packs, again
def _has_right_to_left(text: str) -> bool:  # and again: each was looked up letter by letter
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def _escaped(value: Any) -> Any:
    return value if isinstance(value, int | float) else escape(value)


def _inert(value: Any) -> Any:
    return value if isinstance(value, int | float) else inert(str(value))


@cache
def _commands_kept(template: str) -> str:
    """A right-to-left template with each /command (and its arguments) isolated."""
    return _COMMAND.sub(lambda m: f"{FSI}{m[0]}{PDI}", template)


def _units_kept(text: str) -> str:
    """Isolate "1/3" as one unit (not 3/1), and each <code> element from outside only."""
    text = _COUNTER.sub(lambda m: f"{FSI}{m[1]}/{m[2]}{PDI}", text)
    return _CODE.sub(lambda m: f"{FSI}<code>{m[1].replace(FSI, '').replace(PDI, '')}</code>{PDI}",
                     text)


def _isolate(value: Any) -> Any:
    if isinstance(value, str) and value and "\n" not in value and not _right_to_left(value):
        return f"{FSI}{value}{PDI}"
    if isinstance(value, int | float):
        return f"{FSI}{value}{PDI}"
    return value


def _right_to_left(text: str) -> bool:
    """Whether a value is right-to-left words only, which need no isolate in a right-to-left
    sentence. Left bare, it joins a letter written onto it (ب + العربية = بالعربية): an
    isolate would cut the word in two on screen."""
    kinds = [unicodedata.bidirectional(c) for c in text]
    return kinds[0] in ("R", "AL") and kinds[-1] in ("R", "AL") and "L" not in kinds
