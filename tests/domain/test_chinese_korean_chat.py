"""How a Chinese or Korean newcomer types "I don't know", "I don't understand" and feelings:
toneless pinyin on a Latin keyboard ("bu zhi dao", "bu dong"), a sentence particle ("不知道啊"),
and Korean chat's letter emoji ("몰라요ㅠㅠ", "ㅋㅋ"). Playtest: Hao (Mandarin, WIDA 2) had
"bu dong" graded a miss and listed to his teacher, and Ji-woo (Korean, WIDA 1) was told to tap
the letters after "몰라요ㅠㅠ"."""

from __future__ import annotations

import pytest

from bot.domain import hangul_names
from bot.domain.dont_know import says_dont_know, says_not_understood
from bot.domain.emoji import meanings, only_emoji, seems_lost
from bot.domain.pinyin import read_as
from bot.domain.thanks import only_thanks
from bot.domain.typed_answers import Verdict, grade


@pytest.mark.parametrize("typed", [
    "bu zhi dao", "Bu zhi dao", "wo bu zhi dao", "buzhidao", "bu zhidao", "bzd", "bu hui",
    "不知道啊", "不知道呢", "我也不知道", "不清楚", "我忘了",
    "몰라요ㅠㅠ", "모르겠어요ㅠ", "몰라요 ㅠㅠ", "모르겠어요ㅋㅋ", "몰라여", "모름", "ㅁㄹ",
    "잘 모르겠습니다", "저도 몰라요", "선생님 몰라요", "老师，我不知道",
    # Hong Kong's Cantonese, in Traditional (playtest: 陳家豪's "我唔識" went to the teacher)
    "唔知", "我唔識", "唔記得", "老師，我唔知",
])
def test_i_dont_know_as_chinese_and_korean_children_type_it_is_a_kind_miss(typed: str) -> None:
    assert says_dont_know(typed)
    lang = "ko" if any("\uac00" <= c <= "\ud7af" or "\u3131" <= c <= "\u318e" for c in typed) \
        else "zh"
    assert grade(typed, "integer", home_terms=["整数" if lang == "zh" else "정수"],
                 lang=lang).kind is Verdict.DONT_KNOW


@pytest.mark.parametrize("typed", [
    "bu dong", "wo bu dong", "kan bu dong", "shen me yi si", "什么意思", "什么意思？", "啥意思",
    "不太懂", "看不懂呀", "听不懂", "이해 못 했어요", "무슨 뜻이에요?", "老师我不懂",
    "laoshi wo bu dong", "선생님 이해가 안 돼요",
    # in Traditional, as Taiwan and Hong Kong type it, and in Cantonese
    "什麼意思", "聽不懂", "沒看懂", "老師我聽不懂", "唔明", "我睇唔明", "咩意思",
])
def test_i_dont_understand_in_pinyin_or_korean_asks_for_help_not_a_grade(typed: str) -> None:
    assert says_not_understood(typed) and not says_dont_know(typed)


@pytest.mark.parametrize("typed", [
    "integer", "bu", "dao", "不会吧", "啊", "ㅠㅠ", "ㅋㅋ", "ratio 什么意思", "ㅇㅋ", "老师",
    "선생님", "老师好", "老師好", "種群", "唔該",
])
def test_words_near_those_phrases_say_neither(typed: str) -> None:
    assert not says_dont_know(typed) and not says_not_understood(typed)


@pytest.mark.parametrize(("text", "meant", "lost"), [
    ("ㅠㅠ", ("sad",), True), ("ㅜㅜㅜ", ("sad",), True), ("ㅠ ㅠ", ("sad",), True),
    ("ㅋㅋㅋ", ("happy",), False), ("ㅎㅎ", ("happy",), False), ("😢ㅠㅠ", ("sad",), True),
])
def test_korean_letter_emoji_are_emoji(text: str, meant: tuple[str, ...], lost: bool) -> None:
    """"ㅠㅠ" is Korean chat's 😭: a child who may be lost, as a bare "😢" is."""
    assert only_emoji(text) and meanings(text) == meant and seems_lost(text) is lost


@pytest.mark.parametrize("text", ["ㅇㅋ", "ㅁㄹ", "몰라요ㅠㅠ", "ㅠㅠ 선생님"])
def test_a_lone_letter_abbreviation_or_a_word_is_no_emoji(text: str) -> None:
    assert not only_emoji(text) and not seems_lost(text)


def test_a_thank_you_with_korean_laughter_is_only_thanks() -> None:
    assert only_thanks("감사합니다ㅎㅎ") and only_thanks("고마워요 ㅠㅠ")


@pytest.mark.parametrize(("typed", "name", "reads"), [
    ("Hao", "浩", True), ("hao", "浩", True), ("Li Wei", "李伟", True), ("liwei", "李伟", True),
    ("Li-Wei", "李伟", True), ("Hao", "李伟", False), ("Wei", "李伟", False),
    ("Hao", "Hao", False), ("", "浩", False),
])
def test_a_chinese_name_reads_as_its_toneless_pinyin(typed: str, name: str, reads: bool) -> None:
    assert read_as(typed, name) is reads


@pytest.mark.parametrize(("typed", "name", "reads"), [
    ("Jiwoo", "지우", True), ("Ji-woo", "지우", True), ("jiu", "지우", True),
    ("Hyunwoo", "현우", True), ("Eunji", "은지", True), ("Seojun", "서준", True),
    ("Jiwoo", "김지우", True), ("Kim Jiwoo", "김지우", True), ("Jiwon", "지우", False),
    ("Hao", "지우", False), ("Jiwoo", "Jiwoo", False), ("", "지우", False),
])
def test_a_korean_name_reads_as_families_spell_it(typed: str, name: str, reads: bool) -> None:
    assert hangul_names.read_as(typed, name) is reads
