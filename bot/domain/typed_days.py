"""Days as a teacher types them after a command: "Fri 2 Oct", "2 Oct", "Oct 2", "2026-10-02",
"today", "tomorrow" (/daysoff Fri 2 Oct ignored the date, playtest), and the same in Spanish,
French and Portuguese, the way Puente writes them to a teacher ("vie 2 de octubre", "ven. 2
oct.", "sex 2 out", "mañana"): a Spanish teacher's /daysoff with Puente's own date was refused
(chaos playtest)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

# Month and weekday names by the letters they start with (accents dropped), month number or
# weekday (Monday 0). The languages share some: "mar" is March and the Spanish and French
# Tuesday, so a first word that reads as both is tried both ways.
_MONTHS: dict[str, int] = {
    **{m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                       "sep", "oct", "nov", "dec"))},
    "ene": 1, "abr": 4, "ago": 8, "set": 9, "dic": 12,              # Spanish (set: setiembre)
    "janv": 1, "fev": 2, "avr": 4, "mai": 5, "juin": 6, "juil": 7,  # French
    "aou": 8,
    "out": 10, "dez": 12,                                           # Portuguese
}
_WEEKDAYS: dict[str, int] = {
    **{d: i for i, d in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))},
    "lun": 0, "mar": 1, "mie": 2, "jue": 3, "vie": 4, "sab": 5, "dom": 6,  # Spanish
    "mer": 2, "jeu": 3, "ven": 4, "sam": 5, "dim": 6,                      # French
    "seg": 0, "ter": 1, "qua": 2, "qui": 3, "sex": 4,                      # Portuguese
}
_TODAY = frozenset({"today", "hoy", "aujourd'hui", "aujourdhui", "hoje"})
_TOMORROW = frozenset({"tomorrow", "manana", "demain", "amanha"})
# Words between a day and its month: "2 de octubre", "le 2 octobre"
_FILLERS = frozenset({"de", "del", "le"})
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WORD = re.compile(r"[a-z]+|\d+")


def _folded(text: str) -> str:
    """Lower case, accents dropped ("mañana" is "manana", "févr." is "fevr.")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.strip().lower())
                   if not unicodedata.combining(c))


def _starts(word: str, names: dict[str, int]) -> list[int]:
    """What `word` names in `names` (the longest prefix first: "juin" before "jun")."""
    return [names[n] for n in sorted(names, key=len, reverse=True) if word.startswith(n)][:1]
# A day named without its year is the one nearest today: "2 Oct" typed in December is the
# past October's (refused kindly), "5 Jan" typed in December the coming January's.
HALF_YEAR = timedelta(days=183)


def parse_day(text: str, today: date) -> date | None:
    """The day `text` names, read against the school's `today`; None when it names none (or
    a weekday that does not match its date: "Mon 2 Oct" when 2 Oct is a Friday)."""
    typed = _folded(text).rstrip(".")
    if typed in _TODAY | _TOMORROW:
        return today + timedelta(days=typed in _TOMORROW)
    iso = _ISO.match(typed)
    if iso is not None:
        return _date(int(iso[1]), int(iso[2]), int(iso[3]))
    words = [w for w in _WORD.findall(typed) if w not in _FILLERS]
    weekdays = _starts(words[0], _WEEKDAYS) if words and not words[0].isdigit() else []
    for weekday in [*weekdays, None]:  # "mar 3 nov" is Tuesday; "Mar 3" is March
        day = _day(words[1:] if weekday is not None else words, today)
        if day is not None and (weekday is None or day.weekday() == weekday):
            return day
        if day is not None or (weekday is not None and len(words) > 2):
            return None  # a weekday that does not match its date is refused, not re-read
    return None


def _day(rest: list[str], today: date) -> date | None:
    """The date a day number and a month (and maybe a year) name, or None."""
    numbers = [int(w) for w in rest if w.isdigit()]
    months = [m for w in rest if not w.isdigit() for m in _starts(w, _MONTHS)]
    if len(numbers) not in (1, 2) or len(months) != 1 or len(rest) != len(numbers) + 1:
        return None
    return _nearest(months[0], numbers[0], today) if len(numbers) == 1 else \
        _date(numbers[1], months[0], numbers[0])


def _date(year: int, month: int, day: int) -> date | None:
    """The date, or None when there is no such day (31 Sep)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest(month: int, day: int, today: date) -> date | None:
    """The `day` of `month` nearest `today` (this year's, last year's or next year's)."""
    found = [d for year in (today.year - 1, today.year, today.year + 1)
             if (d := _date(year, month, day)) is not None]
    return min(found, key=lambda d: abs(d - today), default=None)
