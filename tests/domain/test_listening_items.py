"""Listening items ("hear the word, choose it") at levels 1-2: fair options, what they prove."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from bot.domain import placement
from bot.domain.check_building import build_check
from bot.domain.checks import LISTEN_STEM, Item, WordRef
from bot.domain.item_audit import judge
from bot.domain.item_building import build_item
from bot.domain.item_rules import Giveaway, sound_length_stands_out, syllables
from bot.domain.knowledge import bkt_update
from bot.domain.mastery import MasteryState, new_mastery, record_answer
from bot.domain.packs import Gloss, Word
from bot.domain.scaffold import ItemType, scaffold_for

TERMS = ["habitat", "organism", "predator", "herbivore", "energy", "prey", "consumer"]
POOL = [WordRef(i, Word(t, "noun", 1, f"Meaning number {i}.", f"See the {t}.",
                        glosses={"es": Gloss(f"palabra{i}", f"significado {i}")}), "science.eco")
        for i, t in enumerate(TERMS, start=1)]
SEEN = frozenset(range(1, len(TERMS) + 1))
L1, L4 = scaffold_for(1), scaffold_for(4)
DAY1 = datetime(2026, 9, 14, 15, 0, tzinfo=UTC)


def listening(target: WordRef, pool: list[WordRef] = POOL, seen: frozenset[int] = SEEN,
              seed: int = 1) -> Item:
    return build_item(target, pool, ItemType.LISTEN, "es", L1, random.Random(seed), seen,
                      hears=True)


def test_a_beginner_hears_the_word_and_chooses_among_words_they_have_seen() -> None:
    item = listening(POOL[0], seen=frozenset({1, 2, 3, 4}))
    assert item.item_type is ItemType.LISTEN
    assert item.answer == "habitat" and item.prompt == LISTEN_STEM
    assert sorted(item.options) == ["habitat", "herbivore", "organism", "predator"]
    assert judge(item, POOL[0], POOL, "es", 1, frozenset({1, 2, 3, 4})) == []


def test_options_sound_about_as_long_as_the_answer_and_share_its_first_letter() -> None:
    for seed in range(20):  # habitat: 3 syllables; herbivore (3) also starts with h
        others = [o for o in listening(POOL[0], seed=seed).options if o != "habitat"]
        assert "herbivore" in others and "prey" not in others
        assert all(abs(syllables(o) - syllables("habitat")) <= 1 for o in others)


def test_no_voice_no_listening_item_and_the_rotation_is_unchanged() -> None:
    for seed in range(30):
        quiet = build_check(POOL[:5], POOL, "es", L1, random.Random(seed), 5, SEEN)
        assert all(i.item_type is not ItemType.LISTEN for i in quiet)
        same = build_check(POOL[:5], POOL, "es", L1, random.Random(seed), 5, SEEN, hears=False)
        assert same == quiet
    assert listening(POOL[0]).item_type is ItemType.LISTEN
    asked = build_item(POOL[0], POOL, ItemType.LISTEN, "es", L1, random.Random(1), SEEN)
    assert asked.item_type is not ItemType.LISTEN  # asked for one, but nothing can say it


def test_levels_one_and_two_hear_words_in_checks_and_level_four_never_does() -> None:
    kinds = {i.item_type for seed in range(30) for i in build_check(
        POOL[:5], POOL, "es", scaffold_for(2), random.Random(seed), 5, SEEN, hears=True)}
    assert ItemType.LISTEN in kinds
    for seed in range(30):
        items = build_check(POOL[:5], POOL, "es", L4, random.Random(seed), 5, hears=True)
        assert all(i.item_type is not ItemType.LISTEN for i in items)


def test_two_seen_words_are_too_few_for_a_listening_item() -> None:
    item = listening(POOL[0], seen=frozenset({1, 2}))
    assert item.item_type is not ItemType.LISTEN  # 1 in 2 is a coin, not evidence


def test_a_clip_far_longer_than_every_option_is_a_give_away() -> None:
    assert sound_length_stands_out("photosynthesis", ["prey", "tree", "energy"])
    assert not sound_length_stands_out("photosynthesis", ["prey", "tree", "decomposer"])
    long = WordRef(20, Word("photosynthesis", "noun", 1, "Plants make food.", "See it.",
                            glosses={"es": Gloss("fotosíntesis")}), "science.eco")
    short = [WordRef(21 + i, Word(t, "noun", 1, f"Short {i}.", "x.",
                                  glosses={"es": Gloss(f"corto{i}")}), "science.eco")
             for i, t in enumerate(["prey", "tree", "sun"])]
    pool = [long, *short]
    item = listening(long, pool, frozenset(w.id for w in pool))
    assert item.item_type is not ItemType.LISTEN  # the generator refuses it
    forced = Item(20, ItemType.LISTEN, LISTEN_STEM, ("photosynthesis", "prey", "tree", "sun"),
                  "photosynthesis")
    assert Giveaway.SOUND_LENGTH in judge(forced, long, pool, "es", 1, None)


def test_the_written_stem_must_not_show_the_word_though_the_audio_says_it() -> None:
    shown = Item(1, ItemType.LISTEN, "🔊 habitat", ("habitat", "organism", "predator"),
                 "habitat")
    assert Giveaway.ANSWER_IN_STEM in judge(shown, POOL[0], POOL, "es", 1, None)
    fair = Item(1, ItemType.LISTEN, LISTEN_STEM, ("habitat", "organism", "predator"),
                "habitat")
    assert judge(fair, POOL[0], POOL, "es", 1, None) == []


def test_a_right_listening_answer_counts_for_less_than_a_right_choice() -> None:
    assert bkt_update(0.3, True, ItemType.LISTEN) < bkt_update(0.3, True, ItemType.CHOICE)
    assert bkt_update(0.3, False, ItemType.LISTEN) > bkt_update(0.3, False, ItemType.CHOICE)


def test_hearing_a_word_right_never_masters_it() -> None:
    state = new_mastery(1, DAY1)
    for days in (0, 0.01, 0.02, 2, 9, 30, 90):
        when = DAY1 + timedelta(days=days)
        state = record_answer(state, correct=True, exact=True, item_type=ItemType.LISTEN,
                              typed=False, now=when, local_day=when.date().isoformat())
    assert not state.mastered  # recognition of the spoken form, not recall
    assert state.success_days == frozenset() and state.state is MasteryState.LEARNING


def test_one_right_listening_tap_beside_one_right_meaning_answer_is_not_reviewing() -> None:
    # teacher playtest: "angle: 1 answer, too few to tell · 🔊 1 of 1 · reviewing"
    day2 = DAY1 + timedelta(days=1)
    state = record_answer(new_mastery(1, DAY1), correct=True, exact=True,
                          item_type=ItemType.CHOICE, typed=False, now=DAY1,
                          local_day=DAY1.date().isoformat(), choices=6)
    after = record_answer(state, correct=True, exact=True, item_type=ItemType.LISTEN,
                          typed=False, now=day2, local_day=day2.date().isoformat())
    assert after.state is MasteryState.LEARNING and after.success_days == state.success_days
    assert after.luck == state.luck and after.due_at == state.due_at  # no evidence, no review
    assert after.p_known < bkt_update(state.p_known, True, ItemType.CHOICE)
    missed = record_answer(after, correct=False, exact=False, item_type=ItemType.LISTEN,
                           typed=False, now=day2 + timedelta(days=1),
                           local_day=(day2 + timedelta(days=1)).date().isoformat())
    assert missed.misses_in_row == 1 and missed.p_known < after.p_known  # a miss is a miss


def test_only_the_lowest_placement_band_can_be_heard() -> None:
    heard = [i for i, item in enumerate(placement.PLACEMENT) if placement.spoken(i)]
    assert {placement.PLACEMENT[i].band for i in heard} == {1}
    assert len(heard) == sum(1 for item in placement.PLACEMENT if item.band == 1)
    book = placement.PLACEMENT[0]
    assert placement.spoken(0) == tuple(f"{o}." for o in book.options)  # in the buttons' order
    assert placement.spoken(99) == ()
