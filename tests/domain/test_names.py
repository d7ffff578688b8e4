"""Names and labels people type are stored and shown without invisible or direction tricks."""

from __future__ import annotations

import pytest

from bot.domain.names import LABEL_LIMIT, NAME_LIMIT, clean_label, clean_name, inert


@pytest.mark.parametrize(("typed", "stored"), [
    ("A\u200bna", "Ana"),                    # zero-width space: would look like "Ana"
    ("A\u200cna", "Ana"),                    # a joiner between Latin letters hides a spoof
    ("\u2060Ana\ufeff", "Ana"),              # word joiner, byte-order mark
    ("\u202eanA", "anA"),                    # right-to-left override
    ("Ana\u202a\u202b\u202c\u202d", "Ana"),  # embeddings and pop
    ("\u2066Ana\u2069\u2069\u2067", "Ana"),  # isolates, unbalanced
    ("Ana\u200e\u200f\u061c", "Ana"),        # direction marks
    ("Ana\x00\x07\x1b[31m", "Ana[31m"),      # control characters
    ("  Ana \n\t María\u00a0\u3000Ríos  ", "Ana María Ríos"),
    ("Jo & <3", "Jo & <3"),                  # HTML is escaped where shown, not removed here
    ("$x^$", "$x^$"),
])
def test_invisible_and_direction_characters_are_removed(typed: str, stored: str) -> None:
    assert clean_name(typed) == stored


def test_names_are_nfc_so_the_same_name_is_the_same_string() -> None:
    assert clean_name("Jose\u0301") == "Jos\u00e9"


@pytest.mark.parametrize("name", ["مهر\u200cآفرین", "नि\u200dत्य", "Nguyễn Thị Ánh",
                                  "李华", "Zoë", "👩\u200d🏫 Lu"])
def test_real_names_in_other_scripts_keep_their_joiners(name: str) -> None:
    assert clean_name(name) == name


@pytest.mark.parametrize("typed", ["", "   ", "\u200b\u200b", "\u202e", "\u3164", None,
                                   "\u0301\u0301"])
def test_nothing_visible_left_is_empty_so_the_caller_uses_a_placeholder(
        typed: str | None) -> None:
    assert clean_name(typed) == ""


def test_names_and_labels_are_capped() -> None:
    assert len(clean_name("x" * 500)) == NAME_LIMIT
    assert len(clean_label("y" * 500)) == LABEL_LIMIT


def test_a_cut_never_leaves_a_dangling_joiner() -> None:
    name = "ب" * (NAME_LIMIT - 1) + "\u200c" + "ب"
    assert not clean_name(name).endswith("\u200c")


def test_stacked_accents_are_limited() -> None:
    assert clean_name("a" + "\u0301" * 50) == "\u00e1" + "\u0301" * 4


def test_longer_text_keeps_its_lines_but_loses_its_tricks() -> None:
    assert inert("one\r\ntwo\u2028three\u202e\rfour") == "one\ntwo\nthree\nfour"
