"""Dates a teacher reads ("Tue 08:00", "Thu 24 Sep") in the teacher's language: the weekday
and month names of the catalogue, in the order each language writes a date."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.domain.language import SUPPORTED_UI
from bot.presentation.i18n import Catalog
from bot.presentation.push_views import MONTHS, WEEKDAYS, day, when
from bot.presentation.report_student import back_text

SCHOOL = ZoneInfo("America/New_York")
TUESDAY_8AM = datetime(2026, 9, 22, 12, 0, tzinfo=UTC)  # 08:00 at school
THURSDAY = date(2026, 9, 24)

# What each language reads; the names are for a native speaker to check at a glance.
EXPECTED = {
    "en": ("Tue 08:00", "Thu 24 Sep"),
    "es": ("mar 08:00", "jue 24 de septiembre"),
    "fr": ("mar. 08:00", "jeu. 24 sept."),
    "pt": ("ter 08:00", "qui 24 de set"),
    "ru": ("вт 08:00", "чт, 24 сент."),
    "ar": ("الثلاثاء 08:00", "الخميس 24 سبتمبر"),
    "zh": ("周二 08:00", "9月24日周四"),
    "ko": ("화요일 08:00", "9월 24일 (목)"),
    "vi": ("08:00 Thứ Ba", "Thứ Năm, 24 tháng 9"),
    "tl": ("Mar 08:00", "Huw, Setyembre 24"),
    "ht": ("madi 08:00", "jedi 24 septanm"),
    "so": ("Talaado 08:00", "Khamiis 24 Sebtembar"),
    "hmn": ("Hnub Ob 08:00", "Hnub Plaub tim 24 Lub Cuaj Hlis"),
}


def _shown(text: str) -> str:
    return text.replace("\u2068", "").replace("\u2069", "")  # Arabic isolates the numbers


def test_every_language_is_checked() -> None:
    assert set(EXPECTED) == set(SUPPORTED_UI)


@pytest.mark.parametrize("lang", sorted(EXPECTED))
def test_a_push_time_and_a_school_day_read_in_the_teachers_language(
        catalog: Catalog, lang: str) -> None:
    assert (_shown(when(catalog, lang, TUESDAY_8AM, SCHOOL)),
            _shown(day(catalog, lang, THURSDAY))) == EXPECTED[lang]


@pytest.mark.parametrize("lang", SUPPORTED_UI)
def test_every_language_names_seven_weekdays_and_twelve_months_as_plain_text(
        catalog: Catalog, lang: str) -> None:
    own = catalog.messages[lang]
    weekdays = [own[f"weekday-{d}"] for d in WEEKDAYS]
    months = [own[f"month-{m}"] for m in MONTHS]
    assert {k for k in own if k.startswith(("weekday-", "month-"))} == {
        *(f"weekday-{d}" for d in WEEKDAYS), *(f"month-{m}" for m in MONTHS)}
    assert len(set(weekdays)) == 7 and len(set(months)) == 12  # no name given twice
    for name in weekdays + months:
        assert isinstance(name, str) and name == name.strip() and name, (lang, name)
        assert not set(name) & set("<>&{}"), (lang, name)  # plain text, no placeholder


def test_every_day_of_a_year_reads_with_its_own_weekday_and_month(catalog: Catalog) -> None:
    shown = {day(catalog, "es", date(2026, month, 1)) for month in range(1, 13)}
    assert len(shown) == 12
    week = [when(catalog, "zh", datetime(2026, 9, 21 + n, 12, tzinfo=UTC), SCHOOL)
            for n in range(7)]
    assert week == [f"周{d} 08:00" for d in "一二三四五六日"]


def test_back_names_the_day_in_the_readers_language(catalog: Catalog) -> None:
    assert back_text(THURSDAY, date(2026, 9, 22), catalog, "en") == (
        "back Thu 24 Sep")
    assert back_text(THURSDAY, date(2026, 9, 22), catalog, "zh") == (
        "9月24日周四再复习")
    assert back_text(THURSDAY, THURSDAY, catalog, "es") == (
        "vuelve hoy")


@pytest.mark.parametrize("lang", SUPPORTED_UI)
def test_a_tuesday_in_march_never_reads_as_two_of_the_same_word(catalog: Catalog,
                                                                 lang: str) -> None:
    # Spanish "mar" is both martes and marzo, Tagalog "Mar" both Martes and Marso: "mar 9
    # mar" told a teacher nothing (playtest 9); the month is written out there
    words = day(catalog, lang, date(2027, 3, 9)).replace(",", " ").split()
    assert len(words) == len(set(words)), words


@pytest.mark.parametrize("lang", SUPPORTED_UI)
def test_a_student_is_told_five_different_school_days_in_every_language(
        catalog: Catalog, lang: str) -> None:
    # "More words come back on Monday" to "on Friday", five sentences, each its own (a copied
    # line would send a child back on the wrong day); a weekend day is said only beside the
    # Monday after it ("on Saturday (or on Monday, at school)"), two sentences more
    for kind in ("progress-next", "check-short-next", "feedback-back"):
        said = {catalog.plain(f"{kind}-{d}", lang) for d in (*WEEKDAYS[:5], "sat-mon",
                                                             "sun-mon")}
        assert len(said) == 7, (lang, kind)
        assert not any(f"{kind}-{d}" in catalog.messages["en"] for d in WEEKDAYS[5:])
