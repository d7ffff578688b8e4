"""Pack validation: every problem named with file and line; a broken file loads nothing."""

from __future__ import annotations

import pytest

from bot.domain.packs import PackError, parse_pack

GOOD = """[pack]
id = "science.tiny"
title = "Tiny"
subject = "science"
grades = [4, 6]

[[words]]
term = "habitat"
pos = "noun"
tier = 3
definition = "The natural home of an animal or plant."
example = "The desert is the habitat of the camel."

[words.glosses]
es = { term = "hábitat", cognate = true }
"""


def problems(text: str) -> list[str]:
    with pytest.raises(PackError) as caught:
        parse_pack(text, "tiny.toml")
    return [str(p) for p in caught.value.problems]


def test_valid_pack_loads_with_glosses() -> None:
    pack = parse_pack(GOOD, "tiny.toml")
    assert pack.id == "science.tiny"
    assert pack.words[0].glosses["es"].term == "hábitat"
    assert pack.words[0].glosses["es"].cognate


def test_empty_file_is_reported() -> None:
    assert problems("  \n") == ["tiny.toml:1: the file is empty; a pack needs [pack] and "
                                "[[words]]"]


def test_bad_toml_names_the_line() -> None:
    found = problems(GOOD.replace('tier = 3', 'tier = = 3'))
    assert found[0].startswith("tiny.toml:10: not valid TOML")


def test_missing_field_names_the_word_and_its_line() -> None:
    found = problems(GOOD.replace('definition = "The natural home of an animal or plant."\n', ""))
    assert found == ["tiny.toml:7: word 1 (habitat): missing required field 'definition'"]


def test_wrong_type_is_reported_on_its_line() -> None:
    found = problems(GOOD.replace('tier = 3', 'tier = "three"'))
    assert found == ["tiny.toml:10: word 1 (habitat): 'tier' must be 1, 2 or 3"]


def test_unknown_language_code_in_glosses() -> None:
    found = problems(GOOD.replace('es = {', 'xx = {'))
    assert found == ["tiny.toml:15: word 1 (habitat): unknown language code 'xx' in glosses"]


def test_example_must_use_the_term_as_a_whole_word() -> None:
    found = problems(GOOD.replace("habitat of the camel", "home of the camel"))
    assert "the example must use the term 'habitat'" in found[0]


def test_every_problem_is_listed_not_just_the_first() -> None:
    broken = GOOD.replace('subject = "science"', 'subject = "cooking"').replace(
        'pos = "noun"', 'pos = "thing"')
    found = problems(broken)
    assert len(found) == 2
    assert found[0].startswith("tiny.toml:4:") and found[1].startswith("tiny.toml:9:")


def test_duplicate_words_are_caught() -> None:
    word = GOOD[GOOD.index("[[words]]"):]
    found = problems(GOOD + "\n" + word)
    assert any("repeats word 1" in p for p in found)


def test_cognate_and_false_friend_together_is_contradictory() -> None:
    found = problems(GOOD.replace('cognate = true', 'cognate = true, false_friend = "x"'))
    assert "both a cognate and a false friend" in found[0]
