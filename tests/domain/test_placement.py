"""Self-placement errs low: bands of rising difficulty; a second miss in a band, a miss in band
2 or "I don't know" stops it, and one slip elsewhere is made up for by the band's reserve but
caps the level at that band's. Bands 3-4 rest on no cognate."""

from __future__ import annotations

import random
import unicodedata

import pytest

from bot.domain.placement import (
    DONT_KNOW,
    FORGIVEN,
    MAIN_ITEMS,
    PLACEMENT,
    RIGHT,
    TEEN_PLACEMENT,
    WRONG,
    PlacementItem,
    counter,
    items_for,
    level_from_answers,
    next_question,
    score,
    spoken,
    student_level,
)
from bot.services.packs import load_packs


def run(knows_up_to_band: int, rng: random.Random, unsure: str = "guess",
        cognates_of: str = "") -> tuple[int, int]:
    """A simulated student: right on every band they know (and every question their home
    language gives away), then guessing (or "I don't know") on the rest. Returns (level,
    questions asked)."""
    answers: list[int] = []
    while (number := next_question(answers)) is not None:
        item = PLACEMENT[number]
        if item.band <= knows_up_to_band or cognates_of in item.cognate_in:
            option = item.correct
        elif unsure == "guess":
            option = rng.randrange(len(item.options))
        else:
            option = len(item.options)  # the "I don't know" button
        answers.append(score(number, option))
    return level_from_answers(answers), len(answers)


def wrong(question: int) -> int:
    """A wrong option of a question."""
    return score(question, (PLACEMENT[question].correct + 1) % len(PLACEMENT[question].options))


def right(question: int) -> int:
    return score(question, PLACEMENT[question].correct)


def reserve_of(band: int) -> int:
    return next(i for i, item in enumerate(PLACEMENT) if item.reserve and item.band == band)


def test_a_newcomer_who_misses_two_picture_words_stops_at_level_one_at_once() -> None:
    for answers in ([wrong(0), wrong(1)], [right(0), wrong(1), wrong(2)]):
        assert next_question(answers) is None  # a second miss in band 1: errs low, short
        assert level_from_answers(answers) == 1


def test_one_slip_after_a_right_answer_does_not_end_the_placement_low() -> None:
    """Playtest: right on 📚, a slip on "I ___ to school", and level 1 after two answers."""
    answers = [right(0), wrong(1)]
    assert next_question(answers) == 2  # the band goes on, then its reserve
    answers.append(right(2))
    assert next_question(answers) == reserve_of(1)
    assert PLACEMENT[reserve_of(1)].spoken  # heard as every band-1 question is
    answers.append(right(reserve_of(1)))
    assert level_from_answers(answers) == 2 and next_question(answers) == 3  # band 2 decides
    assert level_from_answers([right(0), wrong(1), right(2), wrong(reserve_of(1))]) == 1


def test_a_slip_is_forgiven_in_band_one_and_the_bands_of_a_reader_of_english_not_two() -> None:
    assert {item.band for item in PLACEMENT if item.reserve} == {1, 3, 4}
    assert next_question([right(0), right(1), right(2), wrong(3)]) is None
    assert level_from_answers([right(0), right(1), right(2), wrong(3)]) == 2


def test_one_slip_does_not_drop_a_bridging_student_two_levels() -> None:
    # Minjun (WIDA 5) taps a wrong connector at question 7, then knows everything else
    answers = [right(i) for i in range(6)] + [wrong(6)]
    assert next_question(answers) == reserve_of(3)  # the band's reserve makes up for it
    answers.append(right(reserve_of(3)))
    assert next_question(answers) is None
    assert level_from_answers(answers) == 4  # one level, not two


def test_a_miss_caps_the_level_at_that_bands_even_when_its_reserve_is_right() -> None:
    # Davi (Portuguese, WIDA 3) missed a band-3 question, made it up, and was placed at 5 on
    # band 4 (cognates then): nothing above a band she missed in counts now
    answers = [*(right(i) for i in range(5)), wrong(5), right(6), right(reserve_of(3))]
    assert next_question(answers) is None and level_from_answers(answers) == 4
    clean = [*(right(i) for i in range(7)), wrong(7), right(8), right(reserve_of(4))]
    assert next_question(clean) is None and level_from_answers(clean) == 5
    # band 1's slip does not cap: band 2 after it forgives nothing, and reads English
    newcomer = [right(0), wrong(1), right(2), right(reserve_of(1)), right(3), right(4)]
    assert level_from_answers(newcomer) == 3 and next_question(newcomer) == 5


def test_a_slip_and_then_i_dont_know_in_the_same_band_stops() -> None:
    answers = [*(right(i) for i in range(6)), wrong(6),
               score(reserve_of(3), len(PLACEMENT[reserve_of(3)].options))]
    assert next_question(answers) is None
    assert level_from_answers(answers) == 3


def test_a_missed_reserve_is_the_second_miss() -> None:
    answers = [*(right(i) for i in range(6)), wrong(6), wrong(reserve_of(3))]
    assert next_question(answers) is None and level_from_answers(answers) == 3


def test_the_counter_never_raises_the_most_it_promised_and_never_skips() -> None:
    """Playtest: "Question 7 (up to 9)", then "Question 8 (up to 10)", then "(up to 11)"."""
    assert counter([]) == (1, MAIN_ITEMS + 2)  # slips in bands 1 and 3 (one in 3 ends it)
    assert counter([RIGHT] * (MAIN_ITEMS - 1)) == (MAIN_ITEMS, MAIN_ITEMS + 1)  # a reserve

    def every_path(answers: list[int]) -> list[list[int]]:
        if next_question(answers) is None:
            return [answers]
        return [p for a in (RIGHT, WRONG) for p in every_path([*answers, a])]

    for path in every_path([]):
        shown = [counter(path[:asked]) for asked in range(len(path))]
        assert [number for number, _ in shown] == list(range(1, len(path) + 1))
        totals = [most for _, most in shown]
        assert totals == sorted(totals, reverse=True), path  # never raised
        assert totals[-1] >= len(path), path  # never run past


# Every item audited by hand for a second defensible answer: the one answer that fits each.
# "Plants need sunlight; ___, they die in the dark." keyed "otherwise", but "therefore" read
# as sensible to many (playtest): a Bridging student was placed at level 3.
AUDITED = {
    "📚 = ?": "book",
    "I ___ to school every day.": "go",
    "Which one is a question?": "Where is the library?",
    "To compare two things means to ...": "find how they are alike and different",
    "A fact is ...": "something that is true",
    "The ___ of the race surprised everyone: the slowest runner won.": "outcome",
    "Water the plants every day; ___, they will die.": "otherwise",
    "Which word can replace \"mostly\" in \"The soil was mostly sand\"?": "mainly",
    "Although the results surprised them, the team ___ them carefully.": "went over",
    "The ice melted ___ the room was warm.": "because",
    "Which word means \"to become smaller or less\"?": "shrink",
    "🍎 = ?": "apple",
}


def test_every_placement_item_was_audited_for_one_defensible_answer() -> None:
    assert {item.question: item.options[item.correct] for item in PLACEMENT} == AUDITED


def test_every_band_that_forgives_a_slip_has_one_reserve() -> None:
    assert sorted(item.band for item in PLACEMENT if item.reserve) == sorted(FORGIVEN)


def test_i_dont_know_on_the_first_question_ends_at_level_one() -> None:
    answers = [score(0, len(PLACEMENT[0].options))]
    assert answers == [DONT_KNOW] and next_question(answers) is None
    assert level_from_answers(answers) == 1


def test_knowing_everything_proposes_level_five_never_six() -> None:
    assert run(99, random.Random(1)) == (5, MAIN_ITEMS)  # no reserve asked


@pytest.mark.parametrize("band", [0, 1, 2, 3])
def test_a_student_who_says_i_dont_know_is_placed_exactly_at_their_band(band: int) -> None:
    level, asked = run(band, random.Random(1), unsure="dont-know")
    assert level == band + 1
    assert asked == sum(1 for i in PLACEMENT if i.band <= band and not i.reserve) + 1


def test_guessing_rarely_moves_anyone_up() -> None:
    rng = random.Random(7)
    trials = 4000
    guessed_up = sum(run(0, rng)[0] > 1 for _ in range(trials)) / trials
    # 1 in 64 to guess through the first band, and 9 in 256 more through a slip and its
    # reserve (level 2 still leads every card with the home language)
    assert guessed_up < 0.07
    assert sum(run(0, rng)[0] > 2 for _ in range(trials)) / trials < 0.01
    level_three = [run(2, rng)[0] for _ in range(trials)]
    # 1 in 16, and 6 in 64 more through a slip and its reserve: the price of forgiving a slip
    assert sum(level > 3 for level in level_three) / trials < 0.2


def slipping(knows_up_to_band: int, rng: random.Random, slip: float = 0.1) -> tuple[int, int]:
    """A real child: right on what she knows but one tap in ten (a slip), guessing above it.
    Returns (level, questions asked)."""
    answers: list[int] = []
    while (number := next_question(answers)) is not None:
        item = PLACEMENT[number]
        known = item.band <= knows_up_to_band and rng.random() >= slip
        option = item.correct if known else rng.randrange(len(item.options))
        answers.append(score(number, option))
    return level_from_answers(answers), len(answers)


def test_a_child_who_knows_everyday_words_is_rarely_placed_low_by_one_slip() -> None:
    rng, trials = random.Random(3), 4000
    placed = [slipping(1, rng)[0] for _ in range(trials)]
    assert sum(level < 2 for level in placed) / trials < 0.08  # 21 % when a slip ended it
    # and a true beginner, guessing every tap, is still done in about three questions
    asked = [slipping(0, rng)[1] for _ in range(trials)]
    assert sum(asked) / trials < 3 and max(asked) <= 4 + MAIN_ITEMS


def test_the_old_four_item_rule_is_gone_one_right_is_not_level_two() -> None:
    assert level_from_answers([RIGHT, WRONG]) == 1
    assert level_from_answers([RIGHT, RIGHT, RIGHT, WRONG]) == 2


def test_every_item_has_four_options_and_a_right_one() -> None:
    for item in PLACEMENT:
        assert len(item.options) == 4 and 0 <= item.correct < 4
        assert len(set(item.options)) == 4
    mains = [i.band for i in PLACEMENT if not i.reserve]
    assert mains == sorted(mains)
    assert PLACEMENT[:MAIN_ITEMS] == tuple(i for i in PLACEMENT if not i.reserve)


def test_a_students_one_level_prefers_the_teachers_and_errs_low_between_two() -> None:
    assert student_level([]) is None
    assert student_level([(None, False)]) is None  # no class has a level yet
    assert student_level([(4, False), (2, True)]) == 2   # the teacher's beats a self-placement
    assert student_level([(1, False), (3, True)]) == 3
    assert student_level([(5, True), (3, True), (None, False)]) == 3  # two teachers: the lower
    assert student_level([(2, False), (1, False)]) == 1


def test_the_gap_question_is_heard_as_a_sentence_before_its_answers() -> None:
    # "I ___ to school every day.": the 🔊 says the sentence with a pause for its gap first,
    # then each answer in the buttons' order (a level-1 student heard answers without it)
    heard = spoken(1)
    assert heard[0] == "I … to school every day."
    assert len(heard) == len(PLACEMENT[1].options) + 1
    for said, option in zip(heard[1:], PLACEMENT[1].options, strict=True):
        assert said == f"I {option} to school every day."


# A teenager's picture words, audited as AUDITED is; the other items are the child's own.
AUDITED_TEEN = {**AUDITED, "📱 = ?": "phone", "🔑 = ?": "key"}
del AUDITED_TEEN["📚 = ?"], AUDITED_TEEN["🍎 = ?"]


def test_every_teen_item_was_audited_for_one_defensible_answer() -> None:
    assert {item.question: item.options[item.correct] for item in TEEN_PLACEMENT} == AUDITED_TEEN


def test_a_teenager_is_shown_a_phone_and_a_key_not_books_and_an_apple() -> None:
    # Playtest (grade 10, Haitian Creole): "📚 = ?" and "🍎 = ?" felt childish
    assert [item.question for item in TEEN_PLACEMENT if item.band == 1] == [
        "📱 = ?", "I ___ to school every day.", "Which one is a question?", "🔑 = ?"]
    assert TEEN_PLACEMENT[0].options == ("bread", "phone", "drink", "brown")


def test_the_teen_questions_keep_every_rule_and_every_buttons_place() -> None:
    # Same bands, reserves and count, so the same answers place the same; and the right
    # answer on the same button, so a tap on an old screen scores the same in either set
    for child, teen in zip(PLACEMENT, TEEN_PLACEMENT, strict=True):
        assert (teen.band, teen.reserve, teen.correct, len(teen.options)) == \
            (child.band, child.reserve, child.correct, len(child.options))
        assert len(set(teen.options)) == len(teen.options)
        for option in range(len(child.options) + 1):
            assert score(PLACEMENT.index(child), option, TEEN_PLACEMENT) == \
                score(PLACEMENT.index(child), option)


def picture_items() -> list[tuple[str, str, tuple[str, ...]]]:
    return [(item.question.removesuffix(" = ?"), item.options[item.correct], item.options)
            for item in (*PLACEMENT, *TEEN_PLACEMENT) if item.question.endswith(" = ?")]


@pytest.mark.parametrize(("picture", "answer", "options"), picture_items())
def test_each_picture_names_its_answer_and_no_other_option(
        picture: str, answer: str, options: tuple[str, ...]) -> None:
    # docs/packs.md: a picture that names the word, never an example of it; its Unicode name
    # (MOBILE PHONE, KEY, BOOKS, RED APPLE) says the answer and no other option
    named = unicodedata.name(picture).lower().split()
    assert [option for option in options if option in named or f"{option}s" in named] == \
        [answer]


def test_no_teen_picture_answer_stands_out_by_its_length() -> None:
    # a test-wise guesser taps the longest (or the odd one out): the child's answers share
    # their length with two other options, the teenager's with all three (bench/placement.py)
    for item in TEEN_PLACEMENT:
        if item.question.endswith(" = ?"):
            assert len({len(option) for option in item.options}) == 1, item.options


def test_the_teen_pictures_are_heard_as_the_childs_are() -> None:
    for item in TEEN_PLACEMENT:
        if item.question.endswith(" = ?"):
            assert item.spoken == tuple(f"{option}." for option in item.options)
    assert spoken(0, TEEN_PLACEMENT) == ("bread.", "phone.", "drink.", "brown.")
    assert spoken(0) == ("tree.", "book.", "run.", "blue.")


@pytest.mark.parametrize(("lowest_grades", "teen"), [
    ([], False),        # in no class: the questions of old
    ([3], False),       # a grades 3-8 pack says nothing of her age
    ([5], False),
    ([6], True),        # a pack for grades 6 and up: a secondary class
    ([7], True),
    ([3, 7], True),     # both kinds: the secondary class says her age, the other does not
])
def test_a_secondary_class_gets_the_teenagers_questions(lowest_grades: list[int],
                                                        teen: bool) -> None:
    assert items_for(lowest_grades) == (TEEN_PLACEMENT if teen else PLACEMENT)


def cognates_in_packs() -> dict[str, set[str]]:
    """Every shipped pack word a curated gloss flags as a cognate: its languages."""
    found: dict[str, set[str]] = {}
    for pack in load_packs().packs:
        for word in pack.words:
            langs = {lang for lang, gloss in word.glosses.items() if gloss.cognate}
            if langs:
                found.setdefault(word.term, set()).update(langs)
    return found


def test_the_one_word_bands_ask_no_word_a_home_language_gives_away() -> None:
    # Davi (Portuguese, WIDA 3) read "obtain", "analyzed" and "reduce" as obter, analisar and
    # reduzir and was placed at level 5: levels 4-5 rest on English only a reader knows
    flagged = cognates_in_packs()
    for item in PLACEMENT:
        if item.band < 3:
            continue
        assert item.cognate_in == frozenset(), item.question
        for word in (w for option in item.options for w in option.split()):
            cognate = [term for term in flagged
                       if " " not in term and word.startswith(term.removesuffix("e"))]
            assert not cognate, (item.question, word, cognate)


def test_a_reader_of_cognates_alone_is_rarely_placed_at_level_five() -> None:
    # knows bands 1-2 and every question his language gives away, guesses the rest: 44.5 %
    # of Portuguese readers were placed at 5 (bench/placement.py), about 1 % now
    rng, trials = random.Random(5), 4000
    for lang in ("pt", "tl", "es", "fr", "ht", "ru"):
        placed = [run(2, rng, cognates_of=lang)[0] for _ in range(trials)]
        assert sum(level >= 5 for level in placed) / trials < 0.02, lang


def longest_wins(item: PlacementItem) -> float:
    """How often a guesser who taps the longest option (any of the longest) is right."""
    longest = max(len(option) for option in item.options)
    ties = [i for i, option in enumerate(item.options) if len(option) == longest]
    return 1 / len(ties) if item.correct in ties else 0.0


@pytest.mark.parametrize("items", [PLACEMENT, TEEN_PLACEMENT], ids=["child", "teen"])
@pytest.mark.parametrize("band", [1, 2, 3, 4])
def test_no_bands_right_answers_are_given_away_by_their_length(
        items: tuple[PlacementItem, ...], band: int) -> None:
    # band 2's right answers were its longest ("find how they are alike and different"): a
    # student who knew band 1 and tapped the longest reached level 3 or 4 every time
    asked = [item for item in items if item.band == band]
    chance = sum(1 / len(item.options) for item in asked) / len(asked)
    assert sum(longest_wins(item) for item in asked) / len(asked) <= chance + 0.1
