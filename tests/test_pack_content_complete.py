"""The shipped packs are complete: every word without a picture has a home-language definition
to be asked by at levels 1-2, and every language with curated glosses covers (almost) every
word."""

from __future__ import annotations

from bot.domain.language import LANGUAGES, Capability
from bot.services.packs import coverage, load_packs

LOAD = load_packs()
WORDS = [(pack.id, word) for pack in LOAD.packs for word in pack.words]
MIN_GLOSSED, OF = 150, 160  # at least 150 of the 160 shipped words


def test_the_shipped_packs_load_without_problems() -> None:
    assert LOAD.ok, [str(p) for p in LOAD.problems]
    assert len(WORDS) == OF


def test_every_shipped_word_without_a_picture_has_a_definition_in_every_glossed_language(
        ) -> None:
    """Pictures are kept only where they name the word (docs/packs.md, `emoji`): a level 1-2
    check asks the others by the home-language definition."""
    missing = [f"{pack_id}:{word.term}:{lang}" for pack_id, word in WORDS if not word.emoji
               for lang, gloss in word.glosses.items() if not gloss.definition]
    assert missing == []


def _glossed_languages() -> list[str]:
    """Catalogue languages that promise curated glosses, and any that has one in a pack."""
    promised = {code for code, lang in LANGUAGES.items()
                if Capability.GLOSSES in lang.capabilities and code != "en"}
    present = {code for _, word in WORDS for code in word.glosses}
    return sorted(promised | (present & set(LANGUAGES)))


def test_the_catalogue_languages_with_glosses_are_the_twelve_shipped_ones() -> None:
    assert _glossed_languages() == sorted(
        ["es", "ar", "zh", "vi", "hmn", "so", "ru", "ht", "tl", "ko", "pt", "fr"])


def test_every_language_with_curated_glosses_covers_at_least_150_of_160_words() -> None:
    short = {row.lang: f"{row.glossed}/{row.total}"
             for row in coverage(LOAD.packs, _glossed_languages())
             if row.glossed * OF < MIN_GLOSSED * row.total}
    assert short == {}
