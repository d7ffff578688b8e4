"""The shipped packs are complete: every word has a picture, and every language with curated
glosses covers (almost) every word."""

from __future__ import annotations

from bot.domain.language import LANGUAGES, Capability
from bot.services.packs import coverage, load_packs

LOAD = load_packs()
WORDS = [(pack.id, word) for pack in LOAD.packs for word in pack.words]
MIN_GLOSSED, OF = 150, 160  # at least 150 of the 160 shipped words


def test_the_shipped_packs_load_without_problems() -> None:
    assert LOAD.ok, [str(p) for p in LOAD.problems]
    assert len(WORDS) == OF


def test_every_shipped_word_has_an_emoji() -> None:
    missing = [f"{pack_id}:{word.term}" for pack_id, word in WORDS
               if not (word.emoji and word.emoji.strip())]
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
