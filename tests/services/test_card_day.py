"""A right answer minutes after a word's card was first read is memory of the card, not
evidence (playtest finding G: "ekosistèm = ecosystem" read, ✅, then "Which word means
ekosistèm?"). It is practice until the next school day, tapped or typed, for the student's model
and the teacher's "correct" alike; a miss that day is a miss."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from bot.domain.checks import Item
from bot.domain.mastery import MasteryState, WordMastery
from bot.domain.scaffold import ItemType
from bot.services import answers, class_reports, learners
from bot.store import check_items, people
from bot.store import study as stored
from bot.store.packs import pack_words
from tests.clock import START
from tests.harness import TEACHER_ID, enrol_student

TZ = ZoneInfo("America/New_York")
MONDAY = START  # 11:00 at school
TUESDAY, WEDNESDAY = MONDAY + timedelta(days=1), MONDAY + timedelta(days=2)
# Five options a student who does not know "prey" cannot rule out: one in five by chance
OPTIONS = ("prey", "food chain", "food web", "nutrient", "extinct")


def read_cards(db: Database, lang: str, level: int, now: datetime) -> dict[str, int]:
    """The student reads every card of the class pack at `now`: word ids by term."""
    enrol_student(db, now, lang=lang, level=level)
    every = pack_words(db, "science.ecosystems")
    learners.introduce(db, learners.learner(db, 1001), every, now)
    learners.cards_shown(db, 1001, [w.id for w in every], now)
    return {w.word.term: w.id for w in every}


def tap(db: Database, word_id: int, answer: str, now: datetime, right: bool = True) -> None:
    [item_id] = check_items.save_items(
        db, 1001, "ht", [Item(word_id, ItemType.REVERSE, "?", OPTIONS, answer)], now)
    index = OPTIONS.index(answer) if right else (OPTIONS.index(answer) + 1) % len(OPTIONS)
    answers.answer_choice(db, 1001, item_id, index, now, TZ)


def typed(db: Database, word_id: int, text: str, now: datetime) -> None:
    check_items.save_items(db, 1001, "es", [Item(word_id, ItemType.TYPED, "?", (), "prey")], now)
    answers.answer_typed(db, 1001, text, now, TZ)


def mastery(db: Database, word_id: int) -> WordMastery:
    state = stored.get_mastery(db, 1001, word_id)
    assert state is not None
    return state


def counted(db: Database, word_id: int) -> tuple[int, int]:
    """The teacher's (correct, answers) on the word, as /student and the CSV count them."""
    _, matrix = class_reports.class_report(db, TEACHER_ID, None)
    cell = matrix.cells[(1001, word_id)]
    return cell.correct, cell.attempts


def test_a_right_tap_minutes_after_the_card_counts_from_the_next_school_day(
        db: Database, school_class: people.ClassInfo) -> None:
    prey = read_cards(db, "ht", 2, MONDAY)["prey"]
    tap(db, prey, "prey", MONDAY + timedelta(minutes=1))
    monday = mastery(db, prey)
    assert (monday.success_days, monday.first_correct_at, monday.luck) == (frozenset(), None, 1)
    assert counted(db, prey) == (0, 0)  # no teacher's "correct 1 of 1"
    tap(db, prey, "prey", TUESDAY)  # right the next school day: a day right, the clock starts
    tuesday = mastery(db, prey)
    assert tuesday.state is MasteryState.LEARNING  # not "reviewing" on two answers a day apart
    assert tuesday.first_correct_at == TUESDAY and tuesday.luck < 1
    assert counted(db, prey) == (1, 1)
    tap(db, prey, "prey", WEDNESDAY)
    assert mastery(db, prey).state is MasteryState.REVIEWING and counted(db, prey) == (2, 2)


def test_a_miss_minutes_after_the_card_is_a_miss_for_her_but_not_a_teachers_count(
        db: Database, school_class: people.ClassInfo) -> None:
    """Teacher playtest: counting the card day's misses and not its right answers made day 1's
    report say "ecosystem: correct 0 of 2" when two of four had it right."""
    prey = read_cards(db, "ht", 2, MONDAY)["prey"]
    tap(db, prey, "prey", MONDAY + timedelta(minutes=1), right=False)
    assert (mastery(db, prey).misses, mastery(db, prey).misses_in_row) == (1, 1)
    assert counted(db, prey) == (0, 0)
    tap(db, prey, "prey", TUESDAY, right=False)
    assert counted(db, prey) == (0, 1) and mastery(db, prey).misses_in_row == 2


def test_the_card_day_is_the_schools_day(db: Database,
                                         school_class: people.ClassInfo) -> None:
    # Read at 19:30 at school on Monday (23:30 UTC): at 20:30 it is still Monday at school,
    # though Tuesday in UTC; at 08:30 on Tuesday the answer counts
    evening = MONDAY.replace(hour=23, minute=30)
    prey = read_cards(db, "ht", 2, evening)["prey"]
    tap(db, prey, "prey", evening + timedelta(hours=1))  # 00:30 UTC, 20:30 at school
    assert counted(db, prey) == (0, 0)
    tap(db, prey, "prey", evening + timedelta(hours=13))  # Tuesday 08:30 at school
    assert counted(db, prey) == (1, 1)


def test_a_typed_answer_minutes_after_the_card_is_practice_too(
        db: Database, school_class: people.ClassInfo) -> None:
    prey = read_cards(db, "es", 4, MONDAY)["prey"]
    typed(db, prey, "prey", MONDAY + timedelta(minutes=1))
    monday = mastery(db, prey)
    assert monday.answered and monday.success_days == frozenset() and counted(db, prey) == (0, 0)
    typed(db, prey, "prey", TUESDAY)
    assert mastery(db, prey).first_correct_at == TUESDAY and counted(db, prey) == (1, 1)


def test_a_typed_miss_minutes_after_the_card_is_a_miss(
        db: Database, school_class: people.ClassInfo) -> None:
    prey = read_cards(db, "es", 4, MONDAY)["prey"]
    typed(db, prey, "zebra", MONDAY + timedelta(minutes=1))
    assert mastery(db, prey).misses == 1 and counted(db, prey) == (0, 0)


def test_an_option_from_a_pushed_pack_is_known_so_a_lone_noun_is_practice(
        db: Database, school_class: people.ClassInfo) -> None:
    """Teacher playtest: in a class made with /newclass (its pack the academic verbs) and then
    pushed the ecosystem words, [organism, analyze] counted as two options: "organism" was
    looked up among the class's verbs only, so it was an unknown, live option. Known, it is the
    only noun beside the verb asked, and the answer stands out: practice."""
    verbs = pack_words(db, "general.academic-verbs")
    analyze = next(w.id for w in verbs if w.word.term == "analyze")
    db.execute("UPDATE classes SET pack_id = ?", ["general.academic-verbs"])
    enrol_student(db, MONDAY, lang="ht", level=1)
    learners.introduce(db, learners.learner(db, 1001), verbs, MONDAY)
    learners.cards_shown(db, 1001, [w.id for w in verbs], MONDAY)
    [item_id] = check_items.save_items(db, 1001, "ht", [Item(analyze, ItemType.CHOICE, "?",
                                                             ("organism", "analyze"), "analyze")],
                                  TUESDAY)
    answers.answer_choice(db, 1001, item_id, 1, TUESDAY, TZ)
    state = mastery(db, analyze)
    assert state.success_days == frozenset() and state.luck == 1
    assert counted(db, analyze) == (0, 0)
