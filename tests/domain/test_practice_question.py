"""A family's "which words can she practise at home?", in each language Puente speaks; and
messages that only mention words, or ask how she is doing."""

from __future__ import annotations

import pytest

from bot.domain.progress_question import PRACTICE_ASKED, asks_practice_words, asks_progress


@pytest.mark.parametrize(("language", "text"), [
    ("so", "Erayadee ayay Hodan guriga ku celcelin kartaa?"),
    ("es", "¿Qué palabras puede practicar Ana en casa?"),
    ("en", "What words can she practise at home?"), ("en", "Which words should he practice?"),
    ("fr", "Quels mots peut-il réviser à la maison ?"),
    ("pt", "Quais palavras ele pode praticar em casa?"), ("ht", "Ki mo li ka pratike lakay?"),
    ("hmn", "Tou yuav xyaum cov lo lus twg hauv tsev?"),
    ("vi", "Cháu có thể ôn từ vựng nào ở nhà?"), ("zh", "他在家可以练习哪些单词？"),
    ("ar", "ما هي الكلمات التي يمكن أن يراجعها في البيت؟"), ("ko", "어떤 단어를 연습하면 돼요?"),
    ("ru", "Какие слова ему повторять дома?"),
    ("tl", "Anong mga salita ang pwedeng praktisin ni Jose?"),
    ("so", "What words can Hodan practise?"),  # English mixed in
])
def test_which_words_to_practise_is_recognised(language: str, text: str) -> None:
    assert asks_practice_words(text, language)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Thank you for the words"), ("en", "She knows many words now"),
    ("so", "Hodan erayo badan ayay taqaan"), ("so", "Hodan sidee bay u socotaa?"),
    ("es", "Las palabras del libro son difíciles"), ("zh", "谢谢老师的单词卡"),
])
def test_a_message_that_only_mentions_words_is_no_such_question(language: str,
                                                                 text: str) -> None:
    assert not asks_practice_words(text, language)


def test_every_language_has_a_pattern() -> None:
    assert set(PRACTICE_ASKED) == {"en", "es", "fr", "pt", "ht", "so", "hmn", "vi", "zh", "ar",
                                   "ko", "ru", "tl"}


@pytest.mark.parametrize(("language", "text"), [
    ("ko", "지우 잘 하고 있나요? 숙제 있어요?"), ("ko", "지우 공부 잘해요?"),
    ("ko", "지우는 학교에서 잘 지내고 있나요?"), ("ko", "학교에서 어때요?"),
    ("zh", "浩浩学得怎么样？"), ("zh", "他在学校表现怎么样？"),
])
def test_how_is_the_child_doing_is_recognised_as_a_grandmother_types_it(language: str,
                                                                         text: str) -> None:
    """Korean playtest: a grandmother's "지우 잘 하고 있나요?" (is Ji-woo doing well?) got no
    week first, and reached an English-only teacher in Korean."""
    assert asks_progress(text, language)


@pytest.mark.parametrize(("language", "text"), [
    ("ko", "선생님 잘 지내세요?"), ("ko", "지우 잘 먹고 있어요"), ("ko", "숙제 있어요?"),
    ("ko", "감사합니다"), ("zh", "谢谢老师"),
])
def test_a_greeting_or_other_question_is_no_progress_question(language: str, text: str) -> None:
    assert not asks_progress(text, language)
