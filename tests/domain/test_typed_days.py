"""/daysoff Fri 2 Oct: the ways a teacher types a day."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.typed_days import parse_day

TODAY = date(2026, 9, 14)  # a Monday


@pytest.mark.parametrize(("typed", "day"), [
    ("Fri 2 Oct", date(2026, 10, 2)),
    ("friday 2 october", date(2026, 10, 2)),
    ("2 Oct", date(2026, 10, 2)),
    ("Oct 2", date(2026, 10, 2)),
    ("Fri, Oct 2", date(2026, 10, 2)),
    ("2026-10-02", date(2026, 10, 2)),
    ("tomorrow", date(2026, 9, 15)),
    ("Today", date(2026, 9, 14)),
    ("5 Jan", date(2027, 1, 5)),  # the coming January, not the past one
    ("2 Sep", date(2026, 9, 2)),  # just gone: the caller refuses it kindly
    ("2 Oct 2027", date(2027, 10, 2)),
])
def test_a_typed_day_is_read(typed: str, day: date) -> None:
    assert parse_day(typed, TODAY) == day


@pytest.mark.parametrize("typed", ["Mon 2 Oct", "31 Sep", "soon", "2", "Oct", "2026-13-01",
                                   "2 Oct and 3 Oct", ""])
def test_what_names_no_day_is_none(typed: str) -> None:
    assert parse_day(typed, TODAY) is None


@pytest.mark.parametrize(("typed", "day"), [
    ("vie 2 de octubre", date(2026, 10, 2)),   # as Puente writes a date to a Spanish teacher
    ("viernes 2 de octubre", date(2026, 10, 2)),
    ("ven. 2 oct.", date(2026, 10, 2)),        # French
    ("le 2 octobre", date(2026, 10, 2)),
    ("sex 2 out", date(2026, 10, 2)),          # Portuguese: sexta-feira, outubro
    ("mar 6 oct", date(2026, 10, 6)),          # martes / mardi
    ("Mar 3", date(2027, 3, 3)),               # March, when no month follows
    ("mañana", date(2026, 9, 29)), ("demain", date(2026, 9, 29)), ("hoje", date(2026, 9, 28)),
])
def test_a_day_in_spanish_french_or_portuguese_is_read(typed: str, day: date) -> None:
    """Chaos playtest: "/daysoff vie 2 oct" and "/daysoff mañana" were refused from a Spanish
    teacher, although Puente itself writes dates as "vie 2 de octubre"."""
    assert parse_day(typed, date(2026, 9, 28)) == day


def test_a_spanish_weekday_that_does_not_match_its_date_is_refused() -> None:
    assert parse_day("lun 2 de octubre", date(2026, 9, 28)) is None  # 2 Oct is a Friday
