"""Text typed while a question's buttons wait: a go at an answer gets the pointer alone, a
message (a sentence in her own language under options in it) is offered to the teacher too."""

from __future__ import annotations

import pytest

from bot.domain.answer_attempts import in_another_script, message_around, tries_an_answer

ZH = ("图书馆", "老师", "学校", "铅笔")
AR = ("الكلب", "القطة", "المدرسة", "المعلم")
KO = ("고양이", "강아지", "학교", "선생님")
RU = ("собака", "кошка", "школа", "учитель")
EN = ("library", "teacher", "school", "pencil")


@pytest.mark.parametrize(("text", "options"), [
    ("你好老师我不懂", ZH),  # hello teacher, I don't understand: shares 老师, but a sentence
    ("我不会", ZH), ("你好", ZH),  # I can't / hello: no character of any option
    ("لا أفهم السؤال", AR), ("مرحبا يا أستاذ", AR),
    ("선생님 안녕하세요 모르겠어요", KO), ("잘 모르겠어요", KO),
    ("я не понимаю", RU), ("привет учитель я не знаю", RU),
    ("你好", EN), ("I do not understand this question at all", EN),
    ("ㄌㄠˇ ㄕ ㄨㄛˇ ㄅㄨˋ ㄏㄨㄟˋ", EN),  # 老师我不会, in Zhuyin: a sentence
    ("你好老师我不懂", ("habitat",)), ("我不会英语", EN), ("مرحبا يا أستاذ", EN),
])
def test_a_sentence_in_her_language_is_a_message(text: str, options: tuple[str, ...]) -> None:
    assert not tries_an_answer(text, options)


@pytest.mark.parametrize(("text", "options"), [
    ("图书馆", ZH), ("图书", ZH), ("是图书馆", ZH), ("老帅", ZH), ("猫", ZH),
    ("كلب", AR), ("الكلب", AR), ("المعلمة", AR), ("قطة", AR),
    ("고양이", KO), ("고양이가", KO), ("학교에", KO),
    ("собаку", RU), ("учителя", RU), ("большая собака", RU), ("кот", RU),
    ("3", ZH), ("orange", EN), ("hello there", EN), ("the teacher", EN),
    # one character or word in a script no option uses (playtest, Lin: "猫" reached the
    # teacher)
    ("猫", EN), ("猫", ("habitat",)), ("كلب", EN), ("кот", EN),
    # a word's Zhuyin, spaced or not, with its tone marks or not (playtest, Jun-yu, 11)
    ("ㄕㄥ ㄊㄞˋ", EN), ("ㄕㄥㄊㄞˋㄒㄧˋㄊㄨㄥˇ", EN), ("ㄇㄠ", ("habitat",)),
])
def test_a_go_at_an_option_is_a_guess(text: str, options: tuple[str, ...]) -> None:
    assert tries_an_answer(text, options)


@pytest.mark.parametrize(("text", "answer", "other"), [
    ("猫", "habitat", True), ("你好老师我不懂", "habitat", True), ("موطن", "habitat", True),
    ("ㄓㄨㄥˇ ㄑㄩㄣˊ", "population", True),  # Zhuyin: the sounds of 种群, no English letter
    ("organsim", "organism", False), ("habitat 猫", "habitat", False), ("3", "habitat", False),
])
def test_text_no_spelling_of_the_english_word_could_use(text: str, answer: str,
                                                        other: bool) -> None:
    assert in_another_script(text, answer) is other


@pytest.mark.parametrize(("text", "message"), [
    ("老师，这个ratio和rate有什么区别？", True), ("ما هو ratio يا أستاذة", True),
    ("habitat predator prey (موطن)", False), ("ratio 比", False), ("比", False),
    ("c'est la ratio", False), ("ratio", False),
])
def test_a_sentence_in_another_script_around_english_words_is_a_message(
        text: str, message: bool) -> None:
    """Chinese playtest: Hao's question to his teacher about two words, at a question to write,
    was "write the English word" (and spent his one such retry)."""
    assert message_around(text, "ratio") is message
