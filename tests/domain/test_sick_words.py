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
    ("so", "Hodan waa jirantahay"), ("so", "Hodan waa jiranyahay"),  # Somali playtest
    ("so", "Hodan way jirantahay maanta, iskuulka ma imaan karto"), ("so", "Cabdi waa jirran"),
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


# Playtest (sickdates): "She was sick yesterday but she is fine today" got 🤒 and the day was
# excused; so did "She won't be at school tomorrow, she is sick" (TODAY excused); "She has a
# fever today" got nothing.
@pytest.mark.parametrize(("language", "text"), [
    ("en", "She was sick yesterday but she is fine today"),
    ("en", "She was sick yesterday. Today she's fine"), ("en", "He was ill last week"),
    ("es", "Estuvo enferma ayer pero hoy está bien"),
    ("fr", "Elle était malade hier mais elle va bien aujourd'hui"),
    ("pt", "Ela estava doente ontem mas hoje está bem"),
    ("ht", "Li te malad yè men li byen jodi a"),
    ("so", "Shalay way xanuunsanayd laakiin maanta way fiican tahay"),
    ("hmn", "Nag hmo Tou mob tiam sis hnub no zoo lawm"),
    ("vi", "Hôm qua cháu bị ốm nhưng hôm nay khỏe rồi"), ("zh", "她昨天生病了，今天没事了"),
    ("ar", "كانت مريضة أمس لكنها بخير اليوم"), ("ko", "어제 아팠는데 오늘은 괜찮아요"),
    ("ru", "Вчера болела, сегодня здорова"), ("ru", "Вчера болела, а сегодня уже всё в порядке"),
    ("tl", "May sakit siya kahapon pero okay na siya ngayon"),
])
def test_sick_yesterday_or_well_today_offers_no_sick_today(language: str, text: str) -> None:
    assert not says_sick(text, language)
    assert not says_away_today(text, language)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "She won't be at school tomorrow, she is sick"),
    ("en", "He is sick, he will miss school on Monday"),
    ("es", "No va a ir mañana, está enferma"), ("fr", "Il est malade, il ne viendra pas demain"),
    ("es", "No va a ir a la escuela mañana, está enferma"),  # "escuela mañana": not morning
    ("pt", "Ela está doente, não vai amanhã"), ("ht", "Li malad, li p ap vini demen"),
    ("zh", "她明天不能去学校，她生病了"), ("ko", "내일 아파서 못 가요"),
    ("ru", "Завтра не придёт, болеет"), ("ar", "لن تذهب غدا لأنها مريضة"),
    ("vi", "Ngày mai cháu nghỉ học vì bị ốm"), ("tl", "Hindi papasok bukas, may sakit"),
])
def test_a_message_about_tomorrow_offers_no_sick_today(language: str, text: str) -> None:
    assert not says_sick(text, language)
    assert not says_away_today(text, language)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "She has a fever today"), ("es", "Ana tiene fiebre hoy"),
    ("en", "Is Ana sick? She said her stomach hurts today"),  # the question alone asks
    ("en", "She has been sick since yesterday"),
    ("en", "She was sick yesterday and is still sick"),
    ("en", "She is sick today as well"), ("en", "Well today she is sick"),
    ("en", "She is not feeling well today"), ("en", "She doesn't feel well"),
    ("en", "Can she stay home today because she is sick?"), ("en", "He threw up last night"),
    ("en", "She is sick today, she won't come tomorrow either"),
    ("es", "Ana está bien enferma hoy"), ("es", "Hoy no se siente bien"),
    ("es", "Está enferma, vomitó esta mañana"), ("es", "Tiene gripe"),
    ("fr", "Elle ne se sent pas bien aujourd'hui"), ("fr", "Léa a de la fièvre"),
    ("pt", "Ela não está se sentindo bem hoje"), ("pt", "Ele está com febre"),
    ("ht", "Jean-Baptiste malad jodi a, li gen lafyèv"), ("so", "Hodan qandho ayay qabtaa"),
    ("hmn", "Tou ua npaws hnub no"), ("vi", "Chào cô, cô khỏe không? Hôm nay Minh bị sốt"),
    ("vi", "Minh bị đau bụng"), ("zh", "她今天发烧了"), ("zh", "林林感冒了"),
    ("ar", "عندها حمى اليوم"), ("ko", "어제부터 아파요"), ("ko", "감기에 걸렸어요"),
    ("ru", "У неё температура"), ("ru", "Маша простудилась"), ("tl", "May lagnat si Jose ngayon"),
])
def test_a_fever_or_sick_still_today_offers_sick_today(language: str, text: str) -> None:
    assert says_sick(text, language)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Is she sick?"), ("en", "Is Ana still sick?"), ("es", "¿Ana está enferma?"),
    ("zh", "她生病了吗？"),
])
def test_a_short_question_about_sickness_says_nothing(language: str, text: str) -> None:
    assert not says_sick(text, language)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "She was absent yesterday, today she is fine"),
    ("en", "Today I am writing: she can't come tomorrow"),
])
def test_away_another_day_or_well_today_is_no_absence_today(language: str, text: str) -> None:
    assert not says_away_today(text, language)


def test_an_absence_today_with_a_morning_appointment_still_counts() -> None:
    """"por la mañana" is the morning, not "mañana" (tomorrow)."""
    assert says_away_today("Ana no va a ir hoy, tiene cita por la mañana", "es")


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Hi, I hope you are doing well today. Ana has a fever"),
    ("fr", "Bonjour, j'espère que vous allez bien aujourd'hui. Léa est malade"),
    ("pt", "Oi professora, tudo bem hoje? Ela está doente"),
])
def test_a_greeting_that_wishes_the_teacher_well_still_says_sick(language: str, text: str
                                                                  ) -> None:
    assert says_sick(text, language)


@pytest.mark.parametrize(("language", "text"), [
    ("hmn", "Nyob zoo xib fwb, hnub no Tou mob"),  # the "no" of "hnub no" (today) negates not
    ("ar", "عمر مريض اليوم إن شاء الله بخير"),  # God willing, fine: a hope
    ("en", "She has been sick since Monday"),
])
def test_today_hope_or_since_a_day_still_says_sick(language: str, text: str) -> None:
    assert says_sick(text, language)


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
