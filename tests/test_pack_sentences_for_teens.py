"""The shipped packs' card and gap sentences read as normal English to a 10-to-18-year-old:
no sentence assumes a family or a pet at home, or reads like a picture book (playtest: a
grade 7 science class found "Mom asked for a good _____ before she let me stay up late" and
"no _____ that Sam took the cookies" childish)."""

from __future__ import annotations

import re

import pytest

from bot.services.packs import load_packs

SENTENCES = [(pack.id, word.term, sentence)
             for pack in load_packs().packs for word in pack.words
             for sentence in (word.example, *word.clozes)]

# Whole words or phrases, any case: a parent or grandparent, a sibling, a pet, toys and
# treats, nursery stories. Each one was in a sentence the playtest class read as childish.
CHILDISH = ("mom", "dad", "mother's day", "grandma", "grandpa", "grandmother",
            "my brother", "my sister", "little brother", "little sister", "pet", "puppy",
            "backyard", "backpack", "toy", "toys", "cookie", "cookies", "fairy tale",
            "fairy tales", "dr. seuss", "little red riding hood", "roses are red", "pirate")
_CHILDISH = re.compile(r"(?<![\w'])(?:" + "|".join(map(re.escape, CHILDISH)) + r")(?![\w'])",
                       re.IGNORECASE)


def test_there_are_sentences_to_read() -> None:
    assert len(SENTENCES) >= 500


@pytest.mark.parametrize("phrase", ["Mom asked for a good reason", "no evidence that Sam took "
                                    "the cookies", "the color and size of your backpack"])
def test_the_childish_pattern_catches_the_playtest_sentences(phrase: str) -> None:
    assert _CHILDISH.search(phrase)


def test_no_shipped_sentence_assumes_a_family_or_pet_or_reads_like_a_picture_book() -> None:
    found = [f"{pack_id}:{term}: {s}" for pack_id, term, s in SENTENCES if _CHILDISH.search(s)]
    assert found == []
