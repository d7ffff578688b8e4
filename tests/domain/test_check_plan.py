"""A level 1-2 check planned so a right tap can count, and writing stays light: the shipped
ecosystem pack for a Haitian Creole newcomer (16 of its 20 words are cognates in Creole)."""

from __future__ import annotations

import random

from bot.domain.check_plan import MAX_TYPED, Asker, Plan, fewest_live_first, plan_check, spread
from bot.domain.checks import Item, WordRef
from bot.domain.cognates import fold
from bot.domain.evidence import OptionWords, counted_choices
from bot.domain.item_building import build_item
from bot.domain.scaffold import ItemType, scaffold_for
from bot.services.packs import load_packs

PACK = next(p for p in load_packs().packs if p.id == "science.ecosystems")
REFS = [WordRef(index + 1, word, PACK.id) for index, word in enumerate(PACK.words)]
WORD = {ref.word.term: ref for ref in REFS}
INDEX = OptionWords(REFS, "ht")
LEVEL_2 = scaffold_for(2)
COGNATES = ("ecosystem", "organism", "habitat", "population", "community", "producer",
            "consumer", "decomposer", "predator", "species")


def ids(*terms: str) -> frozenset[int]:
    return frozenset(WORD[t].id for t in terms)


def asker(read: frozenset[int] | None = None, new_today: frozenset[int] = frozenset()) -> Asker:
    """Widlene: she has read every card but "nutrient" and "extinct" (unless `read` says)."""
    seen = read if read is not None else frozenset(
        r.id for r in REFS if r.word.term not in ("nutrient", "extinct"))
    return Asker(REFS, INDEX, LEVEL_2, seen, new_today=new_today)


def among_cognates(term: str = "food web") -> Item:
    """The playtest's question: "food web" among five English words she reads as Creole."""
    return Item(WORD[term].id, ItemType.CLOZE, "... they form a ___.",
                ("consumer", "producer", term, "community", "population", "predator"), term)


def typed(term: str) -> Item:
    return Item(WORD[term].id, ItemType.TYPED, WORD[term].word.glosses["ht"].definition or "",
                (), term)


def tap(term: str, seed: int = 0) -> Item:
    """A question on a cognate: the other cognates stay live (she reads the answer as hers)."""
    return build_item(WORD[term], REFS, ItemType.CHOICE, "ht", LEVEL_2, random.Random(seed),
                      asker().seen)


def counted(item: Item, met: set[str]) -> int | None:
    return counted_choices(item, INDEX.of(item, PACK.id), "ht", met)


def plan(deciding: list[Item], rest: list[Item], who: Asker | None = None,
         met: tuple[str, ...] = (), waited: tuple[str, ...] = ()) -> Plan:
    return plan_check(deciding, rest, who or asker(), {fold(t) for t in met}, ids(*met),
                      random.Random(1), [WORD[t].id for t in waited])


def test_the_playtests_food_web_tap_could_only_be_practice() -> None:
    # prey and food chain answered earlier today: every other option is a cognate
    assert counted(among_cognates(), {"prey", "food chain"}) == 1


def test_a_tap_that_could_only_be_practice_is_asked_with_a_live_option_when_one_exists() -> None:
    # "nutrient" is read and not answered today: a right tap can count
    who = asker(read=frozenset(r.id for r in REFS if r.word.term != "extinct"))
    (item,) = plan([], [among_cognates()], who, met=("prey", "food chain")).items
    assert not item.typed and item.answer == "food web" and "nutrient" in item.options
    assert (counted(item, {"prey", "food chain"}) or 0) >= 2


def test_with_no_live_option_left_a_word_read_before_today_is_written() -> None:
    planned = plan([], [among_cognates()], met=("prey", "food chain"))
    (item,) = planned.items
    assert item.typed and item.answer == "food web"  # the letters and 🤷 come with it
    assert planned.practice == 0


def test_a_word_first_read_today_stays_a_tap_never_written_for_a_taps_sake() -> None:
    # its right answer is practice anyway (mastery.card_shown_today): asked as it was
    who = asker(new_today=ids("food web"))
    planned = plan([], [among_cognates()], who, met=("prey", "food chain"))
    assert planned.items == (among_cognates(),)


def test_a_check_writes_at_most_two_words_and_the_deciding_reviews_past_that_wait() -> None:
    reviews = [typed(t) for t in ("ecosystem", "organism", "habitat", "population")]
    planned = plan(reviews, [tap("community"), tap("producer", 1)])
    written = [i.answer for i in planned.items if i.typed]
    assert MAX_TYPED == 2 and written == ["ecosystem", "organism"]  # the longest waiting
    assert planned.waiting == (WORD["habitat"].id, WORD["population"].id)
    assert [i.typed for i in planned.items] == [True, False, True, False]  # a tap between
    # the two that have waited longest are written, whatever order the items came in
    planned = plan(reviews, [], waited=("population", "ecosystem", "habitat", "organism"))
    assert [i.answer for i in planned.items] == ["population", "ecosystem"]
    assert planned.waiting == (WORD["habitat"].id, WORD["organism"].id)


def test_tap_deciding_reviews_come_first_and_a_tap_goes_between_two_words_to_write() -> None:
    prey = build_item(WORD["prey"], REFS, ItemType.REVERSE, "ht", LEVEL_2, random.Random(2),
                      asker().seen)
    assert prey.item_type is ItemType.REVERSE
    planned = plan([typed("ecosystem"), prey, typed("organism")], [tap("community")])
    assert planned.items[0] == prey
    assert [i.typed for i in planned.items] == [False, True, False, True]


def test_when_the_cap_is_reached_a_tap_that_only_typing_could_count_waits() -> None:
    # asked, her right answer would be practice: "✅" for her, nothing for her teacher
    planned = plan([typed("ecosystem"), typed("organism")], [among_cognates(), tap("community")],
                   met=("prey", "food chain"))
    assert [i.answer for i in planned.items] == ["ecosystem", "community", "organism"]
    assert planned.waiting == (WORD["food web"].id,) and planned.practice == 0
    # the tap that waits rules out no option: the next tap's count is what it was ("food
    # web" stays live; "food chain" and "ecosystem", met today, are out either way)
    item, met = planned.items[1], {"prey", "food chain", "ecosystem"}
    assert "food web" in item.options
    assert counted(item, met) == 1 + len(set(item.options) - met - {item.answer})


def test_the_last_of_the_words_she_does_not_read_as_creole_waits_once_writing_is_spent(
        ) -> None:
    # Playtest 17 (Widlene, Wednesday): two deciding reviews to write, then prey, food web and
    # food chain, each the others' only live options. Whichever comes last has none left
    taps = [tap(t, seed) for seed, t in enumerate(("prey", "food web", "food chain"))]
    planned = plan([typed("habitat"), typed("population")], taps)
    assert sum(i.typed for i in planned.items) == 2 and len(planned.waiting) == 1
    met: set[str] = set()
    for item in planned.items:  # every tap asked counts, as graded in the order asked
        assert item.typed or (counted(item, met) or 0) >= 2, item
        met.add(item.answer)


def test_a_quiz_poll_is_only_ever_the_first_question() -> None:
    poll = Item(WORD["community"].id, ItemType.POLL, "?", tap("community").options,
                "community")
    planned = plan([typed("ecosystem")], [poll])
    assert planned.items[0].typed and planned.items[1].item_type is ItemType.CHOICE


def test_two_words_to_write_are_split_by_the_next_tap_and_only_ever_move_later() -> None:
    first, second, third = typed("ecosystem"), typed("organism"), typed("habitat")
    a, b = tap("community"), tap("producer")
    assert spread([first, second, a, b]) == [first, a, second, b]
    assert spread([a, first, second, third, b]) == [a, first, b, second, third]
    assert spread([first, a, second, third]) == [first, a, second, third]
    assert spread([first, second]) == [first, second]  # no tap to put between


def test_the_words_with_fewest_live_options_are_asked_first_after_deciding_reviews() -> None:
    targets = [WORD[t] for t in ("ecosystem", "habitat", "food web", "consumer", "prey")]
    seen = asker().seen
    order = fewest_live_first(targets, REFS, "ht", seen, ids("food chain"), ids("habitat"))
    # food web's live options are prey alone (food chain was answered today, the rest read
    # as Creole), prey's food web: both before the cognates, whose every option is live
    assert [t.word.term for t in order] == ["habitat", "food web", "prey", "ecosystem",
                                            "consumer"]
    assert all(t in COGNATES for t in ("ecosystem", "consumer"))
    # a card first read today comes last: its answer would rule out prey for food web
    order = fewest_live_first(targets, REFS, "ht", seen, ids("food chain"), ids("habitat"),
                              ids("prey"))
    assert [t.word.term for t in order] == ["habitat", "food web", "ecosystem", "consumer",
                                            "prey"]


def test_from_level_three_a_tap_among_words_answered_minutes_before_is_written() -> None:
    """Lucía (level 4, five words): her check ended on the fifth as four options whose other
    three she had answered earlier in it, practice on four days. It is written now, with no
    cap: from level 3 on writing is an ordinary question."""
    five = [WORD[t] for t in ("predator", "prey", "producer", "consumer", "habitat")]
    seen = frozenset(r.id for r in five)
    lucia = Asker(REFS, OptionWords(REFS, "es"), scaffold_for(4), seen)
    taps = [build_item(ref, REFS, ItemType.CHOICE, "es", scaffold_for(4), random.Random(3),
                       seen, avoid=frozenset(r.id for r in five[:index]))
            for index, ref in enumerate(five)]
    met: set[str] = set()
    assert [lucia.counted(i, met | {fold(r.word.term) for r in five[:n]})
            for n, i in enumerate(taps)][-1] == 1  # as built: the last is practice
    planned = plan_check([], taps, lucia, met, frozenset(), random.Random(1))
    assert [i.word_id for i in planned.items] == [r.id for r in five]  # asked as built
    assert planned.items[-1].typed and planned.items[-1].answer == "habitat"
    assert not planned.waiting and planned.practice == 0
    for index, item in enumerate(planned.items):
        before = {fold(r.word.term) for r in five[:index]}
        assert item.typed or (lucia.counted(item, before) or 0) >= 2


def test_from_level_three_nothing_waits_for_a_cap_on_writing() -> None:
    deciding = [typed(t) for t in ("ecosystem", "organism", "habitat")]
    level_4 = Asker(REFS, INDEX, scaffold_for(4), asker().seen)
    planned = plan(deciding, [among_cognates()], level_4, met=("prey", "food chain"))
    assert [i.answer for i in planned.items] == ["ecosystem", "organism", "habitat",
                                                 "food web"]
    assert all(i.typed for i in planned.items) and not planned.waiting
    newcomer = plan(deciding, [among_cognates()], met=("prey", "food chain"))
    assert len(newcomer.waiting) == 2  # levels 1-2: two words to write a check, the rest wait
