"""A family's words about a school day gone ("Jb pa t ale lekòl yè, li te malad") name that
day, never today (Haitian playtest: they excused Tuesday, the day he could attend)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.family_notes import ABSENT, SICK, OwnWords, own_words
from bot.domain.past_days import past_absence

TUESDAY, MONDAY, FRIDAY = date(2026, 9, 15), date(2026, 9, 14), date(2026, 9, 11)


@pytest.mark.parametrize(("text", "language"), [
    ("Jb pa t ale lekòl yè, li te malad", "ht"),
    ("Jb pa t ale lekòl, li te malad", "ht"),
    ("Jean-Baptiste n'est pas allé à l'école hier, il était malade", "ht"),
    ("He was sick yesterday", "en"),
    ("Ana faltó ayer, tenía fiebre", "es"),
    ("Ele ficou doente ontem", "pt"),
    ("Hôm qua cháu bị ốm", "vi"),
    ("昨天他生病了，没去学校", "zh"),
    ("كان مريض أمس", "ar"),
    ("어제 아파서 학교에 못 갔어요", "ko"),
    ("Вчера он был болен", "ru"),
    ("May sakit siya kahapon", "tl"),
])
def test_words_about_yesterday_name_the_last_school_day(text: str, language: str) -> None:
    assert past_absence(text, language, TUESDAY) == (MONDAY, True)
    assert own_words(text, language, TUESDAY) == OwnWords(SICK, MONDAY)


def test_yesterday_on_a_monday_is_friday_and_a_day_off_is_skipped() -> None:
    text = "Jb pa t ale lekòl yè"
    assert own_words(text, "ht", MONDAY) == OwnWords(ABSENT, FRIDAY)
    assert own_words(text, "ht", MONDAY, {FRIDAY}) == OwnWords(ABSENT, date(2026, 9, 10))


def test_the_day_before_and_a_weekday_gone_name_their_day() -> None:
    thursday = date(2026, 9, 17)
    assert past_absence("li te malad avan yè", "ht", thursday) == (TUESDAY, True)
    assert past_absence("faltó el lunes", "es", thursday) == (MONDAY, False)


@pytest.mark.parametrize(("text", "language"), [
    ("Jb malad jodi a", "ht"),  # today
    ("li malad depi yè", "ht"),  # still sick: today
    ("She was sick yesterday but she is fine today", "en"),
    ("he was sick all night, he can't come", "en"),  # said now
    ("li te malad yè, li p ap vini demen", "ht"),  # a day to come
    ("he wasn't sick yesterday", "en"),
    ("yesterday we went to the park", "en"),
    ("Was he absent yesterday?", "en"),
])
def test_words_that_speak_of_today_or_nothing_missed_name_no_day_gone(
        text: str, language: str) -> None:
    assert past_absence(text, language, TUESDAY) is None
