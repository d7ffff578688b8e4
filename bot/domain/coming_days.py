"""Whether a family's own words say the child will miss a coming day ("Ana no va a ir a la
escuela mañana", "Jb p ap ale lekòl demen", "明天他不去学校", "she will miss school on
Thursday"), and which: tomorrow, the day after, or a weekday of the coming week (the next one
of that name; the weekday of today is no day here: today's, or a week on?). Such words got
no button at all, and the family had to find the ready-made "not at school on DAY" in the 📝
list (playtest): they now offer to send their words and excuse that day.

An absence phrase (sick_words.ABSENT) in a clause that names a coming day, or in a message
that names exactly one, counts; not when a negator stands just before it ("she won't miss
school tomorrow", "ya no va a faltar mañana"), nor in a question ("Will she miss school
tomorrow?"), nor in a clause about a day gone ("she was absent on Monday", "faltó el
lunes", "上周一没去学校"), nor one about today ("absent today, back tomorrow": today's own
button is for that). A message naming two coming days names none: the 📝 list asks which."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta

from bot.domain.day_words import DAYS_AHEAD, WEEKDAY_NAMES
from bot.domain.sick_words import (
    ABSENT,
    NOT_OTHER_DAY,
    PAST_DAYS,
    TODAY,
    languages_of,
    negated,
)
from bot.domain.word_lists import has, marked, places, spaced, words

# Said of a day gone: a clause with one speaks of a past absence, not a coming one
PAST_MARKERS: dict[str, tuple[str, ...]] = {
    "en": ("was", "were", "missed", "did", "last", "ago"),
    "es": ("faltó", "falto a", "fue", "vino", "estuvo", "pudo"),
    "fr": ("était", "etait", "a manqué", "est pas venu", "est pas venue", "dernier", "a été",
           "a pas pu"),
    "pt": ("faltou", "foi", "veio", "passada", "passado", "esteve"),
    "ht": ("te", "t"),  # Kreyòl's past marker: "li pa t vini lendi"
    "so": ("hore",),
    "hmn": ("dhau los", "tas los"),
    "vi": ("đã", "vừa"),
    "zh": ("没去", "沒去", "没来", "沒來", "上周", "上个", "上個"),
    "ar": ("كان", "كانت", "غاب", "غابت", "الماضي"),
    "ko": ("지난*",),
    "ru": ("был", "была", "пропустил*", "пришёл", "пришел", "пришла", "прошл*"),
    "tl": ("lumiban", "nakapasok", "noong"),
}
AHEAD = 7  # a weekday names a day at most this many days on
_WEEKDAY, _AHEAD = "weekday", "ahead"


def coming_absence(text: str, language: str, today: date) -> date | None:
    """The coming day (tomorrow to AHEAD days on) `text`, written by a family member who reads
    `language`, says the child will not be at school, read as sick_words reads a text (its
    language, English, the language it is written in); None when it says none, or two."""
    for code in languages_of(text, language):
        day = _absence_in(text, code, today)
        if day is not None:
            return day
    return None


def _absence_in(text: str, language: str, today: date) -> date | None:
    """coming_absence in one language (and English)."""
    clauses = [(clause, tokens) for clause, tokens, asked in
               marked(text, NOT_OTHER_DAY.get(language, ())) if not asked
               and not has(PAST_DAYS, clause, tokens, language)
               and not has(PAST_MARKERS, clause, tokens, language)]
    named = [_days_named(clause, tokens, language) for clause, tokens in clauses]
    away = [days for (clause, tokens), days in zip(clauses, named, strict=True)
            if _absent(clause, tokens, language)
            and (days or not has(TODAY, clause, tokens, language))]
    if not away:
        return None
    days = set().union(*away) or set().union(*named)
    found = {_resolved(kind, value, today) for kind, value in days}
    return found.pop() if len(found) == 1 else None


def _absent(clause: str, tokens: list[str], language: str) -> bool:
    """Whether the clause says "not at school" (an absence phrase, not negated)."""
    return any(not negated(at, word, clause, tokens, language)
               for word in words(ABSENT, language) for at in places(word, clause, tokens))


def _days_named(clause: str, tokens: list[str], language: str) -> set[tuple[str, int]]:
    """The coming days a clause names: (_AHEAD, days on) or (_WEEKDAY, Monday 0)."""
    return days_named(clause, tokens, language, ((_AHEAD, DAYS_AHEAD), (_WEEKDAY, WEEKDAY_NAMES)))


def days_named(clause: str, tokens: list[str], language: str,
               tables: tuple[tuple[str, dict[str, dict[str, int]]], ...]
               ) -> set[tuple[str, int]]:
    """The days a clause names from `tables` ((kind, day words by language)) in `language`
    and English, as (kind, number); a longer phrase first, so "pasado mañana" is not also
    "mañana"."""
    listed = {unicodedata.normalize("NFC", word): (kind, n)
              for kind, table in tables
              for code in (language, "en") for word, n in table.get(code, {}).items()}
    taken: set[int] = set()
    found: set[tuple[str, int]] = set()
    for word in sorted(listed, key=lambda w: (len(w.split()), len(w)), reverse=True):
        size = len(word.split()) if spaced(word) else len(word)
        for at in places(word, clause, tokens):
            span = set(range(at, at + size)) if spaced(word) else \
                {-1 - i for i in range(at, at + size)}  # characters apart from words
            if not span & taken:
                taken |= span
                found.add(listed[word])
    return found


def _resolved(kind: str, value: int, today: date) -> date | None:
    """The date a named day is: days on from today, or the next such weekday (None for
    today's weekday, which may mean today or a week on)."""
    if kind == _AHEAD:
        return today + timedelta(days=value)
    ahead = (value - today.weekday()) % 7
    return today + timedelta(days=ahead) if 0 < ahead <= AHEAD else None
