""""How do you say X in English?" names X in each language Puente speaks (Haitian playtest:
"kijan yo di cellule an angle?" was offered to the teacher as chat)."""

from __future__ import annotations

import pytest

from bot.domain.free_text import meaning_asked
from bot.domain.gloss_lookup import asked_word


@pytest.mark.parametrize(("text", "word"), [
    ("kijan yo di cellule an angle?", "cellule"),
    ("Comment dit-on cellule en anglais ?", "cellule"),
    ("¿Cómo se dice célula en inglés?", "célula"),
    ("Como se diz célula em inglês?", "célula"),
    ("How do you say célula in English?", "célula"),
    ("unug tiếng Anh là gì", "unug"),
    ("te bao tieng anh la gi", "te bao"),  # typed without its accents
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


@pytest.mark.parametrize(("text", "word"), [
    ("ما معنى خلية", "خلية"),
    ("ما معني خليه؟", "خليه"),
    ("شو يعني nucleus", "nucleus"),
    ("shu ya3ni nucleus", "nucleus"),
    ("ما فهمت الكلمة membrane يعني ايه؟", "membrane"),
    ("ana mish fahem membrane", "membrane"),
    ("cell la gi", "cell"),
    ("cell nghia la gi", "cell"),
    ("cell là gì?", "cell"),
])
def test_what_does_a_word_mean_names_the_word(text: str, word: str) -> None:
    assert meaning_asked(text) == word


@pytest.mark.parametrize("text", ["خلية", "ana mish fahem", "la gi", "nucleus",
                                  "ana mish fahem I need help with my homework today please"])
def test_a_word_alone_or_a_sentence_asks_no_meaning(text: str) -> None:
    assert meaning_asked(text) is None
