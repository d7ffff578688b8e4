"""A family member's own words that say the child is sick, in each language Puente speaks (and
English, which families mix in); and words that only look like it."""

from __future__ import annotations

import pytest

from bot.domain.sick_words import (
    ABSENT,
    AWAY_REASONS,
    NEGATORS,
    RECOVERED,
    SICK_WORDS,
    TODAY,
    says_away_today,
    says_sick,
)


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


@pytest.mark.parametrize(("language", "text"), [
    ("en", "she is not sick any more"), ("en", "She isn't sick"), ("en", "He feels better now"),
    ("es", "ya no está enferma"), ("es", "Ana ya se mejoró"), ("fr", "il n'est plus malade"),
    ("fr", "Léa n’est pas malade"), ("fr", "Il va mieux"), ("pt", "Ele não está mais doente"),
    ("pt", "Ela melhorou"), ("ht", "Li pa malad ankò"), ("ht", "Woodly geri"),
    ("so", "Cabdi wuu bogsaday"), ("hmn", "Tou tsis mob lawm"), ("vi", "Minh hết ốm rồi"),
    ("vi", "cháu khỏi bệnh rồi"), ("zh", "她病好了"), ("zh", "林林没有生病"),
    ("ar", "لم تعد مريضة"), ("ar", "عمر ليس مريضا"), ("ko", "지민이 이제 안 아파요"),
    ("ko", "다 나았어요"), ("ru", "Маша больше не болеет"), ("ru", "Он выздоровел"),
    ("tl", "Magaling na si Jose"), ("es", "She is not sick anymore"),  # English mixed in
    ("vi", "Con ở bệnh viện hôm nay"), ("hmn", "Tou nyob tsev kho mob hnub no"),  # hospital
])
def test_a_child_well_again_or_not_sick_gets_no_sick_button(language: str, text: str) -> None:
    assert not says_sick(text, language)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "She can't come, she is sick"), ("en", "He won't come today he is sick"),
    ("fr", "Il ne viendra pas, il est malade"), ("ru", "Он не придёт, болеет"),
    ("ko", "오늘 학교 안 가요. 아파서요"), ("pt", "Ele não vai hoje porque está doente"),
    ("es", "No va a ir, está enferma"),
])
def test_a_no_in_another_part_of_the_sentence_still_says_sick(language: str, text: str
                                                              ) -> None:
    assert says_sick(text, language)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "He can't come today, we are at the hospital"), ("en", "absent today"),
    ("en", "We are at the dentist today"), ("en", "Family emergency today, sorry"),
    ("en", "There is a funeral today"), ("es", "no va a ir a la escuela hoy"),
    ("fr", "Il ne viendra pas aujourd'hui, rendez-vous chez le médecin"),
    ("pt", "Ele não vai à escola hoje"), ("ht", "Li p ap vini jodi a, nou lopital"),
    ("so", "Cabdi maanta ma imanayo"), ("hmn", "Tou tsis tuaj hnub no"),
    ("vi", "Hôm nay Minh nghỉ học"), ("vi", "Con ở bệnh viện hôm nay"),
    ("zh", "今天林林请假，去医院"), ("ar", "عمر غائب اليوم"), ("ko", "오늘 병원에 가요"),
    ("ru", "Сегодня Маша не придёт, мы у врача"), ("tl", "Hindi makakapasok si Jose ngayon"),
])
def test_words_that_say_the_child_is_away_today(language: str, text: str) -> None:
    assert says_away_today(text, language)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The doctor said she can read more"), ("en", "She cannot come on Friday"),
    ("en", "What does hospital mean?"), ("en", "Thank you for today"),
    ("es", "El médico dijo que lee mejor"), ("zh", "医生说她读得更好了"),
    ("ru", "Врач сказал, что всё хорошо"),
])
def test_a_doctor_or_a_day_off_without_today_is_no_absence_today(language: str, text: str
                                                                 ) -> None:
    assert not says_away_today(text, language)


@pytest.mark.parametrize("table", [NEGATORS, RECOVERED, ABSENT, AWAY_REASONS, TODAY])
def test_every_language_has_its_words_for_each_list(table: dict[str, tuple[str, ...]]) -> None:
    assert set(table) == set(SICK_WORDS)


@pytest.mark.parametrize("text", [
    "Bonjour Madame, Jean-Baptiste est malade aujourd'hui, il a de la fièvre.",
    "Jb est malade",
])
def test_a_creole_reading_family_writing_french_is_read_in_french(text: str) -> None:
    assert says_sick(text, "ht")


def test_french_from_a_creole_reading_family_keeps_french_negation() -> None:
    assert not says_sick("Jb n'est plus malade, il va mieux", "ht")
    assert says_away_today("Madame, Jean-Baptiste est absent aujourd'hui", "ht")


def test_words_of_another_language_alone_are_not_read_in_it() -> None:
    # "malade" is no Kreyòl word and the text is not surely French: nothing from a guess
    assert not says_sick("Mwen pa konprann devwa a", "ht")
