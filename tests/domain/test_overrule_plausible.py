"""/student offers ✅ Count as right only under a miss a teacher might count: letters tapped
at random by a level-1 child ("moisl" for mouse) get no button a teacher could tap by
mistake (Hmong playtest)."""

from __future__ import annotations

import pytest

from bot.domain.overrule import plausible


@pytest.mark.parametrize(("answer", "term", "tiles"), [
    ("moisl", "mouse", True), ("ypas", "prey", True), ("bosci", "habitat", True),
    ("xqzv", "habitat", False), ("natural home", "habitat", True), ("prya", "prey", True),
])
def test_random_letters_and_far_spellings_are_not_offered(answer: str, term: str,
                                                          tiles: bool) -> None:
    assert not plausible(answer, term, tiles=tiles)


@pytest.mark.parametrize(("answer", "term", "tiles"), [
    ("mous", "mouse", True), ("pery", "prey", True), ("habitta", "habitat", True),
    ("natural home", "habitat", False), ("habitat home", "habitat", False),
    ("wrong answer 2", "habitat", False),
])
def test_near_spellings_and_english_words_typed_are_offered(answer: str, term: str,
                                                            tiles: bool) -> None:
    assert plausible(answer, term, tiles=tiles)


def test_the_words_own_gloss_in_the_home_language_is_offered() -> None:
    assert plausible("Chaw nyob", "habitat", ["chaw nyob"], lang="hmn")
    assert not plausible("chaw nyob", "habitat", ["tsiaj"], lang="hmn")
