"""A family's own words that say the child will miss a coming school day, in each language
Puente speaks, and which day; and words that only look like it (she WILL go, a day gone, a
question)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.coming_days import coming_absence
from bot.domain.day_words import DAYS_AHEAD, WEEKDAY_NAMES
from bot.domain.family_notes import ABSENT, SICK, OwnWords, days_ahead, own_words
from bot.domain.sick_words import SICK_WORDS

TUESDAY = date(2026, 9, 15)
WEDNESDAY, THURSDAY, FRIDAY = date(2026, 9, 16), date(2026, 9, 17), date(2026, 9, 18)


@pytest.mark.parametrize(("language", "text", "day"), [
    ("en", "she will miss school on Thursday", THURSDAY),
    ("en", "She won't be at school tomorrow, she is sick", WEDNESDAY),
    ("en", "Tomorrow, she will not come", WEDNESDAY),
    ("es", "Ana no va a ir a la escuela mañana", WEDNESDAY),
    ("es", "No va a ir pasado mañana", THURSDAY),
    ("fr", "Il ne viendra pas après-demain", THURSDAY),
    ("fr", "Léa sera absente vendredi", FRIDAY),
    ("pt", "Ela não vai à escola amanhã", WEDNESDAY),
    ("ht", "Jb p ap ale lekòl demen", WEDNESDAY),
    ("so", "Cabdi berri ma imanayo", WEDNESDAY),
    ("hmn", "Tou tsis tuaj tag kis", WEDNESDAY),
    ("vi", "Ngày mai cháu nghỉ học", WEDNESDAY),
    ("vi", "Thứ 6 cháu nghỉ học", FRIDAY),
    ("zh", "明天他不去学校", WEDNESDAY),
    ("zh", "星期四林林请假", THURSDAY),
    ("ar", "لن تذهب غدا", WEDNESDAY),
    ("ko", "내일 학교 못 가요", WEDNESDAY),
    ("ru", "Завтра Маша не придёт", WEDNESDAY),
    ("ru", "В пятницу Маша пропустит школу", FRIDAY),
    ("tl", "Hindi papasok si Jose bukas", WEDNESDAY),
])
def test_words_that_say_the_child_will_miss_a_coming_day(language: str, text: str,
                                                        day: date) -> None:
    assert coming_absence(text, language, TUESDAY) == day


@pytest.mark.parametrize(("language", "text"), [
    ("en", "She will go tomorrow"), ("en", "She won't miss school tomorrow"),
    ("en", "She is not absent tomorrow"), ("es", "Ana ya no va a faltar mañana"),
    ("es", "ya no falta mañana"),
    ("en", "She was absent on Monday"), ("es", "Faltó el lunes"),
    ("ht", "Li pa t vini lendi"), ("zh", "他星期一没去学校"),
    ("tl", "Lumiban siya noong Lunes"),
    ("en", "Will she miss school tomorrow?"),  # asked, not said
    ("en", "She is absent today, back tomorrow"),  # today's absence: today's own button
    ("en", "She can't come tomorrow or Friday"),  # two days: the 📝 list asks which
    ("en", "She will miss school on Tuesday"),  # today's weekday: today, or a week on?
    ("es", "Ana no va a ir a la escuela"),  # no day
    ("es", "Mañana hay reunión de padres"),  # a day, no absence
])
def test_words_that_name_no_coming_absence(language: str, text: str) -> None:
    assert coming_absence(text, language, TUESDAY) is None


@pytest.mark.parametrize("table", [DAYS_AHEAD, WEEKDAY_NAMES])
def test_every_language_has_its_words_for_coming_days(table: dict[str, dict[str, int]]
                                                      ) -> None:
    assert set(table) == set(SICK_WORDS)


def test_a_weekend_or_a_day_off_is_no_day_to_excuse() -> None:
    assert own_words("She won't come tomorrow", "en", FRIDAY) is None  # Saturday
    assert own_words("She won't come on Monday", "en", FRIDAY) == \
        OwnWords(ABSENT, date(2026, 9, 21))
    assert own_words("She won't come tomorrow", "en", TUESDAY, {WEDNESDAY}) is None


def test_today_comes_first() -> None:
    assert own_words("She is sick today, she won't come tomorrow either", "en", TUESDAY) == \
        OwnWords(SICK, TUESDAY)
    # on a Saturday "sick today" excuses nothing, and Monday is a day she may miss
    saturday = date(2026, 9, 19)
    assert own_words("She is sick, she will not come on Monday", "en", saturday) == \
        OwnWords(ABSENT, date(2026, 9, 21))


def test_the_days_ahead_are_school_days_within_a_week() -> None:
    assert days_ahead(FRIDAY, {date(2026, 9, 21)}) == [
        date(2026, 9, 22), date(2026, 9, 23), date(2026, 9, 24), date(2026, 9, 25)]
