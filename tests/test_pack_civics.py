"""A grade 9-12 civics class has a pack of its own: social-studies.civics-government, 21 words
of US government a newcomer aged 14-17 meets in class, glossed in the twelve home languages and
counted as not yet checked by a native speaker (a grade-10 class had only the grades 4-8
government-history pack, with its child placement pictures)."""

from __future__ import annotations

import random

import pytest

from bot.domain import item_rules
from bot.domain.checks import WordRef
from bot.domain.gaps import gap_span
from bot.domain.item_building import build_item
from bot.domain.scaffold import ItemType, scaffold_for
from bot.services.packs import load_packs

PACKS = load_packs().packs
CIVICS = "social-studies.civics-government"
HISTORY = "social-studies.government-history"
GLOSS_LANGS = ("es", "fr", "pt", "ht", "so", "hmn", "vi", "zh", "ar", "ko", "ru", "tl")
[PACK] = [p for p in PACKS if p.id == CIVICS]
WORDS = {w.term: w for w in PACK.words}


def test_the_civics_pack_is_for_high_school_and_brings_words_no_other_pack_has() -> None:
    assert (PACK.subject, PACK.grades, len(PACK.words)) == ("social-studies", (9, 12), 21)
    assert {"amendment", "federal", "legislative", "executive", "judicial", "court", "tax",
            "veto", "checks and balances", "represent"} <= set(WORDS)
    elsewhere = {w.term for p in PACKS if p.id != CIVICS for w in p.words}
    assert [t for t in WORDS if t in elsewhere] == []


def test_every_civics_word_is_glossed_in_twelve_languages_and_marked_unchecked() -> None:
    for word in PACK.words:
        assert sorted(word.glosses) == sorted(GLOSS_LANGS), word.term
        assert [lang for lang, g in word.glosses.items()
                if g.reviewed or not g.simple or not g.definition] == [], word.term


def test_every_civics_word_has_three_gap_sentences_naming_no_other_word_of_the_pack() -> None:
    for word in PACK.words:
        assert len(word.clozes) >= 3 and not word.emoji and word.frame, word.term
        others = [w for w in PACK.words if w is not word]
        assert [(o.term, s) for s in word.clozes for o in others
                if gap_span(s, o.term, o.forms) is not None] == [], word.term


def test_the_civics_words_with_an_everyday_meaning_say_which_one() -> None:
    """"branch" is not a tree's, a "bill" not one to pay, a "court" not for sports, the
    "executive" not a company boss, a "political party" no celebration; and the look-alike
    banknote or ticket is a false friend of "bill" in Spanish, French and Portuguese. No term is
    capitalised (Congress, Senate): it would be the one capital among lower-case options. No
    definition names its own word, and no gloss spells the English word unless it is a cognate
    (a check asking by it would show the answer)."""
    assert "tree" in WORDS["branch"].definition
    assert "pay" in WORDS["bill"].definition
    assert "sports" in WORDS["court"].definition
    assert "company" in WORDS["executive"].definition
    assert "celebration" in WORDS["political party"].definition
    assert {lang: g.false_friend for lang, g in WORDS["bill"].glosses.items()
            if g.false_friend} == {"es": "billete", "fr": "billet", "pt": "bilhete"}
    assert [t for t in WORDS if not t.islower()] == []
    assert [w.term for w in PACK.words if item_rules.answer_in_text(w.definition, w)
            or any(item_rules.cognate_in(g.term, w) and not g.cognate
                   for g in w.glosses.values())] == []


def test_a_civics_gloss_is_another_packs_word_only_where_the_language_has_one_word_for_both(
        ) -> None:
    """No short gloss of the civics pack is, in the same language, the gloss of a different word
    of another shipped pack, but for "freedom": Tagalog «kalayaan» and Hmong «kev ywj pheej»
    are also "independence" (government-history), as in each language's own usage."""
    others: dict[tuple[str, str], set[str]] = {}
    for pack in PACKS:
        if pack.id != CIVICS:
            for word in pack.words:
                for lang, gloss in word.glosses.items():
                    for text in (gloss.term, gloss.short_term):
                        others.setdefault((lang, text.casefold()), set()).add(word.term)
    clashes = sorted((word.term, lang, sorted(others[key]))
                     for word in PACK.words for lang, gloss in word.glosses.items()
                     for key in {(lang, text.casefold()) for text in (gloss.term,
                                                                      gloss.short_term)}
                     if others.get(key, set()) - {word.term})
    assert clashes == [("freedom", "hmn", ["independence"]), ("freedom", "tl", ["independence"])]


@pytest.mark.parametrize("lang", ["tl", "hmn"])
@pytest.mark.parametrize("kind", [ItemType.CHOICE, ItemType.REVERSE, ItemType.POLL,
                                  ItemType.CLOZE, ItemType.LISTEN])
def test_freedom_and_independence_are_never_options_of_one_check_where_one_word_means_both(
        lang: str, kind: ItemType) -> None:
    """A student of the grades 4-8 history class who also has "freedom" (a second class, or a
    push) is never asked to tell it from "independence" in a language that says both with one
    word: either would be right by its meaning. Her other cards are history words, so without
    that rule "independence" would be freedom's likeliest option."""
    refs = [WordRef(n, word, pack.id) for n, (pack, word) in enumerate(
        (p, w) for p in PACKS if p.id in (CIVICS, HISTORY) for w in p.words)]
    read = {"freedom", "independence", "colony", "revolution", "culture", "region"}
    seen = frozenset(ref.id for ref in refs if ref.word.term in read)
    pair = {"freedom", "independence"}
    for ref in [r for r in refs if r.word.term in pair]:
        for level in (1, 2, 3, 5):
            for seed in range(12):
                item = build_item(ref, refs, kind, lang, scaffold_for(level),
                                  random.Random(seed), seen, hears=True)
                assert not pair <= set(item.options), (ref.word.term, level, item)
