"""Whether a family's own words say the child missed a school day gone ("Jb pa t ale lekòl yè,
li te malad", "Ana faltó ayer, tenía fiebre", "he was sick yesterday"), and which: the last
school day before today (yesterday: Monday's, on a Monday, is Friday's), the one before it,
or a weekday of the week gone. Such words were read as "sick today": a Haitian mother's
Tuesday-morning note about Monday offered to excuse TUESDAY, a day he could attend, and the
teacher read "excused: Tue" (playtest). They now offer the day gone instead.

Every clause that says sick or absent must speak of a day gone: a word for one (DAYS_BACK,
sick_words.PAST_DAYS, a weekday with a past marker), a past marker ("te", "was", "faltó",
coming_days.PAST_MARKERS) or a past absence ("didn't go", "pa t ale"); a message that names
today ("sick yesterday and today"), says it goes on ("since yesterday", "still"), or names a
day to come is read as before, as is one with a clause in the present ("he was sick all night,
he can't come"). Negated ("he wasn't sick") or asked, a clause says nothing."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta

from bot.domain.coming_days import PAST_MARKERS, days_named
from bot.domain.day_words import DAYS_AHEAD, DAYS_BACK, WEEKDAY_NAMES
from bot.domain.school_days import is_school_day, previous_school_day
from bot.domain.sick_words import (
    ABSENT,
    LATER,
    NOT_OTHER_DAY,
    OTHER_DAYS,
    PAST_DAYS,
    SICK_WORDS,
    SINCE,
    TODAY,
    languages_of,
    negated,
)
from bot.domain.word_lists import has, marked, places, words

# Said of an absence gone: "didn't go", "pa t ale", "n'est pas venu" (not in ABSENT, which is
# said of today or a day to come)
PAST_ABSENT: dict[str, tuple[str, ...]] = {
    "en": ("did not go", "did not come", "was not at school", "was not in school",
           "missed school", "missed class", "stayed home", "stayed at home", "was absent",
           "could not go", "could not come"),
    "es": ("no fue", "no vino", "no pudo ir", "no pudo venir", "faltó", "falto",
           "se quedó en casa", "estuvo ausente"),
    "fr": ("pas allé", "pas allée", "pas venu", "pas venue", "pas pu venir", "pas pu aller",
           "resté à la maison", "restée à la maison", "a manqué", "était absent",
           "était absente"),
    "pt": ("não foi", "nao foi", "não veio", "nao veio", "faltou", "ficou em casa",
           "não pôde ir", "não pode ir"),
    "ht": ("pa t ale", "pa t al", "pat ale", "pat al", "pa t vini", "pat vini", "pa t ka vini",
           "pa t ka ale", "te absan", "te rete lakay"),
    "so": ("ma iman*", "ma tagin*", "maqnaa*"),
    "hmn": ("tsis tau mus", "tsis tau tuaj"),
    "vi": ("đã nghỉ", "không đi học", "đã vắng"),
    "zh": ("没去", "沒去", "没来", "沒來", "没上学", "沒上學"),
    "ar": ("لم يذهب", "لم تذهب", "لم يحضر", "لم تحضر", "غاب", "غابت"),
    "ko": ("못 갔*", "안 갔*", "결석했*"),
    "ru": ("не пришёл", "не пришел", "не пришла", "не ходил*", "пропустил*"),
    "tl": ("hindi nakapasok", "di nakapasok", "lumiban", "hindi pumasok", "di pumasok"),
}
# Past verbs beside a sick word ("tenía fiebre", "il avait de la fièvre"), besides
# coming_days.PAST_MARKERS
PAST_VERBS: dict[str, tuple[str, ...]] = {
    "en": ("had", "felt"), "es": ("tenía", "tenia", "tuvo", "estaba", "estuvo", "amaneció"),
    "fr": ("avait", "a eu", "était", "etait"), "pt": ("estava", "teve", "tinha", "ficou"),
    "tl": ("nagkasakit", "nilagnat"),
}
BACK = 7  # a weekday names a day at most this many days back
_BACK, _AHEAD, _WEEKDAY = "back", "ahead", "weekday"


def past_absence(text: str, language: str, today: date, holidays: Collection[date] = ()
                 ) -> tuple[date, bool] | None:
    """The school day gone `text`, written by a family member who reads `language`, says the
    child missed, and whether it says sick (read as sick_words reads a text: its language,
    English, the language it is written in); None when it says none, or speaks of today."""
    for code in languages_of(text, language):
        found = _past_in(text, code, today, holidays)
        if found is not None:
            return found
    return None


def days_back(today: date, holidays: Collection[date] = ()) -> list[date]:
    """The school days a family's words may name gone: BACK days back to yesterday."""
    days = (today - timedelta(days=n) for n in range(BACK, 0, -1))
    return [day for day in days if is_school_day(day, holidays)]


def _past_in(text: str, language: str, today: date, holidays: Collection[date]
             ) -> tuple[date, bool] | None:
    """past_absence in one language (and English)."""
    clauses = [(clause, tokens) for clause, tokens, asked in
               marked(text, NOT_OTHER_DAY.get(language, ())) if not asked]
    if any(has(TODAY, c, t, language) or has(LATER, c, t, language)
           or days_named(c, t, language, ((_AHEAD, DAYS_AHEAD),))
           or (has(OTHER_DAYS, c, t, language) and not _gone(c, t, language))
           for c, t in clauses):
        return None  # today's, or a day to come: read as before
    sick = [(c, t) for c, t in clauses if _said(SICK_WORDS, c, t, language)]
    said = sick + [(c, t) for c, t in clauses if (c, t) not in sick and (
        _said(ABSENT, c, t, language) or _said(PAST_ABSENT, c, t, language))]
    if not said or any(not _gone(c, t, language) or has(SINCE, c, t, language)
                       for c, t in said):
        return None
    named = set().union(*(_named(c, t, language) for c, t in said)) or \
        set().union(*(_named(c, t, language) for c, t in clauses))
    found = {_resolved(kind, n, today, holidays) for kind, n in named} or \
        {previous_school_day(today, holidays)}
    day = found.pop() if len(found) == 1 else None
    return (day, bool(sick)) if day is not None and day in days_back(today, holidays) \
        else None


def _said(table: dict[str, tuple[str, ...]], clause: str, tokens: list[str],
          language: str) -> bool:
    """Whether the clause holds a word of `table`, not negated ("he wasn't sick")."""
    return any(not negated(at, word, clause, tokens, language)
               for word in words(table, language) for at in places(word, clause, tokens))


def _gone(clause: str, tokens: list[str], language: str) -> bool:
    """Whether the clause speaks of a day gone: a word for one, a past marker, an absence
    gone."""
    return any(has(table, clause, tokens, language)
               for table in (PAST_DAYS, PAST_MARKERS, PAST_ABSENT, PAST_VERBS)) or \
        bool(days_named(clause, tokens, language, ((_BACK, DAYS_BACK),)))


def _named(clause: str, tokens: list[str], language: str) -> set[tuple[str, int]]:
    """The days gone a clause names: (_BACK, days back) or (_WEEKDAY, Monday 0)."""
    return days_named(clause, tokens, language, ((_BACK, DAYS_BACK),
                                                 (_WEEKDAY, WEEKDAY_NAMES)))


def _resolved(kind: str, value: int, today: date, holidays: Collection[date]) -> date:
    """The date a named day gone is: the school day `value` school days back, or the last
    such weekday before today."""
    if kind == _WEEKDAY:
        return today - timedelta(days=(today.weekday() - value - 1) % 7 + 1)
    day = today
    for _ in range(value):
        day = previous_school_day(day, holidays)
    return day
