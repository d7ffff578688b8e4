"""Which days and times a ready-made announcement may name, and how a tapped choice is checked
(button data is forgeable: a day gone by is said kindly, anything never offered is refused)."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.domain.ready_announcements import (
    DayGoneError,
    ForgedReadyError,
    ReadyChoice,
    choose,
    day_page,
    days_ahead,
    page_arg,
    when_arg,
)

MONDAY = date(2026, 9, 14)


def test_the_next_ten_school_days_skip_today_weekends_and_holidays() -> None:
    days = days_ahead(MONDAY, holidays={date(2026, 9, 16)})
    assert days[0] == date(2026, 9, 15) and date(2026, 9, 16) not in days
    assert len(days) == 10 and all(day.weekday() < 5 for day in days)
    assert days[-1] == date(2026, 9, 29)


def test_a_choice_asks_for_what_its_words_still_need() -> None:
    assert ReadyChoice("closed").needs == "day"
    assert ReadyChoice("meeting", date(2026, 9, 17)).needs == "time"
    assert ReadyChoice("meeting", date(2026, 9, 17), time(15)).needs is None
    assert ReadyChoice("interpreter").needs is None


def test_a_day_and_time_offered_are_chosen() -> None:
    chosen = choose("early", when_arg(date(2026, 9, 18), time(13)), MONDAY)
    assert chosen == ReadyChoice("early", date(2026, 9, 18), time(13))
    assert choose("early", "20260918", MONDAY).needs == "time"


def test_the_hour_then_the_half_hour_is_chosen() -> None:
    """Half hours (a 12:30 closing, playtest), chosen in two small menus."""
    hour = choose("early", when_arg(date(2026, 9, 18), hour=12), MONDAY)
    assert hour == ReadyChoice("early", date(2026, 9, 18), None, 0, 12)
    assert hour.needs == "time"
    half = choose("early", when_arg(date(2026, 9, 18), time(12, 30)), MONDAY)
    assert half == ReadyChoice("early", date(2026, 9, 18), time(12, 30))


@pytest.mark.parametrize("when", ["20260914", "20260901", "20261230", "20260919"])
def test_today_a_past_a_far_or_a_weekend_day_is_gone(when: str) -> None:
    with pytest.raises(DayGoneError):
        choose("closed", when, MONDAY)


def test_a_holiday_declared_since_the_menu_is_gone() -> None:
    with pytest.raises(DayGoneError):
        choose("closed", "20260918", MONDAY, holidays={date(2026, 9, 18)})


@pytest.mark.parametrize(("name", "when"), [
    ("party", None), ("closed", "20260918-1500"), ("interpreter", "20260918"),
    ("early", "20260918-0300"), ("early", "20260918-1545"), ("early", "20260918-1830"),
    ("early", "20260918-09"), ("closed", "20260918-15"), ("closed", "20260231"),
    ("closed", "2026-09-18"), ("meeting", "20260918-2500")])
def test_what_no_menu_offered_is_forged(name: str, when: str | None) -> None:
    with pytest.raises(ForgedReadyError):
        choose(name, when, MONDAY)


def test_later_pages_reach_school_days_up_to_sixty_days_ahead_and_no_further() -> None:
    first, second = day_page(MONDAY), day_page(MONDAY, number=1)
    assert not first.earlier and first.later and second.earlier
    assert second.days[0] == date(2026, 9, 29) and len(second.days) == 10
    last = day_page(MONDAY, number=99)  # past the end: the last page
    assert not last.later and last.days[-1] == date(2026, 11, 13)
    assert choose("trip", "20261113", MONDAY).day == date(2026, 11, 13)
    assert choose("trip", page_arg(4), MONDAY).page == 4
    with pytest.raises(DayGoneError):  # beyond the menu's 60 days: no day offered
        choose("trip", "20261116", MONDAY)
    for forged in ("p5", "p99", "pp", "p-1"):
        with pytest.raises(ForgedReadyError):
            choose("trip", forged, MONDAY)
    with pytest.raises(ForgedReadyError):  # no day to page for
        choose("interpreter", "p1", MONDAY)
