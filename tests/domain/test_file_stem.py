"""File names made from class names: no leading dash for a shell to read as an option."""

from __future__ import annotations

import pytest

from bot.domain.names import file_stem


@pytest.mark.parametrize(("name", "stem"), [
    ("<script>&", "script"),
    ("Science 7B", "Science-7B"),
    ("  --7B -- Science!! ", "7B-Science"),
    ("Ciencias 7º — año", "Ciencias-7º-año"),
    ("&&&", "class"),
])
def test_a_class_name_becomes_a_file_name_a_shell_reads_as_a_name(name: str, stem: str) -> None:
    assert file_stem(name) == stem
    assert not stem.startswith("-") and "--" not in stem
