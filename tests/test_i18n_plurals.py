"""Counts read as the reader's language counts them: "1 word", "2 слова", "كلمتان"."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from bot.presentation.i18n import FSI, PDI, RLM, Catalog, Day

COUNTS = (1, 2, 5, 11, 21)


def seen(text: str) -> str:
    """The letters a reader sees, without the invisible direction marks."""
    return text.replace(RLM, "").replace(FSI, "").replace(PDI, "")


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["👉 1 word ready: /check", "👉 2 words ready: /check", "👉 5 words ready: /check",
            "👉 11 words ready: /check", "👉 21 words ready: /check"]),
    ("ru", ["👉 1 слово готово: /check", "👉 2 слова готовы: /check",
            "👉 5 слов готово: /check", "👉 11 слов готово: /check",
            "👉 21 слово готово: /check"]),
    ("ar", ["👉 كلمة واحدة جاهزة: /check", "👉 كلمتان جاهزتان: /check",
            "👉 5 كلمات جاهزة: /check", "👉 11 كلمة جاهزة: /check",
            "👉 21 كلمة جاهزة: /check"]),
])
def test_a_student_reads_how_many_words_are_ready_without_word_s(
        catalog: Catalog, lang: str, expected: list[str]) -> None:
    assert [seen(catalog.render("progress-next-check", lang, count=n)) for n in COUNTS] == \
        expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["Please wait 1 minute,", "Please wait 2 minutes,", "Please wait 5 minutes,",
            "Please wait 11 minutes,", "Please wait 21 minutes,"]),
    ("ru", ["Подожди 1 минуту,", "Подожди 2 минуты,", "Подожди 5 минут,", "Подожди 11 минут,",
            "Подожди 21 минуту,"]),
    ("ar", ["بعد دقيقة واحدة،", "بعد دقيقتين،", "بعد 5 دقائق،", "بعد 11 دقيقة،",
            "بعد 21 دقيقة،"]),
])
def test_a_wait_in_minutes_reads_in_the_form_its_number_takes(
        catalog: Catalog, lang: str, expected: list[str]) -> None:
    for minutes, wait in zip(COUNTS, expected, strict=True):
        assert wait in seen(catalog.plain("too-many-attempts", lang, minutes=minutes))


def test_french_and_portuguese_count_zero_as_singular_and_russian_days_agree(
        catalog: Catalog) -> None:
    assert catalog.render("check-done-low-next-check", "fr", count=0) == \
        "Après les cartes, 0 autre mot t'attend dans /check."
    day = Day(date(2026, 9, 21))
    assert catalog.render("progress-next-days", "pt", days=1, date=day) == \
        "✅ Tudo feito por agora. Mais palavras voltam em 1 dia (seg 21 de set)."
    assert [catalog.render("check-short-next-days", "ru", days=n, date=day).rsplit("через ")[-1]
            .split(" (")[0] for n in (1, 3, 7)] == ["1 день", "3 дня", "7 дней"]
    assert catalog.render("progress-next-days", "en", days=1, date=day).endswith(
        "come back in 1 day (Mon 21 Sep).")


def _catalog(tmp_path: Path, **files: str) -> Catalog:
    for lang, text in files.items():
        (tmp_path / f"{lang}.toml").write_text(text, encoding="utf-8")
    return Catalog.load(tmp_path)


def test_a_form_the_table_lacks_reads_other_and_a_missing_key_reads_english(
        tmp_path: Path) -> None:
    catalog = _catalog(
        tmp_path,
        en='n = { one = "1 word", other = "{count} words" }\n',
        ru='n = { one = "{count} слово", other = "{count} слова" }\n',  # no few, no many
        es='other = "x"\n')
    assert catalog.render("n", "ru", count=5) == "5 слова"
    assert catalog.render("n", "ru", count=21) == "21 слово"
    assert catalog.render("n", "es", count=1) == "1 word"  # English, by the English rule
    assert catalog.render("n", "en", count="many") == "many words"  # not a number: other


def test_a_table_can_name_the_argument_it_counts(tmp_path: Path) -> None:
    catalog = _catalog(tmp_path, en='w = { plural = "minutes", one = "a minute", '
                                    'other = "{minutes} minutes" }\n')
    assert [catalog.render("w", "en", minutes=n) for n in (1, 3)] == ["a minute", "3 minutes"]


def test_the_catalogue_check_finds_a_table_a_reader_could_misread(tmp_path: Path) -> None:
    catalog = _catalog(
        tmp_path,
        en='n = { one = "1 word", few = "{count} words", other = "{count} words" }\n',
        ru='n = { one = "одно слово", few = "{count} слова", many = "{count} слов" }\n',
        zh='n = { other = "{count} 个词" }\n')
    assert catalog.problems() == [
        "en: 'n' 'few' is not a plural form in en",
        "ru: 'n' has no 'other' form",
        "ru: 'n' 'one' leaves out {count}, yet ru reads it for 1 and 21",
    ]


@pytest.mark.parametrize(("lang", "expected"), [
    ("es", "Prueba terminada: acertaste 1 de 1. ¡Excelente! 🌟"),
    ("pt", "Teste terminado: você acertou 1 de 1. Excelente! 🌟"),
    ("en", "Check finished: 1 of 1 right. Excellent! 🌟"),
])
def test_a_one_question_check_never_reads_a_plural_for_one(
        catalog: Catalog, lang: str, expected: str) -> None:
    """Mid-level playtest: "1 de 1 correctas" (a plural for one right answer)."""
    assert catalog.plain("check-done-all", lang, right=1, total=1) == expected
    for key in ("check-done", "check-done-low", "check-done-low-short", "check-done-slipped",
                "check-done-dont-know",
                "report-too-few-student", "report-listening"):
        for right, total in ((1, 1), (0, 1), (1, 2)):
            text = catalog.plain(key, lang, right=right, total=total, name="Ana")
            assert not re.search(r"\b(correctas|certas)\b", text)


@pytest.mark.parametrize(("lang", "one", "many"), [
    ("en", "This word is still new for you", "These words are still new for you"),
    ("ar", "هذه الكلمة ما زالت جديدة عليك", "هذه الكلمات ما زالت جديدة عليك"),
    ("ru", "Это слово для тебя ещё новое", "Эти слова для тебя ещё новые"),
])
def test_a_low_check_of_one_word_speaks_of_one_word(
        catalog: Catalog, lang: str, one: str, many: str) -> None:
    """Amira, after one word: "0 of 1 right … Some words you knew slipped away" (playtest)."""
    assert one in seen(catalog.render("check-done-low", lang, right=0, total=1))
    assert many in seen(catalog.render("check-done-low", lang, right=1, total=5))
    slipped = catalog.plain("check-done-slipped", "en", right=0, total=1)
    assert "You knew this word before" in slipped and "Some words" not in slipped


def test_a_dont_know_on_the_one_word_missed_is_not_called_a_slip() -> None:
    from bot.presentation.check_views import check_done_key

    assert check_done_key(0, 1, slipped=True, level=5, said_dont_know=True) == \
        "check-done-dont-know"
    assert check_done_key(0, 1, slipped=True, level=5) == "check-done-slipped"
    assert check_done_key(0, 1, level=1, said_dont_know=True) == "check-done-low-short"
