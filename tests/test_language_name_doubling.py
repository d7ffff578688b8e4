"""A language's name placed in a sentence never doubles the word around it: Hmong names a
language "lus Hmoob" (Hmong speech), so "lo lus {language}" read "lo lus lus Hmoob" to a Hmong
family (playtest). Every template of every language that names a language is rendered with
that language's own name, and with every school language as its reader calls it."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest

from bot.domain.language import SUPPORTED_UI
from bot.presentation.i18n import (
    Catalog,
    LanguageName,
    Plural,
    language_name,
    placeholders,
    reader_language,
)
from bot.standin.html_check import parse_html

_WORD = re.compile(r"\w+")


def _naming(catalog: Catalog, lang: str) -> list[str]:
    return sorted(key for key, template in catalog.messages[lang].items()
                  if "language" in placeholders(template))


def doubled(text: str) -> list[str]:
    """Words said twice in a row ("lus lus"), case aside."""
    words = [w.casefold() for w in _WORD.findall(text) if not w.isdigit()]
    return [a for a, b in pairwise(words) if a == b]


def name_doubles(catalog: Catalog, key: str, lang: str, name: LanguageName) -> list[str]:
    """The doubled words the language name brings into a template: those its sentence has
    with the name, less those it has anyway ("xov luv luv", Hmong's "short short": short)."""
    template = catalog.messages[lang][key]
    params: dict[str, object] = {field: f"X{n}" for n, field in
                                 enumerate(sorted(placeholders(template)))}
    if isinstance(template, Plural):
        params[template.argument] = 3
    plain = doubled(parse_html(catalog.render(key, lang, **params)).text)
    params["language"] = name
    with_name = doubled(parse_html(catalog.render(key, lang, **params)).text)
    return [word for word in with_name if with_name.count(word) > plain.count(word)]


def test_a_doubled_word_is_found(catalog: Catalog) -> None:
    assert doubled("Muaj qee lo lus lus Hmoob ntawm no") == ["lus"]
    assert doubled("Muaj qee lo lus Hmoob ntawm no") == []
    assert name_doubles(catalog, "family-welcome", "hmn", language_name("hmn")) == []


@pytest.mark.parametrize("lang", SUPPORTED_UI)
def test_no_language_name_doubles_a_word_of_its_sentence(catalog: Catalog, lang: str) -> None:
    # its own name, as a message written for its speakers says it and as its reader calls it;
    # every other school language as its reader calls it (English aside: a message naming
    # English beside "English below" is never sent)
    names = [language_name(lang), reader_language(lang)]
    names += [reader_language(code) for code in SUPPORTED_UI if code not in (lang, "en")]
    found = [f"{key} ({name.code}): {words}" for key in _naming(catalog, lang) for name in names
             if (words := name_doubles(catalog, key, lang, name))]
    assert found == []
