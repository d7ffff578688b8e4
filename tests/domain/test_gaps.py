"""Gap sentences: the word a check blanks out is the whole word, never part of a longer one."""

from __future__ import annotations

import pytest

from bot.domain.gaps import gap_span, gap_spans, gapped_sentence, inside_words


@pytest.mark.parametrize(("sentence", "term", "forms", "blanked"), [
    ("The settler built a cabin.", "settler", (), "settler"),
    ("Settler families came in 1850.", "settler", (), "Settler"),
    ("A SETTLER arrived.", "settler", (), "SETTLER"),
    ("The settlers built a cabin.", "settler", ("settlers",), "settlers"),
    ("Grass, then a frog: that is one food chain.", "food chain", (), "food chain"),
    ("Draw a food\nchain on the board.", "food chain", (), "food\nchain"),
    ("Three food chains cross here.", "food chain", ("food chains",), "food chains"),
    ("The author's pictures are bright.", "author", (), "author"),
    ("Is it an even number?", "even number", (), "even number"),
    ("He analyzes the water.", "analyze", ("analyzes", "analyzed"), "analyzes"),
    ("(habitat)", "habitat", (), "habitat"),
])
def test_gap_blanks_the_whole_word_or_a_listed_form(sentence: str, term: str,
                                                     forms: tuple[str, ...],
                                                     blanked: str) -> None:
    span = gap_span(sentence, term, forms)
    assert span is not None
    start, end = span
    assert sentence[start:end] == blanked


@pytest.mark.parametrize(("sentence", "term", "forms"), [
    ("The settlers built a cabin.", "settler", ()),
    ("The settlers built a cabin.", "settler", ("settled",)),
    ("A book about real astronauts is nonfiction.", "fiction", ()),
    ("A non-fiction book tells true facts.", "fiction", ()),
    ("We start at nine.", "art", ()),
    ("The food in the chain store is cheap.", "food chain", ()),
    ("", "habitat", ()),
])
def test_no_gap_when_the_word_only_sits_inside_another(sentence: str, term: str,
                                                        forms: tuple[str, ...]) -> None:
    assert gap_span(sentence, term, forms) is None
    assert gapped_sentence(sentence, term, forms) is None


def test_the_first_occurrence_wins_whichever_form_it_is() -> None:
    sentence = "Ecosystems change when one ecosystem loses its water."
    assert gap_span(sentence, "ecosystem", ["ecosystems"]) == (0, 10)


def test_a_longer_form_wins_over_the_term_at_the_same_place() -> None:
    sentence = "The food chains in a pond are short."
    assert gapped_sentence(sentence, "food chain", ["food chains"]) == \
        "The _____ in a pond are short."


def test_gapped_sentence_blanks_only_the_first_occurrence() -> None:
    assert gapped_sentence("A force is a force.", "force") == "A _____ is a force."


def test_gapped_sentence_takes_a_custom_gap() -> None:
    assert gapped_sentence("Mice are prey.", "prey", gap="[ ? ]") == "Mice are [ ? ]."


def test_every_occurrence_is_counted_across_term_and_forms() -> None:
    sentence = "One settler and two settlers met a settler."
    assert len(gap_spans(sentence, "settler", ["settlers"])) == 3
    assert len(gap_spans(sentence, "settler")) == 2


def test_blank_forms_are_ignored() -> None:
    assert gap_span("The settler waved.", "settler", ["", "  "]) == (4, 11)


@pytest.mark.parametrize(("sentence", "term", "found"), [
    ("The settlers built a cabin.", "settler", ["settlers"]),
    ("A non-fiction book.", "fiction", ["non-fiction"]),
    ("The settler built a cabin.", "settler", []),
    ("Nothing here.", "settler", []),
])
def test_inside_words_names_the_longer_word_to_explain_a_miss(sentence: str, term: str,
                                                              found: list[str]) -> None:
    assert inside_words(sentence, term) == found
