"""When words are ready on a weekend day, a student is told that day and the school day the
reminder comes: "on Monday" alone, on a Friday, told a child nothing was there until Monday,
while a Saturday /check asked words (playtest). A holiday or a day her family excused is
never named: the school or her family chose a day off, and the next school day is said."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.mastery import new_mastery, record_answer
from bot.domain.scaffold import ItemType
from bot.presentation.check_views import BACK
from bot.presentation.i18n import Catalog
from bot.presentation.progress_views import LATER, comes_back
from bot.services.readiness import BackOn, back_on, word_back
from tests.clock import START  # Monday 14 Sep 2026, 11:00 at school

TZ = ZoneInfo("America/New_York")
FRIDAY = START + timedelta(days=4)
LANGS = ("en", "es", "fr", "pt", "ht", "so", "hmn", "vi", "zh", "ar", "ko", "ru", "tl")


def ready_on(day: date, now: datetime = FRIDAY, holidays: frozenset[date] = frozenset(),
             excused: frozenset[date] = frozenset()) -> BackOn | None:
    """When a student is told her one word comes back, the word being due at noon on `day`."""
    state = replace(new_mastery(1, START),
                    due_at=datetime.combine(day, time(12), tzinfo=TZ))
    return back_on([state], now, TZ, holidays, excused)


def said(back: BackOn | None, catalog: Catalog, lang: str = "en",
         after_check: bool = False) -> str:
    """/progress's line (or a check's last line) for `back`."""
    assert back is not None
    key, values = comes_back(back, LATER[after_check])
    return str(catalog.render(key, lang, **values))


@pytest.mark.parametrize(("day", "name"), [(date(2026, 9, 19), "Saturday"),
                                           (date(2026, 9, 20), "Sunday")])
def test_words_ready_on_the_weekend_name_that_day_and_monday(
        catalog: Catalog, day: date, name: str) -> None:
    back = ready_on(day)
    assert said(back, catalog) == (f"✅ All done for now. More words come back on {name} "
                                   "(or on Monday, at school).")
    assert said(back, catalog, after_check=True) == (
        f"More words come back for review on {name} (or on Monday, at school).")


def test_words_ready_on_monday_still_say_monday_alone(catalog: Catalog) -> None:
    assert said(ready_on(date(2026, 9, 21)), catalog) == (
        "✅ All done for now. More words come back on Monday.")


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_says_the_weekend_day_apart_from_monday(catalog: Catalog,
                                                               lang: str) -> None:
    saturday, monday = said(ready_on(date(2026, 9, 19)), catalog, lang), \
        said(ready_on(date(2026, 9, 21)), catalog, lang)
    sunday = said(ready_on(date(2026, 9, 20)), catalog, lang)
    assert len({saturday, sunday, monday}) == 3
    assert saturday.count("\n") == 0  # one line, for a level-1 child too
    for key in ("progress-next-sat-mon", "check-short-next-sun-mon"):
        assert catalog.template(key, lang)[0] == lang  # its own, not English's


def test_a_holiday_on_a_weekday_is_not_named(catalog: Catalog) -> None:
    """Wednesday is a holiday: the school chose a day off, so Thursday is said, as before
    (only a weekend day is named beside the school day)."""
    back = ready_on(date(2026, 9, 9), START - timedelta(days=7),
                    holidays=frozenset({date(2026, 9, 9)}))
    assert said(back, catalog) == "✅ All done for now. More words come back on Thursday."


def test_a_day_her_family_excused_is_never_named(catalog: Catalog) -> None:
    """Her family said she will not be at school on Monday: she rests, so the words come back
    on Tuesday, said alone, as the reminder comes then."""
    back = ready_on(date(2026, 9, 21), excused=frozenset({date(2026, 9, 21)}))
    assert said(back, catalog) == "✅ All done for now. More words come back on Tuesday."


def test_a_long_weekend_names_the_saturday_by_its_date(catalog: Catalog) -> None:
    """Monday is a holiday: no "or on Monday" to say, so the Saturday is named by its date,
    and beside it Tuesday, the school day the reminder comes on."""
    back = ready_on(date(2026, 9, 19), holidays=frozenset({date(2026, 9, 21)}))
    assert said(back, catalog) == ("✅ All done for now. More words come back in 1 day "
                                   "(Sat 19 Sep, or Tue 22 Sep at school).")


@pytest.mark.parametrize(("today", "ready", "line"), [
    # Monday 28 Sep: a word ready Saturday 3 Oct is back at school Monday 5 Oct, a week on
    (date(2026, 9, 28), date(2026, 10, 3),
     "You will see it again in 5 days (Sat 3 Oct, or Mon 5 Oct at school)."),
    (date(2026, 9, 28), date(2026, 10, 4),
     "You will see it again in 6 days (Sun 4 Oct, or Mon 5 Oct at school)."),
    # Tuesday 29 Sep: Saturday 3 Oct's Monday is within the week, so named by its weekday
    (date(2026, 9, 29), date(2026, 10, 3),
     "You will see it again on Saturday (or on Monday, at school)."),
    # not a weekend day: the school day alone, as before
    (date(2026, 9, 28), date(2026, 10, 6), "You will see it again in 8 days (Tue 6 Oct)."),
])
def test_a_weekend_day_a_week_off_is_named_with_the_school_day_after_it(
        catalog: Catalog, today: date, ready: date, line: str) -> None:
    """Mon 28 Sep: "You will see it again in 5 days (Sat 3 Oct)" never said that at school
    the word comes on Mon 5 Oct, when the reminder comes (a Monday a week or more away is
    not named by its weekday: "on Monday" would not say which)."""
    now = datetime.combine(today, time(11), tzinfo=TZ)
    key, values = comes_back(ready_on(ready, now), BACK)
    assert catalog.render(key, "en", **values) == line


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_names_the_school_day_beside_a_dated_weekend_day(
        catalog: Catalog, lang: str) -> None:
    back = ready_on(date(2026, 10, 3), datetime.combine(date(2026, 9, 28), time(11), tzinfo=TZ))
    for prefix in (*LATER.values(), BACK):
        key, values = comes_back(back, prefix)
        line = unmarked(str(catalog.render(key, lang, **values)))
        assert catalog.template(key, lang)[0] == lang  # its own, not English's
        assert unmarked(catalog.day(lang, date(2026, 10, 5))) in line  # Mon 5 Oct, hers
        assert unmarked(catalog.day(lang, date(2026, 10, 3))) in line and "\n" not in line


def unmarked(text: str) -> str:
    """Text without the direction marks an Arabic line's digits get."""
    return text.translate({ord(mark): None for mark in "\u200e\u200f\u2066\u2067\u2068\u2069"})


def test_a_word_missed_on_friday_is_said_back_on_saturday_or_monday(catalog: Catalog) -> None:
    """A missed word's feedback says it as the check's last line does: a Saturday /check asks
    it first."""
    missed = record_answer(new_mastery(1, START), correct=False, exact=False,
                           item_type=ItemType.CHOICE, typed=False, now=FRIDAY,
                           local_day="2026-09-18")
    key, values = comes_back(word_back(missed, FRIDAY, TZ), BACK)
    assert catalog.render(key, "en", **values) == (
        "You will see it again on Saturday (or on Monday, at school).")
    excused = word_back(missed, FRIDAY, TZ, excused={date(2026, 9, 21)})
    key, values = comes_back(excused, BACK)  # Monday excused: no Monday to name
    assert catalog.render(key, "en", **values) == (
        "You will see it again in 1 day (Sat 19 Sep, or Tue 22 Sep at school).")
