"""The language catalogue and primary-language detection from short student messages."""

from __future__ import annotations

import random
import time

import langdetect
import pytest

from bot.domain.errors import PuenteError
from bot.domain.language import (
    LANGUAGES,
    SUPPORTED_UI,
    Capability,
    Detection,
    UnknownLanguageError,
    detect_language,
    get_language,
    is_rtl,
    preload_detection,
    script_languages,
)

# --- catalogue ----------------------------------------------------------------------------------


def test_menu_lists_english_then_the_languages_with_prompts_then_the_rest() -> None:
    codes = list(LANGUAGES)
    assert codes[: len(SUPPORTED_UI)] == list(SUPPORTED_UI)
    assert SUPPORTED_UI == (
        "en", "es", "ar", "zh", "vi", "hmn", "so", "ru", "ht", "tl", "ko", "pt", "fr",
    )  # fmt: skip
    assert codes[13:24] == ["uk", "fa", "ur", "hi", "ne", "sw", "ja", "de", "it", "pl", "tr"]


def test_codes_are_lower_case_iso_639_1_except_hmong() -> None:
    for code in LANGUAGES:
        assert code == code.lower()
        assert len(code) == 2 or code == "hmn"


@pytest.mark.parametrize("code", SUPPORTED_UI)
def test_every_ui_language_has_prompts_and_glosses(code: str) -> None:
    capabilities = get_language(code).capabilities
    assert {Capability.PROMPTS, Capability.GLOSSES} <= capabilities


@pytest.mark.parametrize("code", ["ht", "hmn"])
def test_haitian_creole_and_hmong_are_chosen_from_a_menu_not_detected(code: str) -> None:
    assert Capability.DETECT not in get_language(code).capabilities


@pytest.mark.parametrize("code", ["so", "ht", "hmn", "ne", "sw"])
def test_no_machine_translation_where_argos_has_no_model(code: str) -> None:
    assert Capability.MACHINE_TRANSLATION not in get_language(code).capabilities


@pytest.mark.parametrize("code", ["es", "ar", "zh", "vi", "ru", "ko", "pt", "fr", "tl", "uk"])
def test_machine_translation_where_argos_publishes_a_model(code: str) -> None:
    assert Capability.MACHINE_TRANSLATION in get_language(code).capabilities


def test_names_are_shown_in_english_and_in_the_language_itself() -> None:
    assert get_language("es").native_name == "Español"
    assert get_language("vi").native_name == "Tiếng Việt"
    assert get_language("ar").english_name == "Arabic"
    assert get_language("zh").native_name == "中文"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("pt-BR", "pt"),
        ("zh-hans", "zh"),
        ("zh-CN", "zh"),
        ("zh_TW", "zh"),
        ("zh-Hant-TW", "zh"),
        ("EN", "en"),
        (" es ", "es"),
        ("en-US", "en"),
        ("iw", "he"),
        ("fil", "tl"),
        ("hmn", "hmn"),
    ],
)
def test_phone_language_codes_resolve_to_the_catalogue_language(code: str, expected: str) -> None:
    assert get_language(code).code == expected


@pytest.mark.parametrize("code", ["xx", "", "klingon", "zz-ZZ"])
def test_unknown_code_raises_kind_error(code: str) -> None:
    with pytest.raises(UnknownLanguageError) as raised:
        get_language(code)
    assert isinstance(raised.value, PuenteError)
    assert raised.value.prompt_key == "error-unknown-language"
    assert raised.value.params == {"code": code}


def test_arabic_is_right_to_left() -> None:
    assert is_rtl("ar")


@pytest.mark.parametrize("code", ["fa", "ur", "ps", "he", "ar-EG"])
def test_persian_urdu_pashto_and_hebrew_are_right_to_left(code: str) -> None:
    assert is_rtl(code)


@pytest.mark.parametrize("code", ["en", "es", "zh", "vi", "ru", "hi"])
def test_left_to_right_languages(code: str) -> None:
    assert not is_rtl(code)


# --- detection ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hola maestra no entiendo", "es"),
        ("Hola Maestra!!! No entiendo 😭😭", "es"),
        ("NO ENTIENDO NADA", "es"),
        ("je comprends pas", "fr"),
        ("non ho capito", "it"),
        ("ich verstehe nicht", "de"),
        ("hindi ko alam", "tl"),
        ("sijui jibu", "sw"),
        ("ma garanayo", "so"),
        ("anlamadım hocam", "tr"),
        ("nie rozumiem", "pl"),
        ("i dont understand the homework", "en"),
        ("wtf bro", "en"),
        ("مرحبا استاذ", "ar"),
        ("این کلمه یعنی چی", "fa"),
        ("یہ بہت مشکل ہے", "ur"),
        ("زه نه پوهیږم", "ps"),
        ("мы не понимаем", "ru"),
        ("я не розумію", "uk"),
        ("मुझे समझ नहीं आया", "hi"),
        ("मलाई थाहा छैन", "ne"),
        ("我不懂", "zh"),
        # Zhuyin, Taiwan's phonetic letters, alone and among characters (playtest, Jun-yu, 11)
        ("ㄓㄨㄥˇ ㄑㄩㄣˊ", "zh"), ("我ㄅㄨˋ知道", "zh"),
        ("わからない", "ja"),
        ("선생님 모르겠어요", "ko"),
        ("ขอบคุณครับ", "th"),
        ("תודה רבה", "he"),
        ("ευχαριστώ πολύ", "el"),
    ],
)
def test_short_student_messages_are_detected(text: str, expected: str) -> None:
    detection = detect_language(text)
    assert detection.lang == expected
    assert detection.candidates[0] == (expected, detection.confidence)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("la fotosíntesis convierte la luz en energía", "es"),
        ("a fotossíntese transforma a luz em energia", "pt"),
        ("zrozumiałem", "pl"),
    ],
)
def test_school_words_no_everyday_list_holds_are_detected_by_their_letters(
    text: str, expected: str
) -> None:
    assert detect_language(text).lang == expected


@pytest.mark.parametrize("text", ["j'sais pas", "c'est quoi", "d'accord merci", "j’sais pas"])
def test_french_elisions_are_read_as_french(text: str) -> None:
    assert detect_language(text).lang == "fr"


def test_vietnamese_tone_marks_detected_from_four_words() -> None:
    assert detect_language("tôi không hiểu bài") == Detection("vi", 0.99, (("vi", 0.99),))


def test_vietnamese_typed_without_accents_is_still_detected() -> None:
    assert detect_language("toi khong hieu bai nay").lang == "vi"


def test_english_phone_hint_does_not_override_spanish_text() -> None:
    assert detect_language("no entiendo la tarea", hint="en").lang == "es"


def test_class_languages_settle_a_close_call_between_neighbours() -> None:
    alone = detect_language("pode repetir por favor")
    in_class = detect_language("pode repetir por favor", candidates=["pt", "en"])
    assert alone.lang is None
    assert in_class.lang == "pt"
    assert in_class.confidence > alone.confidence


def test_an_english_phone_settles_an_english_sentence_the_text_leaves_open() -> None:
    text = "photosynthesis turns sunlight into sugar"
    assert detect_language(text).lang is None
    assert detect_language(text, hint="en").lang == "en"


def test_a_spanish_phone_in_a_spanish_and_portuguese_class_settles_si() -> None:
    assert detect_language("sí").lang is None
    assert detect_language("sí", hint="es", candidates=["es", "pt"]).lang == "es"


def test_one_ambiguous_word_stays_unsure_even_with_a_hint() -> None:
    assert detect_language("no", hint="es").lang is None


def test_unknown_hint_and_candidates_are_ignored() -> None:
    assert detect_language("je comprends pas", hint="xx-YY", candidates=["zz", "fr"]).lang == "fr"


@pytest.mark.parametrize(
    "text", ["", "   ", "ok", "OK!!", "😂😂😂", "👍", "12345", "3.14", "???", "https://x.org/a"]
)
def test_messages_without_words_are_unsure_with_zero_confidence(text: str) -> None:
    assert detect_language(text) == Detection(None, 0.0)


@pytest.mark.parametrize("text", ["y", "o"])
def test_one_letter_is_unsure_even_from_a_spanish_phone_in_a_spanish_class(text: str) -> None:
    assert detect_language(text, hint="es", candidates=["es", "pt"]) == Detection(None, 0.0)


@pytest.mark.parametrize("text", ["გამარჯობა", "Բարեւ"])
def test_a_script_no_catalogue_language_is_written_in_is_unsure(text: str) -> None:
    assert detect_language(text) == Detection(None, 0.0)  # Georgian, Armenian: not Burmese


@pytest.mark.parametrize("text", ["asdf qwer zxcv", "lkjhgf poiuyt", "a" * 10_000])
def test_gibberish_is_unsure(text: str) -> None:
    assert detect_language(text).lang is None


def test_dutch_is_unsure_rather_than_called_german() -> None:
    assert detect_language("ik begrijp het niet").lang is None


@pytest.mark.parametrize("text", ["mwen pa konprann", "mwen bezwen yon kaye nouvo"])
def test_haitian_creole_is_offered_first_but_never_mistaken_for_french(text: str) -> None:
    detection = detect_language(text)
    assert detection.lang is None
    assert detection.candidates[0][0] == "ht"


def test_hmong_is_offered_first_but_left_to_the_student() -> None:
    detection = detect_language("kuv tsis paub")
    assert detection.lang is None
    assert detection.candidates[0][0] == "hmn"


def test_romanised_hindi_offers_both_hindi_and_urdu() -> None:
    detection = detect_language("mujhe samajh nahi aaya")
    assert detection.lang is None
    assert {lang for lang, _ in detection.candidates[:2]} == {"hi", "ur"}


def test_ethiopic_script_offers_amharic_and_tigrinya() -> None:
    detection = detect_language("ሰላም ነው")
    assert detection.lang is None
    assert [lang for lang, _ in detection.candidates] == ["am", "ti"]


def test_ukrainian_letters_decide_between_ukrainian_and_russian() -> None:
    assert detect_language("дякую, я зрозумів").lang == "uk"
    assert detect_language("спасибо, я всё понял").lang == "ru"


@pytest.mark.parametrize("text", ["宿題が終わった", "日本語の宿題", "日本語の宿題、ok?"])
def test_chinese_characters_with_kana_are_japanese(text: str) -> None:
    assert detect_language(text).lang == "ja"  # however few kana


@pytest.mark.parametrize("text", ["学生", "我需要一个新的本子"])
def test_chinese_characters_without_kana_are_chinese(text: str) -> None:
    assert detect_language(text).lang == "zh"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("teacher 我不懂", "zh"), ("homework わからない", "ja"), ("teacher 모르겠어요", "ko")],
)
def test_mixed_english_and_east_asian_text_goes_by_the_east_asian(
    text: str, expected: str
) -> None:
    assert detect_language(text).lang == expected


def test_links_and_mentions_do_not_count_as_words() -> None:
    assert detect_language("@maria https://example.com/ecosystems").lang is None


def test_same_text_always_gets_the_same_answer_whatever_global_seeds_do() -> None:
    first = detect_language("ya termine la tarea")
    for seed in range(5):
        random.seed(seed)
        langdetect.DetectorFactory.seed = seed
        assert detect_language("ya termine la tarea") == first


def test_confidence_is_a_probability() -> None:
    for text in ["hola", "what", "我", "مرحبا", "ok ok", "habari yako", "ሰላም"]:
        detection = detect_language(text)
        assert 0.0 <= detection.confidence <= 1.0
        assert all(0.0 <= p <= 1.0 for _, p in detection.candidates)
        assert len(detection.candidates) <= 3


def test_only_detectable_catalogue_languages_are_ever_answered() -> None:
    texts = ["mwen pa konprann", "kuv tsis paub", "hola", "xin chào", "ሰላም", "tere tulemast"]
    for text in texts:
        lang = detect_language(text).lang
        assert lang is None or Capability.DETECT in LANGUAGES[lang].capabilities


def test_very_long_messages_return_quickly() -> None:
    preload_detection()
    start = time.perf_counter()
    for text in ["hola " * 2000, "مرحبا " * 2000, "我" * 10_000, "x" * 10_000]:
        detect_language(text)
    assert time.perf_counter() - start < 0.5


@pytest.mark.parametrize(("text", "languages"), [
    ("مرحبا", ("ar", "fa", "ur", "ps")),  # Arabic letters: Arabic, Persian, Urdu or Pashto
    ("привет", ("ru", "uk")),
    ("안녕", ("ko",)),
    ("oi", ()),  # Latin letters narrow nothing
    ("annyeong", ()),
    ("🙂 👍", ()),
])
def test_a_messages_letters_narrow_the_languages_it_can_be(text: str,
                                                          languages: tuple[str, ...]) -> None:
    assert script_languages(text) == languages
