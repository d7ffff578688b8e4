"""A missed answer's feedback names the home-language word only when there is one: a word
with no gloss in the student's language never reads "compare (compare)"."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.domain.checks import Grade
from bot.domain.typed_answers import Verdict
from bot.presentation.check_views import feedback_text
from bot.presentation.i18n import Catalog
from bot.services.answers import Feedback


def missed(l1_term: str | None) -> Feedback:
    return Feedback(1001, "Ana", 7, Grade(False, False, "compare"), "compare", l1_term, "es",
                    False, False, None, None)


def test_a_missed_word_without_a_gloss_is_not_named_twice(catalog: Catalog) -> None:
    text = feedback_text(missed(None), catalog)
    assert "Esta vez no. La respuesta es <b>compare</b>. La verás otra vez pronto." in text
    assert "(<b>compare</b>)" not in text


def test_a_missed_word_with_a_gloss_names_it_beside_the_answer(catalog: Catalog) -> None:
    assert "La respuesta es <b>compare</b> (<b>comparar</b>)." in feedback_text(
        missed("comparar"), catalog)


@pytest.mark.parametrize(("lang", "opening", "almost"), [
    ("es", "Esta vez no. La respuesta es <b>compare</b>", "Casi"),
    ("so", "Markan sax ma aha. Jawaabtu waa <b>compare</b>", "Ku dhowaad"),
    ("pt", "Não foi desta vez. A resposta é <b>compare</b>", "Quase"),
    ("zh", "这次不对。答案是 <b>compare</b>", "差一点"),
])
def test_a_plain_miss_says_not_this_time_never_almost(catalog: Catalog, lang: str,
                                                      opening: str, almost: str) -> None:
    """"Casi." and "Ku dhowaad!" mean "almost": a child who typed something unrelated (or
    nothing she knew) was told she nearly had it (playtest finding)."""
    text = feedback_text(replace(missed(None), lang=lang), catalog)
    assert text.startswith(opening)
    assert almost not in text


def test_a_wrong_tap_says_what_the_chosen_word_means_in_both_languages(catalog: Catalog) -> None:
    """A playtest child mixed up food web and food chain for a week: the feedback named only
    the right word, never what the word she kept choosing meant."""
    tapped = replace(missed("chèn alimantè"), lang="ht", term="food chain",
                     grade=Grade(False, True, "food chain", chosen="food web"),
                     chosen=("food web", "rezo alimantè"))
    text = feedback_text(tapped, catalog)
    assert "Repons ou a, <b>food web</b>, vle di <b>rezo alimantè</b>." in text
    # then in English, as every line around it (a Hmong level-1 child read it alone, playtest)
    assert ("vle di <b>rezo alimantè</b>.\n"
            "Your answer, <b>food web</b>, means <b>rezo alimantè</b>.") in text
    assert "Repons ou a" not in feedback_text(replace(tapped, chosen=None), catalog)


@pytest.mark.parametrize(("lang", "own"), [("tl", "gas"), ("ht", "Gas"), ("es", "gás")])
def test_a_home_word_written_as_the_english_one_is_not_said_twice(catalog: Catalog, lang: str,
                                                                  own: str) -> None:
    """Tagalog playtest: "Ang sagot ay gas (gas)". Case and accents aside it is one word."""
    gas = replace(missed(own), lang=lang, term="gas", grade=Grade(False, False, "gas"))
    text = feedback_text(gas, catalog)
    assert "<b>gas</b> (<b>" not in text and "<b>gas</b>（<b>" not in text
    assert "The answer is <b>gas</b>. You will see it again soon." in text
    shrug = feedback_text(replace(gas, grade=Grade(False, False, "gas", Verdict.DONT_KNOW)),
                          catalog)
    assert "The word is <b>gas</b>. You will see it again soon." in shrug


def test_a_tap_whose_meaning_is_the_same_word_says_nothing_more(catalog: Catalog) -> None:
    """"Your answer, solid, means solid" (Haitian Creole: solid is solid) tells her nothing."""
    tapped = replace(missed("likid"), lang="ht", term="liquid",
                     grade=Grade(False, True, "liquid", chosen="solid"),
                     chosen=("solid", "solid"))
    text = feedback_text(tapped, catalog)
    assert "Repons ou a" not in text and "Your answer" not in text
    assert "Repons lan se <b>liquid</b> (<b>likid</b>)." in text


def test_the_home_language_word_beside_the_answer_leaves_its_explanation_out(
        catalog: Catalog) -> None:
    """Korean playtest: "정답: expression (식 (문자식))" read as nested brackets; the question
    had named it "식", as a list beside the English word does."""
    text = feedback_text(replace(missed("식 (문자식)"), lang="ko", term="expression",
                                 grade=Grade(False, False, "expression")), catalog)
    assert "<b>expression</b> (<b>식</b>)" in text and "문자식" not in text
