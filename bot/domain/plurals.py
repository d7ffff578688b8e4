"""Which plural form a count takes in each language: CLDR's cardinal rules, for whole numbers.

A prompt can give one text per category ("1 word", "2 words"); these rules say which one a
count reads. Counts in Puente are whole numbers, so the rules below keep only CLDR's integer
conditions (v = 0). Haitian Creole and Hmong have no CLDR rule and take CLDR's root rule, as
Chinese, Korean and Vietnamese do: a noun does not change with its number, so "other" alone.
"""

from __future__ import annotations

from collections.abc import Callable

OTHER = "other"
CATEGORIES = ("zero", "one", "two", "few", "many", OTHER)  # CLDR's names, in CLDR's order


def _only_other(n: int) -> str:
    return OTHER


def _one_is_one(n: int) -> str:  # en, so
    return "one" if n == 1 else OTHER


def _millions_many(n: int) -> str | None:
    """fr, es, pt: "1 000 000 de mots" / "un millón de palabras" takes "de"."""
    return "many" if n != 0 and n % 1_000_000 == 0 else None


def _spanish(n: int) -> str:
    return "one" if n == 1 else _millions_many(n) or OTHER


def _french(n: int) -> str:  # CLDR "pt" (Brazil) has the same rule: 0 and 1 are singular
    return "one" if n in (0, 1) else _millions_many(n) or OTHER


def _russian(n: int) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return "one"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "few"
    return "many"  # "other" is for fractions, which a count never is


def _arabic(n: int) -> str:
    if n in (0, 1, 2):
        return ("zero", "one", "two")[n]
    if 3 <= n % 100 <= 10:
        return "few"
    if 11 <= n % 100 <= 99:
        return "many"
    return OTHER  # 100, 101, 102, 200, ...


def _tagalog(n: int) -> str:
    # Decides how the number is read before a noun ("isang salita", "apat na salita").
    return OTHER if n % 10 in (4, 6, 9) else "one"


_RULES: dict[str, tuple[Callable[[int], str], frozenset[str]]] = {
    "ar": (_arabic, frozenset(CATEGORIES)),
    "en": (_one_is_one, frozenset({"one", OTHER})),
    "es": (_spanish, frozenset({"one", "many", OTHER})),
    "fr": (_french, frozenset({"one", "many", OTHER})),
    "pt": (_french, frozenset({"one", "many", OTHER})),
    "ru": (_russian, frozenset({"one", "few", "many", OTHER})),
    "so": (_one_is_one, frozenset({"one", OTHER})),
    "tl": (_tagalog, frozenset({"one", OTHER})),
}
_ROOT = (_only_other, frozenset({OTHER}))  # hmn, ht, ko, vi, zh and any language not listed


def plural_category(lang: str, count: int) -> str:
    """Return the CLDR category ("one", "few", ...) a whole `count` takes in `lang`."""
    return _RULES.get(lang, _ROOT)[0](abs(count))


def plural_categories(lang: str) -> frozenset[str]:
    """Return every category `lang` distinguishes; a text for any other is never read."""
    return _RULES.get(lang, _ROOT)[1]
