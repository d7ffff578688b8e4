"""A family member's own words that say the child is sick, in each language Puente speaks (and
English, which families mix in); and words that only look like it."""

from __future__ import annotations

import pytest

from bot.domain.sick_words import SICK_WORDS, says_sick


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Ana is sick today"), ("en", "He's ILL."), ("es", "Ana está enferma hoy"),
    ("es", "mi hijo se siente mal"), ("fr", "Léa est malade aujourd’hui"),
    ("pt", "O João está doente"), ("ht", "Woodly malad jodi a"),
    ("so", "Cabdi waa xanuunsanayaa maanta"), ("so", "Hodan waa buka"),
    ("hmn", "Tou mob hnub no"), ("vi", "Minh bị ốm hôm nay"), ("vi", "cháu bị bệnh"),
    ("zh", "林林今天生病了，不去学校"), ("zh", "他病了"), ("ar", "عمر مريض اليوم"),
    ("ar", "ابنتي مريضةٌ"), ("ko", "지민이가 오늘 아파요"), ("ko", "아파서 못 가요"),
    ("ru", "Маша заболела"), ("ru", "Он болен"), ("tl", "May sakit si Jose ngayon"),
    ("tl", "maysakit po siya"), ("es", "She is sick"),  # English mixed in
])
def test_words_that_say_the_child_is_sick(language: str, text: str) -> None:
    assert says_sick(text, language)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "She was homesick at camp"), ("en", "I'll call you tomorrow"),
    ("hmn", "Tou tsis paub nws cov homework"), ("fr", "Il est en maladie"),
    ("zh", "林林的作业在哪里？"), ("es", "La enfermera llamó"),
    ("tl", "Buka na ba ang paaralan?"),  # Somali's "buka" means nothing sick in Tagalog
    ("ru", "Мы придём в школу завтра"), ("ar", "شكرا أستاذة"),
])
def test_words_that_only_look_like_it(language: str, text: str) -> None:
    assert not says_sick(text, language)


def test_every_language_puente_speaks_has_words() -> None:
    assert set(SICK_WORDS) == {"en", "es", "fr", "pt", "ht", "so", "hmn", "vi", "zh", "ar",
                               "ko", "ru", "tl"}
