"""Letter tiles' deal: the word's letters, its decoys' (other words of her list it spells
too) and a few common ones it lacks, the same every time; no blanks counting its letters."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from bot.domain import tiles
from bot.domain.checks import Item, WordRef
from bot.domain.item_building import build_item, redeal
from bot.domain.scaffold import ItemType, scaffold_for
from bot.services.packs import load_packs


@pytest.mark.parametrize("seed", range(50))
def test_the_deal_holds_the_word_and_two_or_three_letters_it_lacks(seed: int) -> None:
    deal = tiles.deal("habitat", ["plant", "seed"], seed)
    extra = Counter(deal) - Counter("habitat")
    assert not Counter("habitat") - Counter(deal)
    assert sum(extra.values()) == 3 and not set(extra) & set("habitat")
    assert deal == tiles.deal("habitat", ["plant", "seed"], seed)  # graded on the same deal


@pytest.mark.parametrize("seed", range(200))
def test_no_distractor_lets_the_tiles_spell_another_word_on_screen(seed: int) -> None:
    # "tea", "eat" and "ate" are spelled by "t"+"ea"... "seat" needs only an "s" more
    deal = tiles.deal("tea", ["seat", "tear", "meat", "heat", "neat"], seed)
    for rival in ("seat", "tear", "meat", "heat", "neat"):
        assert Counter(rival) - Counter(deal), f"{rival} fits {deal}"


def test_only_single_words_of_letters_are_spelled_with_tiles() -> None:
    assert tiles.tileable("habitat") and tiles.tileable("Ecosystem")
    assert not tiles.tileable("food web") and not tiles.tileable("industrialization")  # 17
    assert not tiles.tileable("self-made") and not tiles.tileable("café")


@pytest.mark.parametrize("word", ["subtraction", "denominator", "evaporation", "condensation",
                                  "precipitation", "multiplication", "photosynthesis"])
def test_long_grade_three_words_are_spelled_with_tiles(word: str) -> None:
    # playtest, Lin (Mandarin, level 1): at 10 letters at most, "subtraction" came typed
    # with no tiles, and a child who cannot type could never master it
    assert tiles.tileable(word)
    deal = tiles.deal(word, [], 11)
    assert len(deal) == len(word) + 2 and not Counter(word) - Counter(deal)
    assert tiles.random_odds(len(word), len(deal)) > 10**9  # a random tapper never spells it


def test_every_single_word_the_packs_ship_is_spelled_with_tiles() -> None:
    terms = [w.term for p in load_packs().packs for w in p.words]
    single = [t for t in terms if t.isascii() and t.isalpha()]
    assert single and [t for t in single if not tiles.tileable(t)] == []


def test_the_spelling_line_shows_one_blank_whatever_the_word_and_reads_back() -> None:
    # one blank a letter left named the word of her list with that many letters (the speller)
    deal = tuple("tcoexb")
    line = tiles.spelling_line(deal, (3, 1))
    assert line == "🔤 e c _"
    assert tiles.spelling_line(deal, ()) == "🔤 _"
    assert tiles.spelling_line(deal, range(6)) == "🔤 t c o e x b"  # every tile used
    assert tiles.read_line(line) == "ec" and tiles.read_line("🔤 _") == ""
    assert tiles.read_line("🔤 e c _ _ _") == "ec"  # an older message's line
    assert tiles.picks_for("ec", deal) == (3, 1)
    assert tiles.read_line("✅ Yes!") is None and tiles.read_line("🔤 _ e") is None


def test_a_tap_on_a_used_tile_or_one_never_dealt_changes_nothing() -> None:
    deal = tuple("abcde")
    assert tiles.tap((0,), 0, deal) == (0,)
    assert tiles.tap((0, 1, 2), 3, deal) == (0, 1, 2, 3)  # no blank says where to stop
    assert tiles.tap((0, 1), 5, deal) == (0, 1)
    assert tiles.back((0, 1)) == (0,) and tiles.back(()) == ()


def test_a_random_tapper_almost_never_spells_a_word() -> None:
    assert tiles.random_odds(5, 8) == 6720
    assert tiles.random_odds(3, 6) == 120


def test_a_miss_fills_every_blank_with_a_wrong_word_the_tiles_can_spell() -> None:
    for word in ("gas", "habitat", "ecosystem", "community"):
        deal = tiles.deal(word, [], 7)
        miss = tiles.a_miss(word, deal)
        assert len(miss) == len(word) and miss != word
        assert tiles.picks_for(miss, deal) is not None


def test_a_spelling_shorter_than_every_word_the_tiles_spell_is_not_finished() -> None:
    item = Item(7, ItemType.TYPED, "x", (), "community", decoys=("energy", "habitat"))
    assert tiles.fewest_letters(item) == 6  # "energy": what ✅ waits for names no word
    assert not tiles.finished("tu", tiles.fewest_letters(item))
    assert tiles.finished("commun", 6) and tiles.finished("comnunity", 6)
    assert tiles.fewest_letters(Item(7, ItemType.TYPED, "x", (), "community")) == 9


@pytest.mark.parametrize("seed", range(30))
def test_the_deal_also_spells_its_decoys(seed: int) -> None:
    deal = tiles.deal("solid", [], seed, ("liquid", "mass"))
    for word in ("solid", "liquid", "mass"):
        assert not Counter(word) - Counter(deal), f"{word} not in {deal}"
    assert len(deal) >= len("solid") + 3 and deal == tiles.deal("solid", [], seed,
                                                                 ("liquid", "mass"))


def test_decoys_are_words_of_her_list_that_fit_and_are_no_slip_of_the_word() -> None:
    decoys = tiles.choose_decoys("consumer", ["consume", "food web", "producer", "energy",
                                               "photosynthesis", "habitat"])
    # "consume" is graded a slip of "consumer" (a right answer); "food web" has a space;
    # "photosynthesis" would add more than DECOY_LETTERS letters
    assert decoys == ("producer", "energy")
    assert tiles.choose_decoys("gas", ["gas", "Gas"]) == ()
    for answer, words in (("ecosystem", ["precipitation", "multiplication", "denominator"]),
                          ("multiplication", ["photosynthesis", "condensation"])):
        decoys = tiles.choose_decoys(answer, words)
        letters = Counter(answer)
        for decoy in decoys:
            letters |= Counter(decoy)
        assert letters.total() <= tiles.MAX_TILES
        assert letters.total() - len(answer) <= tiles.DECOY_LETTERS


def _spelled(answer: str, decoys: tuple[str, ...]) -> Counter[str]:
    letters = Counter(answer)
    for decoy in decoys:
        letters |= Counter(decoy)
    return letters


def test_two_shorter_decoys_are_dealt_where_the_cheapest_alone_left_room_for_none() -> None:
    # "conflict" adds the fewest letters to "setting", then neither other word fits the eight
    # left; "author" and "narrator" fit together: three words, not a coin toss between two
    decoys = tiles.choose_decoys("setting", ["conflict", "narrator", "author"])
    assert sorted(decoys) == ["author", "narrator"]
    assert _spelled("setting", decoys).total() - len("setting") <= tiles.DECOY_LETTERS


def test_a_long_decoy_that_fills_the_budget_gets_a_second_within_two_letters_more() -> None:
    # the trace's habitat: "organism" or "nutrient" alone fills the eight letters; both fit
    # in nine, and the deal spells three words in 16 tiles (rows of six, within MAX_TILES)
    decoys = tiles.choose_decoys("habitat", ["organism", "nutrient"])
    assert sorted(decoys) == ["nutrient", "organism"]
    added = _spelled("habitat", decoys).total() - len("habitat")
    assert tiles.DECOY_LETTERS < added <= tiles.DECOY_LETTERS + tiles.THIRD_WORD_LETTERS
    # past those two letters more, one decoy it stays: the deal is not blown up
    assert len(tiles.choose_decoys("habitat", ["organism", "photosynthesis"])) == 1


def test_the_budget_grows_only_for_the_third_word() -> None:
    # "prey" and "extinct" fit the eight letters (seven); "nutrient" would need a ninth: a
    # fourth word is not worth a letter more
    assert tiles.choose_decoys("habitat", ["prey", "extinct", "nutrient"]) == ("prey", "extinct")


@pytest.mark.parametrize("pack", [p.id for p in load_packs().packs])
def test_no_shipped_deal_spells_two_words_where_two_decoys_fit(pack: str) -> None:
    """Every word of a shipped pack, against random handfuls of its other words (a level-1
    newcomer's few cards): where any two of them fit the widened budget the deal spells at
    least three words, never more than DECOY_LETTERS + THIRD_WORD_LETTERS letters over the
    word's, and over DECOY_LETTERS only where no two fit the eight."""
    terms = [w.term for w in next(p for p in load_packs().packs if p.id == pack).words]
    rng = random.Random(pack)
    for answer in filter(tiles.tileable, terms):
        for size in (2, 3, 4, 6):
            pool = rng.sample([t for t in terms if t != answer], size)
            decoys = tiles.choose_decoys(answer, pool)
            added = _spelled(answer, decoys).total() - len(answer)
            assert _spelled(answer, decoys).total() <= tiles.MAX_TILES
            assert added <= tiles.DECOY_LETTERS + tiles.THIRD_WORD_LETTERS
            fair = [w.lower() for w in pool if tiles.tileable(w) and w.lower() != answer
                    and not tiles._close(answer, w.lower())]

            def pairs(budget: int, fair: list[str] = fair, answer: str = answer) -> bool:
                return any(_spelled(answer, (a, b)).total() - len(answer) <= budget
                           and _spelled(answer, (a, b)).total() <= tiles.MAX_TILES
                           for i, a in enumerate(fair) for b in fair[i + 1:])

            if pairs(tiles.DECOY_LETTERS + tiles.THIRD_WORD_LETTERS):
                assert len(decoys) >= 2, (answer, pool, decoys)
            if added > tiles.DECOY_LETTERS:
                assert not pairs(tiles.DECOY_LETTERS), (answer, pool, decoys)


def test_a_spelling_of_a_decoy_is_another_word_a_misspelling_is_not() -> None:
    item = Item(1, ItemType.TYPED, "hoy", (), "habitat", decoys=("organism", "prey"))
    assert tiles.other_word("organism", item) and tiles.other_word("Prey ", item)
    assert not tiles.other_word("habitta", item) and not tiles.other_word("organ", item)


@pytest.mark.parametrize(("level", "answer", "first"), [
    (1, "habitat", True), (None, "habitat", True),  # no level yet: the most support
    (2, "habitat", False),  # level 2 types first, "🔤" on request
    (3, "habitat", False), (1, "food web", False),  # a space cannot be tapped
])
def test_a_typed_question_opens_with_its_tiles_at_level_one_only(
        level: int | None, answer: str, first: bool) -> None:
    typed = Item(7, ItemType.TYPED, "动物或植物自然生活的地方。", (), answer)
    assert tiles.first(typed, level) is first
    assert tiles.offered(typed, level) is ((level is None or level <= 2) and " " not in answer)


@pytest.mark.parametrize(("level", "answer", "first"), [
    (2, "habitat", True),  # letters first: a level-2 typed question opens on its tiles
    (1, "habitat", True), (None, "habitat", True),
    (3, "habitat", False), (4, "habitat", False),  # from level 3 tiles test an anagram
    (2, "food web", False),  # a space cannot be tapped: typed, as before
])
def test_letters_first_opens_a_level_two_typed_question_on_its_tiles_and_nothing_above(
        level: int | None, answer: str, first: bool) -> None:
    typed = Item(7, ItemType.TYPED, "动物或植物自然生活的地方。", (), answer)
    assert tiles.first(typed, level, letters_first=True) is first
    assert not tiles.first(typed, 2, practice=False, letters_first=False)


@pytest.mark.parametrize(("level", "mark", "may"), [
    (2, None, True),
    (1, None, False),  # level 1 opens on tiles already
    (3, None, False), (None, None, False),  # from level 3 the mark does nothing
    (2, tiles.LettersFirst.OFF, False),  # her No (or her teacher's): never asked again
    (2, tiles.LettersFirst.ASKED, False),  # asked once already
    (2, tiles.LettersFirst.ON, False),
])
def test_letters_first_may_be_offered_at_level_two_to_one_never_asked(
        level: int | None, mark: int | None, may: bool) -> None:
    assert tiles.may_offer_letters(level, mark) is may


def test_a_question_spelled_instead_of_its_options_opens_with_tiles_at_levels_one_two() -> None:
    reverse = Item(7, ItemType.REVERSE, "栖息地", ("habitat", "producer", "consumer"),
                   "habitat")
    assert tiles.first(reverse, 1) and tiles.first(reverse, 2) and not tiles.first(reverse, 3)
    assert not tiles.first(reverse, 1, practice=True)  # "Practice again": two options


def test_a_level_one_question_deals_decoys_from_the_words_she_read_and_not_above_two() -> None:
    ecosystems = next(p for p in load_packs().packs if p.id == "science.ecosystems")
    pool = [WordRef(i, w, "science.ecosystems") for i, w in enumerate(ecosystems.words)]
    target = next(r for r in pool if r.word.term == "habitat")
    seen = frozenset(r.id for r in pool[:8]) | {target.id}
    read = {r.word.term.lower() for r in pool if r.id in seen}
    asked_today = next(r for r in pool[:8] if r.id != target.id and tiles.tileable(r.word.term))
    for level in (1, 2):
        item = build_item(target, pool, ItemType.TYPED, "so", scaffold_for(level),
                          random.Random(3), seen, avoid=frozenset({asked_today.id}))
        assert item.decoys and set(item.decoys) <= read - {"habitat"}  # words she read
        assert asked_today.word.term.lower() not in item.decoys  # she could rule it out
        deal = tiles.tiles_for(item, 42)
        assert all(not Counter(w) - Counter(deal) for w in ("habitat", *item.decoys))
        assert tiles.counted_words(item) == 1 + len(item.decoys)
    item = build_item(target, pool, ItemType.TYPED, "so", scaffold_for(3), random.Random(3),
                      seen)
    assert item.decoys == ()  # level 3 types: no tiles to deal


def test_a_decoy_asked_before_its_question_is_dropped_once_the_order_is_known() -> None:
    # the poll moved first: its word, just answered, is one she can rule out
    poll = Item(1, ItemType.POLL, "x", ("prey", "habitat"), "prey")
    first = Item(2, ItemType.TYPED, "y", (), "habitat", decoys=("prey", "energy"))
    second = Item(3, ItemType.REVERSE, "z", ("energy", "prey"), "energy",
                  decoys=("habitat", "prey", "soil"))
    terms = {1: "prey", 2: "habitat", 3: "energy"}
    ordered = tiles.rule_out_asked([poll, first, second], terms)
    assert [i.decoys for i in ordered] == [(), ("energy",), ("soil",)]
    assert tiles.counted_words(ordered[1]) == 2  # a choice of two, not of three
    assert tiles.rule_out_asked([first], terms) == [first]  # nothing asked before it


def test_once_the_order_is_known_decoys_are_drawn_again_from_words_not_asked_before() -> None:
    ecosystems = next(p for p in load_packs().packs if p.id == "science.ecosystems")
    pool = [WordRef(i, w, "science.ecosystems") for i, w in enumerate(ecosystems.words)]
    seen = frozenset(r.id for r in pool[:6])
    words = [r for r in pool[:6] if tiles.tileable(r.word.term)][:3]
    built = [build_item(r, pool, ItemType.TYPED, "so", scaffold_for(1), random.Random(1), seen)
             for r in words]
    dealt = redeal(built, pool, scaffold_for(1), seen, frozenset())
    terms = [r.word.term.lower() for r in words]
    for position, item in enumerate(dealt):
        assert not set(item.decoys) & set(terms[:position])  # asked before: ruled out
    assert set(dealt[0].decoys) & set(terms[1:])  # asked after it: she has not answered them
    today = redeal(built, pool, scaffold_for(1), seen, frozenset({words[1].id}))
    assert all(terms[1] not in i.decoys for i in today)  # answered earlier today
