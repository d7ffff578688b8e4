"""A word's gap sentences survive the store: one as it always was, several in the same column."""

from __future__ import annotations

import pytest

from bot.domain.packs import Pack, Word
from bot.store import open_store
from bot.store.packs import forget_words, pack_words, save_pack
from tests.clock import START


@pytest.mark.parametrize("clozes", [
    (),
    ("Owls lost their habitat.",),
    ("[Note] Owls lost their habitat.",),  # one sentence that starts like a list
    ("Owls lost their habitat.", "A bear's habitat is cold.", "Fish need a wet habitat."),
])
def test_every_gap_sentence_comes_back_from_the_store(clozes: tuple[str, ...]) -> None:
    db = open_store(None)
    word = Word("habitat", "noun", 3, "A home.", "The desert is the habitat of the camel.",
                cloze=clozes[0] if clozes else None, more_clozes=clozes[1:])
    save_pack(db, Pack("science.t", "T", "science", (4, 7), (word,)), START)
    forget_words(db)
    assert pack_words(db, "science.t")[0].word.clozes == clozes
