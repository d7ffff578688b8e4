""""How do you say X in English?" names X in each language Puente speaks (Haitian playtest:
"kijan yo di cellule an angle?" was offered to the teacher as chat)."""

from __future__ import annotations

import pytest

from bot.domain.gloss_lookup import asked_word


@pytest.mark.parametrize(("text", "word"), [
    ("kijan yo di cellule an angle?", "cellule"),
    ("Comment dit-on cellule en anglais ?", "cellule"),
    ("¿Cómo se dice célula en inglés?", "célula"),
    ("Como se diz célula em inglês?", "célula"),
    ("How do you say célula in English?", "célula"),
    ("unug tiếng Anh là gì", "unug"),
    ("细胞用英语怎么说？", "细胞"),
    ("كيف أقول خلية بالإنجليزية؟", "خلية"),
    ("세포 영어로 뭐예요?", "세포"),
    ("Как сказать клетка по-английски?", "клетка"),
    ("Ano ang selula sa Ingles?", "selula"),
    ("Sidee loo yiraahdaa unug Ingiriisi?", "unug"),
    ("lub cell lus Askiv hais li cas", "lub cell"),
])
def test_the_word_asked_about_is_named(text: str, word: str) -> None:
    assert asked_word(text) == word


@pytest.mark.parametrize("text", ["cellule", "je ne comprends pas", "how are you?"])
def test_other_text_asks_about_no_word(text: str) -> None:
    assert asked_word(text) is None
