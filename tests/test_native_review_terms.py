"""A native-level read of the Somali, Hmong, Haitian Creole and Tagalog lines: one word for one
thing (a check, a school day, an excused day, a card), and lines that read right to a parent
with little schooling. These keep the words the review chose from slipping back."""

from __future__ import annotations

import re

import pytest

from bot.presentation.i18n import Catalog, texts


def lines(catalog: Catalog, lang: str) -> dict[str, str]:
    return {key: " ".join(texts(template)) for key, template in catalog.messages[lang].items()}


# The 🧩 "opens checks" lines of a teacher's alerts, /report and the heatmap say the word
# /check, the reminders and the chart legend use (a teacher read "questions" as a different thing)
CHECK_WORD = {"so": "tijaabo", "hmn": "xeem", "tl": "pagsasanay", "ht": "tès"}
OPENS_CHECKS = ("teacher-alert-silent-checks", "teacher-alert-opens-checks",
                "heatmap-opens-checks", "report-opens-checks", "chart-opens-checks")


@pytest.mark.parametrize("lang", sorted(CHECK_WORD))
def test_a_check_is_called_by_one_word_where_a_student_opens_checks(
        catalog: Catalog, lang: str) -> None:
    read = lines(catalog, lang)
    assert [key for key in OPENS_CHECKS if CHECK_WORD[lang] not in read[key].lower()] == []



# The teacher's note about a student who cannot read English says what /readaloud does to "a
# check's answers" with the word the 🧩 lines above use: it said "repaso", "contrôle",
# "revisão", "检测" and "check" (a second word for one thing, in a line nobody had reviewed)
TEACHER_CHECK_WORD = {"es": "prueba", "fr": "test", "pt": "teste", "vi": "bài kiểm tra",
                      "zh": "测验", "ar": "اختبار", "ko": "확인 문제", "ru": "проверк",
                      "so": "tijaab", "hmn": "xeem", "tl": "pagsasanay", "ht": "tès"}


@pytest.mark.parametrize("lang", sorted(TEACHER_CHECK_WORD))
def test_the_cannot_read_note_calls_a_check_what_the_teacher_s_other_lines_call_it(
        catalog: Catalog, lang: str) -> None:
    read, word = lines(catalog, lang), TEACHER_CHECK_WORD[lang]
    assert word in read["teacher-alert-cannot-read"].lower()
    assert any(word in read[key].lower() for key in OPENS_CHECKS)

def test_tagalog_calls_a_check_practice_never_an_exam(catalog: Catalog) -> None:
    """"pagsusulit" (an exam) worried a student about her grades (playtest, Maricel, 14): a
    check is "pagsasanay" (practice); only the placement, which is a test, keeps the word."""
    read = lines(catalog, "tl")
    assert [key for key, text in read.items() if "pagsusulit" in text.lower()] == \
        ["level-self-placed-top"]
    assert catalog.plain("command-check", "tl") == "maikling pagsasanay"


def test_tagalog_says_a_school_day_and_cards_one_way(catalog: Catalog) -> None:
    read = lines(catalog, "tl")
    assert [key for key, text in read.items() if "araw ng pasukan" in text] == []
    # "cards" in English plural beside "mga card" everywhere else ({cards} is a count)
    assert [key for key, text in read.items()
            if re.search(r"\bcards\b", text.replace("{cards}", ""))] == []
    assert catalog.render("reminder-cards", "tl", name="Mayumi").startswith(
        "Kumusta, Mayumi! May mga bagong card ng salita")
    # "walang paalam" is "without saying goodbye": the button says what it does
    assert catalog.plain("button-unexcuse", "tl", day="Lun 14 Set") == \
        "↩️ Araw ng pasok pa rin: Lun 14 Set"


def test_somali_excused_day_is_an_excuse_on_a_school_day_never_a_holiday(
        catalog: Catalog) -> None:
    read = lines(catalog, "so")
    excused = [key for key in read if "excuse" in key]
    assert len(excused) >= 6
    assert [key for key in excused if re.search(r"fasax|iskuul", read[key], re.I)] == []
    assert catalog.plain("button-unexcuse", "so", day="Isn 14 Seb") == \
        "↩️ Cudurdaar ma aha: Isn 14 Seb"


def test_a_somali_beginner_is_told_both_halves_of_the_note(catalog: Catalog) -> None:
    note = catalog.render("student-no-model-note-beginner", "so", language="Soomaali")
    # the teacher can find someone to read it, as in English (impersonal: no "wuu" for them)
    assert note.endswith("waad ku qori kartaa Soomaali, macallinkaagana waa loo heli karaa qof "
                         "u akhriya.")


@pytest.mark.parametrize(("lang", "plural"), [("ht", "jou sa yo"), ("hmn", "cov hnub ntawd")])
def test_a_rest_day_line_without_plural_forms_reads_right_for_one_day(
        catalog: Catalog, lang: str, plural: str) -> None:
    one = catalog.render("family-week-rest-days", lang, count=1, name="Paj")
    assert "1" in one and plural not in one


def test_hmong_words_are_lo_lus_and_a_pack_table_is_no_furniture(catalog: Catalog) -> None:
    read = lines(catalog, "hmn")
    assert "cov lo lus tshiab" in read["family-week-card-days"]  # cov lus tshiab: news
    assert [key for key, text in read.items() if "lo tshiab" in text] == []
    assert [key for key, text in read.items() if "lub rooj" in text] == []
    assert catalog.plain("button-accept-class", "hmn", typed="dog", term="dog",
                         class_name="7B") == "✅ Kuj txais “dog” rau dog hauv 7B"
