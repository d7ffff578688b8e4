"""A missed answer's feedback names the home-language word only when there is one: a word
with no gloss in the student's language never reads "compare (compare)"."""

from __future__ import annotations

from bot.domain.checks import Grade
from bot.presentation.i18n import Catalog
from bot.presentation.views import feedback_text
from bot.services.answers import Feedback


def missed(l1_term: str | None) -> Feedback:
    return Feedback(1001, "Ana", 7, Grade(False, False, "compare"), "compare", l1_term, "es",
                    False, False, None, None)


def test_a_missed_word_without_a_gloss_is_not_named_twice(catalog: Catalog) -> None:
    text = feedback_text(missed(None), catalog)
    assert "Casi. La respuesta es <b>compare</b>. La verás otra vez pronto." in text
    assert "(<b>compare</b>)" not in text


def test_a_missed_word_with_a_gloss_names_it_beside_the_answer(catalog: Catalog) -> None:
    assert "La respuesta es <b>compare</b> (<b>comparar</b>)." in feedback_text(
        missed("comparar"), catalog)
