"""How a newcomer schooled in French and a Vietnamese child who types without diacritics say
"I don't know" in chat: "jsp", "je c pas"; "kb", "ko bit", "hok biet". Playtest: Aissatou
(French, level 1) typed "jsp" at a question and was told to tap one of the answers; Minh
(Vietnamese, level 2) types "khong biet" and its shorthand."""

from __future__ import annotations

import pytest

from bot.domain.dont_know import says_dont_know
from bot.domain.typed_answers import Verdict, grade


@pytest.mark.parametrize(("typed", "lang", "home"), [
    ("jsp", "fr", "photosynthèse"), ("Jsp", "fr", "photosynthèse"),
    ("je c pas", "fr", "photosynthèse"), ("j'en sais rien", "fr", "photosynthèse"),
    ("kb", "vi", "quang hợp"), ("ko bit", "vi", "quang hợp"), ("hok biet", "vi", "quang hợp"),
    ("k bit", "vi", "quang hợp"), ("em ko biet", "vi", "quang hợp"),
    ("khum biet", "vi", "quang hợp"),
])
def test_i_dont_know_in_french_and_vietnamese_chat_is_a_kind_miss(
        typed: str, lang: str, home: str) -> None:
    assert says_dont_know(typed)
    assert grade(typed, "photosynthesis", home_terms=[home], lang=lang).kind \
        is Verdict.DONT_KNOW


@pytest.mark.parametrize("typed", ["jsp photosynthesis", "kb cell", "bit", "k", "sp"])
def test_a_word_beside_the_shorthand_is_still_an_answer(typed: str) -> None:
    assert not says_dont_know(typed)
